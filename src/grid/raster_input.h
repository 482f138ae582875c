// What detect_rules (raster_rules.h) checks of its input before it looks
// for rules: the options, and how noisy the image is.
#pragma once
#include <opencv2/core.hpp>

#include "grid/raster_rules.h"

namespace gongkai::grid {

// The standard deviation of the image's pixel noise, in grey levels.
double estimate_noise(const cv::Mat& grey);

// Throws std::invalid_argument naming the first option out of its range.
void check_options(const RasterRuleOptions& opt);

}  // namespace gongkai::grid
