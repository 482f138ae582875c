// One page as the layout readers see it — narrative lines and ruled tables,
// wherever they were read from (a PDF's text layer, OCR of a scan) — and the
// step that turns a document's pages into the SourceDoc every reader yields:
// reading order, page furniture, sections, tables stitched over page breaks.
#pragma once
#include <string>
#include <vector>

#include "grid/rules.h"
#include "model/source.h"
#include "model/table.h"

namespace gongkai {

struct TextLine {
  std::string text;   // UTF-8; a space where the gap between glyphs is wide
  grid::Box box;
  double font_size = 0;  // in the page's unit
};

struct PageLayout {
  int number = 0;                  // 1-based
  double height = 0;               // in the page's unit (pt, or px of the image)
  double unit_per_pt = 1;          // 1 for PDF points; dpi / 72 for pixels
  std::vector<TextLine> lines;     // narrative outside the tables
  std::vector<bool> furniture;     // per line: page number or running header
  std::vector<CellTable> tables;   // top to bottom
  std::string ocr_reason;          // non-empty when the page could not be read here
  std::vector<std::string> notes;  // what the reader did to the page (turned it, …)
  std::vector<ReaderFinding> findings;  // what the reader found wrong with the page (scan.page_quality, …)
  double image_dpi = 0;            // a scanned page's own resolution, when known
  bool ocr = false;                // read by OCR: line heights are the boxes', rough
};

// Which table of the template words read from a table name (Preamble when
// they do not say): the column headings of 三 and 四 and the row labels of 二
// are fixed by the template. `han`: the table's Han characters, in order.
Section section_by_words(const std::u32string& han);

// Marks page numbers in the margins and sets each table's text_before /
// text_after. Call once a page's lines and tables are known.
void mark_page_furniture(PageLayout& page);

// The document from its pages. `doc` arrives with kind and pages set; its
// title, head text, sections, rows and findings are filled in.
void assemble(std::vector<PageLayout>& pages, SourceDoc& doc);

}  // namespace gongkai
