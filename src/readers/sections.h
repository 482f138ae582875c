// Finds the six numbered parts of a report by their headings, in any reader's
// text. Headings are found by the numeral that opens them and the words that
// follow, so letter-spaced ("三 、收 到 和 处 理") and variant titles are found too.
#pragma once
#include <string_view>
#include <vector>

#include "model/source.h"

namespace gongkai {

struct SectionStart {
  Section section;
  size_t begin;       // offset of the heading's first character in the text
  size_t body;        // offset just past the heading's words
};

// Offsets are into `text` (UTF-32). Sections are returned in order; missing
// sections are simply absent.
std::vector<SectionStart> find_sections(std::u32string_view text);

// Fills the sections of `doc` from a whole text (head text, section texts,
// and the table sections cut into rows). Shared by every reader whose
// narrative arrives as text.
void split_sections(std::u32string_view text, SourceDoc& doc);

// The heading of the Extra section (a table printed after 四): the first
// words of its text, "" when there is none.
std::string section_heading(const SourceDoc& doc);

// True when `text` (one line or one block) starts with the heading of `s`.
bool is_section_heading(std::u32string_view text, Section s);

}  // namespace gongkai
