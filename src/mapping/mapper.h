// One mapper for every reader: aligns the labelled rows a reader found to the
// template rows (fuzzy label match plus order), decides the format, and hands
// the solver one ReadUnit per template row.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/record.h"
#include "model/source.h"

namespace gongkai {

// The cells one printed row supplies, in template order, with what was read.
struct ReadUnit {
  TableId table;
  std::string row_label;            // the template label, for messages
  std::vector<CellKey> cells;
  std::vector<ColumnKind> kinds;
  bool present = false;             // a printed row was matched to it
  bool positional = false;          // tokens are exactly the cells
  std::vector<Token> tokens;
  std::string printed_label;        // the label as printed
  Provenance where;
};

struct Mapping {
  TableLayout active, requests, review;
  std::string format;               // "2021", "2019" or "" (no tables)
  std::vector<ReadUnit> units;
  std::vector<Finding> findings;    // stray numbers, rows not found
};

Mapping map_tables(const SourceDoc& doc, std::optional<int> year);

}  // namespace gongkai
