// Pages that do not lie flat: a report photographed open, or bowed over the
// scanner's glass, prints its table rules as curves. The grid finder wants
// straight rules (measured on page 4 of huaian-city-2024 at 200 dpi, its rows
// bowed as a parabola: 94 of 94 cells read with a sagitta of 7 px, 76 with
// 9 px, and none from 19 px; 9 px also ran 3985758 and 88283 together into
// one cell).
//
// The page's vertical disparity is modelled by Leptonica's dewarper on the
// page's long horizontal rules alone (its own text-line finder sees a table
// as one component and builds no model), and applied where the rules bow.
#pragma once
#include <opencv2/core.hpp>

namespace gongkai::scan {

struct PageCurl {
  double sagitta_mm = 0;  // how far the most bowed rule departs from straight, at the page's half width
  bool flattened = false;
};

// Flattens `grey` (CV_8UC1) in place when its rules bow by at least
// kCurlFlattenMm; `seal` (a mask of the same size, or empty) is moved with it.
// A page with fewer than four long rules is left as it is.
PageCurl flatten_curl(cv::Mat& grey, cv::Mat& seal, double dpi);

// Rules bowing less than this are found straight (7 px at 200 dpi read every
// cell above): half a millimetre keeps well under that.
constexpr double kCurlFlattenMm = 0.5;

}  // namespace gongkai::scan
