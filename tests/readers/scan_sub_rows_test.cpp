// Which label cells of a scanned table the scan reader leaves unread: the
// numbered rows under a group cell ((三)不予公开), found from the grid alone.
#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <vector>

#include "readers/scan/cell_reading.h"

using namespace gongkai;

namespace {

struct Spec {
  int row, col, row_span, col_span;
};

// A grid of `rows` x `cols` unit cells made of `cells` (each atomic cell
// covered by exactly one of them).
grid::Grid grid_of(int rows, int cols, const std::vector<Spec>& cells) {
  grid::Grid g;
  for (int r = 0; r <= rows; ++r) g.ys.push_back(10.0 * r);
  for (int c = 0; c <= cols; ++c) g.xs.push_back(10.0 * c);
  g.owner.assign(static_cast<size_t>(rows * cols), -1);
  for (const Spec& s : cells) {
    grid::GridCell c{s.row, s.col, s.row_span, s.col_span,
                     {10.0 * s.col, 10.0 * s.row, 10.0 * (s.col + s.col_span), 10.0 * (s.row + s.row_span)}};
    for (int r = s.row; r < s.row + s.row_span; ++r)
      for (int k = s.col; k < s.col + s.col_span; ++k) g.owner[r * cols + k] = static_cast<int>(g.cells.size());
    g.cells.push_back(c);
  }
  return g;
}

}  // namespace

// Table 三's lower part: column 0 the heading 三、本年度办理结果 down all
// rows, (二)部分公开 over columns 1-2, the group (三) in column 1 over three
// numbered rows, then two value columns.
TEST(ScanSubRows, NumberedRowsUnderAGroupCell) {
  std::vector<Spec> cells = {{0, 0, 4, 1}, {0, 1, 1, 2}, {0, 3, 1, 1}, {0, 4, 1, 1},  // (二)部分公开
                             {1, 1, 3, 1}, {1, 2, 1, 1}, {1, 3, 1, 1}, {1, 4, 1, 1},  // (三) and 1.
                             {2, 2, 1, 1}, {2, 3, 1, 1}, {2, 4, 1, 1},                // 2.
                             {3, 2, 1, 1}, {3, 3, 1, 1}, {3, 4, 1, 1}};               // 3.
  grid::Grid g = grid_of(4, 5, cells);
  std::vector<bool> in_values;
  for (auto& c : g.cells) in_values.push_back(c.col >= 3);
  auto parent = scan::sub_row_labels(g, in_values);
  ASSERT_EQ(parent.size(), cells.size());
  EXPECT_EQ(parent[5], 4);  // 1. under (三)
  EXPECT_EQ(parent[8], 4);
  EXPECT_EQ(parent[11], 4);
  // The heading's rows hold (二)部分公开 over two columns: read, like every other cell.
  for (size_t i : {0, 1, 2, 4, 6, 9}) EXPECT_EQ(parent[i], -1) << i;
}

// A group cell with a row that holds no label cell of its own (the label
// spans into the value columns' place, or a value stands right after the
// group): nothing is left unread.
TEST(ScanSubRows, AGroupWithoutALabelInEveryRowIsRead) {
  std::vector<Spec> cells = {{0, 0, 2, 1}, {0, 1, 1, 1}, {0, 2, 1, 1},  // group, 1., value
                             {1, 1, 1, 2}};                             // a cell over label and value columns
  grid::Grid g = grid_of(2, 3, cells);
  std::vector<bool> in_values = {false, false, true, false};
  for (int p : scan::sub_row_labels(g, in_values)) EXPECT_EQ(p, -1);
}

// Which cells the first pass on a crisp page left unsettled are read fully
// (to_read_fully): a table 三-like grid, a heading row over labels and two
// value columns. Unsettled: two headings, a label, a value in the first row
// of values and one further down.
TEST(ScanFirstPass, UnsettledValuesAreReadFullyHeadingsAndLabelsAreNot) {
  std::vector<Spec> cells = {{0, 0, 1, 1}, {0, 1, 1, 1}, {0, 2, 1, 1},   // headings
                             {1, 0, 1, 1}, {1, 1, 1, 1}, {1, 2, 1, 1},   // label, values
                             {2, 0, 1, 1}, {2, 1, 1, 1}, {2, 2, 1, 1}};  // label, values
  grid::Grid g = grid_of(3, 3, cells);
  auto settled = [](const std::string& t) {
    ocr::Reading r;
    r.text = t;
    r.confidence = 0.99;
    return std::optional<ocr::Reading>(r);
  };
  auto unsettled = [](const std::string& t) {
    ocr::Reading r;
    r.text = t;
    r.confidence = 0.4;
    r.more_looks_wanted = true;
    return std::optional<ocr::Reading>(r);
  };
  std::vector<std::optional<ocr::Reading>> reading = {unsettled(""), unsettled("41"), unsettled(""),
                                                      unsettled("17"), unsettled("746"), settled("0"),
                                                      settled(""), settled("12"), unsettled("5")};
  std::vector<bool> in_values;
  for (auto& c : g.cells) in_values.push_back(c.col >= 1);
  EXPECT_EQ(scan::to_read_fully(g, reading, in_values), (std::vector<size_t>{4, 8}));

  // A value under 0.6 does not mark the first row of values: the rows above
  // the first confident one count as headings.
  reading[5]->confidence = 0.5;
  EXPECT_EQ(scan::to_read_fully(g, reading, in_values), (std::vector<size_t>{8}));

  // No value column found yet: every unsettled cell is read fully, as before
  // the first pass took one look.
  std::vector<bool> none(g.cells.size(), false);
  EXPECT_EQ(scan::to_read_fully(g, reading, none), (std::vector<size_t>{0, 1, 2, 3, 4, 8}));
}
