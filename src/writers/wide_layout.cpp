#include "writers/wide_layout.h"

#include <set>

#include "analysis/cross_year.h"
#include "writers/json_writer.h"

namespace gongkai {
namespace {

const char* table_number(TableId t) {
  return t == TableId::Active ? "二" : t == TableId::Requests ? "三" : "四";
}

// Every template's rows in printed order: table 二 of 2021 then of 2019,
// table 三 with （六） in three rows and then undivided, table 四.
std::vector<std::pair<const TableSpec*, const RowSpec*>> all_rows() {
  std::vector<std::pair<const TableSpec*, const RowSpec*>> out;
  for (const TableSpec* t : {&active_table("2021"), &active_table("2019")})
    for (auto& row : t->rows) out.push_back({t, &row});
  const TableSpec& split = requests_table("2021");
  const TableSpec& single = requests_table("2019");
  for (auto& row : split.rows) {
    if (row.key == "total") out.push_back({&single, single.find_row("other")});
    out.push_back({&split, &row});
  }
  for (auto& row : review_table().rows) out.push_back({&review_table(), &row});
  return out;
}

std::string group_of(const TableSpec& t, const RowSpec& row) {
  // Table 二's groups are articles of the regulation (第二十条第（一）项) and
  // table 三's first is the heading of every outcome row: neither tells
  // columns apart, so neither is in the label.
  if (t.id == TableId::Active) return "";
  std::string g;
  for (auto& p : row.path)
    if (p.find("本年度办理结果") == std::string::npos) g += (g.empty() ? "" : " ") + p;
  return g;
}

}  // namespace

std::string WideColumn::label() const {
  std::string l = table_label + " ";
  if (!group_label.empty()) l += group_label + " ";
  return l + row->label + "·" + col->label;
}

std::vector<WideColumn> wide_columns(const std::vector<const Report*>& reports, std::optional<TableId> only) {
  std::set<CellKey> present;
  for (const Report* r : reports)
    for (const TableLayout* t : {&r->active, &r->requests, &r->review}) {
      if (!t->found || !t->spec) continue;
      for (auto& row : t->spec->rows)
        for (auto& col : row.columns) present.insert({t->spec->id, row.key, col.key});
    }
  std::vector<WideColumn> out;
  std::set<CellKey> done;
  for (auto [t, row] : all_rows()) {
    if (only && t->id != *only) continue;
    for (auto& col : row->columns) {
      CellKey k{t->id, row->key, col.key};
      if (!present.count(k) || !done.insert(k).second) continue;
      out.push_back({k, row, &col, table_number(t->id), group_of(*t, *row)});
    }
  }
  return out;
}

std::string wide_value_text(const Report& r, const WideColumn& c) {
  auto v = r.value(c.key.table, c.key.row, c.key.col);
  return v ? value_json(*v, c.col->kind).dump() : "";
}

const Report* previous_year(const Report& r, const std::vector<const Report*>& reports) {
  if (!r.meta.year) return nullptr;
  for (const Report* o : reports)
    if (o != &r && o->meta.year && *o->meta.year + 1 == *r.meta.year && same_agency(*o, r)) return o;
  return nullptr;
}

}  // namespace gongkai
