// Text and HTML inputs have no page to draw on: the review page shows their
// text, each cell's printed characters marked.
//
// The record keeps no character offsets for text inputs, so the marks are
// found again here: from the heading of the cell's table, each cell's raw
// text is looked for, in the record's order (the template's: row by row),
// after the previous cell's, within a short reach, not beside a point (a
// decimal, numbering like "1.属于"); digits beside it are allowed, since a
// run-together row prints "713000074" for 71, 3, 0, 0, 0, 0, 74. A cell not found there is left unmarked
// rather than marked somewhere wrong.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "review/record_view.h"

namespace gongkai::review {

// The input as text: decoded as the text reader decodes it; HTML as its
// visible text, a table's cells separated by tabs and its rows by lines.
// Throws std::runtime_error when the bytes cannot be decoded.
std::string source_text(std::string_view bytes, const std::string& kind_hint);

struct Mark {
  size_t begin = 0, end = 0;  // bytes of the text
  std::string cell;           // table.row.col
};
std::vector<Mark> locate_cells(const std::string& text, const Json& record);

// The text with its marks as <mark data-cell=…> elements (marks in order, not overlapping).
std::string marked_text_html(const std::string& text, const std::vector<Mark>& marks,
                             const std::map<std::string, CellView>& views);

}  // namespace gongkai::review
