// What printed text means in a report, whichever reader saw it: the marks
// that print a blank cell, the text of a value cell, page numbers. One home
// for these rules, so that the text, HTML, PDF and scan readers agree.
#pragma once
#include <string>
#include <string_view>

namespace gongkai {

// Dashes as reports print them: ASCII, em, en, full-width, horizontal bar.
bool is_dash(char32_t c);

// A sign printed before a number: '-' or '+' (full-width too), or 2019's
// 本年增/减 written as a word, 增 (+) or 减 (-). Returns '+' or '-', or 0.
char32_t printed_sign(char32_t c);
// The text with a leading word sign written as its ASCII sign ("增5" → "+5",
// "减12" → "-12"), as the record keeps it.
std::u32string with_ascii_sign(std::u32string_view s);

// A printed blank: "-", "—", "--", "——", "/", "无" and the like (a run of
// one or two dashes or slashes, or 无). Spaces are not allowed inside.
bool is_blank_mark(std::u32string_view s);

// A cell that holds a value or a printed blank rather than label text:
// "447228", "96171.6", "-", "/", "" — but not "1.属于国家秘密".
bool is_value_text(std::u32string_view text);

// Whether the commas of a number as printed, if any, group its integer
// digits by three ("1,234,567.5", "-12,000", "447228"): "67676,62" is not a
// number but a decimal point misread. Only the leading run of digits and
// commas (after a sign) is judged; spaces are ignored.
bool commas_group_thousands(std::string_view raw);

// Where a line stands, which decides how much a bare number may be taken for
// a page number.
enum class PageNumberPlace {
  Margin,  // in the page's top or bottom margin: "3", "3/6", "— 3 —", "第3页"
  InText,  // amid running text, where a bare number is a cell's value: only
           // the decorated forms count, "- 4 -", "— 12 —", "第4页 共5页"
};
// A line that is nothing but a page number.
bool is_page_number(std::u32string_view line, PageNumberPlace place);
bool is_page_number(const std::string& utf8_line, PageNumberPlace place);

}  // namespace gongkai
