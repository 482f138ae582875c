// The findings that say what resolution did and could not do: rows with more
// numbers than cells, cells repaired (split or filled) and why, cells left
// undecided with their candidates, and joint readings that failed or were
// too many to search.
#pragma once
#include <vector>

#include "model/read_unit.h"
#include "model/record.h"
#include "validation/resolve.h"

namespace gongkai {

// `res` is resolve(units, …). Appends to `findings` in a fixed order: the
// report-wide failure first, then row by row, then the cut search.
// A cell's text that is a number too long to hold exactly (hypotheses.cpp
// leaves such cells null).
bool too_long_number(const std::string& raw);

void add_repair_findings(const std::vector<ReadUnit>& units, const Resolution& res, std::vector<Finding>& findings);

}  // namespace gongkai
