// What every reader yields: the report's sections, each table section as
// labelled rows of cells as read. Readers do not know the template; the mapper
// aligns these rows to it.
#pragma once
#include <array>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

// The six numbered parts of every report: 一 总体情况 … 六 其他需要报告的事项;
// and Extra, a table printed after 四 that the template does not know (2025
// reports print 五、信息处理费收取情况 there, and number the rest 六, 七).
enum class Section {
  Preamble = 0, Overview = 1, Active = 2, Requests = 3, Review = 4, Problems = 5, Other = 6, Extra = 7
};

struct Provenance {
  int page = 0;                        // 1-based; 0 when the input has no pages
  std::optional<std::array<double, 4>> bbox;  // x0, y0, x1, y1
  std::string bbox_unit;               // "pt" or "px@300dpi"
  std::string via = "text";            // text, pdf-text, ocr
  double confidence = 1.0;
  // Other readings of the same printed text (OCR), best first: what an
  // identity may choose between when the first reading does not add up.
  std::vector<std::string> alternatives;
};

// One cell as read, before it is known which template cell it is.
struct Token {
  std::string raw;      // the text as printed, before normalisation
  // A cell boundary is certain on both sides (tab, table cell, line). When it
  // is not, the token may be several cells whose digits ran together.
  bool atomic = false;
  // Something is printed here but could not be read with confidence (OCR):
  // the cell is unknown, for the identities to determine if they can.
  bool unread = false;
  Provenance where;
};

struct SourceRow {
  std::string label;           // all label text of the row, in reading order
  std::vector<Token> tokens;   // value cells in reading order
  // True when tokens are exactly the row's cells, blanks included (a ruled
  // table, an HTML row); false when blanks may have vanished (plain text).
  bool positional = false;
  // Plain text with field separators (tabs, markdown pipes, one cell per
  // line): the fields from the first value to the last, an empty field kept
  // as an unread token. Set only when some field is empty and every value
  // was hard-separated. When it has as many fields as the template row has
  // cells, the empty fields say where cells were lost; otherwise a lost
  // cell's separator vanished too and it is ignored.
  std::vector<Token> slots;
  // Empty fields before the first value on a line holding only values (the
  // row of table 四, which has no label column, losing its first cells);
  // -1 when values were not all hard-separated or label text precedes them.
  int lead_empty = -1;
  // A scanned table's row whose own label cell was left unread (a sub-row
  // of (三)不予公开…): `label` holds only the words of a cell spanning it
  // and its neighbours, if any. The mapping places it by the table's shape.
  bool label_unread = false;
  Provenance where;
};

// Something a reader noticed about the input as a whole (a page that needs
// OCR, a damaged page), reported as an extraction finding.
struct ReaderFinding {
  std::string rule;       // stable id, e.g. "pdf.needs_ocr"
  std::string message;
  bool error = false;     // error rather than warning severity
};

// A table printed after 四 that the template does not know: its heading and
// its rows as printed. Its numbers never enter the template's tables.
struct ExtraTable {
  std::string heading;
  std::vector<SourceRow> rows;
};

struct SourceDoc {
  std::string kind = "text";   // text, html, pdf-text, pdf-scan, image
  int pages = 0;
  std::string encoding;
  std::string title;           // the report's title as printed, if found
  bool title_by_ocr = false;   // ...and it was read by OCR (names may hold misread characters)
  std::string head_text;       // the first part of the text, for meta
  std::map<Section, std::vector<SourceRow>> rows;      // tables 二, 三, 四
  std::map<Section, std::string> section_text;         // all text of each section
  std::vector<std::string> notes;                      // reader's warnings
  std::vector<ReaderFinding> findings;
  std::vector<int> ocr_pages;   // pages whose text layer is missing or unusable
  std::vector<ExtraTable> extra_tables;
};

}  // namespace gongkai
