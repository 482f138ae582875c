// From a table of cells to the labelled rows the mapper aligns: shared by
// every reader that sees a table's cells (HTML, PDF text layer, scan).
#pragma once
#include <string_view>
#include <vector>

#include "model/source.h"
#include "model/table.h"
#include "text/printed.h"  // is_value_text, used with these rows

namespace gongkai {

// One row from its cells in reading order: label text is joined, value cells
// become positional tokens (a blank cell is a printed blank). When
// `value_columns` is given, an empty cell outside those columns is layout (a
// label column the row does not use), not a blank value.
SourceRow row_from_cells(const std::vector<const TableCell*>& cells,
                         const std::vector<bool>* value_columns = nullptr);

// Every grid row of `table`. A cell spanning several rows belongs to the
// first of them, as a rowspan does in HTML.
std::vector<SourceRow> rows_from_table(const CellTable& table);

}  // namespace gongkai
