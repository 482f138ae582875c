// How findings' messages write numbers and cells, the same in every check.
#pragma once
#include <string>

#include "model/record.h"

namespace gongkai {

// A whole number without a decimal point, anything else as the stream prints it.
std::string number_text(double v);
// "row.col", as the template names the cell.
std::string cell_name(const CellKey& k);

}  // namespace gongkai

namespace gongkai {

// The row as a printed table names it in short: its numbering where the
// template numbers it (（一）, （三）第1项), else its label ("行政复议").
std::string printed_row_name(const Report& r, const CellKey& k);
// The column's printed heading (自然人, 结果纠正).
std::string printed_column_name(const Report& r, const CellKey& k);
// The same from the template alone, for findings made before the record.
std::string column_heading(const CellKey& k);
// "（七）总计 自然人": a cell as people find it on the page.
std::string printed_cell_name(const Report& r, const CellKey& k);

}  // namespace gongkai
