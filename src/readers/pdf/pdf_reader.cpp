// PDFs: every page's glyphs and ruling lines through PdfDocument; ruled
// grids become tables of cells, the rest of the page is narrative. Pages
// without a usable text layer go to the scan reader. The pages are then
// assembled (reading order, sections, stitching) by readers/page_layout.
#include <algorithm>
#include <cmath>

#include "grid/grid.h"
#include "readers/pdf/layout.h"
#include "readers/page_layout.h"
#include "readers/pdf/pdf_document.h"
#include "readers/pdf/raster_fallback.h"
#include "readers/reader.h"
#include "readers/scan/scan_reader.h"
#include "tables/grid_table.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

using pdf::Glyph;
using pdf::PageContent;

// Distance (points) within which strokes are one line: Word and WPS draw
// borders a fraction of a point apart, and twice at cell corners.
constexpr double kSnap = 2.0;

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

// A page that prints the template's column headings but draws no ruled grid:
// look for the grid in its image. (Narrative pages, the common case, are not
// rendered: that would cost more than reading the whole report.)
bool wants_raster_grid(const PageContent& page) {
  std::u32string han;
  for (auto& g : page.glyphs)
    if (is_han(g.ch)) han.push_back(g.ch);
  for (const char32_t* w : {U"信息内容", U"申请人情况", U"本年制发件数", U"本年处理决定数量", U"未经复议直接起诉"})
    if (han.find(w) != std::u32string::npos) return true;
  return false;
}

PageLayout lay_out(const PageContent& page, const pdf::PdfDocument& doc, std::vector<int>& raster_pages) {
  PageLayout out;
  out.number = page.number;
  out.height = page.height;
  out.ocr_reason = text_layer_problem(page);
  out.image_dpi = page.image_dpi;

  auto grids = grid::build_grids(grid::merge_rules(page.rules, kSnap), kSnap);
  if (grids.empty() && out.ocr_reason.empty() && wants_raster_grid(page)) {
    grids = grid::build_grids(grid::merge_rules(pdf::rules_from_image(doc, page.number), kSnap), kSnap);
    if (!grids.empty()) raster_pages.push_back(page.number);
  }
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
    std::vector<CellReadout> cells(g.cells.size());
    bool any_text = false;
    for (size_t c = 0; c < g.cells.size(); ++c) {
      cells[c].text = pdf::cell_text(cell_glyphs[k][c]);
      cells[c].shaded = covered(page.shades, g.cells[c].box);
      any_text |= !cells[c].text.empty();
    }
    // A ruled box with nothing in it (a frame, a signature line) is no table.
    if (any_text)
      out.tables.push_back(table_from_grid(g, {page.number, page.height, "pt", "pdf-text", {}}, std::move(cells)));
  }

  out.lines = pdf::group_lines(free);
  mark_page_furniture(out);
  return out;
}

SourceDoc read_pdf(std::string_view bytes, ReadContext& context) {
  const ReadOptions& options = context.options;
  auto doc = pdf::PdfDocument::open(bytes);
  SourceDoc out;
  out.kind = "pdf-text";
  out.pages = doc->pages();

  std::vector<PageLayout> pages;
  std::vector<int> unreadable, raster_pages;
  for (int p = 1; p <= out.pages; ++p) {
    try {
      pages.push_back(lay_out(doc->page(p), *doc, raster_pages));
    } catch (const ReadError&) {
      unreadable.push_back(p);
    }
  }
  if (!unreadable.empty()) {
    std::string list;
    for (int p : unreadable) list += (list.empty() ? "" : ", ") + std::to_string(p);
    out.findings.push_back({"pdf.page_unreadable", "page(s) " + list + " could not be read", false});
  }
  for (int p : raster_pages)
    out.notes.push_back("page " + std::to_string(p) + ": the table grid was found in the page image (no vector lines)");
  // Pages without a usable text layer go to the scan reader.
  int scanned = 0;
  if (options.ocr) {
    for (auto& p : pages) {
      if (p.ocr_reason.empty()) continue;
      std::string why = p.ocr_reason;
      int number = p.number;
      // Rendering a scan finer than it was scanned adds pixels, not detail:
      // its own resolution is used when lower than --dpi (and not below 150).
      double dpi = options.scan_dpi;
      if (p.image_dpi >= 150 && p.image_dpi < dpi) dpi = std::round(p.image_dpi);
      p = scan::scan_context(context).lay_out(doc->render(number, dpi), dpi, number, context.name);
      if (p.ocr_reason.empty()) ++scanned;
      out.notes.push_back("page " + std::to_string(number) + " read by OCR: " + why);
    }
  }
  if (scanned > 0) out.kind = scanned == static_cast<int>(pages.size()) ? "pdf-scan" : "pdf-mixed";
  assemble(pages, out);
  return out;
}

class PdfReader final : public Reader {
 public:
  std::string_view kind() const override { return "pdf"; }
  // Some producers put junk before the header; readers accept it within 1 KB.
  double sniff(std::string_view bytes, std::string_view) const override {
    return bytes.substr(0, 1024).find("%PDF-") != std::string_view::npos ? 1 : 0;
  }
  SourceDoc read(std::string_view bytes, ReadContext& context) const override { return read_pdf(bytes, context); }
};

}  // namespace

const Reader& pdf_reader() {
  static const PdfReader reader;
  return reader;
}

}  // namespace gongkai
