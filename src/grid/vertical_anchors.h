// Which vertical rules that cannot stand on their length alone are kept: a
// short one that runs solid from one horizontal rule to another, a crowded
// one anchored at both ends (raster_rules.cpp finds them).
#pragma once

#include <vector>

#include <opencv2/core.hpp>

#include "grid/rules.h"

namespace gongkai::grid {

// Drops from `rules.vertical` those shorter than `long_v` (0: none is short)
// that do not run from one horizontal rule to another, solid in `grey`
// between them; drops from `crowded` those whose ends neither meet a
// horizontal rule nor stop where two other verticals stop. `reach`: how far an
// end may lie from the rule it meets.
void keep_anchored_verticals(Rules& rules, std::vector<Rule>& crowded, const cv::Mat& grey, int long_v,
                             double reach);

}  // namespace gongkai::grid
