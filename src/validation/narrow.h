// Interval narrowing across rows, the first step of the joint search
// (resolve.cpp): every cell gets the bounds its rows' remaining readings
// allow, the cross-row identities tighten them, and readings that put a value
// outside its cell's bounds are dropped.
#pragma once
#include <map>
#include <vector>

#include "model/read_unit.h"
#include "validation/identities.h"
#include "validation/linear.h"
#include "validation/row_readings.h"

namespace gongkai {

// Sound: only impossible readings go, so agreement among what is left is
// real. `bounds` gets every cell of `units`. Returns false when the bounds
// contradict each other: then the identities do not all hold (a source
// error, or no reading is right), and nothing narrowed (opts, bounds, both
// partly done) may be trusted.
bool narrow(const std::vector<ReadUnit>& units, std::vector<UnitOptions>& opts,
            const std::vector<const Equation*>& global, std::map<CellKey, VarBounds>& bounds);

}  // namespace gongkai
