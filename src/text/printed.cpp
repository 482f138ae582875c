#include "text/printed.h"

#include "text/unicode.h"

namespace gongkai {
namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

// In margins, fonts and OCR also give the dashes around a page number as a
// box-drawing ─ or as 一.
bool is_margin_dash(char32_t c) { return is_dash(c) || c == U'─' || c == U'一'; }

std::u32string without_spaces(std::u32string_view line) {
  std::u32string s;
  for (char32_t c : line)
    if (c != U' ' && c != 0x3000 && c != U'\t' && c != U'\r' && c != 0xA0 && c != 0x1E) s.push_back(c);
  return s;
}

}  // namespace

bool is_dash(char32_t c) { return c == U'-' || c == U'—' || c == U'–' || c == U'－' || c == U'―'; }

char32_t printed_sign(char32_t c) {
  if (c == U'-' || c == U'－' || c == U'减') return U'-';
  if (c == U'+' || c == U'＋' || c == U'增') return U'+';
  return 0;
}

std::u32string with_ascii_sign(std::u32string_view s) {
  std::u32string out(s);
  if (!out.empty() && (out[0] == U'增' || out[0] == U'减')) out[0] = printed_sign(out[0]);
  return out;
}

bool is_blank_mark(std::u32string_view s) {
  if (s == U"无") return true;
  if (s.empty() || s.size() > 2) return false;
  for (char32_t c : s)
    if (!is_dash(c) && c != U'/' && c != U'／') return false;
  return true;
}

bool is_value_text(std::u32string_view t) {
  std::u32string s;
  for (char32_t c : t)
    if (c != U' ' && c != U'\t' && c != U'\n' && c != 0xA0 && c != 0x3000) s.push_back(c);
  if (s.empty() || is_blank_mark(s)) return true;
  // A signed change ("-3", "+1", "增5", "减12") is a value too.
  size_t i = (printed_sign(s[0]) && s.size() > 1) ? 1 : 0;
  if (!is_digit(s[i])) return false;
  while (i < s.size() && is_digit(s[i])) ++i;
  // "1.属于国家秘密" is a numbered label, "7730.28" a value.
  bool list_number = i + 1 < s.size() && (s[i] == U'.' || s[i] == U'、' || s[i] == U'．') && !is_digit(s[i + 1]);
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

bool commas_group_thousands(std::string_view raw) {
  size_t i = 0;
  while (i < raw.size() && raw[i] == ' ') ++i;
  if (i < raw.size() && (raw[i] == '-' || raw[i] == '+')) ++i;
  int group = 0;  // digits since the last comma
  bool comma = false;
  for (; i < raw.size(); ++i) {
    const char c = raw[i];
    if (c == ' ') continue;
    if (c == ',') {
      // The first group holds 1-3 digits, every later one 3.
      if (group == 0 || group > 3 || (comma && group != 3)) return false;
      comma = true;
      group = 0;
    } else if (c >= '0' && c <= '9') {
      ++group;
    } else {
      break;
    }
  }
  return !comma || group == 3;
}

bool is_page_number(std::u32string_view line, PageNumberPlace place) {
  const std::u32string s = without_spaces(line);
  const bool margin = place == PageNumberPlace::Margin;
  auto dash = [&](char32_t c) { return margin ? is_margin_dash(c) : is_dash(c); };
  size_t i = 0, lead = 0, digits = 0;
  bool di = i < s.size() && s[i] == U'第';
  if (di) ++i;
  while (i < s.size() && dash(s[i])) ++i, ++lead;
  while (i < s.size() && is_digit(s[i])) ++i, ++digits;
  if (digits == 0) return false;
  // 第4页 amid text, with whatever follows it ("第4页 共5页").
  if (di && !margin) return lead == 0 && i < s.size() && s[i] == U'页';
  if (digits > 3) return false;
  if (margin && i < s.size() && s[i] == U'/') {  // "3/6"
    ++i;
    while (i < s.size() && is_digit(s[i])) ++i;
  }
  if (margin && i < s.size() && s[i] == U'页') ++i;
  size_t trail = 0;
  while (i < s.size() && dash(s[i])) ++i, ++trail;
  if (i != s.size()) return false;
  return margin || (!di && lead > 0 && trail > 0);
}

bool is_page_number(const std::string& utf8_line, PageNumberPlace place) {
  return is_page_number(to_u32(nfkc(utf8_line)), place);
}

}  // namespace gongkai
