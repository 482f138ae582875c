#include "tables/table_rows.h"

#include <algorithm>

#include "text/unicode.h"

namespace gongkai {

bool is_value_text(std::u32string_view t) {
  std::u32string s;
  for (char32_t c : t)
    if (c != U' ' && c != U'\t' && c != U'\n' && c != 0xA0 && c != 0x3000) s.push_back(c);
  if (s.empty()) return true;
  if (s == U"-" || s == U"—" || s == U"/" || s == U"--" || s == U"无" || s == U"－" || s == U"――" ||
      s == U"——" || s == U"–")
    return true;
  size_t i = (s[0] == U'-' && s.size() > 1) ? 1 : 0;
  if (!(s[i] >= U'0' && s[i] <= U'9')) return false;
  while (i < s.size() && s[i] >= U'0' && s[i] <= U'9') ++i;
  // "1.属于国家秘密" is a numbered label, "7730.28" a value.
  bool list_number = i + 1 < s.size() && (s[i] == U'.' || s[i] == U'、' || s[i] == U'．') &&
                     !(s[i + 1] >= U'0' && s[i + 1] <= U'9');
  // "1本机关不掌握…" (OCR lost the dot) is a label too; "251000元", "22件" are values.
  static const std::u32string units = U"元万件个项条";
  bool words_follow = i < s.size() && is_han(s[i]) && units.find(s[i]) == std::u32string::npos;
  // Words outside brackets make a label ("5,于三类内部…" read by OCR); a
  // value's note stands in brackets ("22（其中修订16件）").
  int han_outside = 0, depth = 0;
  for (char32_t c : s) {
    if (c == U'(' || c == U'（') ++depth;
    else if ((c == U')' || c == U'）') && depth > 0) --depth;
    else if (depth == 0 && is_han(c) && units.find(c) == std::u32string::npos) ++han_outside;
  }
  return !list_number && !words_follow && han_outside < 2;
}

SourceRow row_from_cells(const std::vector<const TableCell*>& cells, const std::vector<bool>* value_columns) {
  SourceRow row;
  row.positional = true;
  std::string label;
  for (const TableCell* cell : cells) {
    std::u32string text = to_u32(nfkc(cell->text));
    // No template prints a value in a cell spanning rows: such a cell is a
    // heading (三、本年度办理结果), whatever OCR made of it.
    if (is_value_text(text) && cell->row_span == 1) {
      // Empty corner cells before the label are layout, not cells of the row.
      bool empty = squeeze_space(to_utf8(text)).empty();
      if (label.empty() && row.tokens.empty() && empty) continue;
      if (empty && value_columns) {
        bool in_values = false;
        for (int c = cell->col; c < cell->col + cell->col_span && c < static_cast<int>(value_columns->size()); ++c)
          in_values |= (*value_columns)[c];
        if (!in_values) continue;
      }
      Token t;
      t.raw = squeeze_space(to_utf8(text));
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
  if (row.where.page == 0 && !cells.empty()) row.where = cells.front()->where;
  return row;
}

std::vector<SourceRow> rows_from_table(const CellTable& table) {
  std::vector<std::vector<const TableCell*>> by_row(static_cast<size_t>(std::max(table.rows, 0)));
  for (const TableCell& c : table.cells)
    if (c.row >= 0 && c.row < table.rows) by_row[c.row].push_back(&c);
  // Columns where some row prints a value: an empty cell elsewhere is an
  // unused label column, not a blank.
  std::vector<bool> value_columns(static_cast<size_t>(std::max(table.cols, 0)), false);
  for (const TableCell& c : table.cells) {
    std::u32string t = to_u32(nfkc(c.text));
    if (c.col_span == 1 && c.row_span == 1 && c.col < table.cols && !squeeze_space(c.text).empty() &&
        is_value_text(t))
      value_columns[c.col] = true;
  }
  std::vector<SourceRow> rows;
  for (auto& cells : by_row) {
    std::sort(cells.begin(), cells.end(), [](const TableCell* a, const TableCell* b) { return a->col < b->col; });
    SourceRow row = row_from_cells(cells, &value_columns);
    if (!row.label.empty() || !row.tokens.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace gongkai
