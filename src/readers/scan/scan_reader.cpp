#include "readers/scan/scan_reader.h"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <future>
#include <map>
#include <mutex>
#include <opencv2/imgproc.hpp>

#include "grid/grid.h"
#include "grid/raster_rules.h"
#include "ocr/block_ocr.h"
#include "ocr/cell_ocr.h"
#include "readers/scan/page_image.h"
#include "tables/table_rows.h"
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

// Whether a cell spanning columns may hold a number, before any OCR: not in
// the first column (row labels), and its ink no wider than nine digits (a
// digit is about 0.55 of its height wide; a heading of Han characters is as
// wide as tall per character). Reading headings with the digit model is
// slow and useless.
bool could_be_number(const cv::Mat& grey, const cv::Rect& cell, int col) {
  if (col == 0) return false;
  auto [width, height] = ink_extent(grey, cell);
  return height == 0 || width <= 9 * 0.55 * height;
}

// A point of the deskewed page back on the page as rendered.
cv::Point2d unrotate(const cv::Mat& m_inv, double x, double y) {
  return {m_inv.at<double>(0, 0) * x + m_inv.at<double>(0, 1) * y + m_inv.at<double>(0, 2),
          m_inv.at<double>(1, 0) * x + m_inv.at<double>(1, 1) * y + m_inv.at<double>(1, 2)};
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

// Where page 1's title is looked for: from its first line of text (runs of
// rows with many dark pixels; a few are specks) down 1.25 inches, room for a
// title of two or three lines of 22 pt and a line of the body, whose smaller
// type assemble() tells apart. [0, 0) when no text stands above `limit`.
std::pair<int, int> title_rows(const cv::Mat& ink_rows, int cols, int limit, double dpi) {
  const int dense = std::max(4, cols / 150);
  const int min_h = static_cast<int>(0.07 * dpi);
  for (int y = 0; y < limit;) {
    if (ink_rows.at<int>(y) <= dense) { ++y; continue; }
    int a = y;
    while (y < limit && ink_rows.at<int>(y) > dense) ++y;
    if (y - a >= min_h) return {a, std::min(limit, a + static_cast<int>(1.25 * dpi))};
  }
  return {0, 0};
}

}  // namespace

struct ScanContext::Impl {
  ReadOptions options;
  // The running-text engine loads on another thread while the cell pool
  // loads its own: loading models is most of a short scan's first second.
  std::future<std::unique_ptr<ocr::BlockReader>> text_loading;
  ocr::CellOcrPool pool;
  std::unique_ptr<ocr::BlockReader> text_reader;
  explicit Impl(const ReadOptions& o)
      : options(o),
        text_loading(std::async(std::launch::async,
                                [dir = o.tessdata] { return std::make_unique<ocr::BlockReader>(dir); })),
        pool(pool_options(o)),
        text_reader(text_loading.get()) {}
  ocr::BlockReader& text() { return *text_reader; }
  static ocr::OcrOptions pool_options(const ReadOptions& o) {
    ocr::OcrOptions p;
    p.tessdata = o.tessdata;
    p.threads = 2;
    return p;
  }
};

ScanContext::ScanContext(const ReadOptions& options) {
  try {
    impl_ = std::make_unique<Impl>(options);
  } catch (const std::exception& e) {
    throw ReadError(std::string("OCR is not available: ") + e.what());
  }
}
ScanContext::~ScanContext() = default;

ScanContext& scan_context(ReadContext& context) {
  if (!context.scan) context.scan = std::make_shared<ScanContext>(context.options);
  context.scan->set_options(context.options);
  return *context.scan;
}

void ScanContext::set_options(const ReadOptions& options) { impl_->options = options; }

PageLayout ScanContext::lay_out(const cv::Mat& input, double dpi, int number, const std::string& name) {
  double quality = 1;
  PageLayout out = lay_out_once(input, dpi, number, name, quality);
  if (!out.ocr_reason.empty() || quality >= 0.55) return out;
  // Labels that read as noise: the page may be turned. Tesseract's
  // orientation detector says by how much; the page is read again upright.
  int degrees = impl_->text().orientation(input, dpi);
  if (degrees == 0) {
    out.notes.push_back("page " + std::to_string(number) +
                        ": its labels read poorly (is the page turned or very degraded?); orientation detection "
                        "found no turn");
    return out;
  }
  cv::Mat upright;
  int code = degrees == 90 ? cv::ROTATE_90_COUNTERCLOCKWISE : degrees == 180 ? cv::ROTATE_180 : cv::ROTATE_90_CLOCKWISE;
  cv::rotate(input, upright, code);
  double again = 1;
  PageLayout turned = lay_out_once(upright, dpi, number, name, again);
  if (again <= quality) {
    out.notes.push_back("page " + std::to_string(number) + ": detected as turned " + std::to_string(degrees) +
                        "°, but it read no better turned back; kept as scanned");
    return out;
  }
  turned.notes.push_back("page " + std::to_string(number) + " was turned " + std::to_string(degrees) +
                         "°; read upright (cell boxes are in the upright page's pixels)");
  return turned;
}

PageLayout ScanContext::lay_out_once(const cv::Mat& input, double dpi, int number, const std::string& name,
                                     double& quality) {
  quality = 1;
  PageLayout out;
  out.number = number;
  out.height = input.rows;
  out.unit_per_pt = dpi / 72;
  out.ocr = true;
  if (input.empty()) {
    out.ocr_reason = "the page image is empty";
    return out;
  }
  // Too small to read: digits under ~8 px high are guesses, not readings.
  if (std::min(input.cols, input.rows) < 600 || dpi < 100) {
    out.ocr_reason = "the image is too small to read (" + std::to_string(input.cols) + "x" +
                     std::to_string(input.rows) + " px, about " + std::to_string(static_cast<int>(dpi)) + " dpi)";
    return out;
  }
  if (ink_fraction(input) < 0.001) return out;  // a blank page: nothing to read, nothing wrong

  // Ink told from paper locally (Sauvola) for the skew: the light of a
  // photographed page falls off unevenly.
  double skew = skew_of_ink(ink_mask(input, dpi));
  cv::Mat grey = deskew(input, skew);
  cv::Point2f centre(grey.cols / 2.0f, grey.rows / 2.0f);
  cv::Mat back = cv::getRotationMatrix2D(centre, skew, 1.0);  // deskewed -> rendered

  grid::RasterRuleOptions ro;
  ro.dpi = dpi;
  // A table continued on a new page may hold one row: its vertical rules are
  // a row high (about 9 mm), shorter than the default minimum (1/25 of the page).
  ro.min_length_frac = 1.0 / 40;
  // A lone row at the top of a continued table is shorter still (6 mm):
  // kept when it runs between two horizontal rules.
  ro.short_vertical_frac = 1.0 / 120;
  double tol = 2.5 * dpi / 72;
  auto grids = grid::build_grids(grid::merge_rules(grid::detect_rules(grey, ro), tol), tol);
  std::string unit = "px@" + std::to_string(static_cast<int>(std::lround(dpi))) + "dpi";

  std::vector<double> label_conf;
  for (const grid::Grid& g : grids) {
    if (g.cols() < 2 || g.box.width() < 0.25 * grey.cols) continue;  // a frame or a stray box, not a table
    std::vector<cv::Rect> rects;
    for (auto& c : g.cells)
      rects.emplace_back(cv::Point(static_cast<int>(c.box.x0), static_cast<int>(c.box.y0)),
                         cv::Point(static_cast<int>(c.box.x1), static_cast<int>(c.box.y1)));
    // Pass 1: every cell one row high as a number. Cells spanning columns
    // included: table 二 of the 2021 format prints 行政许可's one value across
    // the three value columns.
    std::vector<std::pair<cv::Rect, CellKind>> ask;
    std::vector<size_t> which;
    for (size_t i = 0; i < g.cells.size(); ++i)
      if (g.cells[i].row_span == 1 && (g.cells[i].col_span == 1 || could_be_number(grey, rects[i], g.cells[i].col))) {
        ask.emplace_back(rects[i], CellKind::Number);
        which.push_back(i);
      }
    auto first = impl_->pool.read_page(grey, ask);
    std::vector<std::optional<Reading>> reading(g.cells.size());
    for (size_t k = 0; k < which.size(); ++k) reading[which[k]] = first[k];
    // A value column: most of its filled cells read as confident numbers.
    std::vector<int> numeric(g.cols(), 0), filled(g.cols(), 0);
    for (size_t i = 0; i < g.cells.size(); ++i)
      if (reading[i] && !reading[i]->empty_cell) {
        ++filled[g.cells[i].col];
        bool fits = ink_fits_number(grey, rects[i], reading[i]->text);
        if (!fits) reading[i]->confidence = std::min(reading[i]->confidence, 0.3);  // words, not a number
        numeric[g.cells[i].col] += number_like(*reading[i]) && reading[i]->confidence >= 0.6;
      }
    // Pass 2: labels — every cell outside the value columns, and cells in
    // them that did not read as a confident number (column headings).
    ask.clear();
    which.clear();
    double row_h = grey.rows;
    for (auto& c : g.cells)
      if (c.row_span == 1) row_h = std::min(row_h, c.box.height());
    std::vector<bool> in_values(g.cells.size(), false);
    for (size_t i = 0; i < g.cells.size(); ++i) {
      const auto& c = g.cells[i];
      // Table 四's columns hold two or three headings over one value: a third
      // of confident numbers makes a value column.
      bool value_col = true;
      for (int k = c.col; k < c.col + c.col_span && k < g.cols(); ++k)
        value_col = value_col && numeric[k] > 0 && numeric[k] * 10 >= filled[k] * 3;
      in_values[i] = value_col;
      const auto& r = reading[i];
      if (r && (r->empty_cell || (value_col && number_like(*r) && r->confidence >= 0.5))) continue;
      bool vertical = c.box.height() > 2.5 * c.box.width() && c.box.height() > 2.5 * row_h;
      ask.emplace_back(rects[i], vertical ? CellKind::Vertical : CellKind::Label);
      which.push_back(i);
    }
    auto second = impl_->pool.read_page(grey, ask);
    std::vector<bool> is_label(g.cells.size(), false), noise(g.cells.size(), false);
    for (size_t k = 0; k < which.size(); ++k) {
      size_t i = which[k];
      // A cell that read as a number stays one unless it plainly holds words:
      // chi_sim misreads digits, so its reading of a number is not used.
      if (reading[i] && number_like(*reading[i]) && reading[i]->confidence > 0.3 && han_count(second[k].text) < 2)
        continue;
      // Ink in a value cell that reads as no digits and as a doubtful
      // character or two ("第" at 0.39 from a speck): not a label, and not a
      // printed blank either — a cell not read.
      if (in_values[i] && reading[i] && reading[i]->text.empty() && second[k].confidence < 0.6 &&
          to_u32(second[k].text).size() <= 2) {
        noise[i] = true;
        continue;
      }
      reading[i] = second[k];
      is_label[i] = true;
      if (!second[k].empty_cell) label_conf.push_back(second[k].confidence);
    }

    CellTable t;
    t.rows = g.rows();
    t.cols = g.cols();
    t.col_edges = g.xs;
    t.page = number;
    t.top = g.box.y0;
    t.bottom = g.box.y1;
    t.page_height = grey.rows;
    for (size_t i = 0; i < g.cells.size(); ++i) {
      const auto& c = g.cells[i];
      TableCell cell{c.row, c.col, c.row_span, c.col_span, "", false, {}};
      if (reading[i]) {
        cell.text = reading[i]->text;
        cell.where.confidence = reading[i]->empty_cell ? 1.0 : reading[i]->confidence;
        for (size_t a = 1; a < reading[i]->alternatives.size(); ++a)
          cell.where.alternatives.push_back(reading[i]->alternatives[a].text);
        if (!is_label[i] && !reading[i]->empty_cell) cell.unread = doubtful_number(*reading[i]);
        if (noise[i]) cell.unread = true;
      }
      auto p0 = unrotate(back, c.box.x0, c.box.y0), p1 = unrotate(back, c.box.x1, c.box.y1);
      auto p2 = unrotate(back, c.box.x0, c.box.y1), p3 = unrotate(back, c.box.x1, c.box.y0);
      cell.where.page = number;
      cell.where.bbox = std::array<double, 4>{std::min({p0.x, p1.x, p2.x, p3.x}), std::min({p0.y, p1.y, p2.y, p3.y}),
                                              std::max({p0.x, p1.x, p2.x, p3.x}), std::max({p0.y, p1.y, p2.y, p3.y})};
      cell.where.bbox_unit = unit;
      cell.where.via = "ocr";
      t.cells.push_back(std::move(cell));
    }
    out.tables.push_back(std::move(t));
  }
  std::sort(out.tables.begin(), out.tables.end(), [](auto& a, auto& b) { return a.top < b.top; });

  // Running text: the bands between tables (only a heading's worth above each
  // table unless the whole narrative is asked for), and the title on page 1.
  std::vector<cv::Rect> bands;
  double inch = dpi;
  double y = 0;
  // A band is trimmed to the text lines wholly inside it: a line cut by the
  // band's edge, or the border of the table above, reads as noise.
  // Here one dark level rather than the local mask: a speck of dust on the
  // margin is locally dark but is not a line of text (measured: bands of
  // specks read as text kept a table from joining its continuation).
  cv::Mat dark;
  cv::threshold(grey, dark, 140, 1, cv::THRESH_BINARY_INV);
  cv::Mat ink_rows;
  cv::reduce(dark, ink_rows, 1, cv::REDUCE_SUM, CV_32S);
  int quiet = std::max(2, grey.cols / 400);  // a row with fewer dark pixels than this is paper
  // Bands above a table end just above its top border, whose rows are inked.
  auto band = [&](double from, double to, bool above_table = false) {
    (void)0;
    int a = std::max(0, static_cast<int>(from)), b = std::min(grey.rows, static_cast<int>(to));
    if (b - a < 0.15 * inch) return;
    auto inked = [&](int y) { return ink_rows.at<int>(y) > quiet; };
    int top = a, bottom = b;
    if (a > 0) while (top < b && inked(top)) ++top;        // skip a cut line at the top
    if (b < grey.rows && !above_table)
      while (bottom > top && inked(bottom - 1)) --bottom;  // and at the bottom
    // Above a table: only the rows of its top border, drawn across the band.
    if (above_table)
      while (bottom > top && ink_rows.at<int>(bottom - 1) > grey.cols / 4) --bottom;
    while (top < bottom && !inked(top)) ++top;
    while (bottom > top && !inked(bottom - 1)) --bottom;
    if (bottom - top < 0.08 * inch) return;
    int pad = static_cast<int>(0.03 * inch);
    top = std::max(a, top - pad);
    bottom = std::min(b, bottom + pad);
    bands.emplace_back(0, top, grey.cols, bottom - top);
  };
  // Page 1's title: the first lines of the page in its largest type.
  double title_end = 0;
  if (number == 1 && !impl_->options.scan_narrative) {
    double limit = std::min(0.45 * grey.rows, out.tables.empty() ? 0.45 * grey.rows : out.tables.front().top);
    auto [from, to] = title_rows(ink_rows, grey.cols, static_cast<int>(limit), dpi);
    if (to > from) {
      // A little paper around the lines: band() drops a line cut by its edge.
      double pad = 0.05 * inch;
      title_end = std::min(limit, to + pad);
      band(std::max(0.0, from - pad), title_end, !out.tables.empty() && title_end >= out.tables.front().top);
    }
  }
  for (auto& t : out.tables) {
    double from = impl_->options.scan_narrative ? y : std::max({y, t.top - 1.0 * inch, title_end});
    band(from, t.top, true);
    y = t.bottom;
  }
  if (impl_->options.scan_narrative) band(y, grey.rows);
  for (auto& b : bands)
    for (auto& l : impl_->text().read_lines(grey, b, dpi)) {
      TextLine line;
      line.text = l.text;
      line.box = {static_cast<double>(l.box.x), static_cast<double>(l.box.y), static_cast<double>(l.box.br().x),
                  static_cast<double>(l.box.br().y)};
      line.font_size = l.box.height;
      out.lines.push_back(std::move(line));
    }
  mark_page_furniture(out);

  if (!impl_->options.debug_dir.empty()) {
    cv::Mat pic;
    cv::cvtColor(grey, pic, cv::COLOR_GRAY2BGR);
    for (auto& b : bands) cv::rectangle(pic, b, cv::Scalar(0, 140, 255), 3);
    for (const grid::Grid& g : grids)
      for (auto& c : g.cells)
        cv::rectangle(pic, cv::Point(int(c.box.x0), int(c.box.y0)), cv::Point(int(c.box.x1), int(c.box.y1)),
                      cv::Scalar(0, 160, 0), 2);
    for (auto& t : out.tables)
      for (auto& c : t.cells) {
        if (c.text.empty()) continue;
        // Hershey fonts have no Chinese: numbers are drawn, labels marked.
        bool num = is_value_text(to_u32(c.text));
        std::string s = num ? c.text : "L";
        cv::Scalar colour = c.where.confidence < 0.8 ? cv::Scalar(0, 0, 255) : cv::Scalar(200, 0, 0);
        double x = 0, y0 = 0;
        for (const grid::Grid& g : grids)
          if (c.col < g.cols() && std::abs(g.box.y0 - t.top) < 1) {
            x = g.xs[c.col];
            y0 = g.ys[c.row];
          }
        cv::putText(pic, s, cv::Point(int(x) + 4, int(y0) + int(0.12 * dpi)), cv::FONT_HERSHEY_SIMPLEX, dpi / 300,
                    colour, 2);
      }
    // Half of a 300 dpi page is enough to see the grid and read the numbers.
    if (pic.rows > 2000) cv::resize(pic, pic, cv::Size(), 2000.0 / pic.rows, 2000.0 / pic.rows, cv::INTER_AREA);
    std::filesystem::create_directories(impl_->options.debug_dir);
    std::string stem = std::filesystem::path(name).stem().string();
    write_png(pic, (std::filesystem::path(impl_->options.debug_dir) / (stem + "-p" + std::to_string(number) + ".png")).string());
  }
  if (label_conf.size() >= 4) {
    double sum = 0;
    for (double c : label_conf) sum += c;
    quality = sum / label_conf.size();
  }
  return out;
}

}  // namespace gongkai::scan
