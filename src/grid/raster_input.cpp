#include "grid/raster_input.h"

#include <array>
#include <cmath>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace gongkai::grid {

// The standard deviation of the image's pixel noise, in grey levels, from the
// median absolute difference of horizontally neighbouring pixels (every 8th
// row): on paper, where most pixels are, that difference is pure noise, and
// edges of text and lines are too few to move the median. For a difference
// of two independent N(0, s) pixels, median |d| = 0.6745 * sqrt(2) * s.
double estimate_noise(const cv::Mat& grey) {
  if (grey.cols < 2) return 0;
  std::array<int64_t, 256> hist{};
  int64_t n = 0;
  for (int y = 0; y < grey.rows; y += 8) {
    const uint8_t* p = grey.ptr<uint8_t>(y);
    for (int x = 0; x + 1 < grey.cols; ++x) ++hist[std::abs(int(p[x + 1]) - int(p[x]))];
    n += grey.cols - 1;
  }
  // Interpolate within the median's bin, so that small noise levels (where
  // most differences are 0 or 1) are not rounded to whole grey levels.
  int64_t below = 0;
  for (int d = 0; d < 256; ++d) {
    if (2 * (below + hist[d]) >= n) {
      const double frac = hist[d] > 0 ? (0.5 * n - below) / hist[d] : 0.5;
      return (d - 0.5 + frac) / (0.6745 * std::sqrt(2.0));
    }
    below += hist[d];
  }
  return 0;
}

void check_options(const RasterRuleOptions& opt) {
  auto bad = [](const std::string& what) { throw std::invalid_argument("detect_rules: " + what); };
  if (!(opt.min_length_frac > 0 && opt.min_length_frac <= 1)) bad("min_length_frac must be in (0, 1]");
  if (!(opt.short_vertical_frac >= 0 && opt.short_vertical_frac <= 1)) bad("short_vertical_frac must be in [0, 1]");
  if (opt.block_size < 3 || opt.block_size % 2 == 0) bad("block_size must be odd and >= 3");
  if (!(opt.threshold_c > 0)) bad("threshold_c must be > 0 (else flat paper counts as ink)");
  if (!(opt.dpi >= 0) || !(opt.max_gap_mm >= 0) || !(opt.min_piece_mm >= 0) || !(opt.merge_gap_mm >= 0) ||
      opt.skew_tolerance < 0 || opt.max_thickness < 0)
    bad("dpi, max_gap_mm, min_piece_mm, merge_gap_mm, skew_tolerance and max_thickness must be >= 0");
  if (!(opt.min_clear_frac >= 0 && opt.min_clear_frac <= 1)) bad("min_clear_frac must be in [0, 1]");
  if (!(opt.crowded_clear_frac >= 0 && opt.crowded_clear_frac <= 1)) bad("crowded_clear_frac must be in [0, 1]");
}

}  // namespace gongkai::grid
