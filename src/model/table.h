// The common table model between the layout readers (PDF text layer, scan)
// and the row builder: a table as a grid of cells with spans, each cell with
// its text and where it was read.
#pragma once
#include <string>
#include <vector>

#include "model/source.h"

namespace gongkai {

struct TableCell {
  int row = 0, col = 0, row_span = 1, col_span = 1;
  std::string text;   // wrapped lines joined in reading order
  bool shaded = false;
  bool unread = false;  // printed but not read with confidence (see Token::unread)
  Provenance where;
};

struct CellTable {
  int rows = 0, cols = 0;
  std::vector<double> col_edges;   // cols + 1 x positions, for matching a table continued on the next page
  std::vector<TableCell> cells;    // row-major by top-left corner
  int page = 0;                    // page of the first row
  double top = 0, bottom = 0;      // y extent on that page
  double page_height = 0;
  // Body text on the same page above / below the table (page headers and
  // footers do not count): a table that ends a page and one that opens the
  // next with nothing between them may be one table.
  bool text_before = false, text_after = false;
  int last_page = 0;               // page of the last row, after stitching
};

}  // namespace gongkai
