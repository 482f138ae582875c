// HTML pages: the report's <table>s, with rowspan/colspan, become positional
// rows (a blank cell is a printed blank); the rest of the page is narrative.
#include <gumbo.h>

#include <algorithm>
#include <cctype>
#include <memory>

#include "readers/html/html_tree.h"
#include "readers/reader.h"
#include "readers/row_segmenter.h"
#include "readers/sections.h"
#include "tables/table_rows.h"
#include "text/unicode.h"

namespace gongkai {

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

bool is_text(const GumboNode* node) {
  return node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_WHITESPACE;
}

bool is_hidden(GumboTag t) { return t == GUMBO_TAG_SCRIPT || t == GUMBO_TAG_STYLE; }

void no_leave(const GumboNode*) {}

void inner_text(const GumboNode* node, std::string& out) {
  html::walk(
      node,
      [&](const GumboNode* n) {
        if (is_text(n)) out += n->v.text.text;
        return n->type == GUMBO_NODE_ELEMENT && !is_hidden(n->v.element.tag);
      },
      no_leave);
}

// The elements tagged `tag` (or `also`) under `node`, in document order; not
// those of a table nested inside.
void collect(const GumboNode* node, GumboTag tag, std::vector<const GumboNode*>& out,
             GumboTag also = GUMBO_TAG_LAST) {
  html::walk(
      node,
      [&](const GumboNode* n) {
        if (n == node) return true;
        if (n->type != GUMBO_NODE_ELEMENT) return false;
        if (n->v.element.tag == tag || n->v.element.tag == also) {
          out.push_back(n);
          return false;
        }
        return n->v.element.tag != GUMBO_TAG_TABLE;
      },
      no_leave);
}

std::vector<SourceRow> table_rows(const GumboNode* table) {
  std::vector<const GumboNode*> trs;
  collect(table, GUMBO_TAG_TR, trs);
  std::vector<SourceRow> rows;
  for (const GumboNode* tr : trs) {
    // A label cell printed as <th> stands where it is printed: "<th>（一）予以公开</th><td>3</td>".
    std::vector<const GumboNode*> tds;
    collect(tr, GUMBO_TAG_TD, tds, GUMBO_TAG_TH);
    std::vector<TableCell> cells(tds.size());
    std::vector<const TableCell*> refs;
    for (size_t i = 0; i < tds.size(); ++i) {
      inner_text(tds[i], cells[i].text);
      cells[i].col = static_cast<int>(i);
      refs.push_back(&cells[i]);
    }
    SourceRow row = row_from_cells(refs);
    if (!row.label.empty() || !row.tokens.empty()) rows.push_back(std::move(row));
  }
  return rows;
}

struct Walker {
  std::u32string text;  // narrative with a marker where each table stood
  std::vector<std::pair<size_t, const GumboNode*>> tables;
  std::string title;

  void walk(const GumboNode* root) {
    html::walk(
        root, [&](const GumboNode* n) { return enter(n); },
        [&](const GumboNode* n) {
          if (is_block(n->v.element.tag)) text += U"\n";
        });
  }

  // Whether to go on into the node's children.
  bool enter(const GumboNode* node) {
    if (is_text(node)) {
      text += to_u32(nfkc(node->v.text.text));
      return false;
    }
    if (node->type != GUMBO_NODE_ELEMENT) return false;
    GumboTag tag = node->v.element.tag;
    if (is_hidden(tag)) return false;
    if (tag == GUMBO_TAG_TITLE) {
      inner_text(node, title);
      text += U"\n";
      return false;
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
      return false;
    }
    if (is_block(tag)) text += U"\n";
    return true;
  }
};

SourceDoc read_html(std::string_view bytes) {
  if (bytes.empty()) throw ReadError("empty file");
  SourceDoc doc;
  doc.kind = "text";
  auto decoded = decode_text(bytes, doc.encoding);
  if (!decoded) throw ReadError("not valid text: neither UTF-8, UTF-16, Big5 nor GB18030");
  html::Tree tree(*decoded);
  Walker w;
  w.walk(tree.root());
  doc.title = squeeze_space(w.title);

  // Sections from the text; rows from the tables, each in the section where it stands.
  split_sections(w.text, doc);
  doc.rows.clear();
  doc.extra_tables.clear();  // read from their cells below, not from their text
  auto starts = find_sections(w.text);
  for (auto& [offset, table] : w.tables) {
    Section sec = Section::Preamble;
    for (auto& s : starts)
      if (s.begin <= offset) sec = s.section;
    if (sec == Section::Extra) {
      doc.extra_tables.push_back({section_heading(doc), table_rows(table)});
      continue;
    }
    if (sec != Section::Active && sec != Section::Requests && sec != Section::Review) continue;
    auto rows = table_rows(table);
    auto& dst = doc.rows[sec];
    dst.insert(dst.end(), rows.begin(), rows.end());
  }
  return doc;
}

bool looks_like_html(std::string_view bytes, std::string_view filename) {
  auto ends_with = [&](std::string_view e) {
    return filename.size() >= e.size() &&
           std::equal(e.rbegin(), e.rend(), filename.rbegin(),
                      [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  };
  std::string_view head = bytes.substr(0, 2048);
  return ends_with(".html") || ends_with(".htm") || head.find("<html") != std::string_view::npos ||
         head.find("<HTML") != std::string_view::npos || head.find("<!DOCTYPE") != std::string_view::npos ||
         head.find("<table") != std::string_view::npos;
}

class HtmlReader final : public Reader {
 public:
  std::string_view kind() const override { return "html"; }
  // Below the binary formats' magic numbers, above plain text.
  double sniff(std::string_view bytes, std::string_view name) const override {
    return looks_like_html(bytes, name) ? 0.9 : 0;
  }
  SourceDoc read(std::string_view bytes, ReadContext&) const override { return read_html(bytes); }
};

}  // namespace

const Reader& html_reader() {
  static const HtmlReader reader;
  return reader;
}

}  // namespace gongkai
