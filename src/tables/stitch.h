// Tables that run over a page break arrive as two grids. Stitching joins them
// before rows are built, so that a spanning label split by the break
// ("（四）无" | "法提供") or a row split by it is one again, and a header
// repeated on the new page is not read as rows.
#pragma once
#include <vector>

#include "model/table.h"

namespace gongkai {

// Whether `next` continues `prev`: on the following page, nothing but page
// furniture between them, the same columns (edges within `tol`).
bool continues(const CellTable& prev, const CellTable& next, double tol);

// Appends `next` to `prev` (which must continue): drops a repeated header,
// joins a spanning label cell or a row cut by the page break.
void stitch_into(CellTable& prev, const CellTable& next, double tol = 3.0);

// Stitches every continued table of a document's tables (in reading order).
std::vector<CellTable> stitch_tables(std::vector<CellTable> tables, double tol);

}  // namespace gongkai
