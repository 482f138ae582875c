#include "readers/page_layout.h"

#include <algorithm>
#include <map>
#include <set>

#include "readers/sections.h"
#include "tables/stitch.h"
#include "tables/table_rows.h"
#include "text/printed.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

// Lines within this share of the page height from its top or bottom edge are
// where page numbers and running headers live.
constexpr double kMargin = 0.1;
// Column edges of a table continued on the next page agree within this (pt).
constexpr double kStitchPt = 3.0;

bool in_margin(const PageLayout& p, const TextLine& l) {
  return l.box.y1 < kMargin * p.height || l.box.y0 > (1 - kMargin) * p.height;
}

// Running headers and footers: the same line in a page margin on at least
// three pages and on half of them.
void mark_running_lines(std::vector<PageLayout>& pages) {
  std::map<std::string, int> seen;
  for (auto& p : pages) {
    std::set<std::string> here;
    for (auto& l : p.lines)
      if (in_margin(p, l)) here.insert(squeeze_space(l.text));
    for (auto& s : here) ++seen[s];
  }
  int need = std::max<int>(3, static_cast<int>(pages.size() + 1) / 2);
  for (auto& p : pages)
    for (size_t i = 0; i < p.lines.size(); ++i)
      if (in_margin(p, p.lines[i]) && seen[squeeze_space(p.lines[i].text)] >= need) p.furniture[i] = true;
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

// Which table this is by its own words (section_by_words).
Section section_by_content(const CellTable& t) { return section_by_words(han_only(table_text(t))); }

}  // namespace

Section section_by_words(const std::u32string& h) {
  auto has = [&](const char32_t* w) { return h.find(w) != std::u32string::npos; };
  bool requests = has(U"自然人") || has(U"予以公开") || has(U"不予处理");
  // Table 四 continued on a new page may have lost its first header row
  // (行政复议 | 行政诉讼): its second row still says 复议后起诉, 结果维持.
  bool review = has(U"复议") && (has(U"诉讼") || has(U"起诉") || has(U"结果维持"));
  if (requests != review) return requests ? Section::Requests : Section::Review;
  if (requests) return Section::Preamble;
  if (has(U"规章") || has(U"行政许可") || has(U"行政处罚") || has(U"第二十条") || has(U"事业性收费")) return Section::Active;
  return Section::Preamble;
}

void mark_page_furniture(PageLayout& page) {
  page.furniture.assign(page.lines.size(), false);
  for (size_t i = 0; i < page.lines.size(); ++i)
    page.furniture[i] = in_margin(page, page.lines[i]) && is_page_number(page.lines[i].text, PageNumberPlace::Margin);
  for (auto& t : page.tables)
    for (size_t i = 0; i < page.lines.size(); ++i) {
      if (page.furniture[i]) continue;
      double cy = (page.lines[i].box.y0 + page.lines[i].box.y1) / 2;
      t.text_before |= cy < t.top;
      t.text_after |= cy > t.bottom;
    }
}

namespace {

// The title: page 1's largest type in its top half.
std::string find_title(const std::vector<PageLayout>& pages) {
  std::string title;
  if (pages.empty() || pages[0].number != 1) return title;
  double biggest = 0;
  for (auto& l : pages[0].lines)
    if (l.box.y1 < pages[0].height / 2) biggest = std::max(biggest, l.font_size);
  // Font sizes from a text layer are exact; OCR boxes vary with the glyphs
  // on the line (a title's last line may hold one character).
  double slack = pages[0].ocr ? 0.2 * biggest : 0.5 * pages[0].unit_per_pt;
  for (size_t i = 0; i < pages[0].lines.size(); ++i) {
    auto& l = pages[0].lines[i];
    if (!pages[0].furniture[i] && l.box.y1 < pages[0].height / 2 && l.font_size >= biggest - slack) title += l.text;
  }
  return title;
}

// A table at its place in the document's text.
struct Placed {
  size_t begin, end;
  CellTable table;
  double unit_per_pt;
};

// The whole document in reading order: narrative lines and tables by their
// place on the page. Table text stays in it so that a heading printed inside
// a table is still found; narrative leaves it out. Pages that could not be
// read here are listed in `out.ocr_pages`.
std::u32string reading_order(std::vector<PageLayout>& pages, std::vector<Placed>& placed, SourceDoc& out) {
  std::u32string text;
  // A line that reaches the right margin continues on the next unindented
  // line: the paragraph is joined again, across pages too.
  bool prev_full = false;
  for (auto& p : pages) {
    if (!p.ocr_reason.empty()) {
      out.ocr_pages.push_back(p.number);
      prev_full = false;
      continue;
    }
    double left = 1e18, right = 0;
    for (size_t i = 0; i < p.lines.size(); ++i)
      if (!p.furniture[i]) left = std::min(left, p.lines[i].box.x0), right = std::max(right, p.lines[i].box.x1);
    size_t li = 0, ti = 0;
    while (li < p.lines.size() || ti < p.tables.size()) {
      bool take_table = ti < p.tables.size() &&
                        (li >= p.lines.size() || p.tables[ti].top <= (p.lines[li].box.y0 + p.lines[li].box.y1) / 2);
      if (take_table) {
        size_t begin = text.size();
        text += to_u32(nfkc(table_text(p.tables[ti]))) + U"\n";
        placed.push_back({begin, text.size(), std::move(p.tables[ti]), p.unit_per_pt});
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
  return text;
}

// The finding for pages that were not read (no text layer, OCR off or failed).
void report_unread_pages(const std::vector<PageLayout>& pages, SourceDoc& out) {
  if (out.ocr_pages.empty()) return;
  std::string why;
  for (auto& p : pages)
    if (!p.ocr_reason.empty()) {
      why = p.ocr_reason;
      break;
    }
  bool all = out.ocr_pages.size() == pages.size();
  bool pdf = out.kind.rfind("pdf", 0) == 0;
  out.findings.push_back({pdf ? "pdf.needs_ocr" : "scan.page_not_read",
                          "page(s) " + page_list(out.ocr_pages) + " were not read: " + why, all});
}

// Stitch continued tables, then give each table's rows to the section it stands in.
void rows_by_section(std::vector<Placed>& placed, const std::vector<SectionStart>& starts, SourceDoc& out) {
  std::vector<CellTable> tables;
  std::vector<size_t> offsets;
  for (auto& pl : placed) {
    // Two tables whose own words say they are different tables are not one,
    // however well their edges line up (a heading between them may be unread).
    auto differ = [](const CellTable& a, const CellTable& b) {
      Section sa = section_by_content(a), sb = section_by_content(b);
      return sa != Section::Preamble && sb != Section::Preamble && sa != sb;
    };
    if (!tables.empty() && continues(tables.back(), pl.table, kStitchPt * pl.unit_per_pt) &&
        !differ(tables.back(), pl.table)) {
      stitch_into(tables.back(), pl.table, kStitchPt * pl.unit_per_pt);
    } else {
      tables.push_back(std::move(pl.table));
      offsets.push_back(pl.begin);
    }
  }
  for (size_t k = 0; k < tables.size(); ++k) {
    Section sec = Section::Preamble;
    for (auto& s : starts)
      if (s.begin <= offsets[k]) sec = s.section;
    // A table's own words outweigh where it stands: a heading misread by OCR
    // must not put table 四 under 三.
    if (Section by_words = section_by_content(tables[k]); by_words != Section::Preamble) sec = by_words;
    if (sec == Section::Extra) {
      out.extra_tables.push_back({"", rows_from_table(tables[k])});
      continue;
    }
    if (sec != Section::Active && sec != Section::Requests && sec != Section::Review) continue;
    auto rows = rows_from_table(tables[k]);
    auto& dst = out.rows[sec];
    dst.insert(dst.end(), rows.begin(), rows.end());
  }
}

// Narrative: each section's text without the tables in it.
void narrative_by_section(const std::u32string& text, const std::vector<Placed>& placed,
                          const std::vector<SectionStart>& starts, SourceDoc& out) {
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
}

}  // namespace

void assemble(std::vector<PageLayout>& pages, SourceDoc& out) {
  for (auto& p : pages) out.notes.insert(out.notes.end(), p.notes.begin(), p.notes.end());
  for (auto& p : pages) out.findings.insert(out.findings.end(), p.findings.begin(), p.findings.end());
  mark_running_lines(pages);
  out.title = squeeze_space(find_title(pages));
  out.title_by_ocr = !out.title.empty() && pages[0].ocr;
  std::vector<Placed> placed;
  std::u32string text = reading_order(pages, placed, out);
  report_unread_pages(pages, out);
  auto starts = find_sections(text);
  size_t head_end = starts.empty() ? std::min<size_t>(text.size(), 3000) : starts.front().begin;
  out.head_text = to_utf8(text.substr(0, std::min<size_t>(head_end, 6000)));
  rows_by_section(placed, starts, out);
  narrative_by_section(text, placed, starts, out);
  for (auto& t : out.extra_tables) t.heading = section_heading(out);
}

}  // namespace gongkai
