// How many digits the ink of a number cell shows (PreparedCell::digits_seen):
// the check that catches Tesseract inserting or dropping a digit.
#pragma once

#include <vector>

#include <opencv2/core.hpp>

namespace gongkai::ocr {

// Rows [top, bot) the digits of a cell span.
struct DigitRows {
  int top = 0, bot = 0;
  double height() const { return bot - top; }
};

// The digits in the kept ink `keepmask` (CV_8U, non-zero = ink) of the grey
// cell `g` within `bb`; `paper` and `dark` are the cell's paper and ink levels.
// `joined`, when given, gets one flag per digit counted, left to right: whether
// the digit was counted from two runs of tall columns joined as one split digit.
int count_digits(const cv::Mat& g, const cv::Mat& keepmask, const cv::Rect& bb, const DigitRows& d, int paper,
                 int dark, std::vector<bool>* joined = nullptr);

}  // namespace gongkai::ocr
