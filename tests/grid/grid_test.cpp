// Line merging and grid building on hand-made rules (points, y downwards).
#include <gtest/gtest.h>

#include "grid/grid.h"

using namespace gongkai::grid;

namespace {

// A w×h table of equal cells at (x0, y0), every border drawn once.
Rules full_grid(int rows, int cols, double x0 = 50, double y0 = 100, double cw = 60, double rh = 20) {
  Rules r;
  for (int i = 0; i <= rows; ++i) r.horizontal.push_back({y0 + i * rh, x0, x0 + cols * cw});
  for (int j = 0; j <= cols; ++j) r.vertical.push_back({x0 + j * cw, y0, y0 + rows * rh});
  return r;
}

}  // namespace

TEST(MergeRules, PiecesAndDoubleStrokesBecomeOneLine) {
  Rules raw;
  // WPS: a border drawn as per-cell pieces, each twice, 0.3 pt apart.
  raw.horizontal = {{100.0, 50, 110}, {100.3, 50, 110}, {100.1, 110, 170}, {99.9, 170.5, 230}};
  auto m = merge_rules(raw, 2.0);
  ASSERT_EQ(m.horizontal.size(), 1u);
  EXPECT_NEAR(m.horizontal[0].pos, 100.1, 0.2);
  EXPECT_DOUBLE_EQ(m.horizontal[0].from, 50);
  EXPECT_DOUBLE_EQ(m.horizontal[0].to, 230);
}

TEST(MergeRules, DistinctLinesStayApart) {
  Rules raw;
  raw.horizontal = {{100, 50, 200}, {105, 50, 200}, {100, 260, 300}};  // 5 pt apart; a gap of 60 pt
  raw.vertical = {{50, 0, 10}, {50, 11, 20}};                          // a 1 pt gap closes
  auto m = merge_rules(raw, 2.0);
  EXPECT_EQ(m.horizontal.size(), 3u);
  ASSERT_EQ(m.vertical.size(), 1u);
  EXPECT_DOUBLE_EQ(m.vertical[0].to, 20);
}

TEST(BuildGrids, FullGridGivesEveryCell) {
  auto grids = build_grids(merge_rules(full_grid(3, 4), 2), 2);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows(), 3);
  EXPECT_EQ(grids[0].cols(), 4);
  EXPECT_EQ(grids[0].cells.size(), 12u);
  // The cell holding a point.
  int idx = grids[0].cell_at(50 + 60 * 2 + 5, 100 + 20 * 1 + 5);
  ASSERT_GE(idx, 0);
  EXPECT_EQ(grids[0].cells[idx].row, 1);
  EXPECT_EQ(grids[0].cells[idx].col, 2);
  EXPECT_EQ(grids[0].cell_at(10, 10), -1);
}

TEST(BuildGrids, MissingInnerBordersMakeSpans) {
  Rules r = full_grid(3, 3);
  // Column 0 spans rows 0–2: remove the pieces of the two inner horizontals
  // over column 0 (they start at x = 110 instead of 50).
  r.horizontal[1].from = 110;
  r.horizontal[2].from = 110;
  // Row 0 spans columns 1–2: the vertical at x = 170 starts below row 0.
  r.vertical[2].from = 120;
  auto grids = build_grids(merge_rules(r, 2), 2);
  ASSERT_EQ(grids.size(), 1u);
  const Grid& g = grids[0];
  ASSERT_EQ(g.cells.size(), 9u - 2 - 1);
  int tall = g.cell_at(60, 150);
  EXPECT_EQ(g.cells[tall].row_span, 3);
  EXPECT_EQ(g.cells[tall].col_span, 1);
  int wide = g.cell_at(200, 105);
  EXPECT_EQ(g.cells[wide].col, 1);
  EXPECT_EQ(g.cells[wide].col_span, 2);
  EXPECT_EQ(g.cells[wide].row_span, 1);
}

TEST(BuildGrids, SeparateTablesAndStrayLines) {
  Rules r = full_grid(2, 2, 50, 100);
  Rules r2 = full_grid(2, 3, 50, 400);
  r.horizontal.insert(r.horizontal.end(), r2.horizontal.begin(), r2.horizontal.end());
  r.vertical.insert(r.vertical.end(), r2.vertical.begin(), r2.vertical.end());
  r.horizontal.push_back({700, 50, 500});  // an underline, crossing nothing
  auto grids = build_grids(merge_rules(r, 2), 2);
  ASSERT_EQ(grids.size(), 2u);
  EXPECT_EQ(grids[0].cols(), 2);
  EXPECT_EQ(grids[1].cols(), 3);
  EXPECT_LT(grids[0].box.y0, grids[1].box.y0);
}

TEST(BuildGrids, TableWithoutSideBordersTakesItsEdgesFromTheHorizontals) {
  Rules r = full_grid(2, 3);
  r.vertical.erase(r.vertical.begin());  // no left border
  r.vertical.pop_back();                 // no right border
  auto grids = build_grids(merge_rules(r, 2), 2);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].cols(), 3);
  EXPECT_NEAR(grids[0].xs.front(), 50, 0.01);
  EXPECT_NEAR(grids[0].xs.back(), 230, 0.01);
}
