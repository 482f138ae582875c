// The record as long-format CSV: one row per table cell.
#pragma once
#include <string>

#include "model/record.h"

namespace gongkai {

// One row per table cell: file, agency, year, table, row, col, value, labels,
// the raw text and a repaired flag; `header` starts with a UTF-8 byte-order
// mark (for Excel) and the column names.
std::string to_csv(const Report& r, bool header);

}  // namespace gongkai
