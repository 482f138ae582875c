// PDFs with a text layer: every page's glyphs and ruling lines through
// PdfDocument; ruled grids become tables of cells, the rest of the page is
// narrative; tables continued over a page break are stitched; the sections
// are found in the rebuilt reading order, as in every reader.
#include <algorithm>
#include <cmath>
#include <map>
#include <set>

#include "grid/grid.h"
#include "readers/pdf/layout.h"
#include "readers/pdf/pdf_document.h"
#include "readers/reader.h"
#include "readers/sections.h"
#include "tables/stitch.h"
#include "tables/table_rows.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

using pdf::Glyph;
using pdf::PageContent;
using pdf::TextLine;

// Distance (points) within which strokes are one line: Word and WPS draw
// borders a fraction of a point apart, and twice at cell corners.
constexpr double kSnap = 2.0;
// Lines within this share of the page height from its top or bottom edge are
// where page numbers and running headers live.
constexpr double kMargin = 0.1;

struct PageLayout {
  int number = 0;
  double height = 0;
  std::vector<TextLine> lines;     // narrative, in reading order
  std::vector<bool> furniture;     // per line: page number or running header
  std::vector<CellTable> tables;   // top to bottom
  std::string ocr_reason;          // non-empty when the text layer is unusable
};

// Why a page's text layer cannot be trusted, or "" when it can.
std::string text_layer_problem(const PageContent& page) {
  size_t n = 0, han = 0, bad = 0, latin = 0;
  for (const Glyph& g : page.glyphs) {
    char32_t c = g.ch;
    if (c == U' ' || c == 0x3000) continue;
    ++n;
    if (is_han(c)) ++han;
    else if (c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c < 0x20) ++bad;
    else if (c < 0x80 && !(c >= U'0' && c <= U'9')) ++latin;
  }
  if (n < 10 && page.image_fraction > 0.3) return "the page is an image with no text layer (a scan)";
  if (n >= 10 && bad * 5 > n) return "the text layer has no usable character codes (no ToUnicode map)";
  if (n >= 50 && han * 20 < n && latin * 2 > n) return "the text layer holds Latin symbols where Chinese must be (mis-encoded fonts)";
  return "";
}

bool covered(const std::vector<grid::Box>& shades, const grid::Box& b) {
  double cx = (b.x0 + b.x1) / 2, cy = (b.y0 + b.y1) / 2;
  for (auto& s : shades)
    if (s.contains(cx, cy)) return true;
  return false;
}

PageLayout lay_out(const PageContent& page) {
  PageLayout out;
  out.number = page.number;
  out.height = page.height;
  out.ocr_reason = text_layer_problem(page);

  auto grids = grid::build_grids(grid::merge_rules(page.rules, kSnap), kSnap);
  std::vector<std::vector<std::vector<const Glyph*>>> cell_glyphs(grids.size());
  for (size_t k = 0; k < grids.size(); ++k) cell_glyphs[k].resize(grids[k].cells.size());
  std::vector<const Glyph*> free;
  for (const Glyph& g : page.glyphs) {
    double cx = (g.box.x0 + g.box.x1) / 2, cy = (g.box.y0 + g.box.y1) / 2;
    bool placed = false;
    for (size_t k = 0; k < grids.size() && !placed; ++k) {
      int idx = grids[k].cell_at(cx, cy);
      if (idx >= 0) {
        cell_glyphs[k][idx].push_back(&g);
        placed = true;
      }
    }
    if (!placed) free.push_back(&g);
  }

  for (size_t k = 0; k < grids.size(); ++k) {
    const grid::Grid& g = grids[k];
    CellTable t;
    t.rows = g.rows();
    t.cols = g.cols();
    t.col_edges = g.xs;
    t.page = page.number;
    t.top = g.box.y0;
    t.bottom = g.box.y1;
    t.page_height = page.height;
    bool any_text = false;
    for (size_t c = 0; c < g.cells.size(); ++c) {
      const grid::GridCell& gc = g.cells[c];
      TableCell cell{gc.row, gc.col, gc.row_span, gc.col_span, pdf::cell_text(cell_glyphs[k][c]), false, {}};
      cell.shaded = covered(page.shades, gc.box);
      cell.where.page = page.number;
      cell.where.bbox = std::array<double, 4>{gc.box.x0, gc.box.y0, gc.box.x1, gc.box.y1};
      cell.where.bbox_unit = "pt";
      cell.where.via = "pdf-text";
      any_text |= !cell.text.empty();
      t.cells.push_back(std::move(cell));
    }
    // A ruled box with nothing in it (a frame, a signature line) is no table.
    if (any_text) out.tables.push_back(std::move(t));
  }

  out.lines = pdf::group_lines(free);
  for (auto& l : out.lines) {
    bool margin = l.box.y1 < kMargin * page.height || l.box.y0 > (1 - kMargin) * page.height;
    out.furniture.push_back(margin && pdf::is_page_number(l.text));
  }
  for (auto& t : out.tables)
    for (size_t i = 0; i < out.lines.size(); ++i) {
      if (out.furniture[i]) continue;
      double cy = (out.lines[i].box.y0 + out.lines[i].box.y1) / 2;
      t.text_before |= cy < t.top;
      t.text_after |= cy > t.bottom;
    }
  return out;
}

// Running headers and footers: the same line in a page margin on at least
// three pages and on half of them.
void mark_running_lines(std::vector<PageLayout>& pages) {
  std::map<std::string, int> seen;
  auto margin = [](const PageLayout& p, const TextLine& l) {
    return l.box.y1 < kMargin * p.height || l.box.y0 > (1 - kMargin) * p.height;
  };
  for (auto& p : pages) {
    std::set<std::string> here;
    for (auto& l : p.lines)
      if (margin(p, l)) here.insert(squeeze_space(l.text));
    for (auto& s : here) ++seen[s];
  }
  int need = std::max<int>(3, static_cast<int>(pages.size() + 1) / 2);
  for (auto& p : pages)
    for (size_t i = 0; i < p.lines.size(); ++i)
      if (margin(p, p.lines[i]) && seen[squeeze_space(p.lines[i].text)] >= need) p.furniture[i] = true;
}

std::string table_text(const CellTable& t) {
  std::string s;
  int row = -1;
  for (auto& c : t.cells) {
    if (c.text.empty()) continue;
    s += (c.row != row && row >= 0) ? "\n" : (row >= 0 ? " " : "");
    row = c.row;
    s += c.text;
  }
  return s;
}

std::string page_list(const std::vector<int>& pages) {
  std::string s;
  for (int p : pages) s += (s.empty() ? "" : ", ") + std::to_string(p);
  return s;
}

}  // namespace

SourceDoc read_pdf(std::string_view bytes) {
  auto doc = pdf::PdfDocument::open(bytes);
  SourceDoc out;
  out.kind = "pdf-text";
  out.pages = doc->pages();

  std::vector<PageLayout> pages;
  std::vector<int> unreadable;
  std::string title;
  for (int p = 1; p <= out.pages; ++p) {
    try {
      PageContent content = doc->page(p);
      pages.push_back(lay_out(content));
    } catch (const ReadError&) {
      unreadable.push_back(p);
    }
  }
  if (!unreadable.empty())
    out.findings.push_back({"pdf.page_unreadable", "page(s) " + page_list(unreadable) + " could not be read", false});
  mark_running_lines(pages);

  // The title: page 1's largest type above the first section.
  if (!pages.empty() && pages[0].number == 1) {
    double biggest = 0;
    for (auto& l : pages[0].lines)
      if (l.box.y1 < pages[0].height / 2) biggest = std::max(biggest, l.font_size);
    for (size_t i = 0; i < pages[0].lines.size(); ++i) {
      auto& l = pages[0].lines[i];
      if (!pages[0].furniture[i] && l.box.y1 < pages[0].height / 2 && l.font_size >= biggest - 0.5) title += l.text;
    }
  }
  out.title = squeeze_space(title);

  // Reading order of the whole document: narrative lines and tables by their
  // place on the page. Table text stays in it so that a heading printed
  // inside a table is still found; narrative leaves it out.
  std::u32string text;
  struct Placed {
    size_t begin, end;
    CellTable table;
  };
  std::vector<Placed> placed;
  // A line that reaches the right margin continues on the next unindented
  // line: the paragraph is joined again, across pages too.
  bool prev_full = false;
  for (auto& p : pages) {
    if (!p.ocr_reason.empty()) {
      out.ocr_pages.push_back(p.number);
      prev_full = false;
      continue;
    }
    double left = 1e9, right = 0;
    for (size_t i = 0; i < p.lines.size(); ++i)
      if (!p.furniture[i]) left = std::min(left, p.lines[i].box.x0), right = std::max(right, p.lines[i].box.x1);
    size_t li = 0, ti = 0;
    while (li < p.lines.size() || ti < p.tables.size()) {
      bool take_table = ti < p.tables.size() &&
                        (li >= p.lines.size() || p.tables[ti].top <= (p.lines[li].box.y0 + p.lines[li].box.y1) / 2);
      if (take_table) {
        size_t begin = text.size();
        text += to_u32(nfkc(table_text(p.tables[ti]))) + U"\n";
        placed.push_back({begin, text.size(), std::move(p.tables[ti])});
        ++ti;
        prev_full = false;
      } else {
        const TextLine& l = p.lines[li];
        if (!p.furniture[li]) {
          double em = std::max(l.font_size, 1.0);
          bool indented = l.box.x0 > left + 0.8 * em;
          if (prev_full && !indented && !text.empty() && text.back() == U'\n') text.pop_back();
          text += to_u32(nfkc(l.text)) + U"\n";
          prev_full = l.box.x1 >= right - 1.5 * em;
        }
        ++li;
      }
    }
  }
  if (!out.ocr_pages.empty()) {
    std::string why;
    for (auto& p : pages)
      if (!p.ocr_reason.empty()) {
        why = p.ocr_reason;
        break;
      }
    bool all = out.ocr_pages.size() == pages.size();
    out.findings.push_back({"pdf.needs_ocr",
                            "page(s) " + page_list(out.ocr_pages) + " need OCR: " + why +
                                "; the scan reader is not available yet, so they were not read",
                            all});
  }

  auto starts = find_sections(text);
  size_t head_end = starts.empty() ? std::min<size_t>(text.size(), 3000) : starts.front().begin;
  out.head_text = to_utf8(text.substr(0, std::min<size_t>(head_end, 6000)));

  // Stitch continued tables, then give each table to the section it stands in.
  std::vector<CellTable> tables;
  std::vector<size_t> offsets;
  for (auto& pl : placed) {
    if (!tables.empty() && continues(tables.back(), pl.table, 3.0)) {
      stitch_into(tables.back(), pl.table);
    } else {
      tables.push_back(std::move(pl.table));
      offsets.push_back(pl.begin);
    }
  }
  for (size_t k = 0; k < tables.size(); ++k) {
    Section sec = Section::Preamble;
    for (auto& s : starts)
      if (s.begin <= offsets[k]) sec = s.section;
    if (sec != Section::Active && sec != Section::Requests && sec != Section::Review) continue;
    auto rows = rows_from_table(tables[k]);
    auto& dst = out.rows[sec];
    dst.insert(dst.end(), rows.begin(), rows.end());
  }

  // Narrative: each section's text without the tables in it.
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1].begin : text.size();
    std::u32string s;
    size_t at = starts[k].begin;
    for (auto& pl : placed) {
      if (pl.end <= at || pl.begin >= end) continue;
      if (pl.begin > at) s += text.substr(at, pl.begin - at);
      at = std::max(at, pl.end);
    }
    if (at < end) s += text.substr(at, end - at);
    out.section_text[starts[k].section] = to_utf8(s);
  }
  return out;
}

}  // namespace gongkai
