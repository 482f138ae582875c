// Several records as one workbook (libxlsxwriter): a sheet per table laid out
// like the printed template — its Chinese row and column labels as merged
// header cells above, one row per report below —, cells a finding names
// coloured (error red, warning yellow, a repaired value blue) with the
// findings as the cell's comment; then a sheet of every finding and a sheet
// of the reports (meta, counts, derived metrics).
#pragma once
#include <string>
#include <vector>

#include "model/record.h"
#include "writers/finding_view.h"

namespace gongkai {

// Writes the workbook to `path`. Returns "" or the reason it could not be
// written (libxlsxwriter's, with the path).
std::string write_xlsx(const std::string& path, const std::vector<const Report*>& reports, Lang lang);

}  // namespace gongkai
