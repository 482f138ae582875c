// What the mapper hands resolution: the cells one printed row supplies, in
// template order, with what was read. Lives in the model so that resolution
// and validation depend on the record's types, not on the mapper.
#pragma once
#include <string>
#include <vector>

#include "model/record.h"
#include "model/source.h"

namespace gongkai {

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

}  // namespace gongkai
