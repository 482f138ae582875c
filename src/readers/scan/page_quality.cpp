#include "readers/scan/page_quality.h"

#include <algorithm>

namespace gongkai::scan {

std::string why_unreadable(const cv::Mat& input, double dpi) {
  if (input.empty()) return "the page image is empty";
  // Too small to read: digits under ~8 px high are guesses, not readings.
  if (std::min(input.cols, input.rows) < 600 || dpi < 100)
    return "the image is too small to read (" + std::to_string(input.cols) + "x" + std::to_string(input.rows) +
           " px, about " + std::to_string(static_cast<int>(dpi)) + " dpi)";
  return "";
}

double label_quality(const std::vector<double>& label_conf) {
  if (label_conf.size() < 4) return 1;
  double sum = 0;
  for (double c : label_conf) sum += c;
  return sum / label_conf.size();
}

}  // namespace gongkai::scan
