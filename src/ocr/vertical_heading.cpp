#include "ocr/vertical_heading.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace gongkai::ocr {

cv::Mat restack_vertical(const cv::Mat& ink, double& char_h) {
  struct Run { int y0, y1, x0, x1; };
  std::vector<Run> runs;
  for (int y = 0; y < ink.rows; ++y) {
    const uchar* p = ink.ptr<uchar>(y);
    int x0 = -1, x1 = -1;
    for (int x = 0; x < ink.cols; ++x)
      if (p[x] < 192) { if (x0 < 0) x0 = x; x1 = x; }
    if (x0 < 0) continue;
    if (!runs.empty() && runs.back().y1 == y - 1) {
      auto& r = runs.back();
      r.y1 = y; r.x0 = std::min(r.x0, x0); r.x1 = std::max(r.x1, x1);
    } else {
      runs.push_back({y, y, x0, x1});
    }
  }
  if (runs.size() < 2) return {};
  std::vector<int> widths;
  for (const auto& r : runs) widths.push_back(r.x1 - r.x0 + 1);
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  const double cs = widths[widths.size() / 2];
  std::vector<Run> groups;
  for (const auto& r : runs) {
    if (!groups.empty() && r.y1 - groups.back().y0 + 1 <= 1.2 * cs) {
      auto& g = groups.back();
      g.y1 = r.y1; g.x0 = std::min(g.x0, r.x0); g.x1 = std::max(g.x1, r.x1);
    } else {
      groups.push_back(r);
    }
  }
  // A small mark alone on its line is dust (a vertical heading's punctuation sits
  // beside a character, in its group).
  std::erase_if(groups, [&](const Run& g) { return std::max(g.y1 - g.y0, g.x1 - g.x0) + 1 < 0.4 * cs; });
  if (groups.size() < 2) return {};
  int hmax = 0, wsum = 0;
  const int gap = std::max(2, (int)std::lround(0.25 * cs));
  for (const auto& g : groups) {
    hmax = std::max(hmax, g.y1 - g.y0 + 1);
    wsum += g.x1 - g.x0 + 1 + gap;
  }
  // Not one column of characters: groups much taller than wide.
  if (hmax > 1.6 * cs) return {};
  cv::Mat line(hmax, wsum - gap, CV_8U, cv::Scalar(255));
  int x = 0;
  for (const auto& g : groups) {
    const cv::Rect src(g.x0, g.y0, g.x1 - g.x0 + 1, g.y1 - g.y0 + 1);
    ink(src).copyTo(line(cv::Rect(x, (hmax - src.height) / 2, src.width, src.height)));
    x += src.width + gap;
  }
  char_h = cs;
  return line;
}

}  // namespace gongkai::ocr
