// Which scanned pages are crisp (ocr::PageConditions): a clean scan at
// 200 dpi or more, not soft, no seal. Their numbers get fewer looks; a
// photo's, a coarse page's, a soft page's and a sealed page's get them all.
#include <gtest/gtest.h>

#include <opencv2/imgproc.hpp>

#include "readers/pdf/pdf_document.h"
#include "readers/scan/scan_page.h"
#include "test_util.h"

namespace gongkai::scan {
namespace {

cv::Mat rendered(const std::string& pdf, int page, double dpi) {
  auto doc = pdf::PdfDocument::open(gk_test::slurp(gk_test::data(pdf)));
  return doc->render(page, dpi);
}

bool crisp(const cv::Mat& img, double dpi, const cv::Mat& seal = {}) {
  ScanPage page(img, dpi, 1);
  page.seal = seal;
  straighten(page, img);
  return page.ocr.crisp;
}

const char* kScan = "scans/huaian-city-2024-p3-5.scan.pdf";  // a 200 dpi office scan

TEST(CrispPage, ACleanScanAt200DpiIsCrisp) { EXPECT_TRUE(crisp(rendered(kScan, 1, 200), 200)); }

TEST(CrispPage, TheSameScanReadUnder200DpiIsNot) { EXPECT_FALSE(crisp(rendered(kScan, 1, 170), 170)); }

TEST(CrispPage, TheSameScanBlurredIsNot) {
  cv::Mat soft;
  cv::GaussianBlur(rendered(kScan, 1, 200), soft, {0, 0}, 1.6);
  EXPECT_FALSE(crisp(soft, 200));
}

TEST(CrispPage, TheSameScanUnderASealIsNot) {
  cv::Mat img = rendered(kScan, 1, 200), seal = cv::Mat::zeros(img.size(), CV_8UC1);
  cv::circle(seal, {img.cols / 2, img.rows / 2}, 150, cv::Scalar(255), 8);
  EXPECT_FALSE(crisp(img, 200, seal));
}

TEST(CrispPage, APhotographedPageIsNot) {
  // photoify all,curl (seed 153), read at its own resolution as the reader
  // reads it: under 200 dpi.
  auto doc = pdf::PdfDocument::open(gk_test::slurp(gk_test::data("scans/generated-0002-p3-curled.photo.pdf")));
  const double dpi = doc->page(1).image_dpi;
  ASSERT_GT(dpi, 100);
  EXPECT_FALSE(crisp(doc->render(1, dpi), dpi));
}

}  // namespace
}  // namespace gongkai::scan
