#include "review/source_text.h"

#include <gumbo.h>

#include <map>
#include <stdexcept>

#include "review/html.h"
#include "text/unicode.h"

namespace gongkai::review {

namespace {

bool looks_html(std::string_view text) {
  size_t at = text.find('<');
  if (at == std::string_view::npos) return false;
  std::string head(text.substr(at, 200));
  for (char& c : head) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return head.find("<html") != std::string::npos || head.find("<!doctype") != std::string::npos ||
         head.find("<table") != std::string::npos || head.find("<body") != std::string::npos;
}

// Visible text of a node, depth-first without recursion (deep documents end
// in a clear structure, not a stack overflow).
void visible_text(const GumboNode* root, std::string& out) {
  std::vector<std::pair<const GumboNode*, bool>> stack{{root, false}};
  while (!stack.empty()) {
    auto [node, closing] = stack.back();
    stack.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      out += node->v.text.text;
      continue;
    }
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_HEAD) continue;
    bool block = tag == GUMBO_TAG_P || tag == GUMBO_TAG_DIV || tag == GUMBO_TAG_TR || tag == GUMBO_TAG_BR ||
                 tag == GUMBO_TAG_H1 || tag == GUMBO_TAG_H2 || tag == GUMBO_TAG_H3 || tag == GUMBO_TAG_LI ||
                 tag == GUMBO_TAG_TABLE;
    if (closing) {
      if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) out += '\t';
      if (block) out += '\n';
      continue;
    }
    stack.push_back({node, true});
    const GumboVector& kids = node->v.element.children;
    for (unsigned i = kids.length; i-- > 0;) stack.push_back({static_cast<const GumboNode*>(kids.data[i]), false});
  }
}

std::string html_text(const std::string& html) {
  GumboOutput* doc = gumbo_parse_with_options(&kGumboDefaultOptions, html.data(), html.size());
  std::string out;
  visible_text(doc->root, out);
  gumbo_destroy_output(&kGumboDefaultOptions, doc);
  // Runs of blank lines from the markup's whitespace say nothing.
  std::string squeezed;
  int newlines = 0;
  for (char c : out) {
    newlines = c == '\n' ? newlines + 1 : (c == ' ' || c == '\t' || c == '\r') ? newlines : 0;
    if (c == '\n' && newlines > 2) continue;
    squeezed += c;
  }
  return squeezed;
}

// Numbered first: the narrative before the tables often names them too
// ("（一）主动公开政府信息情况").
const std::map<std::string, std::vector<std::string>>& table_headings() {
  static const std::map<std::string, std::vector<std::string>> h = {
      {"active", {"二、主动公开政府信息情况", "主动公开政府信息情况"}},
      {"requests", {"三、收到和处理政府信息公开申请情况", "收到和处理政府信息公开申请情况"}},
      {"review_litigation", {"四、政府信息公开行政复议", "行政复议、行政诉讼情况", "行政复议"}},
  };
  return h;
}

// How far after the previous cell the next one may be printed: a row label of
// table 三 is up to ~60 characters (180 bytes of UTF-8) and a row of seven
// cells with separators ~30; 600 bytes covers a label and a wrapped line.
constexpr size_t kReach = 600;

}  // namespace

std::string source_text(std::string_view bytes, const std::string& kind_hint) {
  std::string encoding;
  std::optional<std::string> text = decode_text(bytes, encoding);
  if (!text) throw std::runtime_error("the text cannot be decoded for the review page");
  if (kind_hint == "html" || looks_html(*text)) return html_text(*text);
  return *text;
}

std::vector<Mark> locate_cells(const std::string& text, const Json& record) {
  std::vector<Mark> marks;
  size_t cursor = 0;
  std::string table;
  for (const Json& c : record["cells"]) {
    if (c.value("table", "") != table) {
      table = c.value("table", "");
      for (const std::string& h : table_headings().at(table)) {
        size_t at = text.find(h, cursor);
        if (at != std::string::npos) {
          cursor = at + h.size();
          break;
        }
      }
    }
    std::string raw = c.value("raw", "");
    if (raw.empty()) continue;
    // Digits run together and read as several cells keep the whole run as
    // each cell's raw text: they share the run's mark.
    // (Such a cell's value is not its raw text, or is undetermined; two cells
    // that each print 3 are two marks.)
    bool part_of_run = !c.contains("value") || c["value"].is_null() || c["value"].dump() != raw;
    if (part_of_run && !marks.empty() && marks.back().end == cursor &&
        marks.back().end - marks.back().begin == raw.size() && text.compare(marks.back().begin, raw.size(), raw) == 0) {
      marks.push_back({marks.back().begin, marks.back().end, cell_id(c)});
      continue;
    }
    for (size_t at = text.find(raw, cursor); at != std::string::npos && at < cursor + kReach;
         at = text.find(raw, at + 1)) {
      size_t end = at + raw.size();
      // Not a piece of a decimal or of numbering ("1.属于…"); digits on either
      // side are allowed: a run-together row prints "713000074" for 71, 3, 0, …
      if ((at > 0 && text[at - 1] == '.') || (end < text.size() && text[end] == '.')) continue;
      marks.push_back({at, end, cell_id(c)});
      cursor = end;
      break;
    }
  }
  return marks;
}

std::string marked_text_html(const std::string& text, const std::vector<Mark>& marks,
                             const std::map<std::string, CellView>& views) {
  std::string out;
  size_t at = 0;
  for (size_t i = 0; i < marks.size();) {
    const Mark& m = marks[i];
    out += esc(std::string_view(text).substr(at, m.begin - at));
    size_t j = i;  // marks of the same characters nest
    for (; j < marks.size() && marks[j].begin == m.begin && marks[j].end == m.end; ++j) {
      auto it = views.find(marks[j].cell);
      const char* state = it == views.end() ? "st-read" : state_class(it->second.state);
      out += "<mark class=\"box " + std::string(state) + "\" data-cell=\"" + esc(marks[j].cell) + "\">";
    }
    out += esc(std::string_view(text).substr(m.begin, m.end - m.begin));
    for (size_t k = i; k < j; ++k) out += "</mark>";
    at = m.end;
    i = j;
  }
  out += esc(std::string_view(text).substr(at));
  return out;
}

}  // namespace gongkai::review
