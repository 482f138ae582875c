// The seal's mask (seal_mask.h): found by colour, carried through the page's
// rectification, and used to give the number cells a seal touched a second
// look: a number that reads differently at it is left unread, with a
// scan.page_quality finding naming the seal's coverage; a cell the seal did
// not touch is left as read.
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "ocr/cell_ocr.h"
#include "readers/scan/page_image.h"
#include "readers/scan/photo_page.h"
#include "readers/scan/scan_page.h"
#include "readers/scan/seal_mask.h"

using namespace gongkai;
using namespace gongkai::scan;

namespace {

const cv::Scalar kWarmPaper(235, 242, 248);  // BGR, as photoify's colour effect

// A seal's ring and star multiplied onto a BGR page, semi-transparent red.
void stamp_ring(cv::Mat& bgr, cv::Point c, int r) {
  cv::Mat alpha(bgr.size(), CV_8UC1, cv::Scalar(0));
  cv::circle(alpha, c, r, cv::Scalar(255), std::max(2, r / 15), cv::LINE_AA);
  cv::circle(alpha, c, r / 4, cv::Scalar(255), cv::FILLED, cv::LINE_AA);
  const cv::Vec3f red(0.25f, 0.2f, 0.95f);
  for (int y = 0; y < bgr.rows; ++y)
    for (int x = 0; x < bgr.cols; ++x) {
      float w = 0.75f * alpha.at<uchar>(y, x) / 255.0f;
      cv::Vec3b& p = bgr.at<cv::Vec3b>(y, x);
      for (int k = 0; k < 3; ++k) p[k] = cv::saturate_cast<uchar>(p[k] * (1 - w + w * red[k]));
    }
}

// A one-row grid of `n` cells `w` x `h` pixels from (x0, y0).
grid::Grid row_of_cells(int n, double x0, double y0, double w, double h) {
  grid::Grid g;
  g.ys = {y0, y0 + h};
  for (int i = 0; i <= n; ++i) g.xs.push_back(x0 + i * w);
  for (int i = 0; i < n; ++i) g.cells.push_back({0, i, 1, 1, {x0 + i * w, y0, x0 + (i + 1) * w, y0 + h}});
  g.box = {x0, y0, x0 + n * w, y0 + h};
  return g;
}

}  // namespace

TEST(SealMask, RedSealIsMaskedWarmPaperAndGreyAreNot) {
  cv::Mat page(600, 500, CV_8UC3, kWarmPaper);
  cv::putText(page, "2024", {40, 80}, cv::FONT_HERSHEY_SIMPLEX, 1.5, cv::Scalar(30, 30, 30), 3);
  EXPECT_TRUE(seal_ink(page).empty()) << "warm paper and black print are no seal";
  cv::Mat grey;
  cv::cvtColor(page, grey, cv::COLOR_BGR2GRAY);
  EXPECT_TRUE(seal_ink(grey).empty());
  stamp_ring(page, {300, 350}, 120);
  cv::Mat seal = seal_ink(page);
  ASSERT_FALSE(seal.empty());
  EXPECT_EQ(seal.at<uchar>(350, 300), 255);      // the star's centre
  EXPECT_EQ(seal.at<uchar>(350, 300 + 120), 255);  // on the ring
  EXPECT_EQ(seal.at<uchar>(350, 300 + 70), 0);     // between ring and star
  EXPECT_EQ(seal.at<uchar>(60, 80), 0);            // the black print
  // RGB order reads the same seal.
  cv::Mat rgb;
  cv::cvtColor(page, rgb, cv::COLOR_BGR2RGB);
  EXPECT_EQ(cv::countNonZero(seal_ink(rgb, Channels::RGB) != seal), 0);
}

TEST(SealMask, TouchesOnlyCellsItLiesIn) {
  cv::Mat seal(400, 400, CV_8UC1, cv::Scalar(0));
  cv::circle(seal, {200, 200}, 100, cv::Scalar(255), 5);
  EXPECT_TRUE(seal_touches(seal, {80, 180, 60, 40}));    // the ring crosses it
  EXPECT_FALSE(seal_touches(seal, {150, 180, 100, 40}));  // inside the ring, clear of it
  EXPECT_FALSE(seal_touches(seal, {0, 0, 60, 40}));       // far away
  EXPECT_FALSE(seal_touches(cv::Mat(), {80, 180, 60, 40}));
  // A ring running along the cell's rule, outside its inner part, does not touch it.
  cv::Mat rule(100, 100, CV_8UC1, cv::Scalar(0));
  rule.row(10).setTo(255);
  EXPECT_FALSE(seal_touches(rule, {10, 10, 50, 30}));
}

TEST(SealMask, FollowsThePageAsItIsRectified) {
  // A page on a dark desk, seen in perspective, with a red mark in it: its
  // mask lands where the mark's print lands on the rectified page.
  cv::Mat page(700, 500, CV_8UC1, cv::Scalar(235));
  for (int y = 60; y < 640; y += 40) cv::line(page, {40, y}, {460, y}, cv::Scalar(20), 2);
  cv::Mat mark(page.size(), CV_8UC1, cv::Scalar(0));
  cv::rectangle(mark, cv::Rect(300, 420, 40, 40), cv::Scalar(255), cv::FILLED);
  page.setTo(120, mark);  // what the grey page shows of the mark
  int m = 60;
  std::vector<cv::Point2f> from = {{0, 0}, {500, 0}, {500, 700}, {0, 700}};
  std::vector<cv::Point2f> to = {{m + 15.0f, m + 5.0f}, {m + 495.0f, m + 12.0f}, {m + 485.0f, m + 698.0f}, {m + 5.0f, m + 690.0f}};
  cv::Mat t = cv::getPerspectiveTransform(from, to), photo, photo_mark;
  cv::Size frame(500 + 2 * m, 700 + 2 * m);
  photo = cv::Mat(frame, CV_8UC1, cv::Scalar(50));
  cv::warpPerspective(page, photo, t, frame, cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
  cv::warpPerspective(mark, photo_mark, t, frame, cv::INTER_NEAREST);
  PageOutline o = find_page_outline(photo);
  ASSERT_TRUE(o.found);
  cv::Mat moved = rectify_like(o, photo_mark);
  ASSERT_EQ(moved.size(), o.rectified.size());
  // The moved mask covers the mark's grey on the rectified page.
  cv::Mat grey_mark = (o.rectified > 90) & (o.rectified < 150);
  cv::erode(grey_mark, grey_mark, cv::Mat(), {-1, -1}, 3);
  ASSERT_GT(cv::countNonZero(grey_mark), 500);
  EXPECT_GT(cv::countNonZero(moved & grey_mark), 0.9 * cv::countNonZero(grey_mark));
  // No outline: the mask as it was.
  EXPECT_EQ(rectify_like(PageOutline{}, photo_mark).data, photo_mark.data);
}

// The reading a cell got at its first look is checked by a second one only
// where the seal lay. A misread first look is simulated (the real one,
// generated report 0001 photographed with seed 13001, read a clean "101"
// beside the seal's ring as 104 at 0.98, at one scale of the page only).
TEST(SealMask, ANumberTheSealTouchedIsReadTwiceAndDoubtedWhenTheLooksDiffer) {
  cv::Mat grey(200, 600, CV_8UC1, cv::Scalar(245));
  auto g = row_of_cells(3, 0, 50, 200, 60);
  for (int i = 0; i < 3; ++i) cv::putText(grey, "101", {60 + 200 * i, 95}, cv::FONT_HERSHEY_SIMPLEX, 1.1, cv::Scalar(20), 2);
  cv::Mat seal(grey.size(), CV_8UC1, cv::Scalar(0));
  cv::circle(seal, {120, 130}, 40, cv::Scalar(255), 4);  // crosses cell 0's lower part
  cv::circle(seal, {300, 130}, 40, cv::Scalar(255), 4);  // and cell 1's
  std::vector<CellReadout> cells(3);
  cells[0].text = "104", cells[0].confidence = 0.98;  // the first look misread it
  cells[1].text = "101", cells[1].confidence = 0.99;  // read right
  cells[2].text = "104", cells[2].confidence = 0.98;  // misread too, but no seal near it
  ocr::OcrOptions o;
  o.threads = 1;
  ocr::CellOcrPool pool(o);
  SealCheck check = second_look_under_seal(pool, grey, seal, g, cells);
  EXPECT_EQ(check.touched, 2);
  EXPECT_EQ(check.doubted, 1);
  EXPECT_TRUE(cells[0].unread) << "two looks, two numbers: left unread, not guessed";
  EXPECT_FALSE(cells[1].unread) << "read the same twice: kept";
  EXPECT_FALSE(cells[2].unread) << "no seal: not looked at again";
  // Without a seal nothing is read again.
  std::vector<CellReadout> clean(3);
  clean[0].text = "104";
  EXPECT_EQ(second_look_under_seal(pool, grey, cv::Mat(), g, clean).touched, 0);
  EXPECT_FALSE(clean[0].unread);
}

TEST(SealMask, CoverageIsAPageQualityReason) {
  ScanPage page(cv::Mat(100, 100, CV_8UC1, cv::Scalar(255)), 200, 3);
  report_seal_coverage(page, {5, 0});
  EXPECT_TRUE(page.layout.findings.empty()) << "every number the seal touched read the same twice";
  report_seal_coverage(page, {5, 2});
  ASSERT_EQ(page.layout.findings.size(), 1u);
  EXPECT_EQ(page.layout.findings[0].rule, "scan.page_quality");
  EXPECT_NE(page.layout.findings[0].message.find("seal coverage"), std::string::npos);
  EXPECT_NE(page.layout.findings[0].message.find("page 3"), std::string::npos);
}

TEST(SealMask, TheRingIsNoRuleButARuleUnderTheSealIsKept) {
  cv::Mat seal(400, 400, CV_8UC1, cv::Scalar(0));
  cv::circle(seal, {200, 200}, 100, cv::Scalar(255), 6);
  grid::Rules rules;
  rules.vertical = {{299.5, 180, 220},   // the ring's right edge, one row high
                    {250, 0, 400}};      // a table's rule crossing the ring
  rules.horizontal = {{200, 0, 400}, {100.5, 185, 215}};  // a rule across; the ring's top
  drop_seal_rules(rules, seal);
  ASSERT_EQ(rules.vertical.size(), 1u);
  EXPECT_EQ(rules.vertical[0].pos, 250);
  ASSERT_EQ(rules.horizontal.size(), 1u);
  EXPECT_EQ(rules.horizontal[0].pos, 200);
  grid::Rules kept = rules;
  drop_seal_rules(kept, cv::Mat());  // no seal: nothing dropped
  EXPECT_EQ(kept.vertical.size(), 1u);
}

// An image file decoded: a colour page brings its seal's mask, the same size
// as its grey page (also when the page is scaled down to be read); a grey
// page brings none.
TEST(SealMask, ComesWithAColourImageFile) {
  cv::Mat page(900, 640, CV_8UC3, kWarmPaper);
  stamp_ring(page, {320, 450}, 150);
  auto decode = [](const cv::Mat& m, int max_side) {
    std::vector<uchar> buf;
    cv::imencode(".png", m, buf);
    std::string bytes(buf.begin(), buf.end());
    return ImageFile(bytes).page(0, max_side);
  };
  PageImage colour = decode(page, 4200);
  ASSERT_FALSE(colour.seal.empty());
  EXPECT_EQ(colour.seal.size(), colour.grey.size());
  EXPECT_EQ(colour.seal.at<uchar>(450, 320 + 150), 255);
  PageImage smaller = decode(page, 450);
  ASSERT_FALSE(smaller.seal.empty());
  EXPECT_EQ(smaller.seal.size(), smaller.grey.size());
  cv::Mat grey;
  cv::cvtColor(page, grey, cv::COLOR_BGR2GRAY);
  EXPECT_TRUE(decode(grey, 4200).seal.empty());
}

// The seal over the light blue header row 第二十条第（五）项 of a photoify copy
// (tests/data/photos/README.md): red ink on blue has little red excess over
// blue, so grey_without_red's lift left the ring and star as a grey ghost
// that the label cell read as text. Within the seal's mask a pixel is now no
// darker than its red channel scaled to the paper's grey around it: inside
// the row, pixels of the mask more than 40 levels darker than the row fell
// from 1803 of 5541 to 394.
TEST(SealMask, TheGhostOfTheSealOnAShadedRowIsLifted) {
  const cv::Mat page = cv::imread(std::string(GONGKAI_TEST_DATA) + "/photos/huaian-city-2024-p3-seal-row.png");
  ASSERT_FALSE(page.empty());
  const cv::Mat grey = grey_without_red(page);
  const cv::Mat seal = seal_ink(page);
  ASSERT_FALSE(seal.empty());
  cv::Mat row_grey;
  cv::cvtColor(page, row_grey, cv::COLOR_BGR2GRAY);
  const int row = cv::mean(row_grey(cv::Rect(0, 40, 40, 20)))[0];  // the row's shade left of the seal
  int ghost = 0, on_seal = 0;
  for (int y = 8; y < 90; ++y)  // inside the row, off its ruling lines
    for (int x = 0; x < grey.cols; ++x)
      if (seal.at<uchar>(y, x)) {
        ++on_seal;
        ghost += grey.at<uchar>(y, x) < row - 40;
      }
  ASSERT_GT(on_seal, 1000);
  EXPECT_LT(ghost, on_seal / 10);
}
