#include "readers/scan/cell_reading.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <opencv2/imgproc.hpp>
#include <string>
#include <utility>

#include "ocr/cell_image.h"
#include "readers/page_layout.h"
#include "tables/table_rows.h"
#include "template/groups.h"
#include "text/unicode.h"

namespace gongkai::scan {
namespace {

using ocr::CellKind;
using ocr::Reading;

bool number_like(const Reading& r) {
  if (r.text.empty()) return false;
  if (r.text == "-" || r.text == "/") return true;
  return is_value_text(to_u32(r.text));
}

int han_count(const std::string& s) {
  int n = 0;
  for (char32_t c : to_u32(s)) n += is_han(c);
  return n;
}

// How wide a cell's text runs and how tall it stands, in pixels: pieces of
// ink of about the text's height only (specks and ruling-line remnants are
// left out: a speck far from a lone "0" in a wide cell does not widen it).
// {0, 0} when the cell holds no such ink.
std::pair<int, int> ink_extent(const cv::Mat& grey, const cv::Rect& cell) {
  int inset = std::max(3, std::min(cell.width, cell.height) / 12);
  cv::Rect r(cell.x + inset, cell.y + inset, cell.width - 2 * inset, cell.height - 2 * inset);
  r &= cv::Rect(0, 0, grey.cols, grey.rows);
  if (r.width < 4 || r.height < 4) return {0, 0};
  cv::Mat bin;
  cv::threshold(grey(r), bin, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8);
  auto counts = [&](int i) {
    int w = stats.at<int>(i, cv::CC_STAT_WIDTH), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (stats.at<int>(i, cv::CC_STAT_AREA) < 6 || h < r.height / 8) return false;  // specks
    return !(w > r.width * 0.8 || h > r.height * 0.9);                             // border remnants
  };
  int hmax = 0;
  for (int i = 1; i < n; ++i)
    if (counts(i)) hmax = std::max(hmax, stats.at<int>(i, cv::CC_STAT_HEIGHT));
  int x0 = r.width, x1 = 0;
  for (int i = 1; i < n; ++i) {
    if (!counts(i) || stats.at<int>(i, cv::CC_STAT_HEIGHT) < hmax / 2) continue;
    x0 = std::min(x0, stats.at<int>(i, cv::CC_STAT_LEFT));
    x1 = std::max(x1, stats.at<int>(i, cv::CC_STAT_LEFT) + stats.at<int>(i, cv::CC_STAT_WIDTH));
  }
  if (x1 <= x0 || hmax == 0) return {0, 0};
  return {x1 - x0, hmax};
}


// Whether the ink of a cell is no wider than the digits read from it: the
// digit model reads "1.属于国家秘密" as "1." or "1.41" with confidence, but
// its ink runs for ten characters. Digits are about 0.6 of their height wide.
bool ink_fits_number(const cv::Mat& grey, const cv::Rect& cell, const std::string& text) {
  if (text.empty()) return true;
  auto [width, height] = ink_extent(grey, cell);
  return height == 0 || width <= (static_cast<double>(text.size()) + 1.5) * 0.75 * height;
}

// Whether a cell may hold a number, before any OCR. Reading headings with
// the digit model is slow and useless: on the 3-page test scan 83 label
// cells took 2 digit reads each (the first never fits the ink, so a second
// look follows), over half of the 307 digit reads.
// A cell spanning columns: not in the first column (row labels), and its ink
// no wider than nine digits (a digit is about 0.55 of its height wide; a
// heading of Han characters is as wide as tall per character).
// A cell one column wide (table 四 of the 2021 format has values from
// column 0 on): its ink no wider than ink_fits_number allows a reading of ten
// characters, so the digit reading it is spared would have been taken for
// words anyway. (Nine digits' width was too tight: on a phone photo scaled
// up, 3985758 was 5.25 text heights wide, and was lost.)
bool could_be_number(const cv::Mat& grey, const cv::Rect& cell, int col, int col_span) {
  if (col == 0 && col_span > 1) return false;
  auto [width, height] = ink_extent(grey, cell);
  const double widest = col_span > 1 ? 9 * 0.55 : (10 + 1.5) * 0.75;
  return height == 0 || width <= widest * height;
}

// A number reading not to be trusted as a value: low confidence, or a shape
// no report prints ("07": a 0 and a speck). The cell is then unknown, and
// the identities fill it when they determine it; a wrong number is worse
// than a missing one.
bool doubtful_number(const Reading& r) {
  constexpr double kTrust = 0.8;
  if (r.text == "-" || r.text == "/") return r.confidence < kTrust;
  if (r.confidence < kTrust) return true;
  const std::string& t = r.text;
  size_t i = !t.empty() && t[0] == '-' ? 1 : 0;
  return t.size() > i + 1 && t[i] == '0' && t[i + 1] != '.';
}

// Where a grid cell lies on the page, in whole pixels.
cv::Rect cell_rect(const grid::GridCell& c) {
  return {cv::Point(static_cast<int>(c.box.x0), static_cast<int>(c.box.y0)),
          cv::Point(static_cast<int>(c.box.x1), static_cast<int>(c.box.y1))};
}

// A grid's cells between the passes: where each lies and what it has read as.
struct GridCells {
  const grid::Grid& grid;
  const cv::Mat& grey;
  std::vector<cv::Rect> rects;
  std::vector<std::optional<Reading>> reading;
  // worded: one row high, but its ink is too wide for a number (not read in
  // pass 1; it counts as a filled cell that is not a number).
  // label_unread: a sub-row's label left unread, its row placed by the
  // table's shape (see sub_row_labels).
  std::vector<bool> is_label, noise, worded, label_unread;

  GridCells(const grid::Grid& g, const cv::Mat& page)
      : grid(g),
        grey(page),
        reading(g.cells.size()),
        is_label(g.cells.size(), false),
        noise(g.cells.size(), false),
        worded(g.cells.size(), false),
        label_unread(g.cells.size(), false) {
    for (auto& c : g.cells) rects.push_back(cell_rect(c));
  }
};

// Pass 1: every cell one row high as a number. Cells spanning columns
// included: table 二 of the 2021 format prints 行政许可's one value across
// the three value columns.
void read_numbers(ocr::CellOcrPool& pool, GridCells& cells, const ocr::PageConditions& conditions) {
  const auto& g = cells.grid.cells;
  std::vector<std::pair<cv::Rect, CellKind>> ask;
  std::vector<size_t> which;
  for (size_t i = 0; i < g.size(); ++i) {
    if (g[i].row_span != 1) continue;
    if (!could_be_number(cells.grey, cells.rects[i], g[i].col, g[i].col_span)) {
      cells.worded[i] = g[i].col_span == 1;
      continue;
    }
    ask.emplace_back(cells.rects[i], CellKind::Number);
    which.push_back(i);
  }
  ocr::PageConditions glance = conditions;
  glance.first_look_only = conditions.crisp;
  auto first = pool.read_page(cells.grey, ask, glance);
  for (size_t k = 0; k < which.size(); ++k) {
    auto& r = cells.reading[which[k]] = first[k];
    // Doubtful (under 0.8, see doubtful_number), yet still a number for the
    // value-column test and the label pass.
    if (decimal_point_lost(cells.grey, cells.rects[which[k]], r->text)) r->confidence = std::min(r->confidence, 0.5);
  }
}

// Per cell: whether every column it spans is a value column. A number read
// from ink wider than its digits loses its confidence on the way.
std::vector<bool> in_value_columns(GridCells& cells) {
  const grid::Grid& g = cells.grid;
  // A value column: most of its filled cells read as confident numbers.
  std::vector<int> numeric(g.cols(), 0), filled(g.cols(), 0);
  for (size_t i = 0; i < g.cells.size(); ++i)
    if (cells.worded[i]) {
      ++filled[g.cells[i].col];
    } else if (auto& r = cells.reading[i]; r && !r->empty_cell) {
      ++filled[g.cells[i].col];
      bool fits = ink_fits_number(cells.grey, cells.rects[i], r->text);
      if (!fits) r->confidence = std::min(r->confidence, 0.3);  // words, not a number
      numeric[g.cells[i].col] += number_like(*r) && r->confidence >= 0.6;
    }
  std::vector<bool> in_values(g.cells.size(), false);
  for (size_t i = 0; i < g.cells.size(); ++i) {
    const auto& c = g.cells[i];
    // Table 四's columns hold two or three headings over one value: a third
    // of confident numbers makes a value column.
    bool value_col = true;
    for (int k = c.col; k < c.col + c.col_span && k < g.cols(); ++k)
      value_col = value_col && numeric[k] > 0 && numeric[k] * 10 >= filled[k] * 3;
    in_values[i] = value_col;
  }
  return in_values;
}

// Pass 1b: the cells pass 1 left unsettled (to_read_fully), read fully.
// Returns the value columns after it, for the label pass: found again only
// when a cell was read again (most crisp pages have none to read).
std::vector<bool> read_numbers_fully(ocr::CellOcrPool& pool, GridCells& cells, const ocr::PageConditions& conditions) {
  std::vector<bool> in_values = in_value_columns(cells);
  const std::vector<size_t> which = to_read_fully(cells.grid, cells.reading, in_values);
  if (which.empty()) return in_values;
  std::vector<std::pair<cv::Rect, CellKind>> ask;
  for (size_t i : which) ask.emplace_back(cells.rects[i], CellKind::Number);
  auto full = pool.read_page(cells.grey, ask, conditions);
  for (size_t k = 0; k < which.size(); ++k) {
    auto& r = cells.reading[which[k]] = full[k];
    if (decimal_point_lost(cells.grey, cells.rects[which[k]], r->text)) r->confidence = std::min(r->confidence, 0.5);
  }
  return in_value_columns(cells);
}

// Whether a parent's reading names its group well enough for the mapping to
// check the rows placed under it: two Han characters read with confidence,
// that name one of table 三's groups. The column heading 三、本年度办理结果
// spans rows of single label cells too where a page's grid merged (一)予以公开's
// two columns into one (a rule drawn in one row only): its rows (一) and (二)
// were left unread, and lost (outlined copy of a generated report,
// eval_producers seed 63).
bool names_group(const ocr::Reading& r) {
  return r.confidence >= 0.6 && han_count(r.text) >= 2 &&
         !group_named(han_only(to_u32(r.text)), requests_table("2021")).empty();
}

// The column headings of a grid: label cells wholly above its first row of
// confident values, whose first reading was no number (a value is never
// taken for a heading). None when no row holds a confident value.
std::vector<size_t> column_headings(const GridCells& cells, const std::vector<bool>& in_values,
                                    const std::function<bool(size_t)>& wanted) {
  const auto& g = cells.grid.cells;
  int first_values = -1;
  for (size_t i = 0; i < g.size(); ++i)
    if (in_values[i] && cells.reading[i] && !cells.reading[i]->empty_cell && !wanted(i))
      first_values = first_values < 0 ? g[i].row : std::min(first_values, g[i].row);
  std::vector<size_t> out;
  for (size_t i = 0; i < g.size(); ++i)
    if (first_values > 0 && g[i].row + g[i].row_span <= first_values && wanted(i) &&
        !(cells.reading[i] && number_like(*cells.reading[i])))
      out.push_back(i);
  return out;
}

// Column headings are read only as far as the table needs them to say which
// table it is (section_by_words): the template fixes the headings of 三 and
// 四, and their columns are placed by order. The row labels read first may
// say it (予以公开, 不予处理: table 三); else the headings' first two rows
// (行政复议 | 行政诉讼: table 四, which has no row labels); else all of them.
// Table 二's are always read (its format's vote reads them). On the 3-page
// test scan this leaves 28 of its 70 chi_sim reads undone: table 四's 19
// sub-headings and table 三's nine, with the 61 ms note over its first column.
// A heading not read is a blank cell.
void read_headings(const std::vector<size_t>& headings, GridCells& cells, const std::vector<Reading>& read,
                   const std::function<void(const std::vector<size_t>&)>& read_more) {
  if (headings.empty()) return;
  std::u32string words;
  auto named = [&] {
    words.clear();
    for (const Reading& r : read) words += han_only(to_u32(r.text));
    const Section s = section_by_words(words);
    return s == Section::Requests || s == Section::Review;
  };
  int top = cells.grid.cells[headings.front()].row;
  for (size_t i : headings) top = std::min(top, cells.grid.cells[i].row);
  std::vector<size_t> first_rows, rest;
  for (size_t i : headings) (cells.grid.cells[i].row < top + 2 ? first_rows : rest).push_back(i);
  if (!named()) {
    read_more(first_rows);
    if (!named()) read_more(rest), rest.clear();
  } else {
    rest.insert(rest.end(), first_rows.begin(), first_rows.end());
  }
  for (size_t i : rest) cells.reading[i].reset();
}

// Pass 2: labels — every cell outside the value columns, and cells in
// them that did not read as a confident number (column headings). Sub-row
// labels (sub_row_labels) are left unread, unless their parent does not
// read as words: they are read then, after the others.
void read_labels(ocr::CellOcrPool& pool, GridCells& cells, const std::vector<bool>& in_values,
                 std::vector<double>& label_conf) {
  const grid::Grid& g = cells.grid;
  const std::vector<int> parent_of = sub_row_labels(g, in_values);
  std::vector<std::pair<cv::Rect, CellKind>> ask;
  std::vector<size_t> which;
  double row_h = cells.grey.rows;
  for (auto& c : g.cells)
    if (c.row_span == 1) row_h = std::min(row_h, c.box.height());
  auto wanted = [&](size_t i) {
    const auto& r = cells.reading[i];
    return !(r && (r->empty_cell || (in_values[i] && number_like(*r) && r->confidence >= 0.5)));
  };
  auto kind_of = [&](const grid::GridCell& c) {
    bool vertical = c.box.height() > 2.5 * c.box.width() && c.box.height() > 2.5 * row_h;
    return vertical ? CellKind::Vertical : CellKind::Label;
  };
  std::vector<Reading> second;
  std::vector<size_t> deferred;
  const std::vector<size_t> headings = column_headings(cells, in_values, wanted);
  std::vector<bool> is_heading(g.cells.size(), false);
  for (size_t i : headings) is_heading[i] = true;
  for (size_t i = 0; i < g.cells.size(); ++i) {
    if (!wanted(i) || is_heading[i]) continue;
    if (parent_of[i] >= 0 && wanted(static_cast<size_t>(parent_of[i]))) {
      deferred.push_back(i);
      continue;
    }
    ask.emplace_back(cells.rects[i], kind_of(g.cells[i]));
    which.push_back(i);
  }
  second = pool.read_page(cells.grey, ask);
  std::vector<const Reading*> read_as(g.cells.size(), nullptr);
  for (size_t k = 0; k < which.size(); ++k) read_as[which[k]] = &second[k];
  std::vector<size_t> late;
  for (size_t i : deferred)
    if (const Reading* parent = read_as[parent_of[i]]; parent && names_group(*parent)) cells.label_unread[i] = true;
    else late.push_back(i);
  auto read_more = [&](const std::vector<size_t>& more_cells) {
    if (more_cells.empty()) return;
    std::vector<std::pair<cv::Rect, CellKind>> ask_more;
    for (size_t i : more_cells) ask_more.emplace_back(cells.rects[i], kind_of(g.cells[i]));
    auto more = pool.read_page(cells.grey, ask_more);
    which.insert(which.end(), more_cells.begin(), more_cells.end());
    second.insert(second.end(), more.begin(), more.end());
  };
  read_more(late);
  read_headings(headings, cells, second, read_more);
  for (size_t k = 0; k < which.size(); ++k) {
    size_t i = which[k];
    auto& reading = cells.reading[i];
    // A cell that read as a number stays one unless it plainly holds words:
    // chi_sim misreads digits, so its reading of a number is not used.
    if (reading && number_like(*reading) && reading->confidence > 0.3 && han_count(second[k].text) < 2) continue;
    // Ink in a value cell that reads as no digits and as a doubtful
    // character or two ("第" at 0.39 from a speck): not a label, and not a
    // printed blank either — a cell not read.
    if (in_values[i] && reading && reading->text.empty() && second[k].confidence < 0.6 &&
        to_u32(second[k].text).size() <= 2) {
      cells.noise[i] = true;
      continue;
    }
    reading = second[k];
    cells.is_label[i] = true;
    if (!second[k].empty_cell) label_conf.push_back(second[k].confidence);
  }
}

// What the table gets of each cell's reading; a cell never read is empty.
std::vector<CellReadout> readouts(const GridCells& cells) {
  std::vector<CellReadout> out(cells.reading.size());
  for (size_t i = 0; i < out.size(); ++i) {
    const auto& r = cells.reading[i];
    if (!r) continue;
    out[i].text = r->text;
    out[i].confidence = r->empty_cell ? 1.0 : r->confidence;
    for (size_t a = 1; a < r->alternatives.size(); ++a) out[i].alternatives.push_back(r->alternatives[a].text);
    if (!cells.is_label[i] && !r->empty_cell) out[i].unread = doubtful_number(*r);
    if (cells.noise[i]) out[i].unread = true;
  }
  for (size_t i = 0; i < out.size(); ++i)
    if (cells.label_unread[i]) out[i] = CellReadout{"", false, true, 0.0, {}};
  return out;
}

}  // namespace

bool decimal_point_lost(const cv::Mat& grey, const cv::Rect& cell, const std::string& text) {
  size_t sign = !text.empty() && text[0] == '-' ? 1 : 0;
  if (text.size() < sign + 2 || !std::all_of(text.begin() + sign, text.end(), [](char c) { return c >= '0' && c <= '9'; }))
    return false;
  int inset = std::max(3, std::min(cell.width, cell.height) / 12);
  cv::Rect r = cv::Rect(cell.x + inset, cell.y + inset, cell.width - 2 * inset, cell.height - 2 * inset) &
               cv::Rect(0, 0, grey.cols, grey.rows);
  if (r.width < 8 || r.height < 8) return false;
  cv::Mat bin, labels, stats, centroids;
  cv::threshold(grey(r), bin, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  int n = cv::connectedComponentsWithStats(bin, labels, stats, centroids, 8);
  auto box = [&](int i) {
    return cv::Rect(stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
                    stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT));
  };
  int hmax = 0;
  for (int i = 1; i < n; ++i)
    if (box(i).height < r.height * 0.9 && box(i).width < r.width * 0.8) hmax = std::max(hmax, box(i).height);
  if (hmax < 8) return false;
  std::vector<cv::Rect> digits;
  for (int i = 1; i < n; ++i)
    if (box(i).height >= hmax / 2 && box(i).height < r.height * 0.9 && box(i).width < r.width * 0.8)
      digits.push_back(box(i));
  if (digits.size() < 2) return false;
  int top = r.height, bottom = 0;
  for (auto& d : digits) top = std::min(top, d.y), bottom = std::max(bottom, d.y + d.height);
  for (int i = 1; i < n; ++i) {
    cv::Rect b = box(i);
    // A period: small, round, solid, sitting on the baseline (a comma's tail
    // would reach below it), clear of the digits on both sides. The foot of
    // a serif "1" that a colour JPEG broke off is as small but flat, and
    // touches its digit (measured: 5 cells of huaian-city-2024 doubted).
    if (b.height >= hmax / 2 || b.width > 0.35 * hmax || b.height > 0.35 * hmax ||
        stats.at<int>(i, cv::CC_STAT_AREA) < 3 || 3 * b.height < 2 * b.width || 3 * b.width < 2 * b.height ||
        2 * stats.at<int>(i, cv::CC_STAT_AREA) < b.area())
      continue;
    if (b.y + b.height < bottom - 0.25 * hmax || b.y < top + 0.5 * hmax || b.y + b.height > bottom + 0.15 * hmax)
      continue;
    bool after = false, before = false;
    for (auto& d : digits) {
      after = after || d.x + d.width < b.x;
      before = before || d.x > b.x + b.width;
    }
    if (after && before) return true;
  }
  return false;
}

std::vector<size_t> to_read_fully(const grid::Grid& g, const std::vector<std::optional<ocr::Reading>>& reading,
                                  const std::vector<bool>& in_values) {
  const bool any_values = std::find(in_values.begin(), in_values.end(), true) != in_values.end();
  int first_values = g.rows();
  for (size_t i = 0; i < g.cells.size(); ++i)
    if (const auto& r = reading[i];
        in_values[i] && r && !r->more_looks_wanted && number_like(*r) && r->confidence >= 0.6)
      first_values = std::min(first_values, g.cells[i].row);
  std::vector<size_t> out;
  for (size_t i = 0; i < g.cells.size(); ++i)
    if (const auto& r = reading[i];
        r && r->more_looks_wanted && (!any_values || (in_values[i] && g.cells[i].row >= first_values)))
      out.push_back(i);
  return out;
}

std::vector<int> sub_row_labels(const grid::Grid& g, const std::vector<bool>& in_values) {
  std::vector<int> parent_of(g.cells.size(), -1);
  auto at = [&](int row, int col) -> int {
    if (row < 0 || row >= g.rows() || col < 0 || col >= g.cols()) return -1;
    size_t k = static_cast<size_t>(row) * g.cols() + col;
    return k < g.owner.size() ? g.owner[k] : -1;
  };
  for (size_t p = 0; p < g.cells.size(); ++p) {
    const auto& pc = g.cells[p];
    if (pc.row_span < 2 || in_values[p]) continue;
    std::vector<int> subs;
    for (int r = pc.row; r < pc.row + pc.row_span; ++r) {
      int s = at(r, pc.col + pc.col_span);
      if (s < 0 || in_values[s]) break;
      const auto& sc = g.cells[s];
      int next = at(r, sc.col + sc.col_span);
      if (sc.row != r || sc.row_span != 1 || next < 0 || !in_values[next]) break;
      subs.push_back(s);
    }
    if (static_cast<int>(subs.size()) != pc.row_span) continue;
    for (int s : subs) parent_of[s] = static_cast<int>(p);
  }
  return parent_of;
}

std::vector<double> digit_heights(const cv::Mat& grey, const grid::Grid& g) {
  std::vector<double> heights;
  for (const auto& c : g.cells) {
    if (c.row_span != 1 || c.col + c.col_span != g.cols()) continue;
    const cv::Rect r = cell_rect(c);
    if (!could_be_number(grey, r, c.col, c.col_span)) continue;
    const ocr::PreparedCell p = ocr::prepare_cell(grey, r, CellKind::Number);
    if (!p.empty && p.shape_text.empty() && p.digits_seen > 0) heights.push_back(p.text_h);
  }
  return heights;
}

std::vector<CellReadout> read_cells(ocr::CellOcrPool& pool, const cv::Mat& grey, const grid::Grid& g,
                                    std::vector<double>& label_conf, const ocr::PageConditions& conditions) {
  GridCells cells(g, grey);
  read_numbers(pool, cells, conditions);
  read_labels(pool, cells, read_numbers_fully(pool, cells, conditions), label_conf);
  return readouts(cells);
}

}  // namespace gongkai::scan
