// Number cells of light serif digits photographed at ~156 dpi (src/ocr/cell_reader.cpp,
// the looks at the strokes' cores and sharpened; src/ocr/cell_image.h, stroke_cores):
// real crops of 淮安市 2024's table 三 in photoify copies with every effect
// (tests/data/ocr/README.md says which). Blur fills the gaps of digits ~14 px high
// with pale ink, and Tesseract, given the cut-out as it is, read a leading digit
// into the next one (3001 -> 01, 746 -> 76, 34 -> 4), a 0 as nothing, a 3 as a 2.
#include <gtest/gtest.h>

#include <string>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ocr/number_looks.h"
#include "ocr/cell_ocr.h"

using namespace gongkai::ocr;

namespace {

CellReader& reader() {
  static CellReader r;
  return r;
}

Reading read_number_cell(const std::string& name) {
  const std::string path = std::string(GONGKAI_TEST_DATA) + "/ocr/" + name;
  const cv::Mat cell = cv::imread(path, cv::IMREAD_GRAYSCALE);
  EXPECT_FALSE(cell.empty()) << "cannot read " << path;
  if (cell.empty()) return {};
  reader().set_page(cell);
  return reader().read(cv::Rect(0, 0, cell.cols, cell.rows), CellKind::Number);
}

// The scan reader trusts a number read with 0.8 or more (cell_reading.cpp).
constexpr double kTrusted = 0.8;

}  // namespace

// Before: 01 and 76 (the digit count caught them: unread), 4 (unread), nothing.
TEST(FaintDigits, LeadingDigitsBlurredIntoTheNextAreRead) {
  for (const auto& [file, value] : {std::pair<std::string, std::string>{"photo-faint-n-3001.png", "3001"},
                                    {"photo-faint-n-746.png", "746"},
                                    {"photo-faint-n-34.png", "34"},
                                    {"photo-faint-n-0.png", "0"}}) {
    const Reading r = read_number_cell(file);
    EXPECT_EQ(r.text, value) << file;
    EXPECT_GE(r.confidence, kTrusted) << file;
  }
}

// A curled copy: 3001 read 2001 at 0.94 (3001 an alternative at 0.71, the look at
// 1.3x agreed), trusted, and the table's sums carried the error to three more
// cells. The look at the strokes' cores reads 3001: the reading is doubted.
TEST(FaintDigits, AConfidentMisreadThatOtherLooksContradictIsDoubted) {
  const Reading r = read_number_cell("photo-curled-n-3001.png");
  EXPECT_TRUE(r.text == "3001" || r.confidence < kTrusted) << r.text << " at " << r.confidence;
}

// 447 whose 4s blurred into two stems: the second 4's stem and the 7 were counted
// as one split digit, and every look read 47 (0.93). A 7 is one stroke, so the
// reading does not explain the ink and is not trusted.
TEST(FaintDigits, AOneStrokeDigitWhereTheInkShowsASplitOneIsNotTrusted) {
  const Reading r = read_number_cell("photo-faint-n-447.png");
  EXPECT_TRUE(r.text == "447" || r.confidence < kTrusted) << r.text << " at " << r.confidence;
}

// Stroke cores: the pale rim of a stroke becomes paper, the core keeps its darkness
// stretched to the full range, and paper stays paper.
TEST(FaintDigits, StrokeCoresDropThePaleRim) {
  cv::Mat ink(20, 20, CV_8U, cv::Scalar(255));
  cv::rectangle(ink, {6, 2}, {13, 17}, cv::Scalar(200), cv::FILLED);  // pale rim
  cv::rectangle(ink, {8, 2}, {11, 17}, cv::Scalar(40), cv::FILLED);   // core
  const cv::Mat c = stroke_cores(ink);
  EXPECT_EQ(c.at<uchar>(10, 7), 255);   // rim: paper
  EXPECT_EQ(c.at<uchar>(10, 0), 255);   // paper
  EXPECT_LT(c.at<uchar>(10, 9), 70);    // core: still dark
  EXPECT_GT(c.at<uchar>(10, 9), 40);    // stretched towards the rim's level
}

// Of several looks, the reading that fits the ink and most looks read; another
// reading that fits the ink with confidence makes it doubtful.
TEST(FaintDigits, LooksAgreeOrTheReadingIsDoubted) {
  // The first look lost a digit (does not fit); two of three others read 3001.
  NumberLook lost{"01", 0.97, false}, right{"3001", 0.95, true}, right2{"3001", 0.99, true}, none{"", 0, false};
  NumberLook r = agreed_reading({lost, right, none, right2}, 0.5);
  EXPECT_EQ(r.text, "3001");
  EXPECT_DOUBLE_EQ(r.conf, 0.99);
  // A confident look that fits the ink and reads another number.
  r = agreed_reading({right2, right, {"2001", 0.94, true}}, 0.5);
  EXPECT_EQ(r.text, "3001");
  EXPECT_DOUBLE_EQ(r.conf, 0.5);
  // An unsure one does not.
  r = agreed_reading({right2, right, {"2001", 0.6, true}}, 0.5);
  EXPECT_DOUBLE_EQ(r.conf, 0.99);
  // One look's reading alone must be very sure: the others read nothing that fits.
  r = agreed_reading({lost, {"24244", 0.91, true}, {"22", 0.58, false}}, 0.5);
  EXPECT_EQ(r.text, "24244");
  EXPECT_DOUBLE_EQ(r.conf, 0.5);
  EXPECT_DOUBLE_EQ(agreed_reading({lost, {"0", 0.98, true}, none}, 0.5).conf, 0.98);
  // Nothing read.
  EXPECT_EQ(agreed_reading({none, none}, 0.5).text, "");
}
