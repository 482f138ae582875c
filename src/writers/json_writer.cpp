#include "writers/json_writer.h"

#include <cmath>

namespace gongkai {

using json = nlohmann::ordered_json;

json value_json(double v, ColumnKind k) {
  if (k != ColumnKind::Money || std::fabs(v - std::round(v)) < 1e-9) return json(static_cast<long long>(std::llround(v)));
  return json(v);
}

namespace {

// Tables printed after 四 that the template does not know: heading, and each
// row's label and values as printed.
json extra_tables_json(const Report& r) {
  json out = json::array();
  for (const ExtraTable& t : r.extra_tables) {
    json rows = json::array();
    for (const SourceRow& row : t.rows) {
      json values = json::array();
      for (const Token& v : row.tokens) values.push_back(v.raw);
      rows.push_back({{"label", row.label}, {"values", values}});
    }
    out.push_back({{"heading", t.heading}, {"rows", rows}});
  }
  return out;
}



std::string_view section_key(Section s) {
  switch (s) {
    case Section::Preamble: return "preamble";
    case Section::Overview: return "overview";
    case Section::Active: return "active";
    case Section::Requests: return "requests";
    case Section::Review: return "review_litigation";
    case Section::Problems: return "problems";
    case Section::Other: return "other";
    case Section::Extra: return "extra";
  }
  return "";
}

json null_if_empty(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

// The additions of the spec: the join key and the division (null where the
// name does not determine it, with the codes it could be).
void region_json(const Meta& m, json& meta) {
  meta["agency_normalised"] = null_if_empty(m.agency_normalised);
  meta["division_code"] = null_if_empty(m.division_code);
  meta["province"] = null_if_empty(m.province);
  meta["prefecture"] = null_if_empty(m.prefecture);
  meta["county"] = null_if_empty(m.county);
  if (!m.division_candidates.empty()) meta["division_candidates"] = m.division_candidates;
}

json table_json(const Report& r, const TableLayout& t) {
  json out = json::object();
  if (!t.found || !t.spec) return out;
  for (auto& row : t.spec->rows) {
    json cols = json::object();
    for (auto& c : row.columns) {
      auto v = r.value(t.spec->id, row.key, c.key);
      cols[c.key] = v ? value_json(*v, c.kind) : json(nullptr);
    }
    out[row.key] = cols;
  }
  return out;
}

}  // namespace

nlohmann::ordered_json finding_json(const Report& r, const Finding& f, Lang lang) {
  json refs = json::array();
  for (auto& k : f.cells) refs.push_back(cell_ref_json(r, k));
  json out = {{"rule", f.rule}, {"severity", severity_key(f.severity)}, {"kind", finding_kind_key(f.kind)},
              {"message", finding_message(f, lang)}, {"cells", refs}};
  if (auto page = finding_page(r, f)) out["page"] = *page;
  if (!f.suspect_cells.empty()) {
    json suspects = json::array();
    for (auto& k : f.suspect_cells) suspects.push_back(cell_ref_json(r, k));
    out["suspect_cells"] = suspects;
  }
  return out;
}

json to_json(const Report& r, Lang lang) {
  json j;
  j["schema_version"] = 1;
  j["source"] = {{"file", r.source.file}, {"sha256", r.source.sha256}, {"kind", r.source.kind},
                 {"pages", r.source.pages}, {"encoding", r.source.encoding}};
  j["meta"] = {{"title", r.meta.title},
               {"agency", r.meta.agency.empty() ? json(nullptr) : json(r.meta.agency)},
               {"agency_printed", r.meta.agency_printed.empty() ? json(nullptr) : json(r.meta.agency_printed)},
               {"year", r.meta.year ? json(*r.meta.year) : json(nullptr)},
               {"template", r.meta.template_format.empty() ? json(nullptr) : json(r.meta.template_format)}};
  region_json(r.meta, j["meta"]);
  j["tables"] = {{"active", table_json(r, r.active)},
                 {"requests", table_json(r, r.requests)},
                 {"review_litigation", table_json(r, r.review)},
                 {"extra", extra_tables_json(r)}};
  json cells = json::array();
  for (const TableLayout* t : {&r.active, &r.requests, &r.review}) {
    if (!t->found || !t->spec) continue;
    for (auto& row : t->spec->rows)
      for (auto& col : row.columns) {
        auto it = r.cells.find({t->spec->id, row.key, col.key});
        if (it == r.cells.end()) continue;
        const Cell& c = it->second;
        json e = {{"table", table_key(t->spec->id)}, {"row", row.key}, {"col", col.key},
                  {"value", c.value ? value_json(*c.value, col.kind) : json(nullptr)},
                  {"raw", c.raw}, {"page", c.where.page}};
        if (c.where.bbox) {
          // Hundredths of a point (or pixel) are finer than any layout needs.
          json b = json::array();
          for (double v : *c.where.bbox) b.push_back(std::round(v * 100) / 100);
          e["bbox"] = b;
        } else {
          e["bbox"] = nullptr;
        }
        if (c.where.bbox) e["bbox_unit"] = c.where.bbox_unit;
        if (!c.where.alternatives.empty()) e["alternatives"] = c.where.alternatives;
        e["via"] = c.where.via;
        e["confidence"] = c.value ? c.where.confidence : 0.0;
        if (!c.unit.empty()) e["unit"] = c.unit;
        else if (col.kind == ColumnKind::Money && c.value) e["unit"] = row.key == "fees" ? "万元" : "元";
        if (c.printed_blank) e["printed_blank"] = true;
        if (c.repaired) e["repaired"] = true;
        if (c.repaired_from) e["repaired_from"] = *c.repaired_from;
        if (!c.candidates.empty()) {
          json cand = json::array();
          for (double v : c.candidates) cand.push_back(value_json(v, col.kind));
          e["candidates"] = cand;
        }
        cells.push_back(e);
      }
  }
  j["cells"] = cells;
  json findings = json::array();
  for (auto& f : r.findings) findings.push_back(finding_json(r, f, lang));
  j["findings"] = findings;
  json narrative = json::object();
  for (auto& [s, text] : r.narrative)
    if (s == Section::Overview || s == Section::Problems || s == Section::Other) narrative[section_key(s)] = text;
  j["narrative"] = narrative;
  return j;
}

}  // namespace gongkai
