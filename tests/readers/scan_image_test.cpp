// A scan read at its own resolution is taken from its image (decoded and
// turned) rather than rendered by Splash. At one pixel per pixel the page must be the
// image's own samples, turned as the page draws them; Splash's render of the
// same page (made to take Splash's path by a white rule drawn under the
// image: a stroke is left to Splash) is the independent check that the
// expected turn is the one a viewer shows. Splash blends neighbours even at
// 1:1 (an edge pixel 213 next to 30 became 205), so it is held only loosely.
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "readers/pdf/pdf_document.h"
#include "test_util.h"

namespace gongkai {
namespace {

// Grey samples with sharp-edged print (dark bars and blocks) on a lighter
// ground, `w` x `h`; in colour, a red stamp's strokes over the top left.
cv::Mat print(int w, int h, int channels) {
  cv::Mat m(h, w, channels == 1 ? CV_8UC1 : CV_8UC3);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      bool ink = (x % 37 < 3) || (y % 29 < 2) || ((x / 11 + y / 13) % 7 == 0);
      unsigned char v = ink ? 30 : static_cast<unsigned char>(200 + (x + y) % 40);
      bool red = x > 40 && x < 120 && y > 40 && y < 120 && (x + y) % 9 < 3;
      if (channels == 1) m.at<unsigned char>(y, x) = v;
      else m.at<cv::Vec3b>(y, x) = red ? cv::Vec3b(220, 40, 40) : cv::Vec3b(v, v, v);  // RGB
    }
  return m;
}

// One A6 page (298 x 420 points) drawing `image` through `cm`; `rotate` is
// the page's /Rotate; `splash`: a white rule under the image.
std::string scan_pdf(const cv::Mat& image, const std::string& cm, bool splash, int rotate = 0) {
  std::string content = std::string(splash ? "1 G 1 w 20 20 m 200 20 l S " : "") + "q " + cm + " cm /Im0 Do Q";
  std::string bytes(reinterpret_cast<const char*>(image.data), image.total() * image.elemSize());
  const bool bilevel = image.type() == CV_8UC1 && cv::countNonZero((image != 0) & (image != 255)) == 0;
  if (bilevel) {  // a fax-like scan: one bit a pixel, rows padded to whole bytes
    bytes.clear();
    for (int y = 0; y < image.rows; ++y)
      for (int x0 = 0; x0 < image.cols; x0 += 8) {
        unsigned char b = 0;
        for (int x = x0; x < x0 + 8; ++x) b = static_cast<unsigned char>(b << 1 | (x < image.cols && image.at<unsigned char>(y, x)));
        bytes += static_cast<char>(b);
      }
  }
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Rotate " + std::to_string(rotate) +
          " /Contents 4 0 R /Resources << /XObject << /Im0 5 0 R >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream",
      "<< /Type /XObject /Subtype /Image /Width " + std::to_string(image.cols) + " /Height " +
          std::to_string(image.rows) + " /ColorSpace " + (image.channels() == 1 ? "/DeviceGray" : "/DeviceRGB") +
          " /BitsPerComponent " + (bilevel ? "1" : "8") + " /Length " +
          std::to_string(bytes.size()) + " >>\nstream\n" + bytes + "\nendstream"};
  return gk_test::pdf_file(objects, 1);
}

struct Page {
  cv::Mat pixels, seal;
};

Page render(const cv::Mat& image, const std::string& cm, double dpi, bool splash = false, int rotate = 0) {
  Page p;
  p.pixels = pdf::PdfDocument::open(scan_pdf(image, cm, splash, rotate))->render(1, dpi, &p.seal, image.channels() == 3);
  return p;
}

double mean_difference(const cv::Mat& a, const cv::Mat& b) {
  if (a.size() != b.size() || a.type() != b.type()) return 255;
  cv::Mat d;
  cv::absdiff(a, b, d);
  return cv::mean(d)[0];
}

// The image at 1:1 as the page shows it is exactly `expected`, and Splash
// agrees with that turn (a wrong turn of this print differs by 60 levels or more).
void expect_page(const cv::Mat& image, const std::string& cm, const cv::Mat& expected, int rotate = 0) {
  cv::Mat direct = render(image, cm, 72, false, rotate).pixels;
  ASSERT_EQ(direct.size(), expected.size());
  EXPECT_EQ(cv::norm(direct, expected, cv::NORM_INF), 0);
  EXPECT_LT(mean_difference(render(image, cm, 72, true, rotate).pixels, expected), 20);
}

TEST(ScanImage, OneToOneIsTheImagesOwnSamples) {
  cv::Mat image = print(298, 420, 1);
  expect_page(image, "298 0 0 420 0 0", image);
}

TEST(ScanImage, MirroredAndTurnedImagesAndPagesLandAsAViewerShowsThem) {
  cv::Mat image = print(298, 420, 1), turned;
  cv::flip(image, turned, 1);
  expect_page(image, "-298 0 0 420 298 0", turned);  // mirrored left to right
  cv::flip(image, turned, 0);
  expect_page(image, "298 0 0 -420 0 420", turned);  // upside down
  cv::Mat wide = print(420, 298, 1);
  cv::rotate(wide, turned, cv::ROTATE_90_COUNTERCLOCKWISE);
  expect_page(wide, "0 420 -298 0 298 0", turned);  // its rows drawn up the page
  cv::rotate(image, turned, cv::ROTATE_90_CLOCKWISE);
  expect_page(image, "298 0 0 420 0 0", turned, 90);  // the page's /Rotate
}

TEST(ScanImage, ABilevelScanIsItsBits) {
  cv::Mat image = print(298, 420, 1) > 100;  // 0 or 255
  expect_page(image, "298 0 0 420 0 0", image);
}

TEST(ScanImage, AColourScanKeepsItsSealApart) {
  cv::Mat image = print(298, 420, 3);
  Page direct = render(image, "298 0 0 420 0 0", 72), splash = render(image, "298 0 0 420 0 0", 72, true);
  ASSERT_EQ(direct.pixels.type(), CV_8UC1);
  ASSERT_FALSE(direct.seal.empty());
  ASSERT_FALSE(splash.seal.empty());
  // The stamp's strokes (the only red) are in the seal; Splash's blending widens them a little.
  int red = 0, found = 0;
  for (int y = 0; y < 420; ++y)
    for (int x = 0; x < 298; ++x)
      if (image.at<cv::Vec3b>(y, x)[1] == 40) ++red, found += direct.seal.at<unsigned char>(y, x) != 0;
  EXPECT_GE(found, 0.95 * red);
  EXPECT_LE(cv::countNonZero(direct.seal), cv::countNonZero(splash.seal));
  EXPECT_LT(mean_difference(direct.pixels, splash.pixels), 20);
}

TEST(ScanImage, AnImageOnPartOfThePageIsPlacedOnPaper) {
  cv::Mat image = print(298, 420, 1);
  // Half size (resampled, so by Splash), 50 pt in, 110 pt down.
  cv::Mat page = render(image, "149 0 0 210 50 100", 72).pixels;
  ASSERT_EQ(page.size(), cv::Size(298, 420));
  EXPECT_EQ(page.at<unsigned char>(5, 5), 255);
  EXPECT_EQ(page.at<unsigned char>(415, 290), 255);
  EXPECT_EQ(page.at<unsigned char>(111, 51), 30);  // the image's dark corner
  EXPECT_LT(mean_difference(page, render(image, "149 0 0 210 50 100", 72, true).pixels), 20);
}

}  // namespace
}  // namespace gongkai
