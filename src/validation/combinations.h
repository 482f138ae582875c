// The last resort of the joint search (resolve.cpp), for what partial sums
// cannot take (lost cells with unbounded values): every combination of the
// rows' readings, each solved for its lost cells.
#pragma once
#include <vector>

#include "model/read_unit.h"
#include "validation/identities.h"
#include "validation/outcomes.h"
#include "validation/row_readings.h"

namespace gongkai {

// `multi`: the rows with more than one reading (every combination of theirs
// is tried; the others have one or none). `global`: the identities across
// rows. Records every feasible combination into `outcome` (per cell id);
// returns how many there were.
size_t each_combination(const std::vector<ReadUnit>& units, const std::vector<UnitOptions>& opts,
                        const std::vector<size_t>& multi, const std::vector<const Equation*>& global,
                        const CellIds& ids, std::vector<CellOutcome>& outcome);

}  // namespace gongkai
