// A grey scanned PDF page that is one image covering it is that image,
// decoded and scaled (src/readers/pdf/page_image.h), not drawn by Splash:
// the same pixels within what scaling moves, at the size Splash gives; a
// page in colour, or one that draws anything else, is drawn.
#include <gtest/gtest.h>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "readers/pdf/pdf_document.h"
#include "test_util.h"

using namespace gongkai;
using Raster = pdf::PdfDocument::Raster;

namespace {

// The mean grey difference of two pages of one size, in grey levels, after
// both are smoothed over a pixel or two: Splash resamples a 1653 px image
// onto the page's 1653.5 px, which moves the scan's grain by up to half a
// pixel (3.5 levels on average unsmoothed, 1.2-1.6 smoothed; a page shifted
// by one more pixel is 5.8 unsmoothed), not its print.
double mean_difference(const cv::Mat& a, const cv::Mat& b) {
  EXPECT_EQ(a.size(), b.size());
  EXPECT_EQ(a.type(), b.type());
  if (a.size() != b.size() || a.type() != b.type()) return 255;
  cv::Mat sa, sb, d;
  cv::GaussianBlur(a, sa, {0, 0}, 1.5);
  cv::GaussianBlur(b, sb, {0, 0}, 1.5);
  cv::absdiff(sa, sb, d);
  return cv::mean(d)[0];
}

}  // namespace

TEST(PdfPageImage, AScannedPageIsItsImageAtEveryResolution) {
  auto doc = pdf::PdfDocument::open(gk_test::slurp(gk_test::data("scans/huaian-city-2024-p3-5.scan.pdf")));
  // Its own resolution (200 dpi), below it and above it.
  for (double dpi : {200.0, 150.0, 300.0}) {
    const cv::Mat image = doc->render(2, dpi, nullptr, false, Raster::Fastest);
    const cv::Mat drawn = doc->render(2, dpi, nullptr, false, Raster::Draw);
    // Same pixels up to how each scales: a page of paper 235 with dark print.
    EXPECT_LT(mean_difference(image, drawn), 2.0) << dpi;
  }
  // Rendered in colour (a seal may be on it), the page is drawn.
  cv::Mat seal_a, seal_b;
  EXPECT_EQ(mean_difference(doc->render(2, 200, &seal_a, true, Raster::Fastest),
                            doc->render(2, 200, &seal_b, true, Raster::Draw)),
            0.0);
}

// A text PDF page draws glyphs and rules: it is drawn whichever way is asked.
TEST(PdfPageImage, APageThatDrawsMoreIsDrawn) {
  auto doc = pdf::PdfDocument::open(gk_test::slurp(gk_test::sample("huaian-city-2024.pdf")));
  const cv::Mat a = doc->render(3, 100, nullptr, false, Raster::Fastest);
  const cv::Mat b = doc->render(3, 100, nullptr, false, Raster::Draw);
  EXPECT_EQ(mean_difference(a, b), 0.0);
  EXPECT_EQ(a.size(), b.size());
}
