// PDFs: every page's glyphs and ruling lines through PdfDocument; ruled
// grids become tables of cells, the rest of the page is narrative. Pages
// without a usable text layer go to the scan reader. The pages are then
// assembled (reading order, sections, stitching) by readers/page_layout.
#include <algorithm>
#include <atomic>
#include <cctype>
#include <chrono>
#include <cmath>
#include <deque>
#include <future>
#include <iterator>
#include <string>

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

// Characters a Chinese report prints: Han, CJK and general punctuation,
// full-width forms, enclosed numbers, Latin-1 punctuation (·, ×, °).
bool is_report_script(char32_t c) {
  return is_han(c) || (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF00 && c <= 0xFFEF) || (c >= 0x2000 && c <= 0x206F) ||
         (c >= 0x2100 && c <= 0x27BF) || (c >= 0xA0 && c <= 0xBF) || c == 0xD7 || c == 0xF7 || (c >= 0x2E80 && c <= 0x2FDF);
}

// Why a page's text layer cannot be trusted, or "" when it can.
std::string text_layer_problem(const PageContent& page) {
  size_t n = 0, han = 0, bad = 0, latin = 0, foreign = 0;
  for (const Glyph& g : page.glyphs) {
    char32_t c = g.ch;
    if (c == U' ' || c == 0x3000) continue;
    ++n;
    if (is_han(c)) ++han;
    else if (c == 0xFFFD || (c >= 0xE000 && c <= 0xF8FF) || c < 0x20) ++bad;
    else if (c < 0x80 && !(c >= U'0' && c <= U'9')) ++latin;
    else if (c >= 0x80 && !is_report_script(c)) ++foreign;
  }
  if (n < 10 && page.image_fraction > 0.3) return "the page is an image with no text layer (a scan)";
  // Text drawn as outlines: a page of a report has hundreds of characters,
  // so 50 character-sized outlines outnumbering the text is a page of them.
  if (page.outline_glyphs >= 50 && static_cast<size_t>(page.outline_glyphs) > 2 * n)
    return "the text is drawn as outlines (" + std::to_string(page.outline_glyphs) +
           " character-sized filled shapes, " + std::to_string(n) + " characters in the text layer)";
  if (n >= 10 && bad * 5 > n) return "the text layer has no usable character codes (no ToUnicode map)";
  // Codes read as Unicode where none was meant: Chromium's Type 3 fonts
  // without their ToUnicode maps give Latin-1, Thaana, Telugu… and stray Han.
  if (n >= 20 && foreign * 3 > n)
    return "the text layer's character codes are not Unicode (fonts without a ToUnicode map: " +
           std::to_string(foreign) + " of " + std::to_string(n) + " characters outside Chinese, ASCII and punctuation)";
  if (n >= 50 && han * 20 < n && latin * 2 > n) return "the text layer holds Latin symbols where Chinese must be (mis-encoded fonts)";
  return "";
}

// Whether a PDF is worth reading whole is judged on its first pages: a
// disclosure report names itself (政府信息公开…年度报告) or prints the
// template's tables on its first page or two. A PDF whose first pages say
// none of it in a readable text layer is something else, and the rest is not
// read: an English manual of 397 pages had every page OCRed as "mis-encoded
// Chinese", for more than 60 s. Pages whose text needs OCR (scans,
// mis-encoded fonts) leave the question open, and the PDF is read whole.
constexpr int kProbePages = 5;

// Scanned pages are read at 200 dpi (a scan's own resolution when lower),
// unless their digits are small there (ReadOptions::scan_dpi 0, the
// default). Cells are scaled to one text height before Tesseract, so a
// finer page only adds pixels to clean, straighten and search: a 300 dpi
// scan cost 0.42 CPU s a page at 200 against 0.73 at 300. But digits drawn
// with few pixels lose their shape to a speck: huaian-city-2024's, 15 px
// high at 200 dpi, read a 0 with a speck beside it as 6 and as 4 with
// confidence (eval_scan seeds 72, 73), cells read right at 300 (22 px).
// The other five reports' digits (20-28 px at 200 dpi) lost no cell at 200
// on seeds 66-74. A page whose digits are under kSmallDigitPx at 200 dpi is
// read again at 300 (its own resolution when lower), and so are the
// document's later pages, at once.
constexpr double kFirstScanDpi = 200;
constexpr double kFineScanDpi = 300;
constexpr double kSmallDigitPx = 18;

bool has_report_words(const PageContent& page) {
  std::u32string han;
  for (auto& g : page.glyphs)
    if (is_han(g.ch)) han.push_back(g.ch);
  for (const char32_t* w : {U"信息公开", U"政府信息", U"年度报告", U"主动公开", U"行政复议", U"信息内容", U"申请人情况",
                            U"本年制发件数"})
    if (han.find(w) != std::u32string::npos) return true;
  return false;
}

// Whether Latin letters on the page read as English words (a manual), not as
// the symbols that mis-encoded fonts give: a tenth of its words (at least 30)
// among the commonest ones. English prose has about a third.
bool reads_as_words(const PageContent& page) {
  static const std::u32string kCommon[] = {U"the", U"of", U"and", U"to", U"in", U"a",    U"is",  U"for", U"on",
                                           U"with", U"that", U"this", U"be", U"are", U"or", U"by", U"as", U"it",
                                           U"you", U"from", U"an", U"at", U"if", U"not"};
  int words = 0, common = 0;
  std::u32string word;
  auto end_word = [&] {
    if (word.empty()) return;
    ++words;
    common += std::find(std::begin(kCommon), std::end(kCommon), word) != std::end(kCommon);
    word.clear();
  };
  const Glyph* prev = nullptr;
  for (const Glyph& g : page.glyphs) {
    // Words are told apart by the gap before a glyph (a space is about a
    // quarter of the type size; none is drawn) or a new line.
    if (prev && (g.box.x0 - prev->box.x1 > 0.15 * g.font_size || g.box.x0 < prev->box.x0 ||
                 std::abs(g.box.y0 - prev->box.y0) > 0.5 * g.font_size))
      end_word();
    prev = &g;
    if (g.ch < 0x80 && std::isalpha(static_cast<int>(g.ch)))
      word.push_back(static_cast<char32_t>(std::tolower(static_cast<int>(g.ch))));
    else
      end_word();
  }
  end_word();
  return words >= 30 && common * 10 >= words;
}

// What the first pages say about the PDF.
struct Probe {
  int pages = 0;
  bool report_words = false, unsure = false, text = false;

  void look(const PageContent& page, const std::string& ocr_reason) {
    ++pages;
    report_words |= has_report_words(page);
    text |= page.glyphs.size() >= 50;
    unsure |= !ocr_reason.empty() && !reads_as_words(page);
  }
  bool not_a_report() const { return text && !report_words && !unsure; }
};

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

  // A page going to OCR is read from its image; its vector rules (strokes of
  // outlined characters among them) are not worth a grid.
  std::vector<grid::Grid> grids;
  if (out.ocr_reason.empty()) grids = grid::build_grids(grid::merge_rules(page.rules, kSnap), kSnap);
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

// A scanned page being prepared on another thread, and at what resolution.
struct PageAhead {
  std::future<std::shared_ptr<scan::PreparedPage>> page;
  std::shared_ptr<bool> small;  // its digits were measured small (set by the preparing thread)
};

// Reads `to_scan` (pages of `doc` with no usable text layer) with the scan
// reader, in order; returns how many were read. The next page is rendered
// and prepared (cleaned, straightened, its grids found) on another thread
// while a page is OCRed, and when the reader must wait for a page, the one
// after it begins too. One page ahead left the cores idle for a quarter of
// the 6-page 300 dpi scan's wall time: pages without tables are read at
// once, and the next page's preparation (twice, at 200 then 300 dpi, for
// the first page with small digits) was waited for. Two ahead at all times
// cost CPU (more threads than cores while cells are read): 0.46-0.48 ->
// 0.51-0.52 CPU s per page on the 3-page test scan.
// A page's resolution is what reading the pages one after the other gives:
// the fine one once an earlier page's digits were small. A page begun
// before that was known is prepared again when it comes to be read, so
// that the record does not hang on the threads' timing.
int read_scanned_pages(pdf::PdfDocument& doc, const std::vector<char>& in_colour, std::vector<PageLayout*>& to_scan,
                       ReadContext& context, std::vector<std::string>& notes) {
  const ReadOptions& options = context.options;
  scan::ScanContext& scan = scan::scan_context(context);
  auto prepare_at = [&](const PageLayout* p, double dpi) {
    cv::Mat seal;
    cv::Mat grey = doc.render(p->number, dpi, &seal, in_colour[p->number]);
    return scan.prepare(grey, dpi, p->number, seal);
  };
  // Rendering a scan finer than it was scanned adds pixels, not detail:
  // its own resolution is used when lower (and not below 150).
  auto at_most = [](const PageLayout* p, double dpi) {
    return p->image_dpi >= 150 && p->image_dpi < dpi ? std::round(p->image_dpi) : dpi;
  };
  std::atomic<bool> digits_small{false};  // some page's were: later pages begin at the fine resolution
  auto prepare = [&](const PageLayout* p, bool* small) {
    if (options.scan_dpi > 0) return prepare_at(p, at_most(p, options.scan_dpi));
    const double first = at_most(p, kFirstScanDpi), fine = at_most(p, kFineScanDpi);
    if (first < fine && !digits_small) {
      auto page = prepare_at(p, first);
      const double h = scan::digit_height(*page);
      if (h == 0 || h >= kSmallDigitPx) return page;
      *small = true;
      digits_small = true;
    }
    return prepare_at(p, fine);
  };
  auto begin = [&](size_t i) {
    PageAhead a{{}, std::make_shared<bool>(false)};
    a.page = std::async(std::launch::async, prepare, to_scan[i], a.small.get());
    return a;
  };
  std::deque<PageAhead> ahead;
  size_t begun = 0;
  auto begin_next = [&] {
    if (begun < to_scan.size()) ahead.push_back(begin(begun++));
  };
  begin_next();
  bool earlier_small = false;
  int scanned = 0;
  for (size_t i = 0; i < to_scan.size(); ++i) {
    PageAhead a = std::move(ahead.front());
    ahead.pop_front();
    if (ahead.empty()) begin_next();  // the next page, beside this one's reading
    // Waiting for this page leaves a core free: the page after next begins.
    if (i > 0 && ahead.size() < 2 && a.page.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
      begin_next();
    auto prepared = a.page.get();
    PageLayout& p = *to_scan[i];
    const double fine = at_most(&p, kFineScanDpi);
    if (options.scan_dpi <= 0 && earlier_small && scan::prepared_dpi(*prepared) < fine)
      prepared = prepare_at(&p, fine);
    earlier_small = earlier_small || *a.small;
    std::string why = p.ocr_reason;
    int number = p.number;
    p = scan.lay_out(std::move(prepared), context.name);
    if (p.ocr_reason.empty()) ++scanned;
    notes.push_back("page " + std::to_string(number) + " read by OCR: " + why);
  }
  return scanned;
}

SourceDoc read_pdf(std::string_view bytes, ReadContext& context) {
  const ReadOptions& options = context.options;
  auto doc = pdf::PdfDocument::open(bytes);
  SourceDoc out;
  out.kind = "pdf-text";
  out.pages = doc->pages();

  std::vector<PageLayout> pages;
  std::vector<int> unreadable, raster_pages;
  std::vector<char> in_colour(out.pages + 1, 1);  // per page number: render in colour (a seal may be on it)
  Probe probe;
  bool stopped = false;
  for (int p = 1; p <= out.pages && !stopped; ++p) {
    try {
      PageContent content = doc->page(p);
      in_colour[p] = content.in_colour;
      pages.push_back(lay_out(content, *doc, raster_pages));
      if (p <= kProbePages) probe.look(content, pages.back().ocr_reason);
    } catch (const ReadError&) {
      unreadable.push_back(p);
    }
    // Stopped when there is something left to spare: pages, or OCR.
    if (p == std::min(out.pages, kProbePages) && probe.not_a_report())
      stopped = p < out.pages ||
                std::any_of(pages.begin(), pages.end(), [](const PageLayout& l) { return !l.ocr_reason.empty(); });
  }
  if (stopped) {
    int n = std::min(out.pages, kProbePages);
    out.findings.push_back({"pdf.not_a_report",
                            "page(s) 1-" + std::to_string(n) + " print no heading or table of a disclosure report (" +
                                "政府信息公开, 年度报告, 信息内容…) in a readable text layer: not a report, so " +
                                (n < out.pages ? "pages " + std::to_string(n + 1) + "-" + std::to_string(out.pages) +
                                                     " were not read and "
                                               : std::string()) +
                                "no page was OCRed",
                            false});
    for (auto& p : pages) p.ocr_reason.clear();
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
    std::vector<PageLayout*> to_scan;
    for (auto& p : pages)
      if (!p.ocr_reason.empty()) to_scan.push_back(&p);
    if (!to_scan.empty()) scanned = read_scanned_pages(*doc, in_colour, to_scan, context, out.notes);
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
