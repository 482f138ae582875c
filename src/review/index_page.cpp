#include "review/index_page.h"

#include "review/html.h"

namespace gongkai::review {

const std::vector<std::string>& index_kinds() {
  static const std::vector<std::string> kinds = {"source", "extraction", "repair", "narrative", "cross_year"};
  return kinds;
}

namespace {

const char* kind_heading(const std::string& k) {
  if (k == "source") return "报告不平";
  if (k == "extraction") return "读取存疑";
  if (k == "repair") return "推算";
  if (k == "narrative") return "正文不符";
  return "跨年";
}

std::string row_html(const IndexRow& r) {
  std::string agency = r.agency.empty() ? "（未识别）" : r.agency;
  std::string out = "<tr data-agency=\"" + esc(agency + " " + r.file) + "\" data-format=\"" + esc(r.format) +
                    "\" data-flagged=\"" + std::to_string(r.flagged) + "\">";
  out += "<td class=\"thumb\">";
  if (!r.thumbnail.empty())
    out += "<img src=\"" + esc(r.thumbnail) + "\" loading=\"lazy\" decoding=\"async\" width=\"80\" alt=\"\">";
  out += "</td><td data-sort=\"" + esc(agency) + "\"><a href=\"" + esc(r.page) + "\">" + esc(agency) +
         "</a><br><code>" + esc(r.file) + "</code></td>";
  out += "<td data-sort=\"" + std::to_string(r.year) + "\">" + (r.year ? std::to_string(r.year) : "?") + "</td>";
  out += "<td>" + esc(r.format.empty() ? "?" : r.format) + "</td>";
  double share = r.cells_total ? static_cast<double>(r.cells_read) / r.cells_total : 0;
  out += "<td data-sort=\"" + std::to_string(share) + "\">" + std::to_string(r.cells_read) + "/" +
         std::to_string(r.cells_total) + "</td>";
  for (const std::string& k : index_kinds()) {
    auto it = r.findings_by_kind.find(k);
    int n = it == r.findings_by_kind.end() ? 0 : it->second;
    out += "<td class=\"n" + std::string(n ? " some" : "") + "\" data-sort=\"" + std::to_string(n) + "\">" +
           std::to_string(n) + "</td>";
  }
  return out + "</tr>";
}

}  // namespace

std::string index_page_html(const std::vector<IndexRow>& rows) {
  std::string out =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>审阅 · 全部报告（" + std::to_string(rows.size()) + "）</title>"
      "<link rel=\"stylesheet\" href=\"assets/review.css\"></head><body class=\"index\">"
      "<header class=\"top\"><h1>政府信息公开工作年度报告 · 审阅</h1>"
      "<p class=\"meta\">共 " + std::to_string(rows.size()) + " 份报告。点击表头排序；发现按类别计数（警告与错误，及全部推算）。</p>"
      "<form class=\"filters\" role=\"search\" onsubmit=\"return false\">"
      "<label>筛选机关或文件 <input id=\"q\" type=\"search\"></label>"
      "<label>格式 <select id=\"fmt\"><option value=\"\">全部</option><option>2021</option><option>2019</option></select></label>"
      "<label><input id=\"flagged-only\" type=\"checkbox\"> 只看有疑问的</label>"
      "<span id=\"shown\" aria-live=\"polite\"></span></form></header>"
      "<main><table class=\"index-table\"><thead><tr><th scope=\"col\">最需查看的页</th>";
  const char* heads[] = {"机关", "年度", "格式", "已读单元格"};
  for (const char* h : heads) out += std::string("<th scope=\"col\"><button class=\"sort\">") + h + "</button></th>";
  for (const std::string& k : index_kinds())
    out += std::string("<th scope=\"col\"><button class=\"sort\">") + kind_heading(k) + "</button></th>";
  out += "</tr></thead><tbody>";
  for (const IndexRow& r : rows) out += row_html(r);
  return out + "</tbody></table></main><script src=\"assets/review.js\"></script></body></html>\n";
}

}  // namespace gongkai::review
