#include "tables/grid_table.h"

#include <utility>

namespace gongkai {

CellTable table_from_grid(const grid::Grid& grid, const GridPage& page, std::vector<CellReadout> cells) {
  CellTable t;
  t.rows = grid.rows();
  t.cols = grid.cols();
  t.col_edges = grid.xs;
  t.page = page.number;
  t.top = grid.box.y0;
  t.bottom = grid.box.y1;
  t.page_height = page.height;
  for (size_t i = 0; i < grid.cells.size(); ++i) {
    const grid::GridCell& gc = grid.cells[i];
    CellReadout& read = cells[i];
    TableCell cell{gc.row, gc.col, gc.row_span, gc.col_span, std::move(read.text), read.shaded, read.unread, {}};
    cell.where.page = page.number;
    cell.where.bbox =
        page.place ? page.place(gc.box) : std::array<double, 4>{gc.box.x0, gc.box.y0, gc.box.x1, gc.box.y1};
    cell.where.bbox_unit = page.bbox_unit;
    cell.where.via = page.via;
    cell.where.confidence = read.confidence;
    cell.where.alternatives = std::move(read.alternatives);
    t.cells.push_back(std::move(cell));
  }
  return t;
}

}  // namespace gongkai
