// A lone 0 read from its shape (src/ocr/zero_shape.h, PreparedCell::zero_shape):
// real cells of the 200 dpi test scan and of the 300 dpi page
// (tests/data/ocr/README.md), and drawn shapes that look most like a 0.
#include "ocr/zero_shape.h"

#include <gtest/gtest.h>

#include <string>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ocr/cell_image.h"

using namespace gongkai::ocr;

namespace {

// Whether the cell image `name` (the whole image is the cell, or `margin`
// px around it are the neighbours) prepares as a lone 0.
bool zero_in(const std::string& name, int margin = 0) {
  const std::string path = std::string(GONGKAI_TEST_DATA) + "/ocr/" + name;
  const cv::Mat cell = cv::imread(path, cv::IMREAD_GRAYSCALE);
  EXPECT_FALSE(cell.empty()) << "cannot read " << path;
  if (cell.empty()) return false;
  const cv::Rect r(margin, margin, cell.cols - 2 * margin, cell.rows - 2 * margin);
  return prepare_cell(cell, r, CellKind::Number).zero_shape;
}

// Ink (255) on paper (0), `h` px high: a drawing in a frame of paper.
cv::Mat canvas(int w, int h) { return cv::Mat::zeros(h, w, CV_8UC1); }

// The ink cut tight, as prepare_cell gives it.
cv::Mat tight(const cv::Mat& ink) { return ink(cv::boundingRect(ink)).clone(); }

}  // namespace

TEST(ZeroShape, RealZerosAt200And300Dpi) {
  EXPECT_TRUE(zero_in("200z-n-0.png"));
  EXPECT_TRUE(zero_in("300-n-0.png", 8));
}

// 6 and 9 have one hole, low or high; 8 has two; 3 and 4 (this face's 4 is
// open) none.
TEST(ZeroShape, OtherLoneDigitsAreNot) {
  for (const char* d : {"3", "4", "6", "8", "9"}) EXPECT_FALSE(zero_in(std::string("200z-n-") + d + ".png")) << d;
}

// Numbers of more than one digit are read by Tesseract, a 0 among them too.
TEST(ZeroShape, NumbersOfSeveralDigitsAreNot) {
  EXPECT_FALSE(zero_in("300-n-105.png", 8));
  EXPECT_FALSE(zero_in("300-n-53.png", 8));
  EXPECT_FALSE(zero_in("200s-n-3001.png", 6));
}

TEST(ZeroShape, DrawnShapes) {
  cv::Mat ring = canvas(40, 50);
  cv::ellipse(ring, {20, 25}, {10, 18}, 0, 0, 360, cv::Scalar(255), 3);
  EXPECT_TRUE(is_zero_shape(tight(ring)));

  // An 8 has two holes; one whose waist broke has one, tall and centred,
  // but narrow at its middle.
  cv::Mat eight = canvas(40, 50);
  cv::ellipse(eight, {20, 15}, {9, 9}, 0, 0, 360, cv::Scalar(255), 3);
  cv::ellipse(eight, {20, 34}, {10, 10}, 0, 0, 360, cv::Scalar(255), 3);
  EXPECT_FALSE(is_zero_shape(tight(eight)));
  cv::Mat waisted = ring.clone();
  cv::rectangle(waisted, cv::Rect(11, 24, 6, 3), cv::Scalar(255), cv::FILLED);
  cv::rectangle(waisted, cv::Rect(24, 24, 6, 3), cv::Scalar(255), cv::FILLED);
  EXPECT_FALSE(is_zero_shape(tight(waisted)));

  // A 6: a hole in its lower part only.
  cv::Mat six = canvas(40, 50);
  cv::ellipse(six, {20, 33}, {10, 10}, 0, 0, 360, cv::Scalar(255), 3);
  cv::ellipse(six, {28, 25}, {18, 20}, 0, 180, 250, cv::Scalar(255), 3);
  EXPECT_FALSE(is_zero_shape(tight(six)));

  // 口 is as wide as tall; a filled blot has no hole.
  cv::Mat square = canvas(50, 50);
  cv::rectangle(square, cv::Rect(8, 8, 34, 34), cv::Scalar(255), 3);
  EXPECT_FALSE(is_zero_shape(tight(square)));
  cv::Mat blot = canvas(40, 50);
  cv::ellipse(blot, {20, 25}, {10, 18}, 0, 0, 360, cv::Scalar(255), cv::FILLED);
  EXPECT_FALSE(is_zero_shape(tight(blot)));

  // A speck of dust inside the hole leaves one hole; a 0 broken open has none.
  cv::Mat dusty = ring.clone();
  cv::circle(dusty, {20, 25}, 1, cv::Scalar(255), cv::FILLED);
  EXPECT_TRUE(is_zero_shape(tight(dusty)));
  cv::Mat open = ring.clone();
  cv::rectangle(open, cv::Rect(26, 20, 8, 6), cv::Scalar(0), cv::FILLED);
  EXPECT_FALSE(is_zero_shape(tight(open)));
}
