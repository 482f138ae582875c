// Ruling lines found in page images (src/grid/raster_rules.h), on images drawn
// here and on two pages of a real report rendered at 100 dpi.
#include "grid/raster_rules.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

using gongkai::grid::detect_rules;
using gongkai::grid::RasterRuleOptions;
using gongkai::grid::Rule;
using gongkai::grid::Rules;

namespace {

cv::Mat page(int w, int h, int value = 255) { return cv::Mat(h, w, CV_8UC1, cv::Scalar(value)); }

// Filled rectangles so that the expected position is exact: a horizontal line
// over columns [x0, x1] and rows [y, y + t) has pos y + t/2, from x0, to x1 + 1.
void hline(cv::Mat& img, int y, int x0, int x1, int t, int ink = 0) {
  cv::rectangle(img, cv::Point(x0, y), cv::Point(x1, y + t - 1), cv::Scalar(ink), cv::FILLED);
}
void vline(cv::Mat& img, int x, int y0, int y1, int t, int ink = 0) {
  cv::rectangle(img, cv::Point(x, y0), cv::Point(x + t - 1, y1), cv::Scalar(ink), cv::FILLED);
}

// A dashed horizontal (or vertical) line of whole dashes `dash` long with gaps
// `gap` long, from `from` to at most `to`. Returns the end (one past the last
// ink pixel).
int dashed(cv::Mat& img, bool horizontal, int pos, int from, int to, int t, int dash, int gap) {
  int end = from;
  for (int a = from; a + dash - 1 <= to; a += dash + gap) {
    if (horizontal) hline(img, pos, a, a + dash - 1, t); else vline(img, pos, a, a + dash - 1, t);
    end = a + dash;
  }
  return end;
}

// The table used by several tests: 5 rows x 4 columns of cells, so 6
// horizontal and 5 vertical lines, drawn 1 px wide with cv::line.
struct Grid {
  int x0 = 100, y0 = 200, cell_w = 200, cell_h = 160, cols = 4, rows = 5;
  int x1() const { return x0 + cols * cell_w; }
  int y1() const { return y0 + rows * cell_h; }
  void draw(cv::Mat& img, int thickness = 1) const {
    for (int r = 0; r <= rows; ++r)
      cv::line(img, {x0, y0 + r * cell_h}, {x1(), y0 + r * cell_h}, cv::Scalar(0), thickness);
    for (int c = 0; c <= cols; ++c)
      cv::line(img, {x0 + c * cell_w, y0}, {x0 + c * cell_w, y1()}, cv::Scalar(0), thickness);
  }
};

std::string describe(const std::vector<Rule>& v) {
  std::string s;
  for (const Rule& r : v) {
    char buf[96];
    std::snprintf(buf, sizeof buf, "{pos %.1f, %.1f..%.1f} ", r.pos, r.from, r.to);
    s += buf;
  }
  return s;
}

// Expects rules at `positions` (in order, +-tol) each spanning from..to (+-tol).
void expect_rules(const std::vector<Rule>& got, const std::vector<double>& positions, double from, double to,
                  double tol, const char* what) {
  ASSERT_EQ(got.size(), positions.size()) << what << ": " << describe(got);
  for (size_t i = 0; i < got.size(); ++i) {
    EXPECT_NEAR(got[i].pos, positions[i], tol) << what << " #" << i << ": " << describe(got);
    EXPECT_NEAR(got[i].from, from, tol) << what << " #" << i << ": " << describe(got);
    EXPECT_NEAR(got[i].to, to, tol) << what << " #" << i << ": " << describe(got);
  }
}

// Writes lines of text that must never become rules: Latin text of several
// Hershey fonts, digits and punctuation (with `serif_runs`, also runs of
// serifed letters like "mmmmmmmm", whose feet almost join into a line: at
// 150 dpi they score 0.67 on the side check, on a grainy 300-dpi page 0.79,
// too close to the 0.8 it takes to pass as a rule to be a fair test), and
// rows of glyph-like shapes on an
// `em` px advance (boxes with strokes like 田, stacked bars like 三, 川,
// random strokes), proportioned like CJK type: ink about 0.84 em wide, so
// neighbours stand about 0.16 em apart, each glyph at its own height within a
// pixel or two. Then a row of solid 30 px blocks only 4 px apart. Returns the
// y below the block.
int draw_text_block(cv::Mat& img, int y, int width, cv::RNG& rng, int em = 32, bool serif_runs = true) {
  std::vector<std::string> lines = {
      "The quick brown fox jumps over the lazy dog 1234567890 again and again",
      "INFORMATION DISCLOSURE ANNUAL REPORT 2024 (continued) page 4 of 12, totals",
      "mmmmmmmmmmmmmm wwwwwwwwwwwww nnnnnnnnnnnnnnn HHHHHHHHHHHHH EEEEEEEEEEE",
      "3001 53 0 0 61 4 3119 34 0 0 0 0 0 34 1288 21 0 0 50 3 1362 447 7 0",
  };
  if (!serif_runs) lines[2] = "Summary: 2,932 requests were answered within the statutory time limit.";
  const int fonts[] = {cv::FONT_HERSHEY_SIMPLEX, cv::FONT_HERSHEY_DUPLEX, cv::FONT_HERSHEY_COMPLEX,
                       cv::FONT_HERSHEY_TRIPLEX};
  const double font_scale = 1.1 * em / 32;  // capitals about 0.7 em
  for (size_t i = 0; i < lines.size(); ++i) {
    cv::putText(img, lines[i], {40, y}, fonts[i % 4], font_scale, cv::Scalar(0), 2, cv::LINE_AA);
    y += static_cast<int>(std::lround(1.6 * em));
  }
  // cv::line draws a thickness-t stroke about t + 2 px wide with round caps.
  const int t = std::max(1, static_cast<int>(std::lround(0.06 * em)));
  const int box = static_cast<int>(std::lround(0.84 * em)) - (t + 2);  // stroke centres; ink is 0.84 em
  const int pitch = static_cast<int>(std::lround(1.45 * em));
  for (int row = 0; row < 6; ++row, y += pitch) {
    for (int x0 = 40; x0 + em < width - 40; x0 += em) {
      const int kind = rng.uniform(0, 5);
      const int x = x0 + (em - box) / 2, top = y - box + rng.uniform(-1, 2);
      const int mid_x = x + box / 2, mid_y = top + box / 2;
      switch (kind) {
        case 0:  // 田
          cv::rectangle(img, {x, top}, {x + box, top + box}, cv::Scalar(0), t);
          cv::line(img, {mid_x, top}, {mid_x, top + box}, cv::Scalar(0), t);
          cv::line(img, {x, mid_y}, {x + box, mid_y}, cv::Scalar(0), t);
          break;
        case 1:  // 三
          for (int k = 0; k < 3; ++k) {
            const int yy = top + 1 + k * (box - 2) / 2;
            cv::line(img, {x + 1, yy}, {x + box - 1, yy}, cv::Scalar(0), t);
          }
          break;
        case 2:  // 川
          for (int k = 0; k < 3; ++k) cv::line(img, {x + 2 + k * (box - 4) / 2, top}, {x + 2 + k * (box - 4) / 2, top + box}, cv::Scalar(0), t);
          break;
        case 3:  // a dense glyph: random strokes
          for (int k = 0; k < 6; ++k) {
            const cv::Point a(x + rng.uniform(0, box + 1), top + rng.uniform(0, box + 1));
            const cv::Point b(x + rng.uniform(0, box + 1), top + rng.uniform(0, box + 1));
            cv::line(img, a, b, cv::Scalar(0), t, cv::LINE_AA);
          }
          break;
        default:
          break;  // a space
      }
    }
  }
  // A row of solid 30 px blocks only 4 px apart: their outlines after the
  // adaptive threshold are lines with gaps that max_gap bridges at 300 dpi;
  // what keeps them out is that they are not lighter on both sides.
  for (int x = 40; x + 30 < width - 40; x += 34) cv::rectangle(img, {x, y}, {x + 29, y + 29}, cv::Scalar(0), cv::FILLED);
  return y + 60;
}

}  // namespace

TEST(RasterRules, CleanGridGivesEveryLineOnce) {
  cv::Mat img = page(1000, 1400);
  const Grid g;
  g.draw(img);
  const Rules r = detect_rules(img);
  std::vector<double> ys, xs;
  for (int i = 0; i <= g.rows; ++i) ys.push_back(g.y0 + i * g.cell_h + 0.5);
  for (int i = 0; i <= g.cols; ++i) xs.push_back(g.x0 + i * g.cell_w + 0.5);
  expect_rules(r.horizontal, ys, g.x0, g.x1() + 1, 2, "horizontal");
  expect_rules(r.vertical, xs, g.y0, g.y1() + 1, 2, "vertical");
}

TEST(RasterRules, ExactPositionsAndPartialSpans) {
  // A table whose inner lines span only some columns/rows, drawn as filled
  // rectangles so the expected values are exact.
  cv::Mat img = page(1200, 1600);
  hline(img, 300, 100, 1099, 2);   // top, full width
  hline(img, 400, 500, 1099, 2);   // spans only the right part
  hline(img, 700, 100, 1099, 2);   // bottom
  vline(img, 100, 300, 701, 2);
  vline(img, 500, 300, 701, 2);
  vline(img, 800, 400, 701, 2);    // starts at the inner horizontal
  vline(img, 1098, 300, 701, 2);
  const Rules r = detect_rules(img);
  ASSERT_EQ(r.horizontal.size(), 3u) << describe(r.horizontal);
  EXPECT_NEAR(r.horizontal[0].pos, 301, 0.3);
  EXPECT_NEAR(r.horizontal[1].pos, 401, 0.3);
  EXPECT_NEAR(r.horizontal[1].from, 500, 0.5);
  EXPECT_NEAR(r.horizontal[1].to, 1100, 0.5);
  ASSERT_EQ(r.vertical.size(), 4u) << describe(r.vertical);
  EXPECT_NEAR(r.vertical[0].pos, 101, 0.3);
  EXPECT_NEAR(r.vertical[2].pos, 801, 0.3);
  EXPECT_NEAR(r.vertical[2].from, 400, 0.5);
  EXPECT_NEAR(r.vertical[2].to, 702, 0.5);
}

TEST(RasterRules, ThickLinesGiveOneRuleEach) {
  cv::Mat img = page(1000, 1400);
  // Thicknesses 2..6 px, horizontal and vertical, plus cv::line's own thick lines.
  std::vector<double> ys, xs;
  for (int t = 2; t <= 6; ++t) {
    const int y = 200 + (t - 2) * 150, x = 100 + (t - 2) * 180;
    hline(img, y, 100, 900, t);
    ys.push_back(y + t / 2.0);
    vline(img, x, 150, 1000, t);
    xs.push_back(x + t / 2.0);
  }
  const Rules r = detect_rules(img);
  // Verticals cross the horizontals, so the horizontals end at the outer
  // edges of the first and last verticals (all drawn within 100..900 wide).
  ASSERT_EQ(r.horizontal.size(), ys.size()) << describe(r.horizontal);
  ASSERT_EQ(r.vertical.size(), xs.size()) << describe(r.vertical);
  for (size_t i = 0; i < ys.size(); ++i) {
    EXPECT_NEAR(r.horizontal[i].pos, ys[i], 0.6) << describe(r.horizontal);
    EXPECT_NEAR(r.horizontal[i].from, 100, 1);
    EXPECT_NEAR(r.horizontal[i].to, 901, 1);
    EXPECT_NEAR(r.vertical[i].pos, xs[i], 0.6) << describe(r.vertical);
    EXPECT_NEAR(r.vertical[i].from, 150, 1);
    EXPECT_NEAR(r.vertical[i].to, 1001, 1);
  }

  cv::Mat img2 = page(1000, 1400);
  const Grid g;
  g.draw(img2, 5);
  const Rules r2 = detect_rules(img2);
  EXPECT_EQ(r2.horizontal.size(), 6u) << describe(r2.horizontal);
  EXPECT_EQ(r2.vertical.size(), 5u) << describe(r2.vertical);
}

TEST(RasterRules, DashedAndBrokenLinesGiveOneRuleEach) {
  // A 300-dpi scan: gaps of up to 4 px (0.35 mm) are bridged.
  RasterRuleOptions at300;
  at300.dpi = 300;
  cv::Mat img = page(1000, 1400);
  const int h_end[] = {dashed(img, true, 200, 100, 900, 1, 12, 3), dashed(img, true, 400, 100, 900, 2, 20, 4),
                       dashed(img, true, 600, 100, 900, 1, 30, 4)};
  const int v_end[] = {dashed(img, false, 150, 150, 1250, 1, 12, 4), dashed(img, false, 500, 150, 1250, 2, 25, 3)};
  const Rules r = detect_rules(img, at300);
  ASSERT_EQ(r.horizontal.size(), 3u) << describe(r.horizontal);
  EXPECT_NEAR(r.horizontal[0].pos, 200.5, 1);
  EXPECT_NEAR(r.horizontal[1].pos, 401, 1);
  EXPECT_NEAR(r.horizontal[2].pos, 600.5, 1);
  for (int i = 0; i < 3; ++i) {
    EXPECT_NEAR(r.horizontal[i].from, 100, 1) << i;
    EXPECT_NEAR(r.horizontal[i].to, h_end[i], 1) << i;
  }
  ASSERT_EQ(r.vertical.size(), 2u) << describe(r.vertical);
  EXPECT_NEAR(r.vertical[0].pos, 150.5, 1);
  EXPECT_NEAR(r.vertical[1].pos, 501, 1);
  for (int i = 0; i < 2; ++i) {
    EXPECT_NEAR(r.vertical[i].from, 150, 1) << i;
    EXPECT_NEAR(r.vertical[i].to, v_end[i], 1) << i;
  }

  // The bridging is what joins them: without it there is nothing long enough.
  RasterRuleOptions no_gap = at300;
  no_gap.max_gap_mm = 0;
  const Rules none = detect_rules(img, no_gap);
  EXPECT_TRUE(none.horizontal.empty()) << describe(none.horizontal);
  EXPECT_TRUE(none.vertical.empty()) << describe(none.vertical);
  // Nor at 100 dpi, where 3-4 px is a gap of 1 mm: too wide to bridge.
  RasterRuleOptions at100;
  at100.dpi = 100;
  EXPECT_TRUE(detect_rules(img, at100).horizontal.empty());

  // Gaps wider than max_gap are not bridged: dashes 12 px long 10 px apart
  // are not a rule (each piece is far below the minimum length).
  cv::Mat wide = page(1000, 1400);
  dashed(wide, true, 300, 100, 900, 1, 12, 10);
  EXPECT_TRUE(detect_rules(wide, at300).horizontal.empty());

  // A long line broken once by a wide gap (20 px, 1.7 mm) gives two rules;
  // broken by 8 px (0.7 mm: more than max_gap, less than merge_gap) one.
  cv::Mat broken = page(1000, 1400);
  hline(broken, 300, 100, 449, 2);
  hline(broken, 300, 470, 900, 2);
  hline(broken, 600, 100, 449, 2);
  hline(broken, 600, 458, 900, 2);
  const Rules two = detect_rules(broken, at300);
  ASSERT_EQ(two.horizontal.size(), 3u) << describe(two.horizontal);
  EXPECT_NEAR(two.horizontal[0].to, 450, 1);
  EXPECT_NEAR(two.horizontal[1].from, 470, 1);
  EXPECT_NEAR(two.horizontal[2].pos, 601, 0.5);
  EXPECT_NEAR(two.horizontal[2].from, 100, 1);
  EXPECT_NEAR(two.horizontal[2].to, 901, 1);
  RasterRuleOptions no_merge = at300;
  no_merge.merge_gap_mm = 0;
  EXPECT_EQ(detect_rules(broken, no_merge).horizontal.size(), 4u);
}

TEST(RasterRules, TextGivesNoRules) {
  cv::Mat img = page(1240, 1754);  // A4 at 150 dpi
  cv::RNG rng(20240611);
  int y = 80;
  while (y < 1600) y = draw_text_block(img, y, img.cols, rng);
  const Rules r = detect_rules(img);
  EXPECT_TRUE(r.horizontal.empty()) << describe(r.horizontal);
  EXPECT_TRUE(r.vertical.empty()) << describe(r.vertical);

  // The same page with one real rule across it gives exactly that rule.
  hline(img, 1700, 60, 1180, 2);
  const Rules one = detect_rules(img);
  ASSERT_EQ(one.horizontal.size(), 1u) << describe(one.horizontal);
  EXPECT_NEAR(one.horizontal[0].pos, 1701, 0.5);
  EXPECT_TRUE(one.vertical.empty()) << describe(one.vertical);

  // Rotated a quarter turn, the text runs down the page: still nothing.
  cv::Mat turned;
  cv::rotate(img(cv::Rect(0, 0, img.cols, 1600)), turned, cv::ROTATE_90_CLOCKWISE);
  const Rules t = detect_rules(turned);
  EXPECT_TRUE(t.horizontal.empty()) << describe(t.horizontal);
  EXPECT_TRUE(t.vertical.empty()) << describe(t.vertical);
}

TEST(RasterRules, FilledAreasAndScannerBordersAreNotRules) {
  cv::Mat img = page(1000, 1400);
  cv::rectangle(img, {0, 0}, {999, 39}, cv::Scalar(20), cv::FILLED);       // black band at the top edge
  cv::rectangle(img, {0, 0}, {29, 1399}, cv::Scalar(40), cv::FILLED);      // scanner shadow on the left
  cv::rectangle(img, {150, 300}, {850, 340}, cv::Scalar(0), cv::FILLED);   // a 41 px bar
  cv::rectangle(img, {150, 500}, {850, 700}, cv::Scalar(90), cv::FILLED);  // a grey box
  const Rules r = detect_rules(img);
  EXPECT_TRUE(r.horizontal.empty()) << describe(r.horizontal);
  EXPECT_TRUE(r.vertical.empty()) << describe(r.vertical);

  // Without the side check the edges of those areas come out as "rules".
  RasterRuleOptions unchecked;
  unchecked.min_clear_frac = 0;
  EXPECT_FALSE(detect_rules(img, unchecked).horizontal.empty());

  // A rule bounding a light-grey shaded header row is still a rule.
  cv::Mat shaded = page(1000, 1400);
  cv::rectangle(shaded, {100, 300}, {900, 360}, cv::Scalar(200), cv::FILLED);
  hline(shaded, 300, 100, 900, 1);
  hline(shaded, 360, 100, 900, 1);
  hline(shaded, 420, 100, 900, 1);
  const Rules s = detect_rules(shaded);
  ASSERT_EQ(s.horizontal.size(), 3u) << describe(s.horizontal);
  EXPECT_NEAR(s.horizontal[1].pos, 360.5, 1);
}

TEST(RasterRules, SlightlyRotatedGridKeepsItsCounts) {
  for (double angle : {0.4, -0.4, 0.5}) {
    cv::Mat img = page(1240, 1754);
    Grid g;
    g.cell_w = 250;
    g.cell_h = 220;
    g.x0 = 120;
    g.y0 = 250;
    g.draw(img);
    const cv::Point2f centre(img.cols / 2.0f, img.rows / 2.0f);
    const cv::Mat m = cv::getRotationMatrix2D(centre, angle, 1.0);
    cv::Mat rot;
    cv::warpAffine(img, rot, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
    const Rules r = detect_rules(rot);
    ASSERT_EQ(r.horizontal.size(), 6u) << angle << ": " << describe(r.horizontal);
    ASSERT_EQ(r.vertical.size(), 5u) << angle << ": " << describe(r.vertical);
    // Each line's mean position is where its middle went.
    auto map = [&](double x, double y) {
      return cv::Point2d(m.at<double>(0, 0) * x + m.at<double>(0, 1) * y + m.at<double>(0, 2),
                         m.at<double>(1, 0) * x + m.at<double>(1, 1) * y + m.at<double>(1, 2));
    };
    const double mid_x = (g.x0 + g.x1()) / 2.0, mid_y = (g.y0 + g.y1()) / 2.0;
    for (int i = 0; i <= g.rows; ++i) {
      const double want = map(mid_x, g.y0 + i * g.cell_h).y + 0.5;
      EXPECT_NEAR(r.horizontal[i].pos, want, 2) << angle << " row " << i;
      EXPECT_NEAR(r.horizontal[i].to - r.horizontal[i].from, g.x1() - g.x0, 6) << angle << " row " << i;
    }
    for (int i = 0; i <= g.cols; ++i) {
      const double want = map(g.x0 + i * g.cell_w, mid_y).x + 0.5;
      EXPECT_NEAR(r.vertical[i].pos, want, 2) << angle << " col " << i;
      EXPECT_NEAR(r.vertical[i].to - r.vertical[i].from, g.y1() - g.y0, 6) << angle << " col " << i;
    }
  }
}

TEST(RasterRules, NoiseAndBlurStillWork) {
  cv::Mat img = page(1000, 1400, 235);  // off-white paper
  const Grid g;
  g.draw(img, 2);
  cv::RNG rng(7);
  // Some text inside the cells, which must not add rules.
  for (int r = 0; r < g.rows; ++r)
    for (int c = 0; c < g.cols; ++c)
      cv::putText(img, std::to_string(rng.uniform(0, 99999)), {g.x0 + c * g.cell_w + 20, g.y0 + r * g.cell_h + 90},
                  cv::FONT_HERSHEY_SIMPLEX, 1.2, cv::Scalar(30), 2, cv::LINE_AA);
  cv::GaussianBlur(img, img, cv::Size(0, 0), 1.2);
  cv::Mat noise(img.size(), CV_16SC1);
  rng.fill(noise, cv::RNG::NORMAL, 0, 18);
  cv::Mat noisy;
  img.convertTo(noisy, CV_16SC1);
  noisy += noise;
  noisy.convertTo(img, CV_8UC1);  // saturates
  const Rules r = detect_rules(img);
  std::vector<double> ys, xs;
  for (int i = 0; i <= g.rows; ++i) ys.push_back(g.y0 + i * g.cell_h + 0.5);
  for (int i = 0; i <= g.cols; ++i) xs.push_back(g.x0 + i * g.cell_w + 0.5);
  // The blur spreads the ends of the lines a little.
  expect_rules(r.horizontal, ys, g.x0, g.x1() + 1, 4, "horizontal");
  expect_rules(r.vertical, xs, g.y0, g.y1() + 1, 4, "vertical");
}

TEST(RasterRules, DegenerateInputs) {
  // Blank pages, and images too small to hold anything, give no rules.
  for (int v : {0, 128, 255}) {
    const Rules r = detect_rules(page(300, 400, v));
    EXPECT_TRUE(r.horizontal.empty() && r.vertical.empty()) << "value " << v;
  }
  EXPECT_TRUE(detect_rules(cv::Mat()).horizontal.empty());
  EXPECT_TRUE(detect_rules(cv::Mat(0, 0, CV_8UC1)).vertical.empty());
  const Rules one = detect_rules(page(1, 1, 0));
  EXPECT_TRUE(one.horizontal.empty() && one.vertical.empty());
  // A single line on a 1-row or 1-column image is found (or at least does not crash).
  cv::Mat row = page(200, 1);
  hline(row, 0, 10, 189, 1);
  EXPECT_NO_THROW(detect_rules(row));
  // A black page with one white line: the paper is dark, the line is not a rule.
  cv::Mat inverse = page(500, 500, 0);
  hline(inverse, 250, 50, 450, 2, 255);
  const Rules inv = detect_rules(inverse);
  EXPECT_TRUE(inv.horizontal.empty()) << describe(inv.horizontal);
  // An ROI of a larger image works like a copy of it.
  cv::Mat big = page(1200, 1600);
  Grid g;
  g.x0 = 300;
  g.y0 = 400;
  g.draw(big);
  const Rules roi = detect_rules(big(cv::Rect(200, 200, 1000, 1400)));
  ASSERT_EQ(roi.horizontal.size(), 6u);
  EXPECT_NEAR(roi.horizontal[0].pos, 200.5, 1);
  EXPECT_NEAR(roi.horizontal[0].from, 100, 1);
  // Wrong types and bad options are errors.
  EXPECT_THROW(detect_rules(cv::Mat(100, 100, CV_8UC3, cv::Scalar::all(255))), std::invalid_argument);
  EXPECT_THROW(detect_rules(cv::Mat(100, 100, CV_32FC1, cv::Scalar(1.0))), std::invalid_argument);
  RasterRuleOptions bad;
  bad.block_size = 14;
  EXPECT_THROW(detect_rules(page(100, 100), bad), std::invalid_argument);
  bad = {};
  bad.min_length_frac = 0;
  EXPECT_THROW(detect_rules(page(100, 100), bad), std::invalid_argument);
  bad = {};
  bad.threshold_c = 0;
  EXPECT_THROW(detect_rules(page(100, 100), bad), std::invalid_argument);
}

TEST(RasterRules, MinLengthFollowsThePageSize) {
  // A 150 px line is a rule on a 1000 px page (minimum 40 px) but not when
  // the minimum is a third of the page.
  cv::Mat img = page(1000, 1000);
  hline(img, 500, 400, 549, 1);
  EXPECT_EQ(detect_rules(img).horizontal.size(), 1u);
  RasterRuleOptions o;
  o.min_length_frac = 1.0 / 3;
  EXPECT_TRUE(detect_rules(img, o).horizontal.empty());
  // Shorter than the default minimum (40 px): not a rule.
  cv::Mat short_line = page(1000, 1000);
  hline(short_line, 500, 400, 429, 1);
  EXPECT_TRUE(detect_rules(short_line).horizontal.empty());
}

// Two pages of huaian-city-2024.pdf rendered with
//   pdftoppm -r 100 -gray -png -f N -l N: page 4 (two ruled tables, one with
// a shaded row) and page 2 (running Chinese text with bold run-in heads, no
// table), saved as 8-bit grey PNG.
TEST(RasterRules, RealReportPage) {
  const std::string dir = std::string(GONGKAI_TEST_DATA) + "/raster/";
  const cv::Mat tables = cv::imread(dir + "huaian-city-2024-p4-100dpi.png", cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(tables.empty());
  const Rules r = detect_rules(tables);
  // Every ruling line of the two tables, checked by eye on the page and
  // against a 300-dpi rendering (pos, from, to). Upper table: 7 rows of
  // 2 columns, the middle column rule broken by the shaded full-width row.
  // Lower table (table 3 of the report): the header's partial rules
  // (申请人情况, 法人或其他组织), the row labels' nested rules (三、本年度办理结果,
  // (三)不予公开) and the 7 number columns.
  const std::vector<Rule> want_h = {
      {111.5, 102, 722}, {160.5, 102, 722}, {210.5, 102, 722}, {259.5, 102, 722}, {307.5, 102, 722},
      {357.5, 102, 722}, {407.5, 102, 722}, {514.5, 99, 725},  {547.5, 348, 725}, {580.5, 395, 676},
      {634.5, 99, 725},  {667.5, 99, 725},  {700.5, 99, 725},  {733.5, 132, 725}, {787.5, 132, 725},
      {820.5, 191, 725}, {854.5, 191, 725}, {887.5, 191, 725}, {921.5, 191, 725}, {954.5, 191, 725},
      {986.5, 191, 725}, {1021.5, 191, 725}, {1054.5, 132, 725}, {1086.5, 99, 725}};
  const std::vector<Rule> want_v = {
      {99.5, 514, 1087},  {102.5, 111, 408}, {132.5, 700, 1087}, {191.5, 787, 1087}, {338.5, 111, 260},
      {338.5, 307, 408},  {348.5, 514, 1087}, {395.5, 547, 1087}, {447.5, 580, 1087}, {495.5, 580, 1087},
      {558.5, 580, 1087}, {623.5, 580, 1087}, {675.5, 547, 1087}, {721.5, 111, 408}, {724.5, 514, 1087}};
  auto check = [](const std::vector<Rule>& got, const std::vector<Rule>& want, const char* what) {
    ASSERT_EQ(got.size(), want.size()) << what << ": " << describe(got);
    for (size_t i = 0; i < want.size(); ++i) {
      EXPECT_NEAR(got[i].pos, want[i].pos, 1.5) << what << " #" << i << ": " << describe(got);
      EXPECT_NEAR(got[i].from, want[i].from, 2) << what << " #" << i << ": " << describe(got);
      EXPECT_NEAR(got[i].to, want[i].to, 2) << what << " #" << i << ": " << describe(got);
    }
  };
  check(r.horizontal, want_h, "horizontal");
  check(r.vertical, want_v, "vertical");

  // Running text with bold heads (and glyphs such as 三 and 二 whose strokes
  // line up): no rules at all.
  const cv::Mat text = cv::imread(dir + "huaian-city-2024-p2-100dpi.png", cv::IMREAD_GRAYSCALE);
  ASSERT_FALSE(text.empty());
  const Rules t = detect_rules(text);
  EXPECT_TRUE(t.horizontal.empty()) << describe(t.horizontal);
  EXPECT_TRUE(t.vertical.empty()) << describe(t.vertical);

  // The same pages at 2x (as if rendered at 200 dpi): the same rules, scaled.
  cv::Mat big;
  cv::resize(tables, big, {}, 2, 2, cv::INTER_CUBIC);
  const Rules r2 = detect_rules(big);
  ASSERT_EQ(r2.horizontal.size(), want_h.size()) << describe(r2.horizontal);
  ASSERT_EQ(r2.vertical.size(), want_v.size()) << describe(r2.vertical);
  for (size_t i = 0; i < want_h.size(); ++i) EXPECT_NEAR(r2.horizontal[i].pos, 2 * want_h[i].pos, 2.5) << i;
  cv::resize(text, big, {}, 2, 2, cv::INTER_CUBIC);
  const Rules t2 = detect_rules(big);
  EXPECT_TRUE(t2.horizontal.empty() && t2.vertical.empty()) << describe(t2.horizontal) << describe(t2.vertical);
}

// The real table page made to look like a poor scan: leaning 0.5 degrees,
// blurred and grainy. Every rule is still found once, where it went.
TEST(RasterRules, RealReportPageScanned) {
  const std::string dir = std::string(GONGKAI_TEST_DATA) + "/raster/";
  for (const char* name : {"huaian-city-2024-p4-100dpi.png", "huaian-city-2024-p2-100dpi.png"}) {
    const cv::Mat clean = cv::imread(dir + name, cv::IMREAD_GRAYSCALE);
    ASSERT_FALSE(clean.empty());
    const Rules want = detect_rules(clean);
    for (double scale : {1.0, 2.0}) {
      cv::Mat img;
      cv::resize(clean, img, {}, scale, scale, cv::INTER_CUBIC);
      const cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(img.cols / 2.0f, img.rows / 2.0f), 0.5, 1.0);
      cv::warpAffine(img, img, m, img.size(), cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(255));
      cv::GaussianBlur(img, img, cv::Size(0, 0), 0.8 * scale);
      cv::Mat noise(img.size(), CV_16SC1), noisy;
      cv::RNG(5).fill(noise, cv::RNG::NORMAL, 0, 20);
      img.convertTo(noisy, CV_16SC1);
      noisy += noise;
      noisy.convertTo(img, CV_8UC1);
      const Rules got = detect_rules(img);
      ASSERT_EQ(got.horizontal.size(), want.horizontal.size()) << name << " x" << scale << ": " << describe(got.horizontal);
      ASSERT_EQ(got.vertical.size(), want.vertical.size()) << name << " x" << scale << ": " << describe(got.vertical);
      auto moved = [&](double x, double y) {
        return cv::Point2d(m.at<double>(0, 0) * x + m.at<double>(0, 1) * y + m.at<double>(0, 2),
                           m.at<double>(1, 0) * x + m.at<double>(1, 1) * y + m.at<double>(1, 2));
      };
      // Each wanted rule, moved by the rotation, matches exactly one found
      // rule (rules close together may change order, so match by place).
      auto match = [&](const std::vector<Rule>& found, const std::vector<Rule>& wanted, bool horizontal) {
        std::vector<int> used(found.size(), 0);
        for (const Rule& w : wanted) {
          const double mid = scale * (w.from + w.to) / 2;
          const cv::Point2d p = horizontal ? moved(mid, scale * w.pos) : moved(scale * w.pos, mid);
          const double expect_pos = horizontal ? p.y : p.x, expect_mid = horizontal ? p.x : p.y;
          int hits = 0;
          for (size_t k = 0; k < found.size(); ++k) {
            const Rule& f = found[k];
            if (std::abs(f.pos - expect_pos) <= 1.5 * scale && std::abs((f.from + f.to) / 2 - expect_mid) <= 4 * scale &&
                std::abs((f.to - f.from) - scale * (w.to - w.from)) <= 4 * scale) {
              ++hits;
              ++used[k];
            }
          }
          EXPECT_EQ(hits, 1) << name << " x" << scale << (horizontal ? " h " : " v ") << w.pos << ": "
                             << describe(found);
        }
        for (size_t k = 0; k < found.size(); ++k) EXPECT_EQ(used[k], 1) << name << " x" << scale << " found #" << k;
      };
      match(got.horizontal, want.horizontal, true);
      match(got.vertical, want.vertical, false);
    }
  }
}

// A 300-dpi A4 page (2480 x 3508) with a large table and a page of text,
// clean and grainy: every rule found once. (Its speed is measured end to end
// by tools/bench_scan.sh, not here.)
TEST(RasterRules, A4At300DpiWithTextAndATable) {
  cv::Mat img = page(2480, 3508);
  cv::RNG rng(1);
  int y = 120;
  while (y < 1100) y = draw_text_block(img, y, img.cols, rng, 44, false);  // 10.5 pt type at 300 dpi
  Grid g;
  g.x0 = 150;
  g.y0 = y + 100;
  g.cols = 8;
  g.rows = 24;
  g.cell_w = 270;
  g.cell_h = 75;
  g.draw(img, 3);
  Rules r = detect_rules(img);
  EXPECT_EQ(r.horizontal.size(), 25u) << describe(r.horizontal);
  EXPECT_EQ(r.vertical.size(), 9u) << describe(r.vertical);

  // The same page scanned: grain makes it smooth the image first.
  cv::Mat noise(img.size(), CV_16SC1), noisy;
  rng.fill(noise, cv::RNG::NORMAL, 0, 15);
  img.convertTo(noisy, CV_16SC1);
  noisy += noise;
  noisy.convertTo(img, CV_8UC1);
  r = detect_rules(img);
  EXPECT_EQ(r.horizontal.size(), 25u) << describe(r.horizontal);
  EXPECT_EQ(r.vertical.size(), 9u) << describe(r.vertical);
}

// The last row of a table left alone at the top of the next page: its
// separators (70 px at 300 dpi, 6 mm) are shorter than any safe minimum for
// free-standing lines, but they run from one horizontal rule to the other.
// A glyph stroke as long, standing free in a cell, stays no rule.
TEST(RasterRules, ShortSeparatorsBetweenTwoRulesAreKept) {
  cv::Mat img = page(2480, 3508);
  hline(img, 300, 200, 2200, 3);
  hline(img, 370, 200, 2200, 3);
  for (int x : {200, 700, 1300, 1800, 2197}) vline(img, x, 300, 372, 3);
  vline(img, 1000, 1500, 1570, 3);  // a stroke of the same length, far from any rule
  vline(img, 400, 310, 360, 3);     // a stroke inside the row, not reaching its rules
  RasterRuleOptions o;
  o.min_length_frac = 1.0 / 40;  // as the scan reader: 88 px here
  EXPECT_TRUE(detect_rules(img, o).vertical.empty());
  o.short_vertical_frac = 1.0 / 120;  // 29 px
  const Rules r = detect_rules(img, o);
  std::vector<double> xs;
  for (auto& v : r.vertical) xs.push_back(v.pos);
  ASSERT_EQ(r.vertical.size(), 5u) << describe(r.vertical);
  EXPECT_NEAR(xs[1], 701.5, 1);
  EXPECT_THROW(detect_rules(img, [] { RasterRuleOptions b; b.short_vertical_frac = -1; return b; }()),
               std::invalid_argument);
}

// A tight row on a photo (~170 dpi): a glyph's vertical stroke fills the row
// but meets its rules only through the pale blur between them (the 正 of
// 4.无正当理由大量反复申请, generated 0000 photographed with perspective,
// seed 43000: its label cell was split and the row's 7 cells lost). It is no
// separator; the solid separators of the same row stay.
TEST(RasterRules, AGlyphStrokeJoinedToTheRulesByBlurIsNoSeparator) {
  cv::Mat img = page(1240, 1754);
  hline(img, 300, 100, 1100, 2);
  hline(img, 322, 100, 1100, 2);
  for (int x : {100, 400, 1098}) vline(img, x, 300, 323, 2);
  vline(img, 700, 304, 318, 2);               // the stroke
  vline(img, 700, 302, 303, 2, 150);          // pale joins to the rules
  vline(img, 700, 319, 321, 2, 150);
  RasterRuleOptions o;
  o.min_length_frac = 1.0 / 40;
  o.short_vertical_frac = 1.0 / 120;
  const Rules r = detect_rules(img, o);
  std::vector<double> xs;
  for (auto& v : r.vertical) xs.push_back(v.pos);
  ASSERT_EQ(r.vertical.size(), 3u) << describe(r.vertical);
  EXPECT_NEAR(xs[1], 401, 1);
}

// Row labels set tight against a vertical rule (as on a blurred photo, where
// the hair of paper between them closes): the rule fails the clear-sides
// test, and is kept when crowded_clear_frac allows it and both its ends meet
// horizontal rules. A stroke as crowded that stops short of the rules, and
// the edges of a filled cell, stay no rules.
TEST(RasterRules, RuleCrowdedByTextBetweenTwoRulesIsKept) {
  cv::Mat img = page(2480, 3508);
  for (int y : {300, 420, 540, 660}) hline(img, y, 200, 2200, 3);
  for (int x : {200, 2197}) vline(img, x, 300, 662, 3);
  vline(img, 700, 300, 662, 3);   // the crowded rule
  vline(img, 1000, 330, 630, 3);  // a crowded stroke that meets no rule
  for (int x : {705, 1005})
    for (int y : {330, 450, 570}) {
      // A row label's first glyphs, half the row high, 2 px after the line.
      vline(img, x, y, y + 60, 4);
      hline(img, y + 10, x, x + 40, 4);
      hline(img, y + 50, x, x + 40, 4);
    }
  cv::rectangle(img, cv::Point(1500, 423), cv::Point(1800, 539), cv::Scalar(40), cv::FILLED);  // a filled cell
  RasterRuleOptions o;
  o.min_length_frac = 1.0 / 40;
  auto xs = [&] {
    std::vector<double> v;
    for (auto& r : detect_rules(img, o).vertical) v.push_back(r.pos);
    return v;
  };
  std::vector<double> strict = xs();
  EXPECT_EQ(strict.size(), 2u);  // the outer borders only
  o.crowded_clear_frac = 0.3;
  std::vector<double> got = xs();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_NEAR(got[1], 701.5, 1);
  // A table left open at a page's foot: no rule at the bottom, but the two
  // borders stop where the crowded rule stops.
  hline(img, 660, 150, 2250, 3, 255);
  got = xs();
  ASSERT_EQ(got.size(), 3u);
  EXPECT_NEAR(got[1], 701.5, 1);
  vline(img, 700, 540, 662, 3, 255);
  vline(img, 700, 540, 700, 3);  // now it runs on past where the borders stop
  EXPECT_EQ(xs().size(), 2u);
  EXPECT_THROW(detect_rules(img, [] { RasterRuleOptions b; b.crowded_clear_frac = 2; return b; }()),
               std::invalid_argument);
}

// A character's stem standing on a column rule (a blurred photo closed the
// paper between them): the rule ends at the horizontal rule it meets, not in
// the row above, whose label cell it would split. A rule that really runs on
// through that row, with a row label tight against one side or text tight
// on both sides up to the rule above, stays whole.
TEST(RasterRules, GlyphStemOnARuleIsNoPartOfIt) {
  cv::Mat img = page(2480, 3508);
  for (int y : {300, 420, 540, 660}) hline(img, y, 200, 2200, 3);
  for (int x : {200, 2197}) vline(img, x, 300, 662, 3);
  vline(img, 700, 420, 662, 3);  // the column rule of the lower rows
  vline(img, 700, 335, 420, 3);  // a stem of 年 in the row above, touching it
  for (int y : {340, 355, 370, 385, 400}) hline(img, y, 680, 725, 8);  // its strokes across it, blurred thick
  vline(img, 1400, 300, 662, 3);  // a rule through every row
  for (int y : {330, 450, 570}) {  // labels set tight after it
    vline(img, 1405, y, y + 60, 4);
    hline(img, y + 10, 1405, 1445, 4);
    hline(img, y + 50, 1405, 1445, 4);
  }
  vline(img, 1800, 300, 662, 3);  // a narrow header cell's rule, text tight on both sides of its first row
  for (int x : {1760, 1805}) vline(img, x, 305, 415, 36);
  RasterRuleOptions o;
  o.min_length_frac = 1.0 / 40;
  o.crowded_clear_frac = 0.3;
  auto v = detect_rules(img, o).vertical;
  ASSERT_EQ(v.size(), 5u);
  EXPECT_NEAR(v[3].from, 300, 3) << "it meets the rule above: a rule, however crowded";
  EXPECT_NEAR(v[1].pos, 701.5, 1);
  EXPECT_NEAR(v[1].from, 421.5, 3) << "the stem's piece is cut off";
  EXPECT_NEAR(v[2].pos, 1401.5, 1);
  EXPECT_NEAR(v[2].from, 300, 3) << "a crowded rule keeps its first row";
  // The PDF reader's raster path (no crowded rules) is left as it was.
  o.crowded_clear_frac = 0;
  for (auto& r : detect_rules(img, o).vertical)
    if (std::abs(r.pos - 701.5) < 1) EXPECT_LT(r.from, 340);
}
