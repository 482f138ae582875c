// Text primitives shared by every reader: decoding, NFKC, Han-only views.
#pragma once
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

// Bytes of a text file to UTF-8. Accepts UTF-8 (with or without BOM), UTF-16
// (with a BOM, or without one: LE or BE as its NUL bytes say), Big5 (as the
// charset detector says: returned in simplified characters, see
// to_simplified) and GB18030 (a superset of GBK/GB2312). Returns nullopt when
// the bytes are none of these; `encoding` names what was detected.
// UTF-8 with a few invalid bytes is read with each replaced by U+FFFD; their
// number goes to `replaced` (when given), so that the reader can say so.
std::optional<std::string> decode_text(std::string_view bytes, std::string& encoding, size_t* replaced = nullptr);

// Traditional Han characters to simplified ones, character by character. A
// Big5 report is a mainland report converted to traditional characters (Big5
// has no simplified ones); its labels and headings are matched in the
// simplified characters they were printed in.
std::string to_simplified(std::string_view utf8);

bool valid_utf8(std::string_view s);

// NFKC: full-width digits, letters and brackets become ASCII, so "（一）" and
// "(一)" read alike and "２１" is "21". Invalid input is returned unchanged.
std::string nfkc(std::string_view s);

std::u32string to_u32(std::string_view utf8);
std::string to_utf8(std::u32string_view s);
std::string to_utf8(char32_t c);

bool is_han(char32_t c);
// Only the Han ideographs of `s`: the form in which labels are compared.
std::u32string han_only(std::u32string_view s);
std::u32string han_only(std::string_view utf8);

// Collapses runs of white space to one space and trims.
std::string squeeze_space(std::string_view s);

}  // namespace gongkai
