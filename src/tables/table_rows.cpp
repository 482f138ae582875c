#include "tables/table_rows.h"

#include <algorithm>

#include "text/printed.h"
#include "text/unicode.h"

namespace gongkai {

namespace {

bool has_digit(const std::u32string& t) {
  return std::any_of(t.begin(), t.end(), [](char32_t c) { return c >= U'0' && c <= U'9'; });
}

bool in_value_columns(const TableCell& cell, const std::vector<bool>* value_columns) {
  bool in_values = false;
  if (value_columns)
    for (int c = cell.col; c < cell.col + cell.col_span && c < static_cast<int>(value_columns->size()); ++c)
      in_values |= (*value_columns)[c];
  return in_values;
}

// Whether OCR's words in this row's value columns are numbers misread: the
// row prints numbers in at least two of its value cells and half of them. A
// seal's stroke over （六）1's value read as 俊 had made the row label text
// after values, no plain row, and its group's three rows and two more were
// not placed (photoify seal, real seed 81: 35 cells). A header row (自然人,
// 商业企业…) prints no numbers.
bool words_are_misread_numbers(const std::vector<const TableCell*>& cells, const std::vector<bool>* value_columns) {
  int value_cells = 0, numbers = 0;
  for (const TableCell* cell : cells) {
    if (!in_value_columns(*cell, value_columns)) continue;
    ++value_cells;
    std::u32string text = to_u32(nfkc(cell->text));
    numbers += is_value_text(text) && !squeeze_space(cell->text).empty();
  }
  return numbers >= 2 && 2 * numbers >= value_cells;
}

}  // namespace

SourceRow row_from_cells(const std::vector<const TableCell*>& cells, const std::vector<bool>* value_columns) {
  SourceRow row;
  row.positional = true;
  std::string label;
  bool label_misread = false;
  const bool misread_words = words_are_misread_numbers(cells, value_columns);
  // Unless the whole row spans the same rows: Chromium draws a cell continued
  // from the previous page shorter than its row, and its stray border cuts
  // the row in two for the grid; the row's own cells still end together.
  int row_span = cells.empty() ? 1 : cells.back()->row_span;
  for (const TableCell* cell : cells) {
    std::u32string text = to_u32(nfkc(cell->text));
    if (misread_words && cell->where.via == "ocr" && !is_value_text(text) && in_value_columns(*cell, value_columns)) {
      Token t;  // a number not read, in its place
      t.atomic = t.unread = true;
      t.where = cell->where;
      row.tokens.push_back(std::move(t));
      continue;
    }
    // No template prints a value in a cell spanning rows: such a cell is a
    // heading (三、本年度办理结果), whatever OCR made of it.
    if (is_value_text(text) && cell->row_span == row_span && (row_span == 1 || cells.size() >= 3)) {
      // Empty corner cells before the label are layout, not cells of the row.
      bool empty = squeeze_space(to_utf8(text)).empty();
      bool in_values = in_value_columns(*cell, value_columns);
      // A label cell left unread (see CellReadout::unread): layout here, but
      // the row's place is then the table's shape, not its label.
      if (empty && cell->unread && value_columns && !in_values) row.label_unread = true;
      // So is a number OCR read outside the value columns: a label misread
      // by the digit model (规章 read as "0" on a photo, photo seed 211), or
      // a speck beside a label that was read ((七)总计, photo seed 214).
      if (has_digit(text) && value_columns && !in_values && cell->where.via == "ocr") {
        label_misread = true;
        continue;
      }
      // After a label cell left unread, a blank is a printed blank, not a
      // corner before the label (outlined-text 0002_collapse: 6 of 19 rows).
      if (label.empty() && row.tokens.empty() && empty && !row.label_unread) continue;
      // Nor is a dash or slash there: no column holds it as a value (a
      // label's tail cut off by a stray rule, see rows_from_table).
      if (value_columns && !in_values && !has_digit(text)) continue;
      Token t;
      t.raw = squeeze_space(to_utf8(with_ascii_sign(text)));
      t.atomic = true;
      t.unread = cell->unread;
      t.where = cell->where;
      row.tokens.push_back(std::move(t));
    } else {
      if (!row.tokens.empty()) row.positional = false;  // label text after values: not a plain row
      label += to_utf8(text);
      if (row.where.page == 0) row.where = cell->where;
    }
  }
  row.label = squeeze_space(label);
  // The row's place is its label's, when it has one.
  if (label_misread && row.label.empty()) row.label_unread = true;
  if (row.where.page == 0 && !cells.empty()) row.where = cells.front()->where;
  return row;
}

namespace {

// Columns where rows print values: an empty cell elsewhere is an unused
// label column, not a blank. A column holds values when a third of its
// filled cells one row high and one column wide print one (table 四's
// columns hold two or three headings over one value), with a digit among
// them or more than one dash:
//   - a label read as a number by OCR is not enough (规章 read as "0" on a
//     photo, photo seed 211: table 二's label column became a value column,
//     and its first six values were lost without a finding);
//   - nor is a lone dash: a ruled label cell split by a rule drawn too far,
//     its last character's tail read as "-" (the (七)总计 of an outlined
//     generated report, eval_producers seed 63: table 三 was lost).
// A column after the first value column holds values too, even where every
// row leaves it blank (a browser-printed table 三 whose 商业企业…其他
// columns are all empty): dropping it would shift 总计 into 商业企业.
// So does a column after the last one with a value (table 四's 复议后起诉,
// all blank): label columns stand on the left.
std::vector<bool> value_columns_of(const CellTable& table) {
  const size_t cols = static_cast<size_t>(std::max(table.cols, 0));
  std::vector<int> values(cols, 0), filled(cols, 0);
  std::vector<bool> digits(cols, false);
  for (const TableCell& c : table.cells) {
    if (c.col_span != 1 || c.row_span != 1 || c.col < 0 || c.col >= table.cols || squeeze_space(c.text).empty())
      continue;
    const std::u32string t = to_u32(nfkc(c.text));
    ++filled[c.col];
    if (!is_value_text(t)) continue;
    ++values[c.col];
    digits[c.col] = digits[c.col] || has_digit(t);
  }
  std::vector<bool> value_columns(cols, false);
  for (size_t c = 0; c < cols; ++c)
    value_columns[c] = (digits[c] || values[c] > 1) && 3 * values[c] >= filled[c];
  auto first = std::find(value_columns.begin(), value_columns.end(), true);
  std::fill(first, value_columns.end(), true);
  return value_columns;
}

}  // namespace

std::vector<SourceRow> rows_from_table(const CellTable& table) {
  std::vector<std::vector<const TableCell*>> by_row(static_cast<size_t>(std::max(table.rows, 0)));
  for (const TableCell& c : table.cells)
    if (c.row >= 0 && c.row < table.rows) by_row[c.row].push_back(&c);
  const std::vector<bool> value_columns = value_columns_of(table);
  std::vector<SourceRow> rows;
  for (auto& cells : by_row) {
    std::sort(cells.begin(), cells.end(), [](const TableCell* a, const TableCell* b) { return a->col < b->col; });
    SourceRow row = row_from_cells(cells, &value_columns);
    if (!row.label.empty() || !row.tokens.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace gongkai
