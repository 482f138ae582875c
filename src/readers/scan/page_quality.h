// Whether a page image can be read at all, and how well it was read: the
// scan reader reads a page again upright when its labels read as noise.
#pragma once
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace gongkai::scan {

// Why the page image `input` at `dpi` cannot be read, or "" when it can.
std::string why_unreadable(const cv::Mat& input, double dpi);

// How well a page's labels read, 0..1, from the confidence of each label cell
// read: 1 when too few labels were read to tell.
double label_quality(const std::vector<double>& label_conf);

}  // namespace gongkai::scan
