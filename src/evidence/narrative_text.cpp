#include "evidence/narrative_text.h"

#include <unordered_map>

#include "text/printed.h"
#include "text/unicode.h"

namespace gongkai {

namespace {

bool is_layout_space(char32_t c) {
  return c == U' ' || c == U'\t' || c == U'\r' || c == U'\f' || c == U'\v' || c == 0x3000 || c == 0xA0 ||
         (c >= 0x2000 && c <= 0x200B) || c == 0xFEFF;
}

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

bool is_ascii_alnum(char32_t c) {
  return is_digit(c) || (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// NFKC one character at a time, so that every normalised character knows the
// printed one it came from. Han ideographs, ASCII and the CJK marks that
// carry meaning here (、。《》“”) are NFKC-stable and skip the library: a
// 1 MB narrative is about 350 000 characters, and a library call for each
// was most of the time measured.
class CharNormaliser {
 public:
  const std::u32string& operator()(char32_t c) {
    auto it = cache_.find(c);
    if (it != cache_.end()) return it->second;
    std::u32string out = stable(c) ? std::u32string(1, c) : to_u32(nfkc(to_utf8(c)));
    return cache_.emplace(c, std::move(out)).first->second;
  }

 private:
  static bool stable(char32_t c) {
    return c < 0x80 || (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3001 && c <= 0x3002) ||
           (c >= 0x3008 && c <= 0x3011) || c == 0x201C || c == 0x201D;
  }
  std::unordered_map<char32_t, std::u32string> cache_;
};

class Builder {
 public:
  explicit Builder(NarrativeText& out) : out_(out) {}

  void paragraph_break() {
    pending_ = Gap::None;
    if (!out_.norm.empty() && out_.norm.back() != U'\n') push(U'\n', U'\n');
  }

  void line(std::u32string_view s) {
    // A line break inside a paragraph joins the lines: PDF and markdown
    // break sentences anywhere ("行\n政规范性文件 34 件", shanghai 2025).
    if (!out_.norm.empty() && out_.norm.back() != U'\n') pending_ = Gap::LineBreak;
    for (char32_t c : s) {
      if (is_layout_space(c)) {
        if (!out_.norm.empty() && out_.norm.back() != U'\n') pending_ = Gap::Space;
        continue;
      }
      const std::u32string& n = normalise_(c);
      if (n.empty()) continue;
      if (pending_ != Gap::None) gap_before(c, n.front());
      pending_ = Gap::None;
      out_.printed.push_back(c);
      for (char32_t x : n) {
        if (is_layout_space(x)) continue;  // U+3000 and kin normalise to ' '
        out_.norm.push_back(x);
        out_.printed_at.push_back(static_cast<uint32_t>(out_.printed.size() - 1));
      }
    }
  }

 private:
  enum class Gap { None, Space, LineBreak };

  void push(char32_t norm_char, char32_t printed_char) {
    out_.printed.push_back(printed_char);
    out_.norm.push_back(norm_char);
    out_.printed_at.push_back(static_cast<uint32_t>(out_.printed.size() - 1));
  }

  // Spaces around a number are layout ("规章 22 件"), but between two digits
  // they part two numbers ("20 0 0 0 02" in a run-together table row), so
  // norm keeps one there. The printed text keeps a space as one space, and a
  // line break only between two Latin letters or digits.
  void gap_before(char32_t printed_next, char32_t norm_next) {
    if (is_digit(out_.norm.back()) && is_digit(norm_next)) {
      push(U' ', U' ');
      return;
    }
    char32_t last = out_.printed.back();
    if (pending_ == Gap::Space || (is_ascii_alnum(last) && is_ascii_alnum(printed_next))) out_.printed.push_back(U' ');
  }

  NarrativeText& out_;
  CharNormaliser normalise_;
  Gap pending_ = Gap::None;
};

bool blank(std::u32string_view s) {
  for (char32_t c : s)
    if (!is_layout_space(c)) return false;
  return true;
}

// A markdown table row or heading stands apart from the sentences around it.
bool stands_apart(std::u32string_view s) {
  size_t i = 0;
  while (i < s.size() && is_layout_space(s[i])) ++i;
  return i < s.size() && (s[i] == U'|' || s[i] == U'#');
}

}  // namespace

NarrativeText prepare_narrative(std::string_view section_text) {
  NarrativeText out;
  out.norm.reserve(section_text.size() / 2);
  Builder build(out);
  size_t start = 0;
  while (start <= section_text.size()) {
    size_t nl = section_text.find('\n', start);
    if (nl == std::string_view::npos) nl = section_text.size();
    std::string_view line = section_text.substr(start, nl - start);
    start = nl + 1;
    std::u32string u = to_u32(line);
    if (blank(u)) {
      build.paragraph_break();
    } else if (!is_page_number(u, PageNumberPlace::InText)) {
      bool apart = stands_apart(u);
      if (apart) build.paragraph_break();
      build.line(u);
      if (apart) build.paragraph_break();
    }
  }
  return out;
}

std::string NarrativeText::quote(size_t begin, size_t end) const {
  if (begin >= end || end > norm.size()) return "";
  size_t from = printed_at[begin], to = printed_at[end - 1] + 1;
  while (from < to && (printed[from] == U' ' || printed[from] == U'\n')) ++from;
  while (to > from && (printed[to - 1] == U' ' || printed[to - 1] == U'\n')) --to;
  return to_utf8(std::u32string_view(printed).substr(from, to - from));
}

std::vector<SentenceSpan> sentences(const NarrativeText& text) {
  std::vector<SentenceSpan> out;
  size_t begin = 0;
  for (size_t i = 0; i <= text.norm.size(); ++i) {
    char32_t c = i < text.norm.size() ? text.norm[i] : U'\n';
    bool stop = c == U'。' || c == U'!' || c == U'?' || c == U'\n';
    if (!stop) continue;
    if (i > begin) out.push_back({begin, i, c == U'\n' || i == text.norm.size() ? i : i + 1});
    begin = i + 1;
  }
  return out;
}

}  // namespace gongkai
