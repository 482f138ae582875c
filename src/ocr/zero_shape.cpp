#include "ocr/zero_shape.h"

#include <algorithm>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace gongkai::ocr {

bool is_zero_shape(const cv::Mat& glyph) {
  const int W = glyph.cols, H = glyph.rows;
  if (H < 10 || W < 5 || glyph.type() != CV_8UC1) return false;
  // A 0 is 0.45-0.65 of its height wide in the faces measured (Song, Times,
  // sans); 口 and a circle are as wide as tall.
  const double aspect = static_cast<double>(W) / H;
  if (aspect < 0.35 || aspect > 0.8) return false;
  cv::Mat paper;
  cv::copyMakeBorder(glyph == 0, paper, 1, 1, 1, 1, cv::BORDER_CONSTANT, cv::Scalar(255));
  cv::Mat labels, stats, centroids;
  // Paper joined 4-wise: ink pieces are 8-connected, so paper touching only
  // at a corner between two strokes stays apart.
  const int n = cv::connectedComponentsWithStats(paper, labels, stats, centroids, 4);
  const int outside = labels.at<int>(0, 0);
  int hole = -1;
  for (int i = 1; i < n; ++i) {
    // Pinholes in a stroke are not a hole.
    if (i == outside || stats.at<int>(i, cv::CC_STAT_AREA) < 0.015 * W * H) continue;
    if (hole >= 0) return false;  // two holes: an 8
    hole = i;
  }
  if (hole < 0) return false;
  const int hx = stats.at<int>(hole, cv::CC_STAT_LEFT) - 1, hy = stats.at<int>(hole, cv::CC_STAT_TOP) - 1;
  const int hw = stats.at<int>(hole, cv::CC_STAT_WIDTH), hh = stats.at<int>(hole, cv::CC_STAT_HEIGHT);
  const double cy = (hy + hh / 2.0) / H, cx = (hx + hw / 2.0) / W;
  if (hh < 0.55 * H || hw < 0.3 * W || cy < 0.38 || cy > 0.62 || cx < 0.3 || cx > 0.7) return false;
  // Wide at its middle: the hole's narrowest row over its middle fifth is
  // most of its widest (an ellipse's is 0.98 of it; the hole an 8 leaves
  // when its waist breaks is narrowest there). 0.6, not more: the hole of a
  // 0 17 px high is 3-4 px wide, and a pixel less is a quarter.
  std::vector<int> width(hh, 0);
  for (int y = 0; y < hh; ++y) {
    const int* l = labels.ptr<int>(hy + 1 + y);
    for (int x = 0; x < paper.cols; ++x) width[y] += l[x] == hole;
  }
  const int widest = *std::max_element(width.begin(), width.end());
  const int narrowest = *std::min_element(width.begin() + 2 * hh / 5, width.begin() + std::max(3 * hh / 5, 2 * hh / 5 + 1));
  return narrowest >= 0.6 * widest;
}

}  // namespace gongkai::ocr
