// Checks the finished record against every identity. A failure among cells
// read cleanly is the report's own error (kind source); one that involves a
// doubtful or repaired cell is an extraction problem.
#pragma once
#include <vector>

#include "model/record.h"
#include "validation/identities.h"

namespace gongkai {

void validate(const std::vector<Equation>& eqs, Report& report);

}  // namespace gongkai
