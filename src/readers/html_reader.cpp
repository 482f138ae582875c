// HTML pages: the report's <table>s, with rowspan/colspan, become positional
// rows (a blank cell is a printed blank); the rest of the page is narrative.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "readers/reader.h"
#include "readers/row_segmenter.h"
#include "readers/sections.h"
#include "text/unicode.h"

namespace gongkai {

void split_sections(std::u32string_view text, SourceDoc& doc);

namespace {

bool is_block(GumboTag t) {
  switch (t) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_BR: case GUMBO_TAG_H1: case GUMBO_TAG_H2:
    case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_LI:
    case GUMBO_TAG_TR: case GUMBO_TAG_TITLE: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
      return true;
    default:
      return false;
  }
}

void inner_text(const GumboNode* node, std::string& out) {
  if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
    out += node->v.text.text;
    return;
  }
  if (node->type != GUMBO_NODE_ELEMENT) return;
  if (node->v.element.tag == GUMBO_TAG_SCRIPT || node->v.element.tag == GUMBO_TAG_STYLE) return;
  const GumboVector& ch = node->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) inner_text(static_cast<const GumboNode*>(ch.data[i]), out);
}

void collect(const GumboNode* node, GumboTag tag, std::vector<const GumboNode*>& out, bool nested) {
  if (node->type != GUMBO_NODE_ELEMENT) return;
  const GumboVector& ch = node->v.element.children;
  for (unsigned i = 0; i < ch.length; ++i) {
    auto* c = static_cast<const GumboNode*>(ch.data[i]);
    if (c->type != GUMBO_NODE_ELEMENT) continue;
    if (c->v.element.tag == tag) out.push_back(c);
    else if (nested || c->v.element.tag != GUMBO_TAG_TABLE) collect(c, tag, out, nested);
  }
}

// A cell that holds a value (or a printed blank) rather than label text.
bool is_value_cell(const std::u32string& t) {
  std::u32string s;
  for (char32_t c : t)
    if (c != U' ' && c != U'\t' && c != U'\n' && c != 0xA0 && c != 0x3000) s.push_back(c);
  if (s.empty()) return true;
  if (s == U"-" || s == U"—" || s == U"/" || s == U"--" || s == U"无" || s == U"－" || s == U"――") return true;
  size_t i = (s[0] == U'-' && s.size() > 1) ? 1 : 0;
  if (!(s[i] >= U'0' && s[i] <= U'9')) return false;
  while (i < s.size() && s[i] >= U'0' && s[i] <= U'9') ++i;
  // "1.属于国家秘密" is a numbered label, "7730.28" a value.
  bool list_number = i + 1 < s.size() && (s[i] == U'.' || s[i] == U'、' || s[i] == U'．') &&
                     !(s[i + 1] >= U'0' && s[i + 1] <= U'9');
  return !list_number;
}

std::vector<SourceRow> table_rows(const GumboNode* table) {
  std::vector<const GumboNode*> trs;
  collect(table, GUMBO_TAG_TR, trs, false);
  std::vector<SourceRow> rows;
  for (const GumboNode* tr : trs) {
    SourceRow row;
    row.positional = true;
    std::vector<const GumboNode*> tds;
    collect(tr, GUMBO_TAG_TD, tds, false);
    collect(tr, GUMBO_TAG_TH, tds, false);
    std::string label;
    for (const GumboNode* td : tds) {
      std::string raw;
      inner_text(td, raw);
      std::u32string text = to_u32(nfkc(raw));
      if (is_value_cell(text)) {
        // Empty corner cells before the label are layout, not cells of the row.
        if (label.empty() && row.tokens.empty() && squeeze_space(to_utf8(text)).empty()) continue;
        Token t;
        t.raw = squeeze_space(to_utf8(text));
        t.atomic = true;
        row.tokens.push_back(std::move(t));
      } else {
        if (!row.tokens.empty()) row.positional = false;  // label text after values: not a plain row
        label += to_utf8(text);
      }
    }
    row.label = squeeze_space(label);
    if (!row.label.empty() || !row.tokens.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

struct Walker {
  std::u32string text;  // narrative with a marker where each table stood
  std::vector<std::pair<size_t, const GumboNode*>> tables;
  std::string title;

  void walk(const GumboNode* node) {
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE) {
      text += to_u32(nfkc(node->v.text.text));
      return;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return;
    GumboTag tag = node->v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE) return;
    if (tag == GUMBO_TAG_TITLE) {
      inner_text(node, title);
      text += U"\n";
      return;
    }
    if (tag == GUMBO_TAG_TABLE) {
      text += U"\n";
      tables.emplace_back(text.size(), node);
      // The table's words stay in the text too, so that a heading printed
      // inside a table is still found; its rows are read separately.
      std::string inner;
      inner_text(node, inner);
      text += to_u32(nfkc(inner));
      text += U"\n";
      return;
    }
    if (is_block(tag)) text += U"\n";
    const GumboVector& ch = node->v.element.children;
    for (unsigned i = 0; i < ch.length; ++i) walk(static_cast<const GumboNode*>(ch.data[i]));
    if (is_block(tag)) text += U"\n";
  }
};

}  // namespace

SourceDoc read_html(std::string_view bytes) {
  if (bytes.empty()) throw ReadError("empty file");
  SourceDoc doc;
  doc.kind = "text";
  auto decoded = decode_text(bytes, doc.encoding);
  if (!decoded) throw ReadError("not valid text: neither UTF-8, UTF-16 nor GB18030");
  std::unique_ptr<GumboOutput, void (*)(GumboOutput*)> out(
      gumbo_parse_with_options(&kGumboDefaultOptions, decoded->data(), decoded->size()),
      [](GumboOutput* o) { gumbo_destroy_output(&kGumboDefaultOptions, o); });
  Walker w;
  w.walk(out->root);
  doc.title = squeeze_space(w.title);

  // Sections from the text; rows from the tables, each in the section where it stands.
  split_sections(w.text, doc);
  doc.rows.clear();
  auto starts = find_sections(w.text);
  for (auto& [offset, table] : w.tables) {
    Section sec = Section::Preamble;
    for (auto& s : starts)
      if (s.begin <= offset) sec = s.section;
    if (sec != Section::Active && sec != Section::Requests && sec != Section::Review) continue;
    auto rows = table_rows(table);
    auto& dst = doc.rows[sec];
    dst.insert(dst.end(), rows.begin(), rows.end());
  }
  return doc;
}

SourceDoc read_any(std::string_view bytes, std::string_view filename) {
  auto ends_with = [&](std::string_view e) {
    return filename.size() >= e.size() &&
           std::equal(e.rbegin(), e.rend(), filename.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  if (bytes.substr(0, 5) == "%PDF-") throw ReadError("PDF input is not supported yet (the PDF reader is a later stage)");
  std::string_view head = bytes.substr(0, 2048);
  bool html = ends_with(".html") || ends_with(".htm") || head.find("<html") != std::string_view::npos ||
              head.find("<HTML") != std::string_view::npos || head.find("<!DOCTYPE") != std::string_view::npos ||
              head.find("<table") != std::string_view::npos;
  return html ? read_html(bytes) : read_text(bytes);
}

}  // namespace gongkai
