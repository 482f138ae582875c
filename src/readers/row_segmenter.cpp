#include "readers/row_segmenter.h"

#include <algorithm>

#include "text/printed.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

// Where a note or footer was cut out: the cells on either side are distinct,
// but nothing says a cell boundary there is certain (run-together digits stay splittable).
constexpr char32_t kCut = 0x1E;
// Where an item's enumerator "（七）" was cut out: a row's label starts here.
constexpr char32_t kItem = 0x1D;

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_hard_sep(char32_t c) { return c == U'\t' || c == U'\n' || c == U'|'; }
bool is_soft_space(char32_t c) {
  return c == U' ' || c == U'\r' || c == 0x3000 || c == 0xA0 || c == kCut || c == kItem;
}
bool is_chinese_numeral(char32_t c) {
  return std::u32string_view(U"一二三四五六七八九十").find(c) != std::u32string_view::npos;
}
// Punctuation that may sit inside a label but never starts a new row by itself.
bool is_neutral(char32_t c) {
  static const std::u32string_view n = U".,:;()[]\"'“”‘’、，。：；·<>《》「」*#_~`";
  return n.find(c) != std::u32string_view::npos;
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
        out.push_back(j == i + 2 && is_chinese_numeral(lines_kept[i + 1]) ? kItem : kCut);
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

namespace {

bool plain_space(char32_t c) { return c == U' ' || c == U'\r' || c == 0x3000 || c == 0xA0; }

// One pass over a table section's text: label characters gather until a
// number or a printed blank opens the row's values; the next label closes it.
class RowSegmenter {
 public:
  explicit RowSegmenter(std::u32string_view text) : text_(text), n_(text.size()) {}

  std::vector<SourceRow> run() {
    size_t i = 0;
    while (i < n_) {
      char32_t c = text_[i];
      if (c == kItem) {
        close_row_printed_empty();
        item_opens_ = true;
      }
      if (is_hard_sep(c) || is_soft_space(c)) {
        if (is_hard_sep(c) && empty_field_at(i)) empty_field();
        if (c == U'\n') end_of_line(i);
        cell_after_label_ = c != U'\n' && (cell_after_label_ || (is_hard_sep(c) && !label_.empty()));
        ++i;
        continue;
      }
      if (size_t j = read_number(i); j != i) {
        i = j;
        continue;
      }
      if (size_t j = read_blank_mark(i); j != i) {
        i = j;
        continue;
      }
      if (!(is_neutral(c) && !cur_.tokens.empty())) add_label(text_.substr(i, 1));
      ++i;
    }
    flush();
    return std::move(rows_);
  }

 private:
  std::u32string_view text_;
  size_t n_;
  std::vector<SourceRow> rows_;
  SourceRow cur_;
  std::u32string label_;
  // The row's fields, empty ones included (see SourceRow::slots).
  std::vector<Token> slots_;
  bool slots_ok_ = true, any_empty_ = false;
  size_t line_start_ = 0;
  // The label being gathered opened with an item's number or enumerator
  // ("2.申请人逾期…", "（七）总计"); the next label will (an enumerator was just cut).
  bool item_label_ = false, item_opens_ = false;
  // A tab or pipe since the label's last character, on the same line: what
  // follows is another cell of the same printed row ("| （三）不 | 4.保护…").
  bool cell_after_label_ = false;

  void flush() {
    if (!label_.empty() || !cur_.tokens.empty()) {
      cur_.label = to_utf8(label_);
      while (!slots_.empty() && slots_.back().raw.empty()) slots_.pop_back();  // a trailing tab says nothing
      bool empty_inside = std::any_of(slots_.begin(), slots_.end(), [](const Token& t) { return t.raw.empty(); });
      if (slots_ok_ && any_empty_ && empty_inside) cur_.slots = std::move(slots_);
      if (!slots_ok_) cur_.lead_empty = -1;
      rows_.push_back(std::move(cur_));
    }
    cur_ = SourceRow{};
    label_.clear();
    slots_.clear();
    slots_ok_ = true;
    any_empty_ = false;
    item_label_ = false;
  }

  // A row printed with its label and no values: closed, empty, when the next
  // item begins, so that the next row's numbers never slide up into it
  // (pingtan-scj-2021: "…2.申请人逾期未按收费通知要求缴纳费用、…申请3.其他（七）总计5000005").
  // Only an item's own label: a group's heading ("（三）不予公开") is
  // followed by its item 1, which continues it as before.
  void close_row_printed_empty() {
    if (!cur_.tokens.empty() || !item_label_ || cell_after_label_) return;
    // One character is a fragment of a heading split across lines ("（六）其"
    // above "他处理"), no row: the shortest row labels have two (规章, 其他, 总计).
    if (std::count_if(label_.begin(), label_.end(), is_han) >= 2) flush();
  }

  // A markdown table line is one whole row: the numbers of the next line are
  // another row's (shanghai-2025 prints （五）5's "| 0 | 0 | … |" under
  // （五）4's line, and the first number of the narrative under table 四's).
  // A table line of an item that prints only empty fields is a row printed
  // empty ("| 3.其他 |  |  |", "3.其他\t\t\t").
  void end_of_line(size_t nl) {
    if (!cur_.tokens.empty() && is_markdown_row(line_start_, nl)) {
      flush();
    } else if (cur_.tokens.empty() && ends_in_empty_fields(line_start_, nl)) {
      cell_after_label_ = false;  // the empty fields are this row's own
      close_row_printed_empty();
    }
    line_start_ = nl + 1;
  }
  bool is_markdown_row(size_t begin, size_t end) const {
    while (begin < end && is_soft_space(text_[begin])) ++begin;
    while (end > begin && is_soft_space(text_[end - 1])) --end;
    return end - begin >= 2 && text_[begin] == U'|' && text_[end - 1] == U'|';
  }
  bool ends_in_empty_fields(size_t begin, size_t end) const {
    int separators = 0;
    while (end > begin && (is_soft_space(text_[end - 1]) || text_[end - 1] == U'\t' || text_[end - 1] == U'|'))
      separators += !is_soft_space(text_[--end]);
    return separators >= 2 && end > begin;
  }

  // A token is certainly one cell when the nearest printed characters on both
  // sides are separators ("| 16 |", "\t16\t"); spaces alone do not say so.
  bool hard_before(size_t k) const {
    while (k > 0 && plain_space(text_[k - 1])) --k;
    return k == 0 || is_hard_sep(text_[k - 1]);
  }
  bool hard_after(size_t j) const {
    while (j < n_ && plain_space(text_[j])) ++j;
    return j >= n_ || is_hard_sep(text_[j]);
  }
  bool space_or_sep(size_t k) const { return k >= n_ || is_hard_sep(text_[k]) || is_soft_space(text_[k]); }

  // Empty fields between the start of the line and position k, when only
  // separators stand there; -1 otherwise.
  int fields_before(size_t k) const {
    // Only on a line of several fields: with one cell per line, every line opens with a tab.
    size_t e = k;
    while (e < n_ && text_[e] != U'\n' && text_[e] != U'\t' && text_[e] != U'|') ++e;
    while (e < n_ && (text_[e] == U'\t' || text_[e] == U'|' || plain_space(text_[e]))) ++e;
    if (e >= n_ || text_[e] == U'\n') return -1;
    int tabs = 0, pipes = 0;
    while (k > 0 && text_[k - 1] != U'\n') {
      char32_t p = text_[--k];
      if (p == U'\t') ++tabs;
      else if (p == U'|') ++pipes;
      else if (!plain_space(p)) return -1;
    }
    return tabs + std::max(0, pipes - 1);  // a markdown row opens with a pipe
  }

  void push_token(Token t, size_t at) {
    if (cur_.tokens.empty()) cur_.lead_empty = fields_before(at);
    slots_ok_ = slots_ok_ && t.atomic;
    slots_.push_back(t);
    cur_.tokens.push_back(std::move(t));
  }
  void push_token(size_t begin, size_t end, bool atomic) {
    Token t;
    // 增 and 减 are printed signs: "增5" is +5, "减12" is -12.
    t.raw = to_utf8(with_ascii_sign(text_.substr(begin, end - begin)));
    t.atomic = atomic;
    push_token(std::move(t), begin);
  }
  void empty_field() {
    Token t;
    t.atomic = true;
    t.unread = true;  // lost, or printed blank: unknown either way
    slots_.push_back(std::move(t));
    any_empty_ = true;
  }
  void add_label(std::u32string_view s) {
    if (!cur_.tokens.empty()) flush();
    if (label_.empty()) item_label_ = item_opens_;
    item_opens_ = cell_after_label_ = false;
    label_.append(s);
  }

  // An empty field after the row's first value: a tab or pipe followed, on
  // the same line, by another; or a line holding nothing but one tab (one
  // cell per line).
  bool empty_field_at(size_t k) const {
    if (cur_.tokens.empty()) return false;
    size_t j = k + 1;
    while (j < n_ && plain_space(text_[j])) ++j;
    if (text_[k] == U'\t' || text_[k] == U'|') return j < n_ && (text_[j] == U'\t' || text_[j] == U'|');
    if (text_[k] != U'\n' || j >= n_ || text_[j] != U'\t') return false;
    ++j;
    while (j < n_ && plain_space(text_[j])) ++j;
    return j < n_ && text_[j] == U'\n';
  }

  // A sign belongs to the number it touches: "2648-185" is 2648 and -185;
  // 2019's 本年增/减 prints "0+11" (0, then +11 to split into +1 and 1),
  // "16减12" (16 and -12, pingtan-nyn-2019), "增5" (+5). 增 or 减 after a Han
  // character is a word ("新增12个").
  bool sign_at(size_t i) const {
    if (i + 1 >= n_ || !is_digit(text_[i + 1])) return false;
    char32_t c = text_[i];
    if (!printed_sign(c)) return false;
    return !is_han(c) || i == 0 || !is_han(text_[i - 1]);
  }

  // A number at i (with its sign, decimals, thousands groups and unit):
  // pushed, and the position after it returned; i when there is none.
  size_t read_number(size_t i) {
    bool sign = sign_at(i);
    if (!is_digit(text_[i]) && !sign) return i;
    size_t j = sign ? i + 1 : i;
    while (j < n_ && is_digit(text_[j])) ++j;
    if (size_t k = read_list_number(i, j, sign); k != i) return k;
    // Decimal part and thousands groups.
    while (j + 1 < n_ && (text_[j] == U'.' || text_[j] == U',') && is_digit(text_[j + 1])) {
      if (text_[j] == U',') {
        size_t k = j + 1;
        while (k < n_ && is_digit(text_[k])) ++k;
        if (k - (j + 1) != 3) break;
      }
      ++j;
      while (j < n_ && is_digit(text_[j])) ++j;
    }
    // A unit printed in the cell.
    if (j < n_ && text_[j] == U'元') ++j;
    else if (j + 1 < n_ && text_[j] == U'万' && text_[j + 1] == U'元') j += 2;
    push_token(i, j, hard_before(i) && hard_after(j));
    return j;
  }

  // A list number opening the next label: "00000002.其他法律…" → "0000000" |
  // "2.其他…". The digits before it are pushed and the position of the list
  // number returned; i when the digits ending at j are no such thing.
  size_t read_list_number(size_t i, size_t j, bool sign) {
    size_t after_dot = j + 1;
    while (after_dot < n_ && after_dot < j + 4 && (is_soft_space(text_[after_dot]) || is_hard_sep(text_[after_dot])))
      ++after_dot;
    bool list = j < n_ && (text_[j] == U'.' || text_[j] == U'、' || text_[j] == U'．') && after_dot < n_ &&
                (is_han(text_[after_dot]) || text_[after_dot] == U'“' || text_[after_dot] == U'"');
    if (!list) return i;
    size_t digits_start = sign ? i + 1 : i;
    size_t value_end = j - 1;  // the last digit goes to the label
    if (value_end > digits_start) push_token(i, value_end, false);
    // Items 2 and on follow an item's row; item 1 follows its group's heading.
    if (text_[value_end] != U'1') close_row_printed_empty();
    add_label(text_.substr(value_end, 1));
    if (label_.size() == 1) item_label_ = true;
    return value_end + 1;
  }

  // A dash or slash standing alone is a printed blank.
  size_t read_blank_mark(size_t i) {
    char32_t c = text_[i];
    if (!((is_dash(c) || c == U'/' || c == U'／') && (i == 0 || space_or_sep(i - 1)))) return i;
    size_t j = i;
    while (j < n_ && (is_dash(text_[j]) || text_[j] == U'/' || text_[j] == U'／')) ++j;
    if (j - i > 2 || !space_or_sep(j)) return i;
    push_token(i, j, hard_before(i) && hard_after(j));
    return j;
  }
};

}  // namespace

std::vector<SourceRow> segment_rows(std::u32string_view text) { return RowSegmenter(text).run(); }

}  // namespace gongkai
