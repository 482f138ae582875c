// From ruling lines to table grids: merge the strokes a page draws into
// lines, group crossing lines into tables, and cut each table into cells,
// joining neighbours where the border between them is missing (a span).
#pragma once
#include <vector>

#include "grid/rules.h"

namespace gongkai::grid {

// Strokes that lie on one line (positions within `tol`) and touch or overlap
// (gaps up to `tol`) become one rule. Word and WPS draw a table's borders as
// many short pieces, often twice; scans break lines into dashes.
Rules merge_rules(const Rules& raw, double tol);

struct GridCell {
  int row = 0, col = 0;            // top-left atomic cell
  int row_span = 1, col_span = 1;
  Box box;
};

struct Grid {
  std::vector<double> ys, xs;      // row and column boundaries, ascending
  std::vector<GridCell> cells;     // in row-major order of their top-left corner
  Box box;
  int rows() const { return static_cast<int>(ys.size()) - 1; }
  int cols() const { return static_cast<int>(xs.size()) - 1; }
  // Index into `cells` of the cell holding point (x, y), or -1.
  int cell_at(double x, double y) const;
  std::vector<int> owner;          // atomic (row * cols + col) -> index into cells
};

// The tables formed by the rules: each group of crossing rules with at least
// two horizontal and two vertical lines. `tol` is the snapping distance.
std::vector<Grid> build_grids(const Rules& merged, double tol);

}  // namespace gongkai::grid
