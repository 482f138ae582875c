// Writing what resolution decided into the record: one Cell per decision,
// with where it was printed and what a repair replaced.
#pragma once
#include <vector>

#include "model/read_unit.h"
#include "model/record.h"
#include "validation/resolve.h"

namespace gongkai {

// `res` is resolve(units, …): its rows and cells in the units' order.
void record_cells(const std::vector<ReadUnit>& units, const Resolution& res, Report& report);

}  // namespace gongkai
