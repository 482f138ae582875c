#include "readers/html/tags.h"

#include <cctype>
#include <string>
#include <vector>

namespace gongkai::html {
namespace {

std::vector<std::uint16_t> make_flags() {
  std::vector<std::uint16_t> f(GUMBO_TAG_LAST + 1, 0);
  auto set = [&](std::initializer_list<GumboTag> tags, std::uint16_t flag) {
    for (GumboTag t : tags) f[t] |= flag;
  };
  set({GUMBO_TAG_AREA, GUMBO_TAG_BASE, GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BR, GUMBO_TAG_COL,
       GUMBO_TAG_EMBED, GUMBO_TAG_FRAME, GUMBO_TAG_HR, GUMBO_TAG_IMAGE, GUMBO_TAG_IMG, GUMBO_TAG_INPUT,
       GUMBO_TAG_ISINDEX, GUMBO_TAG_KEYGEN, GUMBO_TAG_LINK, GUMBO_TAG_MENUITEM, GUMBO_TAG_META, GUMBO_TAG_PARAM,
       GUMBO_TAG_SOURCE, GUMBO_TAG_TRACK, GUMBO_TAG_WBR},
      kVoid);
  set({GUMBO_TAG_ADDRESS, GUMBO_TAG_APPLET, GUMBO_TAG_AREA, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BASE,
       GUMBO_TAG_BASEFONT, GUMBO_TAG_BGSOUND, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY, GUMBO_TAG_BR, GUMBO_TAG_BUTTON,
       GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER, GUMBO_TAG_COL, GUMBO_TAG_COLGROUP, GUMBO_TAG_DD, GUMBO_TAG_DETAILS,
       GUMBO_TAG_DIR, GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_EMBED, GUMBO_TAG_FIELDSET,
       GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM, GUMBO_TAG_FRAME, GUMBO_TAG_FRAMESET,
       GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HEAD,
       GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_HR, GUMBO_TAG_HTML, GUMBO_TAG_IFRAME, GUMBO_TAG_IMG,
       GUMBO_TAG_INPUT, GUMBO_TAG_ISINDEX, GUMBO_TAG_LI, GUMBO_TAG_LINK, GUMBO_TAG_LISTING, GUMBO_TAG_MAIN,
       GUMBO_TAG_MARQUEE, GUMBO_TAG_MENU, GUMBO_TAG_MENUITEM, GUMBO_TAG_META, GUMBO_TAG_NAV, GUMBO_TAG_NOEMBED,
       GUMBO_TAG_NOFRAMES, GUMBO_TAG_NOSCRIPT, GUMBO_TAG_OBJECT, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PARAM,
       GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE, GUMBO_TAG_SCRIPT, GUMBO_TAG_SECTION, GUMBO_TAG_SELECT, GUMBO_TAG_SOURCE,
       GUMBO_TAG_STYLE, GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE, GUMBO_TAG_TBODY, GUMBO_TAG_TD, GUMBO_TAG_TEMPLATE,
       GUMBO_TAG_TEXTAREA, GUMBO_TAG_TFOOT, GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TITLE, GUMBO_TAG_TR,
       GUMBO_TAG_TRACK, GUMBO_TAG_UL, GUMBO_TAG_WBR, GUMBO_TAG_XMP, GUMBO_TAG_MI, GUMBO_TAG_MO, GUMBO_TAG_MN,
       GUMBO_TAG_MS, GUMBO_TAG_MTEXT, GUMBO_TAG_ANNOTATION_XML, GUMBO_TAG_FOREIGNOBJECT, GUMBO_TAG_DESC},
      kSpecial);
  set({GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_HTML, GUMBO_TAG_TABLE, GUMBO_TAG_TD, GUMBO_TAG_TH,
       GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_MI, GUMBO_TAG_MO, GUMBO_TAG_MN,
       GUMBO_TAG_MS, GUMBO_TAG_MTEXT, GUMBO_TAG_ANNOTATION_XML, GUMBO_TAG_FOREIGNOBJECT, GUMBO_TAG_DESC},
      kScope);
  set({GUMBO_TAG_A, GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_CODE, GUMBO_TAG_EM, GUMBO_TAG_FONT, GUMBO_TAG_I,
       GUMBO_TAG_NOBR, GUMBO_TAG_S, GUMBO_TAG_SMALL, GUMBO_TAG_STRIKE, GUMBO_TAG_STRONG, GUMBO_TAG_TT, GUMBO_TAG_U},
      kFormatting);
  set({GUMBO_TAG_APPLET, GUMBO_TAG_CAPTION, GUMBO_TAG_MARQUEE, GUMBO_TAG_OBJECT, GUMBO_TAG_TD, GUMBO_TAG_TH,
       GUMBO_TAG_TEMPLATE},
      kMarker);
  // Not <table>: in quirks mode it leaves the <p> open, and keeping it open
  // errs on the deep side.
  set({GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_CENTER,
       GUMBO_TAG_DETAILS, GUMBO_TAG_DIR, GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION,
       GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_MAIN, GUMBO_TAG_MENU,
       GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY, GUMBO_TAG_UL, GUMBO_TAG_H1,
       GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_PRE, GUMBO_TAG_LISTING,
       GUMBO_TAG_FORM, GUMBO_TAG_LI, GUMBO_TAG_DD, GUMBO_TAG_DT, GUMBO_TAG_XMP, GUMBO_TAG_HR},
      kClosesP);
  set({GUMBO_TAG_SCRIPT, GUMBO_TAG_STYLE, GUMBO_TAG_TITLE, GUMBO_TAG_TEXTAREA, GUMBO_TAG_XMP, GUMBO_TAG_IFRAME,
       GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES},
      kRawText);
  set({GUMBO_TAG_CAPTION, GUMBO_TAG_COLGROUP, GUMBO_TAG_TBODY, GUMBO_TAG_THEAD, GUMBO_TAG_TFOOT, GUMBO_TAG_TR,
       GUMBO_TAG_TD, GUMBO_TAG_TH},
      kTablePart);
  set({GUMBO_TAG_HTML, GUMBO_TAG_HEAD, GUMBO_TAG_BODY}, kIgnored);
  set({GUMBO_TAG_B, GUMBO_TAG_BIG, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BODY, GUMBO_TAG_BR, GUMBO_TAG_CENTER,
       GUMBO_TAG_CODE, GUMBO_TAG_DD, GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_EM, GUMBO_TAG_EMBED,
       GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3, GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HEAD,
       GUMBO_TAG_HR, GUMBO_TAG_I, GUMBO_TAG_IMG, GUMBO_TAG_LI, GUMBO_TAG_LISTING, GUMBO_TAG_MENU, GUMBO_TAG_META,
       GUMBO_TAG_NOBR, GUMBO_TAG_OL, GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_RUBY, GUMBO_TAG_S, GUMBO_TAG_SMALL,
       GUMBO_TAG_SPAN, GUMBO_TAG_STRONG, GUMBO_TAG_STRIKE, GUMBO_TAG_SUB, GUMBO_TAG_SUP, GUMBO_TAG_TABLE,
       GUMBO_TAG_TT, GUMBO_TAG_U, GUMBO_TAG_UL, GUMBO_TAG_VAR, GUMBO_TAG_FONT},
      kBreakout);
  return f;
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

std::uint64_t fnv(std::string_view s) {
  std::uint64_t h = 1469598103934665603ull;
  for (char c : s) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  return h;
}

}  // namespace

std::uint16_t tag_flags(GumboTag tag) {
  static const std::vector<std::uint16_t> flags = make_flags();
  return flags[tag];
}

std::size_t read_tag(std::string_view s, std::size_t i, Tag& t) {
  t = Tag{};
  constexpr auto npos = std::string_view::npos;
  if (s.compare(i, 4, "<!--") == 0) {
    // Gumbo ends a comment at "-->" or "--!>", and reads "<!-->" and "<!--->" as empty ones.
    if (s.compare(i + 4, 1, ">") == 0) return i + 5;
    if (s.compare(i + 4, 2, "->") == 0) return i + 6;
    std::size_t a = s.find("-->", i + 4), b = s.find("--!>", i + 4);
    if (a == npos && b == npos) return npos;
    return a < b ? a + 3 : b + 4;
  }
  std::size_t j = i + 1;
  if (j < s.size() && s[j] == '/') {
    t.end = true;
    ++j;
  }
  if (j >= s.size() || !std::isalpha(static_cast<unsigned char>(s[j]))) {
    if (j < s.size() && (s[j] == '!' || s[j] == '?' || t.end)) {  // bogus comment, doctype, "</ >"
      std::size_t e = s.find('>', j);
      return e == npos ? npos : e + 1;
    }
    return i + 1;  // a "<" of the text
  }
  std::size_t name = j;
  while (j < s.size() && !is_space(s[j]) && s[j] != '/' && s[j] != '>') ++j;
  std::string lower(s.substr(name, j - name));
  for (char& c : lower) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  GumboTag tag = gumbo_tagn_enum(lower.data(), static_cast<unsigned>(lower.size()));
  // All unknown tags are one to gumbo: </x> closes an open <o:p>.
  t.key = tag;
  t.flags = tag_flags(tag);
  std::size_t attrs = j;
  while (j < s.size() && s[j] != '>') {
    if (s[j] == '=') {
      ++j;
      while (j < s.size() && is_space(s[j])) ++j;
      if (j < s.size() && (s[j] == '"' || s[j] == '\'')) {
        j = s.find(s[j], j + 1);
        if (j == npos) return npos;
        ++j;
      }
      continue;
    }
    ++j;
  }
  if (j >= s.size()) return npos;  // gumbo drops a tag the page ends in
  t.self_closing = j > attrs && s[j - 1] == '/';
  t.attributes = fnv(s.substr(attrs, j - attrs));
  return j + 1;
}

std::size_t skip_raw_text(std::string_view s, std::size_t i, std::string_view name) {
  for (std::size_t j = s.find("</", i); j != std::string_view::npos; j = s.find("</", j + 2)) {
    std::size_t k = j + 2;
    if (k + name.size() > s.size()) return std::string_view::npos;
    bool same = true;
    for (std::size_t m = 0; m < name.size() && same; ++m)
      same = std::tolower(static_cast<unsigned char>(s[k + m])) == name[m];
    char after = k + name.size() < s.size() ? s[k + name.size()] : '>';
    if (same && (is_space(after) || after == '/' || after == '>')) return j;
  }
  return std::string_view::npos;
}

}  // namespace gongkai::html
