// Pages that did not lie flat (src/readers/scan/page_curl.h): their rules
// bowed as a parabola across the page, as a report photographed open bows.
#include "readers/scan/page_curl.h"

#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "grid/grid.h"
#include "grid/raster_rules.h"
#include "pipeline/extract.h"
#include "readers/pdf/pdf_document.h"
#include "writers/json_writer.h"
#include "test_util.h"

namespace gongkai::scan {
namespace {

// Every row of `page` moved down by `sagitta` px at the middle, none at the
// sides: a page bowed across its width. `fill` comes in at the top.
cv::Mat bowed(const cv::Mat& page, double sagitta, int fill = 255) {
  cv::Mat mx(page.size(), CV_32F), my(page.size(), CV_32F);
  for (int y = 0; y < page.rows; ++y)
    for (int x = 0; x < page.cols; ++x) {
      double u = 2.0 * x / page.cols - 1;
      mx.at<float>(y, x) = static_cast<float>(x);
      my.at<float>(y, x) = static_cast<float>(y - sagitta * (1 - u * u));
    }
  cv::Mat out;
  cv::remap(page, out, mx, my, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(fill));
  return out;
}

// A4 at 150 dpi with a ruled table of 12 rows and 5 columns on its lower two
// thirds, and a line of "text" (short strokes) above it.
cv::Mat table_page() {
  cv::Mat page(1754, 1240, CV_8UC1, cv::Scalar(235));
  for (int r = 0; r <= 12; ++r) cv::line(page, {120, 600 + r * 80}, {1120, 600 + r * 80}, cv::Scalar(30), 2);
  for (int c = 0; c <= 5; ++c) cv::line(page, {120 + c * 200, 600}, {120 + c * 200, 1560}, cv::Scalar(30), 2);
  for (int x = 150; x < 1000; x += 30) cv::line(page, {x, 400}, {x + 18, 400}, cv::Scalar(30), 3);
  return page;
}

// Rows and columns of the tables the grid finder sees.
std::vector<std::pair<int, int>> tables_seen(const cv::Mat& page) {
  grid::RasterRuleOptions o;
  o.dpi = 150;
  std::vector<std::pair<int, int>> out;
  for (auto& g : grid::build_grids(grid::merge_rules(grid::detect_rules(page, o), 3), 3))
    out.emplace_back(g.rows(), g.cols());
  return out;
}

TEST(PageCurl, ABowedTableIsFlattenedUntilItsGridIsWhole) {
  const cv::Mat flat = table_page();
  ASSERT_EQ(tables_seen(flat), (std::vector<std::pair<int, int>>{{12, 5}}));
  cv::Mat page = bowed(flat, 12);  // 2 mm at 150 dpi
  ASSERT_NE(tables_seen(page), (std::vector<std::pair<int, int>>{{12, 5}}));  // the rules no longer line up
  const cv::Mat given = page.clone();
  cv::Mat seal;
  PageCurl curl = flatten_curl(page, seal, 150);
  EXPECT_TRUE(curl.flattened);
  EXPECT_NEAR(curl.sagitta_mm, 2.0, 0.6);
  EXPECT_EQ(tables_seen(page), (std::vector<std::pair<int, int>>{{12, 5}}));
  // A second look finds it flat.
  cv::Mat again = page.clone();
  EXPECT_FALSE(flatten_curl(again, seal, 150).flattened);
  EXPECT_LT(cv::norm(given, bowed(flat, 12), cv::NORM_INF), 1);  // the page as given was not written to
}

TEST(PageCurl, AFlatPageAndAPageWithoutRulesAreLeftAsTheyAre) {
  cv::Mat flat = table_page(), seal;
  const uchar* pixels = flat.data;
  EXPECT_FALSE(flatten_curl(flat, seal, 150).flattened);
  EXPECT_EQ(flat.data, pixels);
  cv::Mat text(1754, 1240, CV_8UC1, cv::Scalar(235));
  for (int y = 200; y < 1500; y += 40)
    for (int x = 150; x < 1000; x += 30) cv::line(text, {x, y}, {x + 18, y}, cv::Scalar(30), 3);
  cv::Mat curled = bowed(text, 12);
  EXPECT_FALSE(flatten_curl(curled, seal, 150).flattened);
}

// The page is straightened along its rules (to where they bow furthest, not
// where they were printed); the seal's mask moves with the print under it.
// Whether `path`, read at `dpi`, had a page flattened (its note), and how many
// cells of `table` got a value.
std::pair<bool, int> flattened_and_cells(const std::string& path, double dpi, const std::string& table) {
  ReadOptions o;
  o.scan_dpi = dpi;
  nlohmann::json r = to_json(extract_file(path, o));
  bool bowed = false;
  for (auto& f : r["findings"]) bowed |= f["message"].get<std::string>().find("bowed") != std::string::npos;
  int cells = 0;
  for (auto& c : r["cells"]) cells += c["table"] == table && !c["value"].is_null();
  return {bowed, cells};
}

TEST(PageCurl, OneOddRuleOnAFlatScanIsNotACurlButTwoBowedRulesAre) {
  // A flat scan (generated 0001's page 3, scanify at 211 dpi, eval_scan seed
  // 71) read at 200 dpi: one rule bowed 0.39 mm, the next 0.11. Flattened as
  // curled, the report had lost its table 三 (175 cells).
  auto flat = flattened_and_cells(gk_test::data("scans/generated-0001-p3-flat-211dpi.scan.pdf"), 200, "review_litigation");
  EXPECT_FALSE(flat.first);
  EXPECT_EQ(flat.second, 15);
  // Table 四 alone on a curled photo's page (photoify all,curl, seed 153):
  // bows 0.38, 0.33, 0.16, 0.07, 0.04 mm. Left bowed, its 15 cells were lost.
  auto curled = flattened_and_cells(gk_test::data("scans/generated-0002-p3-curled.photo.pdf"), 300, "review_litigation");
  EXPECT_TRUE(curled.first);
  EXPECT_EQ(curled.second, 15);
}

TEST(PageCurl, TheSealMaskMovesWithThePage) {
  // A dot of print in a cell (rules at rows 840 and 920), under the seal's ink.
  cv::Mat flat = table_page(), mark = cv::Mat::zeros(flat.size(), CV_8UC1);
  cv::circle(flat, {1000, 880}, 10, cv::Scalar(0), cv::FILLED);
  cv::circle(mark, {1000, 880}, 10, cv::Scalar(255), cv::FILLED);
  cv::Mat page = bowed(flat, 12), seal = bowed(mark, 12, 0);
  const cv::Mat seal_given = seal.clone();
  ASSERT_TRUE(flatten_curl(page, seal, 150).flattened);
  ASSERT_NE(cv::norm(seal, seal_given, cv::NORM_INF), 0);  // it moved
  const cv::Rect cell(960, 856, 80, 70);  // clear of the rules, straightened at rows 852 and 932
  cv::Mat print;
  cv::threshold(page(cell), print, 100, 255, cv::THRESH_BINARY_INV);
  cv::Moments on_page = cv::moments(print, true), in_mask = cv::moments(seal(cell), true);
  ASSERT_GT(on_page.m00, 250);
  ASSERT_GT(in_mask.m00, 250);
  EXPECT_NEAR(in_mask.m01 / in_mask.m00, on_page.m01 / on_page.m00, 0.5);
  EXPECT_NEAR(in_mask.m10 / in_mask.m00, on_page.m10 / on_page.m00, 0.5);
  EXPECT_EQ(cv::countNonZero(seal.rowRange(0, 600)), 0);  // no seal brought in from outside
}

// End to end: table 四 of a real report (page 5), photographed bowed by
// about 2 mm, reads its fifteen values as printed (the checked record).
TEST(PageCurl, ABowedRealTableReadsAsPrinted) {
  auto doc = pdf::PdfDocument::open(gk_test::slurp(gk_test::sample("huaian-city-2024.pdf")));
  cv::Mat page = bowed(doc->render(5, 200), 14);
  std::vector<uchar> bytes;
  cv::imencode(".png", page, bytes);
  auto got = to_json(extract_bytes(std::string(bytes.begin(), bytes.end()), "bowed-p5.png"));
  auto want = gk_test::load(gk_test::sample("huaian-city-2024.expected.json"))["tables"]["review_litigation"];
  EXPECT_EQ(nlohmann::json::parse(got["tables"]["review_litigation"].dump()), want);
}

}  // namespace
}  // namespace gongkai::scan
