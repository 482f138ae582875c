// A lone 0 told from its shape, without Tesseract (see is_zero_shape).
#pragma once

#include <opencv2/core.hpp>

namespace gongkai::ocr {

// Whether `glyph` (CV_8U, non-zero = ink, cut tight around one connected
// piece of ink) is a 0: one hole, most of the glyph's height, centred, and
// widest at its middle (a 6's or a 9's hole is low or high, a closed 4's
// short, an 8 whose waist broke is narrow at its middle).
bool is_zero_shape(const cv::Mat& glyph);

}  // namespace gongkai::ocr
