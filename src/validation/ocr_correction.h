// Identity-guided correction of OCR misreadings: when an identity fails and a
// doubtful cell has another reading that makes every identity it is part of
// hold, and that is the only such choice, the other reading is taken and
// recorded as a repair (the first reading kept in `repaired_from`).
#pragma once
#include <vector>

#include "model/record.h"
#include "validation/identities.h"

namespace gongkai {

// Returns the number of cells corrected.
int correct_from_alternatives(const std::vector<Equation>& eqs, Report& report);

}  // namespace gongkai
