// One mapper for every reader: aligns the labelled rows a reader found to the
// template rows (fuzzy label match plus order), decides the format, and hands
// the solver one ReadUnit per template row.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/read_unit.h"
#include "model/record.h"
#include "model/source.h"

namespace gongkai {

struct Mapping {
  TableLayout active, requests, review;
  std::string format;               // "2021", "2019" or "" (no tables)
  std::vector<ReadUnit> units;
  std::vector<Finding> findings;    // stray numbers, rows not found
};

Mapping map_tables(const SourceDoc& doc, std::optional<int> year);

}  // namespace gongkai
