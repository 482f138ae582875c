// Glyphs into lines of text: the reading order of a cell or of the page's
// narrative, rebuilt from positions rather than trusted from the content
// stream (WPS draws a table's digits long after its labels).
#pragma once
#include <string>
#include <vector>

#include "readers/page_layout.h"
#include "readers/pdf/pdf_document.h"

namespace gongkai::pdf {

using gongkai::TextLine;

// Glyphs whose vertical extents overlap by half are one line; lines top to
// bottom, glyphs left to right.
std::vector<TextLine> group_lines(std::vector<const Glyph*> glyphs);

// A cell's text: its lines joined without a break, since a wrapped label or
// number continues on the next line ("（二）部分公开（区分处理的，只计这一情" + "形…").
std::string cell_text(const std::vector<const Glyph*>& glyphs);

}  // namespace gongkai::pdf
