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

namespace {

// The same rows×cols table drawn cell by cell, as browsers and some
// publishing systems do: each cell its own box, `gap` points inside the
// atomic cell (gap 0: neighbours' borders coincide, drawn twice; gap 1.5:
// cellspacing, two parallel lines 3 pt apart). Four strokes per cell, or
// one rectangle each side as thin filled boxes (the same rules here).
// Cells in `spans` (row, col, row_span, col_span) are drawn as one box.
struct Span {
  int row, col, rows, cols;
};
Rules per_cell(int rows, int cols, double gap, const std::vector<Span>& spans = {}, double x0 = 50,
               double y0 = 100, double cw = 60, double rh = 20) {
  Rules r;
  std::vector<std::vector<bool>> covered(rows, std::vector<bool>(cols, false));
  auto box = [&](int row, int col, int nr, int nc) {
    double a = x0 + col * cw + gap, b = x0 + (col + nc) * cw - gap;
    double t = y0 + row * rh + gap, u = y0 + (row + nr) * rh - gap;
    r.horizontal.push_back({t, a, b});
    r.horizontal.push_back({u, a, b});
    r.vertical.push_back({a, t, u});
    r.vertical.push_back({b, t, u});
    for (int i = row; i < row + nr; ++i)
      for (int j = col; j < col + nc; ++j) covered[i][j] = true;
  };
  for (auto& s : spans) box(s.row, s.col, s.rows, s.cols);
  for (int i = 0; i < rows; ++i)
    for (int j = 0; j < cols; ++j)
      if (!covered[i][j]) box(i, j, 1, 1);
  return r;
}

// A one-ruled-table version of the same spans, for comparison.
Rules ruled_with_spans(int rows, int cols, const std::vector<Span>& spans) {
  Rules r = per_cell(rows, cols, 0, spans);
  return merge_rules(r, 2);
}

void expect_same_grid(const Grid& a, const Grid& b) {
  ASSERT_EQ(a.rows(), b.rows());
  ASSERT_EQ(a.cols(), b.cols());
  ASSERT_EQ(a.cells.size(), b.cells.size());
  for (size_t i = 0; i < a.cells.size(); ++i) {
    EXPECT_EQ(a.cells[i].row, b.cells[i].row) << i;
    EXPECT_EQ(a.cells[i].col, b.cells[i].col) << i;
    EXPECT_EQ(a.cells[i].row_span, b.cells[i].row_span) << i;
    EXPECT_EQ(a.cells[i].col_span, b.cells[i].col_span) << i;
  }
}

}  // namespace

TEST(BuildGrids, CellsBoxedOneByOneGiveTheRuledTablesGrid) {
  // Table 三's shape: a label spanning rows, a header spanning columns.
  std::vector<Span> spans = {{0, 0, 2, 1}, {0, 1, 1, 3}, {2, 0, 3, 1}};
  auto ruled = build_grids(merge_rules(full_grid(5, 4), 2), 2);
  auto reference = build_grids(ruled_with_spans(5, 4, spans), 2);
  ASSERT_EQ(ruled.size(), 1u);
  ASSERT_EQ(reference.size(), 1u);
  for (double gap : {0.0, 0.4, 1.5, 2.5}) {
    SCOPED_TRACE("gap " + std::to_string(gap));
    auto grids = build_grids(merge_rules(per_cell(5, 4, gap, spans), 2), 2);
    ASSERT_EQ(grids.size(), 1u) << "the boxed cells are one table";
    expect_same_grid(grids[0], reference[0]);
    // Every atomic cell's middle falls in the same cell as in the ruled table.
    for (int r = 0; r < 5; ++r)
      for (int c = 0; c < 4; ++c) {
        double x = 50 + c * 60 + 30, y = 100 + r * 20 + 10;
        EXPECT_EQ(grids[0].cell_at(x, y), reference[0].cell_at(x, y)) << r << "," << c;
      }
  }
}

TEST(BuildGrids, EmptyCellsKeepTheirPlace) {
  // Empty cells draw their boxes like any other: the grid does not depend on
  // the text, so a value's cell index is the same whatever is left blank.
  auto grids = build_grids(merge_rules(per_cell(3, 7, 1.5), 2), 2);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].cols(), 7);
  EXPECT_EQ(grids[0].rows(), 3);
  EXPECT_EQ(grids[0].cells.size(), 21u);
  // The last column's middle is in column 6, not pulled into a neighbour.
  int last = grids[0].cell_at(50 + 6 * 60 + 30, 100 + 10);
  ASSERT_GE(last, 0);
  EXPECT_EQ(grids[0].cells[last].col, 6);
}

TEST(BuildGrids, StubBorderAtopAContinuedCellIsNoRow) {
  // Chromium draws a cell continued from the previous page with a top border
  // 5 pt below the table's: not a row of its own.
  Rules r = full_grid(3, 4);
  r.horizontal.push_back({105.3, 110, 170});
  auto grids = build_grids(merge_rules(r, 2), 2);
  ASSERT_EQ(grids.size(), 1u);
  EXPECT_EQ(grids[0].rows(), 3);
  for (auto& cell : grids[0].cells) EXPECT_EQ(cell.row_span, 1);
}

TEST(BuildGrids, TablesTenPointsApartStaySeparate) {
  Rules r = full_grid(2, 2, 50, 100);
  Rules r2 = full_grid(2, 2, 50, 150);  // the first ends at 140
  r.horizontal.insert(r.horizontal.end(), r2.horizontal.begin(), r2.horizontal.end());
  r.vertical.insert(r.vertical.end(), r2.vertical.begin(), r2.vertical.end());
  EXPECT_EQ(build_grids(merge_rules(r, 2), 2).size(), 2u);
}
