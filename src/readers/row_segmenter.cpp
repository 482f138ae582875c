#include "readers/row_segmenter.h"

#include <algorithm>

#include "text/printed.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

// Where a note or footer was cut out: the cells on either side are distinct,
// but nothing says a cell boundary there is certain (run-together digits stay splittable).
constexpr char32_t kCut = 0x1E;

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_hard_sep(char32_t c) { return c == U'\t' || c == U'\n' || c == U'|'; }
bool is_soft_space(char32_t c) { return c == U' ' || c == U'\r' || c == 0x3000 || c == 0xA0 || c == kCut; }
// Punctuation that may sit inside a label but never starts a new row by itself.
bool is_neutral(char32_t c) {
  static const std::u32string_view n = U".,:;()[]\"'“”‘’、，。：；·<>《》「」*#_~`";
  return n.find(c) != std::u32string_view::npos;
}

std::u32string_view trim(std::u32string_view s) {
  while (!s.empty() && (is_soft_space(s.front()) || s.front() == U'\t')) s.remove_prefix(1);
  while (!s.empty() && (is_soft_space(s.back()) || s.back() == U'\t')) s.remove_suffix(1);
  return s;
}

bool is_rule_line(std::u32string_view line) {
  int dashes = 0;
  for (char32_t c : line) {
    if (is_dash(c)) ++dashes;
    else if (!(c == U'|' || c == U':' || is_soft_space(c) || c == U'\t')) return false;
  }
  return dashes >= 3;
}

}  // namespace

std::u32string strip_non_cells(std::u32string_view text) {
  std::u32string lines_kept;
  lines_kept.reserve(text.size());
  size_t start = 0;
  while (start <= text.size()) {
    size_t nl = text.find(U'\n', start);
    if (nl == std::u32string_view::npos) nl = text.size();
    auto line = text.substr(start, nl - start);
    if (!is_rule_line(line) && !is_page_number(line, PageNumberPlace::InText)) lines_kept.append(line);
    if (nl < text.size()) lines_kept.push_back(U'\n');
    start = nl + 1;
  }
  // Bracketed notes with words in them. Inline footers "— 4 —" inside run-together lines.
  std::u32string out;
  out.reserve(lines_kept.size());
  for (size_t i = 0; i < lines_kept.size(); ++i) {
    char32_t c = lines_kept[i];
    if (c == U'(') {
      size_t j = i + 1;
      bool han = false;
      while (j < lines_kept.size() && j < i + 80 && lines_kept[j] != U'(' && lines_kept[j] != U')') {
        han = han || is_han(lines_kept[j]);
        ++j;
      }
      if (han && j < lines_kept.size() && lines_kept[j] == U')') {
        out.push_back(kCut);
        i = j;
        continue;
      }
    }
    if (c == U'—' || c == U'–') {
      size_t j = i + 1;
      while (j < lines_kept.size() && is_soft_space(lines_kept[j])) ++j;
      size_t d = j;
      while (j < lines_kept.size() && is_digit(lines_kept[j])) ++j;
      size_t nd = j - d;
      while (j < lines_kept.size() && is_soft_space(lines_kept[j])) ++j;
      if (nd > 0 && nd <= 3 && j < lines_kept.size() && (lines_kept[j] == U'—' || lines_kept[j] == U'–')) {
        out.push_back(kCut);
        i = j;
        continue;
      }
    }
    out.push_back(c);
  }
  return out;
}

std::vector<SourceRow> segment_rows(std::u32string_view text) {
  std::vector<SourceRow> rows;
  SourceRow cur;
  std::u32string label;
  // The row's fields, empty ones included (see SourceRow::slots).
  std::vector<Token> slots;
  bool slots_ok = true, any_empty = false;
  auto flush = [&] {
    if (!label.empty() || !cur.tokens.empty()) {
      cur.label = to_utf8(label);
      while (!slots.empty() && slots.back().raw.empty()) slots.pop_back();  // a trailing tab says nothing
      bool empty_inside = std::any_of(slots.begin(), slots.end(), [](const Token& t) { return t.raw.empty(); });
      if (slots_ok && any_empty && empty_inside) cur.slots = std::move(slots);
      if (!slots_ok) cur.lead_empty = -1;
      rows.push_back(std::move(cur));
    }
    cur = SourceRow{};
    label.clear();
    slots.clear();
    slots_ok = true;
    any_empty = false;
  };
  // A token is certainly one cell when the nearest printed characters on both
  // sides are separators ("| 16 |", "\t16\t"); spaces alone do not say so.
  auto plain_space = [](char32_t c) { return c == U' ' || c == U'\r' || c == 0x3000 || c == 0xA0; };
  auto hard_before = [&](size_t k) {
    while (k > 0 && plain_space(text[k - 1])) --k;
    return k == 0 || is_hard_sep(text[k - 1]);
  };
  auto hard_after = [&](size_t j) {
    while (j < text.size() && plain_space(text[j])) ++j;
    return j >= text.size() || is_hard_sep(text[j]);
  };
  auto space_or_sep = [&](size_t k) { return k >= text.size() || is_hard_sep(text[k]) || is_soft_space(text[k]); };

  // Empty fields between the start of the line and position k, when only
  // separators stand there; -1 otherwise.
  auto fields_before = [&](size_t k) {
    // Only on a line of several fields: with one cell per line, every line opens with a tab.
    size_t e = k;
    while (e < text.size() && text[e] != U'\n' && text[e] != U'\t' && text[e] != U'|') ++e;
    while (e < text.size() && (text[e] == U'\t' || text[e] == U'|' || plain_space(text[e]))) ++e;
    if (e >= text.size() || text[e] == U'\n') return -1;
    int tabs = 0, pipes = 0;
    while (k > 0 && text[k - 1] != U'\n') {
      char32_t p = text[--k];
      if (p == U'\t') ++tabs;
      else if (p == U'|') ++pipes;
      else if (!plain_space(p)) return -1;
    }
    return tabs + std::max(0, pipes - 1);  // a markdown row opens with a pipe
  };
  auto push_token = [&](Token t, size_t at) {
    if (cur.tokens.empty()) cur.lead_empty = fields_before(at);
    slots_ok = slots_ok && t.atomic;
    slots.push_back(t);
    cur.tokens.push_back(std::move(t));
  };
  auto empty_field = [&] {
    Token t;
    t.atomic = true;
    t.unread = true;  // lost, or printed blank: unknown either way
    slots.push_back(std::move(t));
    any_empty = true;
  };
  auto add_label = [&](std::u32string_view s) {
    if (!cur.tokens.empty()) flush();
    label.append(s);
  };
  // An empty field after the row's first value: a tab or pipe followed, on
  // the same line, by another; or a line holding nothing but one tab (one
  // cell per line).
  auto empty_field_at = [&](size_t k) {
    if (cur.tokens.empty()) return false;
    size_t j = k + 1;
    while (j < text.size() && plain_space(text[j])) ++j;
    if (text[k] == U'\t' || text[k] == U'|') return j < text.size() && (text[j] == U'\t' || text[j] == U'|');
    if (text[k] != U'\n' || j >= text.size() || text[j] != U'\t') return false;
    ++j;
    while (j < text.size() && plain_space(text[j])) ++j;
    return j < text.size() && text[j] == U'\n';
  };

  const size_t n = text.size();
  size_t i = 0;
  while (i < n) {
    char32_t c = text[i];
    if (is_hard_sep(c) || is_soft_space(c)) {
      if (is_hard_sep(c) && empty_field_at(i)) empty_field();
      ++i;
      continue;
    }
    size_t num_start = i;
    // A sign belongs to the number it touches ("2648-185" is 2648 and -185…).
    bool negative = (c == U'-' || c == U'－') && i + 1 < n && is_digit(text[i + 1]);
    if (is_digit(c) || negative) {
      size_t j = negative ? i + 1 : i;
      while (j < n && is_digit(text[j])) ++j;
      // A list number opening the next label: "00000002.其他法律…" → "0000000" | "2.其他…".
      size_t after_dot = j + 1;
      while (after_dot < n && after_dot < j + 4 && (is_soft_space(text[after_dot]) || is_hard_sep(text[after_dot])))
        ++after_dot;
      if (j < n && (text[j] == U'.' || text[j] == U'、' || text[j] == U'．') && after_dot < n &&
          (is_han(text[after_dot]) || text[after_dot] == U'“' || text[after_dot] == U'"')) {
        size_t digits_start = negative ? i + 1 : i;
        size_t value_end = j - 1;  // the last digit goes to the label
        if (value_end > digits_start) {
          Token t;
          t.raw = to_utf8(text.substr(num_start, value_end - num_start));
          t.atomic = false;
          push_token(std::move(t), num_start);
        }
        add_label(text.substr(value_end, 1));
        i = value_end + 1;
        continue;
      }
      // Decimal part and thousands groups.
      while (j + 1 < n && (text[j] == U'.' || text[j] == U',') && is_digit(text[j + 1])) {
        if (text[j] == U',') {
          size_t k = j + 1;
          while (k < n && is_digit(text[k])) ++k;
          if (k - (j + 1) != 3) break;
        }
        ++j;
        while (j < n && is_digit(text[j])) ++j;
      }
      // A unit printed in the cell.
      if (j < n && text[j] == U'元') ++j;
      else if (j + 1 < n && text[j] == U'万' && text[j + 1] == U'元') j += 2;
      Token t;
      t.raw = to_utf8(text.substr(num_start, j - num_start));
      t.atomic = hard_before(num_start) && hard_after(j);
      push_token(std::move(t), num_start);
      i = j;
      continue;
    }
    // A dash or slash standing alone is a printed blank.
    if ((is_dash(c) || c == U'/' || c == U'／') && (i == 0 || space_or_sep(i - 1))) {
      size_t j = i;
      while (j < n && (is_dash(text[j]) || text[j] == U'/' || text[j] == U'／')) ++j;
      if (j - i <= 2 && space_or_sep(j)) {
        Token t;
        t.raw = to_utf8(text.substr(i, j - i));
        t.atomic = hard_before(i) && hard_after(j);
        push_token(std::move(t), i);
        i = j;
        continue;
      }
    }
    if (is_neutral(c) && !cur.tokens.empty()) {
      ++i;
      continue;
    }
    add_label(text.substr(i, 1));
    ++i;
  }
  flush();
  return rows;
}

}  // namespace gongkai
