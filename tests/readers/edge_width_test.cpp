// edge_width finds its quantiles through histograms; these tests hold it to
// the plain definition (sort everything, take the rank) on pages of print,
// soft print, noise and flat paper.
#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>
#include <random>

#include <gtest/gtest.h>

#include "readers/scan/photo_page.h"

namespace gongkai::scan {
namespace {

// The definition: the 99.8th percentile of the gradient magnitude over the
// page, the median grey level (paper) and its 0.5th percentile (ink).
double edge_width_by_sorting(const cv::Mat& grey, double dpi) {
  cv::Mat gx, gy, mag;
  cv::Sobel(grey, gx, CV_32F, 1, 0, 3, 1.0 / 8);
  cv::Sobel(grey, gy, CV_32F, 0, 1, 3, 1.0 / 8);
  cv::magnitude(gx, gy, mag);
  std::vector<float> m(mag.begin<float>(), mag.end<float>());
  std::sort(m.begin(), m.end());
  double slope = m[static_cast<size_t>(0.998 * (m.size() - 1))];
  std::vector<uchar> g(grey.begin<uchar>(), grey.end<uchar>());
  std::sort(g.begin(), g.end());
  double paper = g[g.size() / 2], ink = g[g.size() / 200];
  if (paper - ink < 40 || slope <= 0) return 0;
  return (paper - ink) / slope * 200 / std::max(dpi, 1.0);
}

cv::Mat printed_page(int seed, double blur) {
  std::mt19937 rng(seed);
  cv::Mat page(700, 500, CV_8UC1, cv::Scalar(225));
  for (int i = 0; i < 60; ++i) {
    cv::Point at(static_cast<int>(rng() % 450), 20 + static_cast<int>(rng() % 660));
    cv::putText(page, std::to_string(rng() % 100000), at, cv::FONT_HERSHEY_SIMPLEX, 0.6, cv::Scalar(30), 1);
  }
  if (blur > 0) cv::GaussianBlur(page, page, cv::Size(0, 0), blur);
  cv::Mat noise(page.size(), CV_8UC1);
  cv::randn(noise, 0, 4);
  cv::add(page, noise, page);
  return page;
}

TEST(EdgeWidth, IsThePlainDefinitionOnPrintSoftPrintAndPaper) {
  for (int seed = 1; seed <= 4; ++seed)
    for (double blur : {0.0, 0.8, 1.6, 3.0}) {
      cv::Mat page = printed_page(seed, blur);
      double want = edge_width_by_sorting(page, 200);
      EXPECT_GT(want, 0) << seed << " " << blur;
      EXPECT_DOUBLE_EQ(edge_width(page, 200), want) << "seed " << seed << " blur " << blur;
      EXPECT_DOUBLE_EQ(edge_width(page, 150), edge_width_by_sorting(page, 150));
    }
  // Dark blocks blurred far: the steepest edges are gentler than the
  // histogram's floor, and the quantile is found among all the slopes.
  cv::Mat soft_blocks(700, 500, CV_8UC1, cv::Scalar(225));
  for (int i = 0; i < 6; ++i) cv::rectangle(soft_blocks, cv::Rect(40 + 70 * i, 100, 40, 400), cv::Scalar(20), cv::FILLED);
  cv::GaussianBlur(soft_blocks, soft_blocks, cv::Size(0, 0), 14);
  double soft_width = edge_width_by_sorting(soft_blocks, 200);
  EXPECT_GT(soft_width, 20);
  EXPECT_DOUBLE_EQ(edge_width(soft_blocks, 200), soft_width);
  cv::Mat paper(300, 200, CV_8UC1, cv::Scalar(230));
  EXPECT_EQ(edge_width(paper, 200), 0);
  cv::Mat speckled(300, 200, CV_8UC1);
  cv::randu(speckled, 0, 256);
  EXPECT_DOUBLE_EQ(edge_width(speckled, 200), edge_width_by_sorting(speckled, 200));
}

}  // namespace
}  // namespace gongkai::scan
