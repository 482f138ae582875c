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
