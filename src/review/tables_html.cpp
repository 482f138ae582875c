#include "review/tables_html.h"

#include "review/html.h"

namespace gongkai::review {

namespace {

const char* table_title(TableId t) {
  switch (t) {
    case TableId::Active: return "二、主动公开政府信息情况";
    case TableId::Requests: return "三、收到和处理政府信息公开申请情况";
    case TableId::ReviewLitigation: return "四、政府信息公开行政复议、行政诉讼情况";
  }
  return "";
}

// "法人或其他组织·商业企业" → {"法人或其他组织", "商业企业"}; no dot: {"", label}.
std::pair<std::string, std::string> split_heading(const std::string& label) {
  const std::string dot = "·";
  size_t at = label.find(dot);
  if (at == std::string::npos) return {"", label};
  return {label.substr(0, at), label.substr(at + dot.size())};
}

// The heading rows of a run of rows sharing these columns: one row, or two
// when some heading has a group above it (the template's 法人或其他组织).
std::string heading_html(const std::vector<ColumnSpec>& cols) {
  bool two = false;
  for (auto& c : cols) two = two || !split_heading(c.label).first.empty();
  std::string top = std::string("<tr><th scope=\"col\"") + (two ? " rowspan=\"2\"" : "") + ">项目</th>";
  std::string below;
  for (size_t i = 0; i < cols.size();) {
    auto [group, name] = split_heading(cols[i].label);
    if (group.empty()) {
      top += std::string("<th scope=\"col\"") + (two ? " rowspan=\"2\"" : "") + ">" + esc(name) + "</th>";
      ++i;
      continue;
    }
    size_t j = i;
    while (j < cols.size() && split_heading(cols[j].label).first == group) {
      below += "<th scope=\"col\">" + esc(split_heading(cols[j].label).second) + "</th>";
      ++j;
    }
    top += "<th scope=\"colgroup\" colspan=\"" + std::to_string(j - i) + "\">" + esc(group) + "</th>";
    i = j;
  }
  return top + "</tr>" + (two ? "<tr>" + below + "</tr>" : "");
}

// `label` names the cell for the editor: 表三 · row · column.
std::string cell_html(const std::string& id, const std::string& label, const CellView* v) {
  std::string named = " data-label=\"" + esc(label) + "\"";
  if (!v)  // not in the record at all
    return "<td class=\"v st-unread\" data-cell=\"" + esc(id) + "\" tabindex=\"0\"" + named + " title=\"未读出\">？</td>";
  std::string title = state_label(v->state);
  if (v->cell && !v->cell->value("raw", "").empty()) title += " · 原文 " + v->cell->value("raw", "");
  return "<td class=\"v " + std::string(state_class(v->state)) + "\" data-cell=\"" + esc(id) + "\" tabindex=\"0\"" +
         named + " title=\"" + esc(title) + "\">" + esc(shown_value(*v)) + "</td>";
}

// The template's spanning labels above a run of rows (三、本年度办理结果,
// （三）不予公开) as a heading row each, where they begin.
std::string group_rows(const std::vector<std::string>& before, const std::vector<std::string>& path, size_t width) {
  std::string out;
  size_t same = 0;
  while (same < before.size() && same < path.size() && before[same] == path[same]) ++same;
  for (size_t i = same; i < path.size(); ++i)
    out += "<tr class=\"group\"><th scope=\"rowgroup\" colspan=\"" + std::to_string(width) + "\" class=\"lvl" +
           std::to_string(i) + "\">" + esc(path[i]) + "</th></tr>";
  return out;
}

}  // namespace

std::string shown_value(const CellView& v) {
  if (!v.cell) return "？";
  const Json& value = (*v.cell)["value"];
  if (!value.is_null()) return value.dump();
  return v.cell->value("printed_blank", false) ? "空" : "？";
}

std::string tables_html(const Report& report, const std::map<std::string, CellView>& views) {
  std::string out;
  for (TableId t : {TableId::Active, TableId::Requests, TableId::ReviewLitigation}) {
    const TableLayout& layout = report.layout(t);
    std::string key(table_key(t));
    out += "<section class=\"table\" id=\"table-" + key + "\"><h3>" + table_title(t) + "</h3>";
    if (!layout.found || !layout.spec) {
      out += "<p class=\"absent\">报告中未见此表。</p></section>";
      continue;
    }
    out += "<div class=\"scroll\"><table class=\"tpl\" data-table=\"" + key + "\">";
    const std::vector<ColumnSpec>* open = nullptr;
    static const std::vector<std::string> kNoPath;
    const std::vector<std::string>* last_path = &kNoPath;
    for (const RowSpec& row : layout.spec->rows) {
      bool same = open && open->size() == row.columns.size() &&
                  std::equal(open->begin(), open->end(), row.columns.begin(),
                             [](auto& a, auto& b) { return a.key == b.key; });
      if (!same) {
        out += std::string(open ? "</tbody>" : "") + "<thead>" + heading_html(row.columns) + "</thead><tbody>";
        open = &row.columns;
      }
      out += group_rows(*last_path, row.path, row.columns.size() + 1);
      last_path = &row.path;
      out += "<tr><th scope=\"row\"" + std::string(row.path.empty() ? "" : " class=\"sub\"") + ">" + esc(row.label) +
             "</th>";
      for (const ColumnSpec& col : row.columns) {
        std::string id = key + "." + row.key + "." + col.key;
        auto it = views.find(id);
        std::string label = "表" + std::string(table_title(t)).substr(0, 3) + " · " + row.label + " · " + col.label;
        out += cell_html(id, label, it == views.end() ? nullptr : &it->second);
      }
      out += "</tr>";
    }
    out += std::string(open ? "</tbody>" : "") + "</table></div></section>";
  }
  return out;
}

}  // namespace gongkai::review
