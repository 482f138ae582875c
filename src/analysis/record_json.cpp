#include "analysis/record_json.h"

#include <stdexcept>

namespace gongkai {
namespace {

using json = nlohmann::json;

std::string text(const json& j, const char* key) {
  auto it = j.find(key);
  return it != j.end() && it->is_string() ? it->get<std::string>() : "";
}

TableId table_of(const std::string& key) {
  if (key == "active") return TableId::Active;
  if (key == "requests") return TableId::Requests;
  if (key == "review_litigation") return TableId::ReviewLitigation;
  throw std::runtime_error("record: unknown table \"" + key + "\"");
}

CellKey key_of(const json& c) { return {table_of(text(c, "table")), text(c, "row"), text(c, "col")}; }

Severity severity_of(const std::string& s) {
  return s == "error" ? Severity::Error : s == "info" ? Severity::Info : Severity::Warning;
}

FindingKind kind_of(const std::string& k) {
  if (k == "source") return FindingKind::Source;
  if (k == "repair") return FindingKind::Repair;
  if (k == "narrative") return FindingKind::Narrative;
  if (k == "cross_year") return FindingKind::CrossYear;
  return FindingKind::Extraction;
}

void read_meta(const json& m, Meta& meta) {
  meta.title = text(m, "title");
  meta.agency = text(m, "agency");
  meta.agency_printed = text(m, "agency_printed");
  if (m.contains("year") && m["year"].is_number_integer()) meta.year = m["year"].get<int>();
  meta.template_format = text(m, "template");
  meta.agency_normalised = text(m, "agency_normalised");
  meta.division_code = text(m, "division_code");
  meta.province = text(m, "province");
  meta.prefecture = text(m, "prefecture");
  meta.county = text(m, "county");
  if (m.contains("division_candidates")) meta.division_candidates = m["division_candidates"].get<std::vector<std::string>>();
}

// Which template the tables follow: the meta's format for table 二, table 三's
// （六） undivided or in three rows.
void read_layouts(const json& tables, Report& r) {
  auto present = [&](const char* key) { return tables.contains(key) && !tables[key].empty(); };
  r.active = {&active_table(r.meta.template_format), present("active")};
  r.requests = {&requests_table(present("requests") && tables["requests"].contains("other") ? "2019" : "2021"),
                present("requests")};
  r.review = {&review_table(), present("review_litigation")};
}

// Tables after 四 as printed: heading, and each row's label and values.
std::vector<ExtraTable> read_extra(const json& tables) {
  std::vector<ExtraTable> out;
  if (!tables.contains("extra") || !tables["extra"].is_array()) return out;
  for (auto& t : tables["extra"]) {
    ExtraTable x{text(t, "heading"), {}};
    for (auto& row : t.value("rows", json::array())) {
      SourceRow r;
      r.label = text(row, "label");
      for (auto& v : row.value("values", json::array())) r.tokens.push_back(Token{v.get<std::string>()});
      x.rows.push_back(std::move(r));
    }
    out.push_back(std::move(x));
  }
  return out;
}

}  // namespace

Report record_from_json(const json& j) {
  if (!j.is_object() || !j.contains("source") || !j.contains("meta") || !j.contains("tables"))
    throw std::runtime_error("record: not a report record (source, meta and tables are needed)");
  Report r;
  const json& s = j["source"];
  r.source = {text(s, "file"), text(s, "sha256"), text(s, "kind"), s.value("pages", 0), text(s, "encoding")};
  read_meta(j["meta"], r.meta);
  read_layouts(j["tables"], r);
  r.extra_tables = read_extra(j["tables"]);
  for (auto& [table, rows] : j["tables"].items()) {
    if (table == "extra" || !rows.is_object()) continue;
    for (auto& [row, cols] : rows.items())
      for (auto& [col, v] : cols.items()) {
        Cell& c = r.cells[{table_of(table), row, col}];
        c.key = {table_of(table), row, col};
        if (v.is_number()) c.value = v.get<double>();
      }
  }
  for (auto& e : j.value("cells", json::array())) {
    Cell& c = r.cells[key_of(e)];
    c.key = key_of(e);
    c.raw = text(e, "raw");
    c.unit = text(e, "unit");
    c.where.page = e.value("page", 0);
    c.where.via = text(e, "via");
    if (e.contains("confidence") && e["confidence"].is_number()) c.where.confidence = e["confidence"].get<double>();
    c.repaired = e.value("repaired", false);
    c.printed_blank = e.value("printed_blank", false);
    if (e.contains("repaired_from") && e["repaired_from"].is_string()) c.repaired_from = e["repaired_from"].get<std::string>();
  }
  for (auto& f : j.value("findings", json::array())) {
    Finding x{text(f, "rule"), severity_of(text(f, "severity")), kind_of(text(f, "kind")), text(f, "message"), {}};
    x.message_zh = x.message;  // the record holds one language: the one it was written in
    for (auto& c : f.value("cells", json::array())) x.cells.push_back(key_of(c));
    for (auto& c : f.value("suspect_cells", json::array())) x.suspect_cells.push_back(key_of(c));
    r.findings.push_back(std::move(x));
  }
  return r;
}

}  // namespace gongkai
