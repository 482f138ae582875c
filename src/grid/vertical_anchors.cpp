#include "grid/vertical_anchors.h"

#include <algorithm>
#include <cmath>

namespace gongkai::grid {
namespace {

// Whether the column of `v` is dark all the way along it: its lightest row
// (the darkest of three pixels across) darker than halfway from the paper
// beside it to its darkest row.
bool solid(const cv::Mat& grey, const Rule& v) {
  const int x0 = std::max(0, (int)std::lround(v.pos) - 1), x1 = std::min(grey.cols - 1, (int)std::lround(v.pos) + 1);
  const int y0 = std::max(0, (int)std::floor(v.from)), y1 = std::min(grey.rows, (int)std::ceil(v.to));
  if (y1 - y0 < 3 || x1 < x0) return true;
  int darkest = 255, lightest = 0;
  for (int r = y0; r < y1; ++r) {
    double m = 0;
    cv::minMaxLoc(grey.row(r).colRange(x0, x1 + 1), &m);
    darkest = std::min(darkest, (int)m);
    lightest = std::max(lightest, (int)m);
  }
  double paper = 0;
  cv::minMaxLoc(grey.rowRange(y0, y1).colRange(std::max(0, x0 - 6), std::min(grey.cols, x1 + 7)), nullptr, &paper);
  return lightest < (darkest + paper) / 2;
}

}  // namespace

void keep_anchored_verticals(Rules& rules, std::vector<Rule>& crowded, const cv::Mat& grey, int long_v,
                             double reach) {
  auto on_horizontal = [&](double x, double y) {
    for (const Rule& h : rules.horizontal)
      if (std::abs(h.pos - y) <= reach && x >= h.from - reach && x <= h.to + reach) return true;
    return false;
  };
  // A short vertical stays only when it runs from one horizontal rule to
  // another, solid between them. A glyph's stroke filling a tight row meets
  // its rules through pale blur only on a photo at ~170 dpi, within `reach`:
  // the 正 of 4.无正当理由大量反复申请 (generated 0000, photo seed 43000 with
  // perspective, page 3) split its label cell and the row's 7 cells were lost.
  if (long_v > 0)
    std::erase_if(rules.vertical, [&](const Rule& v) {
      return v.to - v.from < long_v && !(on_horizontal(v.pos, v.from) && on_horizontal(v.pos, v.to) && solid(grey, v));
    });
  // So does a crowded one, however long, or it stops where two other verticals
  // stop (a table left open at a page's foot, continued on the next).
  auto at_open_edge = [&](double y) {
    int ends = 0;
    for (const Rule& v : rules.vertical) ends += std::abs(v.to - y) <= reach || std::abs(v.from - y) <= reach;
    return ends >= 2;
  };
  auto anchored = [&](double x, double y) { return on_horizontal(x, y) || at_open_edge(y); };
  std::erase_if(crowded, [&](const Rule& v) { return !(anchored(v.pos, v.from) && anchored(v.pos, v.to)); });
}

}  // namespace gongkai::grid
