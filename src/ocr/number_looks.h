// The looks the cell reader takes at a number it is not sure of, besides
// the cut-out at another scale: the strokes' cores and the cut-out
// sharpened; and which reading of several looks to keep.
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace gongkai::ocr {
// The cut-out with the pale rim of its strokes dropped: what is lighter than
// kCoreLevel of the way from ink to paper becomes paper, the rest is
// stretched to the full range. A small digit photographed at 150-170 dpi is
// blurred into its own gaps (the opening of a 3, the counter of a 0, the
// space between two digits) by ink paler than its strokes; read as cut out
// it was 2001 for 3001, or nothing at all for a 0.
cv::Mat stroke_cores(const cv::Mat& ink);

// A framed image sharpened (an unsharp mask): the gaps between blurred
// strokes deepened, the strokes kept as wide.
cv::Mat sharpened(const cv::Mat& framed_ink);

// One recognition of a number image: the best string, its confidence, and
// whether its digit count is the ink's (PreparedCell::digits_seen).
struct NumberLook {
  std::string text;
  double conf = 0;
  bool fits_ink = true;
};

// Of several looks at one number, the reading that fits the ink, then the
// one most looks read, then the surest ("" when no look read anything). Its
// confidence is its surest look's, at most `disagree_conf` when another look
// read a different number that fits the ink with confidence 0.9 or more, or
// when it is one look's alone and under 0.98.
NumberLook agreed_reading(const std::vector<NumberLook>& looks, double disagree_conf);

}  // namespace gongkai::ocr
