// The report record of ../shared/spec/report-json.md, in memory.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/source.h"
#include "template/template.h"

namespace gongkai {

struct CellKey {
  TableId table;
  std::string row, col;
  auto operator<=>(const CellKey&) const = default;
};

struct Cell {
  CellKey key;
  std::optional<double> value;
  std::string raw;               // as read, before normalisation ("" if nothing)
  std::string unit;              // 万元 / 元 for money
  bool printed_blank = false;    // the report prints nothing, a dash or a slash
  bool read = false;             // some text was read for this cell
  Provenance where;
  std::optional<std::string> repaired_from;  // the reading a repair replaced
  // No printed digit of this cell supports the value: it was filled from the
  // identities or from a sentence of the narrative (a conclusion, not a reading).
  bool repaired = false;
  std::vector<double> candidates;            // when ambiguous
};

enum class Severity { Error, Warning, Info };
// Narrative: a sentence of the report and a clean table value disagree.
// CrossYear: a carry-over or count does not follow from another year's report
// of the same agency (analysis/cross_year.h).
enum class FindingKind { Source, Extraction, Repair, Narrative, CrossYear };

struct Finding {
  std::string rule;
  Severity severity = Severity::Warning;
  FindingKind kind = FindingKind::Extraction;
  std::string message;          // English
  std::vector<CellKey> cells;
  // The same in Chinese, with the cells named as printed; empty where the
  // check that made the finding has none yet (writers then fall back to the
  // rule's Chinese description with the English detail).
  std::string message_zh;
  // Where several findings share cells: the cells that would explain them,
  // most likely first (validation/suspects.h).
  std::vector<CellKey> suspect_cells;
};

struct TableLayout {
  const TableSpec* spec = nullptr;
  bool found = false;  // the report prints this table
};

struct Meta {
  std::string title;
  std::string agency;
  std::string agency_printed;   // as the title prints it, before naming conventions
  // An agency read by OCR, checked against the known place names
  // (mapping/agency_check.h): what was done, and whether it was corrected
  // or left out as doubtful.
  std::string agency_check;
  bool agency_corrected = false, agency_doubtful = false, agency_unknown_place = false;
  std::optional<int> year;
  std::string template_format;  // "2021" / "2019" / "" when no tables were found
  // The key that joins one agency across years and formats, and the
  // administrative division its name determines (mapping/region.h); the
  // division's fields are empty where the name does not determine it, and
  // `division_candidates` then lists the codes it could be.
  std::string agency_normalised;
  std::string division_code, province, prefecture, county;
  std::vector<std::string> division_candidates;
};

struct SourceInfo {
  std::string file;
  std::string sha256;
  std::string kind;
  int pages = 0;
  std::string encoding;
};

struct Report {
  SourceInfo source;
  Meta meta;
  TableLayout active, requests, review;
  std::map<CellKey, Cell> cells;
  std::vector<ExtraTable> extra_tables;  // printed after 四, as printed (never in the template's tables)
  std::vector<Finding> findings;
  std::map<Section, std::string> narrative;

  const TableLayout& layout(TableId t) const {
    return t == TableId::Active ? active : t == TableId::Requests ? requests : review;
  }
  std::optional<double> value(TableId t, const std::string& row, const std::string& col) const {
    auto it = cells.find({t, row, col});
    return it == cells.end() ? std::nullopt : it->second.value;
  }
};

}  // namespace gongkai
