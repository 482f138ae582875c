// Cell images (src/ocr/cell_image.h): the digit count of a number cell on
// photographed pages, where the ink threshold cuts a small serif digit in two
// and blur joins neighbouring digits. Real crops from photoify copies of the
// 淮安市 2024 report (tests/data/ocr/README.md says which).
#include "ocr/cell_image.h"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>

using namespace gongkai::ocr;

namespace {

int digits_seen(const std::string& name) {
  const std::string path = std::string(GONGKAI_TEST_DATA) + "/ocr/" + name;
  const cv::Mat cell = cv::imread(path, cv::IMREAD_GRAYSCALE);
  EXPECT_FALSE(cell.empty()) << "cannot read " << path;
  if (cell.empty()) return -1;
  return prepare_cell(cell, cv::Rect(0, 0, cell.cols, cell.rows), CellKind::Number).digits_seen;
}

}  // namespace

// Digits ~14 px high (187 dpi, colour copy): the hairline top and bottom of a
// serif 0, the top of a 6, the joins of 2, 3 and 9 fall under the ink
// threshold. Counted as runs of tall columns alone, 2932 had 8 digits, 3001
// had 5 and 67 had 3, and the right readings were left unread.
TEST(CellImageDigits, SmallSerifDigitsCutByTheThresholdCountOnce) {
  EXPECT_EQ(digits_seen("photo-n-2932.png"), 4);
  EXPECT_EQ(digits_seen("photo-n-3001.png"), 4);
  EXPECT_EQ(digits_seen("photo-n-67.png"), 2);
}

// Blurred, low-contrast copies: neighbouring digits touch at the ink
// threshold. The 30 was one run, so Tesseract's "0" (confidence 0.97) fitted
// the ink and was taken; 1362 and 108 lost a digit.
TEST(CellImageDigits, DigitsThatBlurJoinedAreCountedApart) {
  EXPECT_EQ(digits_seen("photo-blurred-n-30.png"), 2);
  EXPECT_EQ(digits_seen("photo-blurred-n-1362.png"), 4);
  EXPECT_EQ(digits_seen("photo-blurred-n-108.png"), 3);
}

// Narrow digits next to each other in the same blurred copy stay two: a 1's
// flag and foot do not make them one digit.
TEST(CellImageDigits, NarrowNeighboursStayApart) {
  EXPECT_EQ(digits_seen("photo-blurred-n-31.png"), 2);
  EXPECT_EQ(digits_seen("photo-blurred-n-11.png"), 2);
}

// Which digits were counted from two runs of tall columns joined (the reader
// then refuses a 1 or a 7 there: one stroke each): the 2s, 9 and 3 of 2932 and
// the 6 of 67, whose joins fell under the ink threshold; not the 7.
TEST(CellImageDigits, DigitsCutInTwoAreMarkedJoined) {
  auto joined = [](const std::string& name) {
    const cv::Mat cell = cv::imread(std::string(GONGKAI_TEST_DATA) + "/ocr/" + name, cv::IMREAD_GRAYSCALE);
    EXPECT_FALSE(cell.empty()) << name;
    if (cell.empty()) return std::vector<bool>{};
    return prepare_cell(cell, cv::Rect(0, 0, cell.cols, cell.rows), CellKind::Number).digit_joined;
  };
  EXPECT_EQ(joined("photo-n-2932.png"), (std::vector<bool>{true, true, true, true}));
  EXPECT_EQ(joined("photo-n-67.png"), (std::vector<bool>{true, false}));
}
