#include "tables/stitch.h"

#include <algorithm>
#include <cmath>

#include "tables/table_rows.h"
#include "text/fuzzy.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

std::u32string compact(const std::string& s) {
  std::u32string out;
  for (char32_t c : to_u32(nfkc(s)))
    if (c != U' ' && c != U'\n' && c != U'\t' && c != 0x3000) out.push_back(c);
  return out;
}

bool is_label(const TableCell& c) {
  auto t = compact(c.text);
  return !t.empty() && !is_value_text(t);
}
bool is_value(const TableCell& c) {
  auto t = compact(c.text);
  return !t.empty() && is_value_text(t);
}

// "1.", "（一）", "一、", "(六)": the start of a new template row, never the
// tail of a label cut by a page break.
bool starts_with_marker(const std::u32string& t) {
  if (t.empty()) return false;
  static const std::u32string numerals = U"一二三四五六七八九十";
  if (t[0] >= U'0' && t[0] <= U'9') return t.size() > 1 && (t[1] == U'.' || t[1] == U'、' || t[1] == U'．');
  if (t[0] == U'(' || t[0] == U'（') return t.size() > 1 && numerals.find(t[1]) != std::u32string::npos;
  return numerals.find(t[0]) != std::u32string::npos && t.size() > 1 && t[1] == U'、';
}

int edge_index(const std::vector<double>& edges, double x, double tol) {
  for (size_t i = 0; i < edges.size(); ++i)
    if (std::abs(edges[i] - x) <= tol) return static_cast<int>(i);
  return -1;
}

int nearest_edge(const std::vector<double>& edges, double x) {
  int best = 0;
  for (size_t i = 1; i < edges.size(); ++i)
    if (std::abs(edges[i] - x) < std::abs(edges[best] - x)) best = static_cast<int>(i);
  return best;
}

// A scanned page lies a little shifted and scaled against the one before:
// the continuation's edges are mapped onto the first part's table width.
void align_to(CellTable& next, const CellTable& prev) {
  double n0 = next.col_edges.front(), nw = next.col_edges.back() - n0;
  double p0 = prev.col_edges.front(), pw = prev.col_edges.back() - p0;
  if (nw <= 0 || pw <= 0) return;
  for (double& x : next.col_edges) x = p0 + (x - n0) * pw / nw;
}

// Re-expresses the cells' columns against `edges` (a superset of the table's own).
void reindex(CellTable& t, const std::vector<double>& edges, double tol) {
  for (auto& c : t.cells) {
    int a = edge_index(edges, t.col_edges[c.col], tol);
    int b = edge_index(edges, t.col_edges[c.col + c.col_span], tol);
    if (a < 0) a = nearest_edge(edges, t.col_edges[c.col]);
    if (b <= a) b = std::max(a + 1, nearest_edge(edges, t.col_edges[c.col + c.col_span]));
    c.col = a;
    c.col_span = b - a;
  }
  t.col_edges = edges;
  t.cols = static_cast<int>(edges.size()) - 1;
}

std::vector<double> union_edges(const std::vector<double>& a, const std::vector<double>& b, double tol) {
  std::vector<double> all = a;
  for (double x : b)
    if (edge_index(a, x, tol) < 0) all.push_back(x);
  std::sort(all.begin(), all.end());
  return all;
}

std::u32string row_text(const CellTable& t, int row) {
  std::vector<const TableCell*> cells;
  for (auto& c : t.cells)
    if (c.row == row) cells.push_back(&c);
  std::sort(cells.begin(), cells.end(), [](auto* a, auto* b) { return a->col < b->col; });
  std::u32string s;
  for (auto* c : cells) s += compact(c->text) + U"|";
  return s;
}

bool label_only_row(const CellTable& t, int row) {
  bool any_label = false;
  for (auto& c : t.cells)
    if (c.row == row) {
      if (is_value(c)) return false;
      any_label |= is_label(c);
    }
  return any_label;
}

void drop_rows(CellTable& t, int n) {
  if (n <= 0) return;
  std::vector<TableCell> kept;
  for (auto& c : t.cells) {
    if (c.row + c.row_span <= n) continue;
    TableCell k = c;
    if (k.row < n) {
      k.row_span -= n - k.row;
      k.row = 0;
    } else {
      k.row -= n;
    }
    kept.push_back(std::move(k));
  }
  t.cells = std::move(kept);
  t.rows -= n;
}

}  // namespace

bool continues(const CellTable& prev, const CellTable& next, double tol) {
  int prev_last = prev.last_page ? prev.last_page : prev.page;
  if (next.page != prev_last + 1 || prev.text_after || next.text_before) return false;
  if (prev.col_edges.size() < 2 || next.col_edges.size() < 2) return false;
  if (std::abs(prev.col_edges.front() - next.col_edges.front()) <= tol &&
      std::abs(prev.col_edges.back() - next.col_edges.back()) <= tol)
    return true;
  // A scan: the same width within 2 % (paper shift and scanner scale move it).
  double pw = prev.col_edges.back() - prev.col_edges.front(), nw = next.col_edges.back() - next.col_edges.front();
  return pw > 0 && std::abs(pw - nw) <= 0.02 * pw && std::abs(prev.col_edges.front() - next.col_edges.front()) <= 0.05 * pw;
}

void stitch_into(CellTable& prev, const CellTable& next_in, double kTol) {
  CellTable next = next_in;
  align_to(next, prev);
  auto edges = union_edges(prev.col_edges, next.col_edges, kTol);
  reindex(prev, edges, kTol);
  reindex(next, edges, kTol);

  // 1. A header repeated on the new page (read alike, not always the same:
  // OCR reads 勾稽 as 色移 on one page and not the other).
  auto same_header = [&](int r) {
    if (!label_only_row(next, r) || !label_only_row(prev, r)) return false;
    std::u32string a = han_only(to_utf8(row_text(prev, r))), b = han_only(to_utf8(row_text(next, r)));
    if (a == b) return true;
    return a.size() >= 4 && b.size() >= 4 && label_match_score(a, b) > 0 && label_match_score(b, a) > 0;
  };
  int header = 0;
  while (header < next.rows && header < prev.rows && same_header(header)) ++header;
  // A repeated header that OCR or the grid cut into rows differently: each
  // of the new page's first label-only rows read within the first page's
  // header text.
  std::u32string prev_header;
  for (int r = 0; r < std::min(prev.rows, 4); ++r) prev_header += han_only(to_utf8(row_text(prev, r)));
  while (header < next.rows && label_only_row(next, header)) {
    std::u32string t = han_only(to_utf8(row_text(next, header)));
    if (t.size() < 4 || label_match_score(t, prev_header) <= 0) break;
    ++header;
  }
  drop_rows(next, header);

  // 2. A label cell spanning rows, cut by the break: one cell again.
  std::vector<bool> consumed(next.cells.size(), false);
  std::vector<TableCell*> extended;
  for (size_t i = 0; i < next.cells.size(); ++i) {
    TableCell& b = next.cells[i];
    // The tail of the label, or nothing when the whole label fit on the first page.
    if (b.row != 0 || is_value(b) || (!is_label(b) && b.row_span == 1)) continue;
    // A label that opens with its own marker (一、本年新收…) starts a row of
    // its own: a Chromium print that breaks right after table 三's header
    // had it appended to the header's first cell, and the row lost its label.
    if (starts_with_marker(compact(b.text))) continue;
    for (auto& a : prev.cells) {
      if (a.row + a.row_span != prev.rows || a.col != b.col || a.col_span != b.col_span) continue;
      if (!is_label(a) || (a.row_span == 1 && b.row_span == 1)) continue;
      a.text += b.text;
      a.row_span += b.row_span;
      extended.push_back(&a);
      consumed[i] = true;
      break;
    }
  }

  // 3. A row cut by the break: its label's tail (and maybe its values) on the
  // new page. Only when the two halves line up cell for cell and no column
  // has a value on both sides.
  std::vector<TableCell*> top, bottom;
  bool single_rows = true;
  for (size_t i = 0; i < next.cells.size(); ++i)
    if (next.cells[i].row == 0 && !consumed[i]) {
      // An empty cell spanning rows (the blank rest of a heading cell that
      // stayed on the first page) says nothing about the cut row.
      if (next.cells[i].row_span > 1 && compact(next.cells[i].text).empty()) continue;
      top.push_back(&next.cells[i]);
      single_rows &= next.cells[i].row_span == 1;
    }
  for (auto& a : prev.cells)
    if (a.row == prev.rows - 1 && a.row_span == 1) bottom.push_back(&a);
  auto by_col = [](TableCell* x, TableCell* y) { return x->col < y->col; };
  std::sort(top.begin(), top.end(), by_col);
  std::sort(bottom.begin(), bottom.end(), by_col);
  // Value columns hold no label text in a cut row; a header row does.
  std::vector<bool> value_col(edges.size(), false);
  for (const CellTable* t : {&prev, &next})
    for (auto& c : t->cells)
      if (c.col_span == 1 && is_value(c)) value_col[c.col] = true;
  bool aligned = single_rows && !top.empty() && top.size() == bottom.size();
  for (size_t k = 0; aligned && k < top.size(); ++k)
    aligned = top[k]->col == bottom[k]->col && top[k]->col_span == bottom[k]->col_span &&
              !(is_value(*top[k]) && is_value(*bottom[k])) &&
              !(value_col[top[k]->col] && (is_label(*top[k]) || is_label(*bottom[k])));
  if (aligned) {
    std::u32string top_label, bottom_label;
    bool top_values = false, bottom_values = false;
    for (auto* c : top) {
      if (is_label(*c)) top_label += compact(c->text);
      top_values |= is_value(*c);
    }
    for (auto* c : bottom) {
      if (is_label(*c)) bottom_label += compact(c->text);
      bottom_values |= is_value(*c);
    }
    bool tail = !starts_with_marker(top_label) && !bottom_label.empty() &&
                ((!top_values && !top_label.empty()) || (!bottom_values && top_values));
    if (tail) {
      for (size_t k = 0; k < top.size(); ++k) {
        TableCell& a = *bottom[k];
        const TableCell& b = *top[k];
        if (compact(a.text).empty() && !compact(b.text).empty()) a.where = b.where;
        a.text += b.text;
      }
      for (size_t i = 0; i < next.cells.size(); ++i)
        if (next.cells[i].row == 0) consumed[i] = true;
      // Row 0 of `next` is now part of prev's last row.
      for (auto& c : next.cells) c.row -= 1;
      next.rows -= 1;
      for (auto* a : extended) a->row_span -= 1;
    }
  }

  for (size_t i = 0; i < next.cells.size(); ++i) {
    if (consumed[i]) continue;
    TableCell c = next.cells[i];
    c.row += prev.rows;
    prev.cells.push_back(std::move(c));
  }
  prev.rows += next.rows;
  prev.last_page = next.last_page ? next.last_page : next.page;
  prev.text_after = next.text_after;
  prev.bottom = next.bottom;
}

std::vector<CellTable> stitch_tables(std::vector<CellTable> tables, double tol) {
  std::vector<CellTable> out;
  for (auto& t : tables) {
    if (!out.empty() && continues(out.back(), t, tol)) stitch_into(out.back(), t);
    else out.push_back(std::move(t));
  }
  return out;
}

}  // namespace gongkai
