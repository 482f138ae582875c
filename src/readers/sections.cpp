#include "readers/sections.h"

#include "readers/row_segmenter.h"

#include "text/fuzzy.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

struct HeadingRule {
  Section section;
  char32_t numeral;
  std::vector<std::u32string> keys;  // any one of these, soon after the numeral
  // Words no other heading or sentence starts with: with one of these right
  // after it, any numeral will do (OCR reads 二 as 一, 三 as 二).
  std::vector<std::u32string> strong = {};
};

const std::vector<HeadingRule>& rules() {
  static const std::vector<HeadingRule> r = {
      {Section::Overview, U'一', {U"总体情况", U"概述", U"基本情况"}},
      {Section::Active, U'二', {U"主动公开"}, {U"主动公开政府信息"}},
      {Section::Requests, U'三', {U"收到和处理", U"申请情况", U"依申请"}, {U"收到和处理政府信息"}},
      {Section::Review, U'四', {U"行政复议", U"行政诉讼"}, {U"政府信息公开行政复议"}},
      {Section::Extra, U'五', {U"信息处理费"}, {U"信息处理费收取", U"信息处理费情况"}},
      {Section::Problems, U'五', {U"存在的主要问题", U"主要问题", U"存在问题", U"改进情况"}, {U"存在的主要问题"}},
      {Section::Other, U'六', {U"其他需要报告", U"其他事项"}, {U"其他需要报告"}},
  };
  return r;
}

bool is_space(char32_t c) { return c == U' ' || c == U'\t' || c == U'\n' || c == U'\r' || c == 0x3000 || c == 0x1F; }
bool is_delim(char32_t c) {
  return c == U'、' || c == U'.' || c == U',' || c == U'，' || c == U'．' || c == U':' || c == U'：' || c == U';';
}

// Does a heading of `rule` start at text[i] (the numeral)? Returns the offset
// past the matched key, or 0.
bool is_numeral(char32_t c) { return std::u32string_view(U"一二三四五六七").find(c) != std::u32string_view::npos; }

size_t match_at(std::u32string_view text, size_t i, const HeadingRule& rule) {
  if (text[i] != rule.numeral && (rule.strong.empty() || !is_numeral(text[i]))) return 0;
  bool exact = text[i] == rule.numeral;
  // Not "(二)" and not "第二": those are sub-items and ordinals.
  for (size_t k = i; k > 0;) {
    char32_t p = text[--k];
    if (is_space(p)) continue;
    if (p == U'(' || p == U'第') return 0;
    break;
  }
  size_t j = i + 1;
  while (j < text.size() && is_space(text[j])) ++j;
  if (j >= text.size() || !is_delim(text[j])) return 0;
  ++j;
  // The Han characters of the next ~40 characters, spaces ignored.
  std::u32string window;
  size_t end = j;
  for (; end < text.size() && window.size() < 24 && end < j + 60; ++end) {
    if (text[end] == U'\n' && window.size() >= 4) break;
    if (is_han(text[end])) window.push_back(text[end]);
  }
  if (exact)
    for (const auto& key : rule.keys) {
      auto pos = window.find(key);
      if (pos != std::u32string::npos && pos <= 12) return end;
    }
  for (const auto& key : rule.strong)
    if (window.compare(0, key.size(), key) == 0) return end;
  return 0;
}

}  // namespace

std::vector<SectionStart> find_sections(std::u32string_view text) {
  std::vector<SectionStart> out;
  size_t from = 0;
  for (const auto& rule : rules()) {
    for (size_t i = from; i < text.size(); ++i) {
      if (!is_numeral(text[i])) continue;
      if (size_t body = match_at(text, i, rule)) {
        out.push_back({rule.section, i, body});
        from = i + 1;
        break;
      }
    }
  }
  return out;
}

bool is_section_heading(std::u32string_view text, Section s) {
  size_t i = 0;
  while (i < text.size() && is_space(text[i])) ++i;
  if (i >= text.size()) return false;
  for (const auto& rule : rules())
    if (rule.section == s) return match_at(text, i, rule) != 0;
  return false;
}

namespace {

// A section's heading: its first words, up to the first digit or line end.
std::string heading_of(std::u32string_view whole) {
  size_t n = 0;
  while (n < whole.size() && n < 40 && whole[n] != U'\n' && !(whole[n] >= U'0' && whole[n] <= U'9')) ++n;
  return squeeze_space(to_utf8(whole.substr(0, n)));
}

// Table 四's text up to a numbered heading that no section rule knows
// ("五、…情况" followed by a table of its own): that table goes to
// doc.extra_tables with its heading, and its numbers never enter 四.
std::u32string_view cut_extra_table(std::u32string_view body, SourceDoc& doc) {
  for (size_t i = 0; i + 2 < body.size(); ++i) {
    if (std::u32string_view(U"五六七八九").find(body[i]) == std::u32string_view::npos) continue;
    if (!(body[i + 1] == U'、' || body[i + 1] == U'.' || body[i + 1] == U'．') || !is_han(body[i + 2])) continue;
    if (i > 0 && (body[i - 1] == U'(' || body[i - 1] == U'（' || body[i - 1] == U'第' || is_han(body[i - 1]))) continue;
    auto rest = body.substr(i);
    doc.extra_tables.push_back({heading_of(rest), segment_rows(strip_non_cells(rest))});
    return body.substr(0, i);
  }
  return body;
}

}  // namespace

std::string section_heading(const SourceDoc& doc) {
  auto it = doc.section_text.find(Section::Extra);
  return it == doc.section_text.end() ? std::string() : heading_of(to_u32(it->second));
}

// Fills the sections of `doc` from a whole text. Shared by the text reader
// and by readers whose narrative arrives as text.
void split_sections(std::u32string_view text, SourceDoc& doc) {
  auto starts = find_sections(text);
  size_t head_end = starts.empty() ? std::min<size_t>(text.size(), 3000) : starts.front().begin;
  doc.head_text = to_utf8(text.substr(0, std::min<size_t>(head_end, 6000)));
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1].begin : text.size();
    auto whole = text.substr(starts[k].begin, end - starts[k].begin);
    doc.section_text[starts[k].section] = to_utf8(whole);
    Section s = starts[k].section;
    if (s == Section::Active || s == Section::Requests || s == Section::Review) {
      auto body = text.substr(starts[k].body, end - starts[k].body);
      // A table section longer than any real table is narrative that lost its
      // next heading; reading all of it would only find stray numbers.
      constexpr size_t kMaxTableChars = 60000;
      if (body.size() > kMaxTableChars) {
        doc.notes.push_back("section " + std::to_string(static_cast<int>(s)) +
                            " is longer than any table; only its first part was read");
        body = body.substr(0, kMaxTableChars);
      }
      if (s == Section::Review) body = cut_extra_table(body, doc);
      doc.rows[s] = segment_rows(strip_non_cells(body));
    } else if (s == Section::Extra) {
      // Its rows from the heading on: run-together text prints the column
      // headings right after it, and they belong to the first row's label.
      doc.extra_tables.push_back({heading_of(whole), segment_rows(strip_non_cells(whole.substr(0, 20000)))});
    }
  }
}

}  // namespace gongkai
