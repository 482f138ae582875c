#include "review/record_view.h"

#include <algorithm>
#include <cstdlib>

namespace gongkai::review {

const char* state_class(CellState s) {
  switch (s) {
    case CellState::Flagged: return "st-flagged";
    case CellState::Repaired: return "st-repaired";
    case CellState::Unread: return "st-unread";
    case CellState::Read: return "st-read";
  }
  return "st-read";
}

const char* state_label(CellState s) {
  switch (s) {
    case CellState::Flagged: return "有疑问";
    case CellState::Repaired: return "已推算";
    case CellState::Unread: return "未读出";
    case CellState::Read: return "已读取";
  }
  return "";
}

std::string cell_id(const Json& c) {
  return c.value("table", "") + "." + c.value("row", "") + "." + c.value("col", "");
}

double unit_dpi(const std::string& unit) {
  if (unit.rfind("px@", 0) != 0) return 0;
  double dpi = std::atof(unit.c_str() + 3);
  return dpi > 0 ? dpi : 0;
}

std::optional<PointBox> box_in_points(const Json& cell) {
  auto it = cell.find("bbox");
  if (it == cell.end() || !it->is_array() || it->size() != 4) return std::nullopt;
  std::string unit = cell.value("bbox_unit", "pt");
  double scale = 1;
  if (unit != "pt") {
    double dpi = unit_dpi(unit);
    if (dpi <= 0) return std::nullopt;
    scale = 72.0 / dpi;
  }
  PointBox b;
  b.page = cell.value("page", 0);
  if (b.page <= 0) return std::nullopt;
  b.x0 = (*it)[0].get<double>() * scale, b.y0 = (*it)[1].get<double>() * scale;
  b.x1 = (*it)[2].get<double>() * scale, b.y1 = (*it)[3].get<double>() * scale;
  if (b.x1 <= b.x0 || b.y1 <= b.y0) return std::nullopt;
  return b;
}

bool finding_warns(const Json& f) {
  std::string s = f.value("severity", "");
  return s == "error" || s == "warning";
}

std::vector<int> findings_in_order(const Json& record) {
  std::vector<int> order;
  const Json& fs = record["findings"];
  for (int i = 0; i < static_cast<int>(fs.size()); ++i) order.push_back(i);
  auto rank = [&](int i) {
    std::string s = fs[i].value("severity", "");
    return s == "error" ? 0 : s == "warning" ? 1 : 2;
  };
  std::stable_sort(order.begin(), order.end(), [&](int a, int b) { return rank(a) < rank(b); });
  return order;
}

std::map<std::string, CellView> cell_views(const Json& record) {
  std::map<std::string, CellView> views;
  for (const Json& c : record["cells"]) {
    CellView& v = views[cell_id(c)];
    v.cell = &c;
    bool has_value = c.contains("value") && !c["value"].is_null();
    v.state = c.value("repaired", false)                         ? CellState::Repaired
              : has_value || c.value("printed_blank", false) ? CellState::Read
                                                                 : CellState::Unread;
  }
  const Json& fs = record["findings"];
  for (int i = 0; i < static_cast<int>(fs.size()); ++i) {
    bool repair = fs[i].value("kind", "") == "repair";
    for (const Json& ref : fs[i]["cells"]) {
      CellView& v = views[cell_id(ref)];
      v.findings.push_back(i);
      // A repair warning about a cell shown as repaired says how it was
      // filled; about any other cell (an OCR reading changed, a row's
      // digits split) it asks a person to look.
      bool shown_repaired = v.cell && v.cell->value("repaired", false);
      if (finding_warns(fs[i]) && !(repair && shown_repaired)) v.state = CellState::Flagged;
    }
  }
  return views;
}

namespace {

std::optional<TableId> table_of(const std::string& key) {
  for (TableId t : {TableId::Active, TableId::Requests, TableId::ReviewLitigation})
    if (table_key(t) == key) return t;
  return std::nullopt;
}

bool prints(const Json& record, const char* table) {
  if (!record.contains("tables")) return false;
  auto& t = record["tables"];
  return t.contains(table) && t[table].is_object() && !t[table].empty();
}

}  // namespace

Report report_from_record(const Json& record, bool as_reviewed) {
  Report r;
  const Json& src = record.contains("source") ? record["source"] : Json::object();
  const Json& meta = record.contains("meta") ? record["meta"] : Json::object();
  r.source.file = src.value("file", ""), r.source.sha256 = src.value("sha256", "");
  r.source.kind = src.value("kind", ""), r.source.pages = src.value("pages", 0);
  if (meta.contains("agency") && meta["agency"].is_string()) r.meta.agency = meta["agency"];
  if (meta.contains("year") && meta["year"].is_number_integer()) r.meta.year = meta["year"].get<int>();
  if (meta.contains("template") && meta["template"].is_string()) r.meta.template_format = meta["template"];
  std::string format = r.meta.template_format.empty() ? "2021" : r.meta.template_format;
  bool single_other = prints(record, "requests") && record["tables"]["requests"].contains("other");
  r.active = {&active_table(format), prints(record, "active")};
  r.requests = {&requests_table(single_other ? "2019" : "2021"), prints(record, "requests")};
  r.review = {&review_table(), prints(record, "review_litigation")};
  if (!record.contains("cells")) return r;
  for (const Json& c : record["cells"]) {
    auto t = table_of(c.value("table", ""));
    if (!t) continue;
    Cell cell;
    cell.key = {*t, c.value("row", ""), c.value("col", "")};
    bool reviewed = as_reviewed && c.contains("reviewed");
    const Json& v = reviewed ? c["reviewed"] : c["value"];
    if (v.is_number()) cell.value = v.get<double>();
    cell.raw = c.value("raw", "");
    cell.printed_blank = c.value("printed_blank", false);
    cell.repaired = !reviewed && c.value("repaired", false);
    cell.where.confidence = reviewed ? 1.0 : c.value("confidence", 1.0);
    if (!reviewed && c.contains("repaired_from") && c["repaired_from"].is_string())
      cell.repaired_from = c["repaired_from"].get<std::string>();
    r.cells[cell.key] = cell;
  }
  return r;
}

}  // namespace gongkai::review
