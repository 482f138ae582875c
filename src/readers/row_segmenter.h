// Cuts the text of a table section into labelled rows: a row is label text
// followed by the numbers printed after it. Works alike on tab-separated,
// one-cell-per-line, markdown and run-together text.
#pragma once
#include <string_view>
#include <vector>

#include "model/source.h"

namespace gongkai {

std::vector<SourceRow> segment_rows(std::u32string_view section_text);

// Removes the parts of a text that are never table cells: bracketed notes
// with words in them ("（单位：万元，保留4位小数）", "（其中修订16件）"), page
// footers ("- 4 -", "— 4 —", "第4页"), markdown rule lines. Notes become a
// cell boundary so that "22（其中修订16件）55" stays two cells.
std::u32string strip_non_cells(std::u32string_view text);

}  // namespace gongkai
