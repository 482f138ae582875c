// Tesseract's text of a cell made into a Reading's text (see Reading::text).
#pragma once

#include <string>

namespace gongkai::ocr {

// Removes line breaks and spaces, keeping one space only between two ASCII letters/digits.
std::string join_text(const std::string& s);

// A number reading made well-formed: only digits, '.', '-'; a '-' only in front; no '.'
// at either end; at most one '.' (the last one is kept: the decimals of an amount are
// printed last). Returns "" when no digit remains.
std::string tidy_number(const std::string& s);

}  // namespace gongkai::ocr
