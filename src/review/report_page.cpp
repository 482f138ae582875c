#include "review/report_page.h"

#include "review/html.h"
#include "review/tables_html.h"

namespace gongkai::review {

namespace {

const char* kind_label(const std::string& kind) {
  if (kind == "source") return "报告本身不平";
  if (kind == "extraction") return "读取存疑";
  if (kind == "repair") return "推算补正";
  if (kind == "narrative") return "正文与表格不符";
  if (kind == "cross_year") return "跨年不符";
  return "其他";
}

const char* severity_label(const std::string& s) {
  return s == "error" ? "错误" : s == "warning" ? "警告" : "提示";
}

std::string findings_html(const Json& record) {
  const Json& fs = record["findings"];
  std::string out = "<section class=\"findings\" aria-labelledby=\"findings-h\"><h2 id=\"findings-h\">发现（" +
                    std::to_string(fs.size()) + "）</h2>";
  if (fs.empty()) return out + "<p class=\"none\">没有发现问题。</p></section>";
  out += "<ol class=\"finding-list\">";
  for (int i : findings_in_order(record)) {
    const Json& f = fs[i];
    std::string cells;
    for (const Json& ref : f["cells"]) cells += (cells.empty() ? "" : " ") + cell_id(ref);
    std::string sev = f.value("severity", "info"), kind = f.value("kind", "");
    out += "<li class=\"finding sev-" + esc(sev) + " kind-" + esc(kind) + "\" tabindex=\"0\" data-cells=\"" +
           esc(cells) + "\" data-rule=\"" + esc(f.value("rule", "")) + "\"><span class=\"tag\">" +
           severity_label(sev) + " · " + kind_label(kind) + "</span> " + esc(f.value("message", "")) +
           " <code>" + esc(f.value("rule", "")) + "</code></li>";
  }
  return out + "</ol></section>";
}

std::string legend_html() {
  std::string out = "<ul class=\"legend\" aria-label=\"图例\">";
  for (CellState s : {CellState::Read, CellState::Repaired, CellState::Flagged, CellState::Unread})
    out += "<li><span class=\"swatch " + std::string(state_class(s)) + "\"></span>" + state_label(s) + "</li>";
  return out + "</ul>";
}

std::string pages_html(const ReportPageInput& in, const std::map<std::string, CellView>& views) {
  if (in.pages.empty())
    return "<section class=\"pane source\" aria-label=\"报告原文\"><h2 class=\"vh\">报告原文</h2><pre class=\"text\">" +
           in.source_html + "</pre></section>";
  std::string out = "<section class=\"pane pages\" aria-label=\"报告页面\"><h2 class=\"vh\">报告页面</h2>";
  for (const PageImage& p : in.pages) out += page_boxes_html(p, views);
  return out + "</section>";
}

// What the script needs to show and export a cell: its value, raw text and label.
std::string cells_json(const Json& record, const std::map<std::string, CellView>& views) {
  Json cells = Json::object();
  for (const Json& c : record["cells"]) {
    std::string id = cell_id(c);
    Json e = {{"value", c.contains("value") ? c["value"] : Json(nullptr)},
              {"raw", c.value("raw", "")},
              {"page", c.value("page", 0)}};
    auto it = views.find(id);
    if (it != views.end()) e["state"] = state_label(it->second.state);
    cells[id] = e;
  }
  Json data = {{"file", record["source"].value("file", "")},
               {"sha256", record["source"].value("sha256", "")},
               {"agency", record["meta"]["agency"]},
               {"year", record["meta"]["year"]},
               {"cells", cells}};
  return script_json(data.dump());
}

}  // namespace

std::string page_boxes_html(const PageImage& p, const std::map<std::string, CellView>& views) {
  std::string out = "<figure class=\"page\" id=\"page-" + std::to_string(p.number) + "\" data-page=\"" +
                    std::to_string(p.number) + "\" style=\"aspect-ratio:" + std::to_string(p.px_width) + "/" +
                    std::to_string(p.px_height) + "\"><img src=\"" + esc(p.file) + "\" width=\"" +
                    std::to_string(p.px_width) + "\" height=\"" + std::to_string(p.px_height) +
                    "\" loading=\"lazy\" decoding=\"async\" alt=\"第" + std::to_string(p.number) + "页\">";
  for (auto& [id, v] : views) {
    if (!v.cell) continue;
    auto b = box_in_points(*v.cell);
    if (!b || b->page != p.number || p.width_pt <= 0 || p.height_pt <= 0) continue;
    out += "<span class=\"box " + std::string(state_class(v.state)) + "\" data-cell=\"" + esc(id) + "\" style=\"left:" +
           pct(100 * b->x0 / p.width_pt) + ";top:" + pct(100 * b->y0 / p.height_pt) +
           ";width:" + pct(100 * (b->x1 - b->x0) / p.width_pt) + ";height:" + pct(100 * (b->y1 - b->y0) / p.height_pt) +
           "\" title=\"" + esc(id + " · " + state_label(v.state)) + "\"></span>";
  }
  return out + "<figcaption>第" + std::to_string(p.number) + "页</figcaption></figure>";
}

std::string report_page_html(const ReportPageInput& in, const std::map<std::string, CellView>& views) {
  const Json& rec = *in.record;
  const Report& r = *in.report;
  std::string agency = r.meta.agency.empty() ? "（机关未识别）" : r.meta.agency;
  std::string year = r.meta.year ? std::to_string(*r.meta.year) + "年" : "（年份未识别）";
  int read = 0;
  for (auto& [k, c] : r.cells) read += c.value ? 1 : 0;
  std::string out =
      "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<title>审阅 · " + esc(agency + " " + year) + "</title><link rel=\"stylesheet\" href=\"assets/review.css\"></head>"
      "<body class=\"report\" data-sha256=\"" + esc(r.source.sha256) + "\">"
      "<a class=\"skip\" href=\"#side\">跳到表格与发现</a>"
      "<header class=\"top\"><nav><a href=\"index.html\">← 全部报告</a></nav><h1>" + esc(agency) + " " + esc(year) +
      " 政府信息公开工作年度报告</h1><p class=\"meta\">文件 <code>" + esc(in.input_path) + "</code> · 读取方式 " +
      esc(r.source.kind) + " · 格式 " + esc(r.meta.template_format.empty() ? "?" : r.meta.template_format) + " · " +
      std::to_string(r.source.pages) + " 页 · 已读单元格 " + std::to_string(read) + "/" +
      std::to_string(r.cells.size()) + "</p>" + legend_html() + "</header><main class=\"review\">" +
      pages_html(in, views) +
      "<aside class=\"pane side\" id=\"side\" tabindex=\"-1\">" + findings_html(rec) +
      "<section class=\"tables\" aria-label=\"表格\"><h2>表格</h2>" + tables_html(r, views) + "</section>"
      "<section class=\"editor\" aria-labelledby=\"editor-h\"><h2 id=\"editor-h\">更正</h2>"
      "<p class=\"sel-info\" aria-live=\"polite\">点选表格中的单元格或页面上的方框。</p>"
      "<div class=\"fields\"><label>审阅人 <input id=\"reviewer\" autocomplete=\"name\"></label>"
      "<label>更正值 <input id=\"corrected\" inputmode=\"decimal\" disabled></label>"
      "<div class=\"buttons\"><button id=\"confirm\" disabled>确认读数</button><button id=\"save\" disabled>保存更正</button>"
      "<button id=\"undo\" disabled>撤销</button><button id=\"export\">导出更正（JSON）</button></div></div>"
      "<p class=\"count\" id=\"count\"></p></section></aside></main>"
      "<script type=\"application/json\" id=\"record\">" + cells_json(rec, views) + "</script>"
      "<script src=\"assets/review.js\"></script></body></html>\n";
  return out;
}

}  // namespace gongkai::review
