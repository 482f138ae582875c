// Which cell would explain several broken identities at once. A misread
// cell breaks every identity it is in by the same amount (a 予以公开 cell of
// 自然人 breaks both its column's （七）总计 sum and its row's 总计), while
// the identities it is in that hold speak for it.
#pragma once
#include <vector>

#include "model/record.h"
#include "validation/identities.h"

namespace gongkai {

// For every finding of a broken identity that shares cells with another:
// `suspect_cells`, its cells that one change would set right in at least two
// broken identities without breaking one that holds, most explained first.
void rank_suspect_cells(const std::vector<Equation>& eqs, Report& report);

}  // namespace gongkai
