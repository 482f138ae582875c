// Several records as one spreadsheet-shaped CSV: one row per report, one
// column per table cell with its printed labels, the derived metrics
// (analysis/metrics.h) after the cells. UTF-8 with a byte-order mark, which
// is what makes Excel on a Chinese Windows read it as UTF-8 rather than GBK.
#pragma once
#include <string>
#include <vector>

#include "model/record.h"

namespace gongkai {

// The byte-order mark every CSV the toolkit writes starts with.
inline constexpr const char* kUtf8Bom = "\xEF\xBB\xBF";

// The leading columns (文件, 机关, …), before the cells.
const std::vector<std::string>& wide_report_headings();
// One report's values for those leading columns, in order.
std::vector<std::string> wide_report_fields(const Report& r);
// Repaired cells (a value no printed digit supports), by their labels, for the
// column that marks them.
std::string repaired_cells_text(const Report& r);

std::string to_wide_csv(const std::vector<const Report*>& reports);

// A CSV field, quoted where it must be.
std::string csv_field(const std::string& s);

}  // namespace gongkai
