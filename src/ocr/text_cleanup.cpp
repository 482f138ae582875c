#include "ocr/text_cleanup.h"

#include <cctype>

namespace gongkai::ocr {
namespace {

bool ascii_alnum(unsigned char c) { return c < 0x80 && std::isalnum(c); }

}  // namespace

std::string join_text(const std::string& s) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      pending_space = !out.empty();
      continue;
    }
    // U+3000 ideographic space: E3 80 80.
    if (c == 0xE3 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
      pending_space = !out.empty();
      i += 2;
      continue;
    }
    if (pending_space && ascii_alnum((unsigned char)out.back()) && ascii_alnum(c)) out += ' ';
    pending_space = false;
    // chi_sim reads the enumeration comma 、 as a backslash when it does not sit
    // low on the line (as in 三、 of a vertical heading); headings never hold "\".
    if (c == '\\') out += "\u3001";
    else out += (char)c;
  }
  return out;
}

std::string tidy_number(const std::string& s) {
  std::string d;
  bool neg = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') d += c;
    else if (c == '.') d += c;
    else if (c == '-' && d.empty()) neg = true;
  }
  while (!d.empty() && d.front() == '.') d.erase(d.begin());
  while (!d.empty() && d.back() == '.') d.pop_back();
  if (auto last = d.rfind('.'); last != std::string::npos) {
    std::string t;
    for (size_t i = 0; i < d.size(); ++i)
      if (d[i] != '.' || i == last) t += d[i];
    d = t;
  }
  if (d.empty()) return "";
  return neg ? "-" + d : d;
}

}  // namespace gongkai::ocr
