// From a ruled grid and what a reader found in its cells to the CellTable the
// row builder reads. Shared by the PDF text layer (glyphs in each cell) and
// the scan reader (OCR of each cell), so a table is laid out the same way
// whichever way its cells were read.
#pragma once
#include <array>
#include <functional>
#include <string>
#include <vector>

#include "grid/grid.h"
#include "model/table.h"

namespace gongkai {

// What a reader found in one cell of a grid.
struct CellReadout {
  std::string text;
  bool shaded = false;
  // Printed but not read with confidence (see TableCell::unread). With an
  // empty text outside the value columns: a label cell left unread on
  // purpose, its row to be placed by the table's shape (SourceRow::label_unread).
  bool unread = false;
  double confidence = 1.0;
  std::vector<std::string> alternatives;  // other readings, best first (OCR)
};

// The page a grid was read on, and how.
struct GridPage {
  int number = 0;
  double height = 0;      // in the page's unit
  std::string bbox_unit;  // "pt", "px@300dpi"
  std::string via;        // "pdf-text", "ocr"
  // A cell's box as the reader reports it, from its box in the grid; the box
  // itself when unset. The scan reader finds grids on the straightened page
  // and reports boxes on the page as it was rendered.
  std::function<std::array<double, 4>(const grid::Box&)> place;
};

// The table of `grid` on `page`: `cells[i]` is what was read in grid.cells[i].
CellTable table_from_grid(const grid::Grid& grid, const GridPage& page, std::vector<CellReadout> cells);

}  // namespace gongkai
