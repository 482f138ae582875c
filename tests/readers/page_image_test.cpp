// Page clean-up for scans: local binarisation and skew.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "readers/scan/page_image.h"

using namespace gongkai::scan;

namespace {

// A 150 dpi page lit unevenly, as a phone photo is: paper 235 on the right
// falling to 110 on the left, with strokes of ink (a third of the paper's
// brightness, as a scan's print) across it.
cv::Mat uneven_page() {
  cv::Mat g(1754, 1240, CV_8UC1);
  for (int x = 0; x < g.cols; ++x) g.col(x).setTo(110 + 125 * x / (g.cols - 1));
  for (int y = 200; y < 1600; y += 60)
    for (int x = 100; x < 1100; x += 40) {
      cv::Rect r(x, y, 18, 3);
      g(r) *= 0.33;
    }
  return g;
}

}  // namespace

TEST(PageImage, InkIsToldFromPaperLocally) {
  cv::Mat g = uneven_page();
  cv::Mat ink = ink_mask(g, 150);
  // The dim left side is paper, not ink (one global level of 140 calls it ink).
  cv::Rect paper_left(20, 40, 60, 120);
  EXPECT_LT(cv::countNonZero(ink(paper_left)), paper_left.area() / 100);
  cv::Mat global;
  cv::threshold(g, global, 140, 255, cv::THRESH_BINARY_INV);
  EXPECT_GT(cv::countNonZero(global(paper_left)), paper_left.area() / 2);
  // The strokes are ink, on the dim side and on the bright one.
  EXPECT_GT(ink.at<uchar>(201, 108), 0);
  EXPECT_GT(ink.at<uchar>(201, 1068), 0);
}

TEST(PageImage, SkewOfATiltedPageIsFound) {
  cv::Mat g(1754, 1240, CV_8UC1, cv::Scalar(235));
  for (int y = 150; y < 1600; y += 40) cv::rectangle(g, {150, y}, {1090, y + 10}, cv::Scalar(40), cv::FILLED);
  cv::Mat tilted;
  cv::Mat m = cv::getRotationMatrix2D({620, 877}, 1.2, 1.0);
  cv::warpAffine(g, tilted, m, g.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(235));
  double skew = find_skew(tilted, 150);
  EXPECT_NEAR(std::abs(skew), 1.2, 0.2);
  EXPECT_NEAR(find_skew(g, 150), 0, 0.1);
}
