// The running text read above a table on a scanned page (src/readers/scan/
// text_bands.h): only as far as its heading, and nothing where the inch
// above the table holds no line of text.
#include "readers/scan/text_bands.h"

#include <gtest/gtest.h>

#include <random>
#include <string>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using namespace gongkai;
using namespace gongkai::scan;

namespace {

constexpr double kDpi = 200;

// A page 8.27 in wide, paper 235, with a table's top border at `table_top`.
cv::Mat page(int table_top) {
  cv::Mat grey(2339, 1654, CV_8UC1, cv::Scalar(235));
  cv::line(grey, {150, table_top}, {1500, table_top}, cv::Scalar(30), 3);
  return grey;
}

// A line of text 0.15 in high (dark strokes along it) with its top at `y`.
void text_line(cv::Mat& grey, int y, int width = 1100) {
  for (int x = 200; x < 200 + width; x += 30)
    cv::rectangle(grey, cv::Rect(x, y, 20, 30), cv::Scalar(40), 3);
}

std::vector<CellTable> table_at(int top) {
  CellTable t;
  t.top = top;
  t.bottom = top + 600;
  return {t};
}

}  // namespace

// Three lines in the inch above the table: all three are the band's lines,
// to be read from the bottom up.
TEST(TextBands, TheInchAboveATableIsCutIntoItsLines) {
  cv::Mat grey = page(1000);
  text_line(grey, 820);
  text_line(grey, 870);
  text_line(grey, 940, 500);  // the heading, shorter
  const auto bands = text_bands(grey, kDpi, 3, table_at(1000), false);
  ASSERT_EQ(bands.size(), 1u);
  ASSERT_EQ(bands[0].lines.size(), 3u);
  EXPECT_NEAR(bands[0].lines[2].y + bands[0].lines[2].height / 2.0, 955, 8);
  EXPECT_NEAR(bands[0].lines[0].y + bands[0].lines[0].height / 2.0, 835, 8);
}

// Specks of dust in the inch above a table continued at the top of a page
// are no line: no band is read there (it read as 8 lines of noise).
TEST(TextBands, SpecksAboveATableAreNoLine) {
  cv::Mat grey = page(330);
  std::mt19937 rng(5);
  std::uniform_int_distribution<int> x(0, 1650), y(30, 320);
  for (int i = 0; i < 60; ++i) cv::circle(grey, {x(rng), y(rng)}, 2, cv::Scalar(60), cv::FILLED);
  EXPECT_TRUE(text_bands(grey, kDpi, 5, table_at(330), false).empty());
  // Asked for the whole narrative, the band is read as it is.
  text_line(grey, 200);
  const auto whole = text_bands(grey, kDpi, 5, table_at(330), true);
  ASSERT_FALSE(whole.empty());
  EXPECT_TRUE(whole[0].lines.empty());
}

// The top of a page that opens with running text (page 3 of huaian-city-2024,
// scanned at 200 dpi: tests/data/scans/README.md): read as page 1 of an
// excerpt, its title band holds three lines of body text. They are read from
// the top until a line of running text, the first: one line, not three.
TEST(TextBands, ATitleBandIsReadOnlyDownToRunningText) {
  const cv::Mat top = cv::imread(std::string(GONGKAI_TEST_DATA) + "/scans/huaian-city-2024-p3-top-200dpi.jpg",
                                 cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(top.empty());
  // The rest of the A4 page: paper (the title is looked for in its top 45 %).
  cv::Mat grey;
  cv::copyMakeBorder(top, grey, 0, 2339 - top.rows, 0, 0, cv::BORDER_CONSTANT, cv::Scalar(235));
  const auto bands = text_bands(grey, kDpi, 1, {}, false);
  ASSERT_EQ(bands.size(), 1u);
  EXPECT_EQ(bands[0].lines.size(), 3u);
  ocr::BlockReader reader;
  const auto read = read_bands(reader, grey, bands, kDpi);
  ASSERT_EQ(read.size(), 1u);
  EXPECT_NE(read[0].text.find("政策解读"), std::string::npos) << read[0].text;
}

// Running text, not a title: two sentence marks between Han characters.
TEST(TextBands, RunningTextHasMarksBetweenItsWords) {
  EXPECT_TRUE(running_text("新、政策解读不通俗易懂、互动咨询不回应等问题列入重点检查      二放"));
  EXPECT_TRUE(running_text("范围。深入开展防治政务新媒体“指兴上的形式主义” 工作, 聚 ，"));
  // A title's line with specks read as commas before it (eval_scan seed 108).
  EXPECT_FALSE(running_text("，，洪泽区人民政府"));
  EXPECT_FALSE(running_text("淮安市人民政府2024年政府信息公开工作年度报告"));
  EXPECT_FALSE(running_text("发布日期：2024-01-20 来源：淮安市人民政府办公室"));
  EXPECT_FALSE(running_text("（2023年度）"));
}
