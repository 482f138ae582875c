#include "readers/scan/text_bands.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <utility>

#include "readers/sections.h"
#include "text/unicode.h"

namespace gongkai::scan {
namespace {

// A band is trimmed to the text lines wholly inside it: a line cut by the
// band's edge, or the border of the table above, reads as noise.
// Here one dark level rather than the local mask: a speck of dust on the
// margin is locally dark but is not a line of text (measured: bands of
// specks read as text kept a table from joining its continuation).
struct InkRows {
  cv::Mat sums;  // dark pixels in each row
  int cols, rows;
  int quiet;     // a row with fewer dark pixels than this is paper
  double inch;

  InkRows(const cv::Mat& grey, double dpi) : cols(grey.cols), rows(grey.rows), inch(dpi) {
    cv::Mat dark;
    cv::threshold(grey, dark, 140, 1, cv::THRESH_BINARY_INV);
    cv::reduce(dark, sums, 1, cv::REDUCE_SUM, CV_32S);
    quiet = std::max(2, grey.cols / 400);
  }
  bool inked(int y) const { return sums.at<int>(y) > quiet; }

  // The band of rows [from, to) trimmed to its text lines, or none.
  // Bands above a table end just above its top border, whose rows are inked.
  std::optional<cv::Rect> band(double from, double to, bool above_table) const {
    int a = std::max(0, static_cast<int>(from)), b = std::min(rows, static_cast<int>(to));
    if (b - a < 0.15 * inch) return std::nullopt;
    int top = a, bottom = b;
    if (a > 0) while (top < b && inked(top)) ++top;        // skip a cut line at the top
    if (b < rows && !above_table)
      while (bottom > top && inked(bottom - 1)) --bottom;  // and at the bottom
    // Above a table: only the rows of its top border, drawn across the band.
    if (above_table)
      while (bottom > top && sums.at<int>(bottom - 1) > cols / 4) --bottom;
    while (top < bottom && !inked(top)) ++top;
    while (bottom > top && !inked(bottom - 1)) --bottom;
    if (bottom - top < 0.08 * inch) return std::nullopt;
    int pad = static_cast<int>(0.03 * inch);
    top = std::max(a, top - pad);
    bottom = std::min(b, bottom + pad);
    return cv::Rect(0, top, cols, bottom - top);
  }

  // Runs [a, b) of rows in [from, to) with many dark pixels: rows of text
  // (a speck or two has few).
  std::vector<std::pair<int, int>> dense_runs(int from, int to) const {
    const int dense = std::max(4, cols / 150);
    std::vector<std::pair<int, int>> runs;
    for (int y = from; y < to;) {
      if (sums.at<int>(y) <= dense) { ++y; continue; }
      int a = y;
      while (y < to && sums.at<int>(y) > dense) ++y;
      runs.emplace_back(a, y);
    }
    return runs;
  }

  // Where page 1's title is looked for: from its first line of text down
  // 1.25 inches, room for a title of two or three lines of 22 pt and a line
  // of the body, whose smaller type assemble() tells apart. [0, 0) when no
  // text stands above `limit`.
  std::pair<int, int> title_rows(int limit) const {
    for (auto [a, b] : dense_runs(0, limit))
      if (b - a >= static_cast<int>(0.07 * inch)) return {a, std::min(limit, a + static_cast<int>(1.25 * inch))};
    return {0, 0};
  }

  // The text lines of `band`, top to bottom: dense runs, a run split from
  // the next by under 0.03 in of paper being one line. Runs under 0.06 in
  // high (specks, a rule) are left out.
  std::vector<cv::Rect> lines(const cv::Rect& band) const {
    std::vector<std::pair<int, int>> runs;
    for (auto [a, b] : dense_runs(band.y, band.y + band.height))
      if (!runs.empty() && a - runs.back().second < 0.03 * inch) runs.back().second = b;
      else runs.emplace_back(a, b);
    std::vector<cv::Rect> out;
    for (auto [a, b] : runs)
      if (b - a >= 0.06 * inch) out.emplace_back(band.x, a, band.width, b - a);
    return out;
  }
};

}  // namespace

std::vector<TextBand> text_bands(const cv::Mat& grey, double dpi, int number, const std::vector<CellTable>& tables,
                                 bool narrative) {
  std::vector<TextBand> bands;
  const InkRows ink(grey, dpi);
  const double inch = dpi;
  auto band = [&](double from, double to, bool above_table = false, bool by_lines = false, bool heading = false) {
    auto b = ink.band(from, to, above_table);
    if (!b) return;
    TextBand t{*b, by_lines ? ink.lines(*b) : std::vector<cv::Rect>{}, heading};
    // A band above a table with no line of text in it is paper and specks:
    // the inch above a table continued at the top of huaian-city-2024's
    // page 5 (a 300 dpi scan) read as 8 lines of noise in 0.88 s.
    if (heading && t.lines.empty()) return;
    bands.push_back(std::move(t));
  };
  // Page 1's title: the first lines of the page in its largest type.
  double title_end = 0;
  if (number == 1 && !narrative) {
    double limit = std::min(0.45 * grey.rows, tables.empty() ? 0.45 * grey.rows : tables.front().top);
    auto [from, to] = ink.title_rows(static_cast<int>(limit));
    if (to > from) {
      // A little paper around the lines: band() drops a line cut by its edge.
      double pad = 0.05 * inch;
      title_end = std::min(limit, to + pad);
      band(std::max(0.0, from - pad), title_end, !tables.empty() && title_end >= tables.front().top, true);
    }
  }
  double y = 0;
  for (auto& t : tables) {
    double from = narrative ? y : std::max({y, t.top - 1.0 * inch, title_end});
    band(from, t.top, true, !narrative, !narrative);
    y = t.bottom;
  }
  if (narrative) band(y, grey.rows);
  return bands;
}

namespace {

// A title's characters are read best at about this height (px): the first
// line of huaian-hongze-district-2023's title, 洪泽区人民政府, scanned at
// 200 dpi (60 px high), read 并汉区人民破府 as it was, "”洪泽区人民政府"
// at 0.85 and 0.7 of its size, 洪泽区人民政府 at 0.5 (30 px), the surest.
constexpr double kTitleLinePx = 32;

// The lines Tesseract reads in `region`, each given `font_size` when it is
// known from the band's ink (Tesseract's boxes grow with a speck or a
// quotation mark: a title's first line 63 px high beside its second 79 px
// was taken for smaller type, and the agency was lost from the title).
std::vector<TextLine> read_region(ocr::BlockReader& reader, const cv::Mat& grey, const cv::Rect& region, double dpi,
                                  double scale = 0, double font_size = 0) {
  std::vector<TextLine> out;
  for (auto& l : reader.read_lines(grey, region, dpi, scale)) {
    TextLine line;
    line.text = l.text;
    line.box = {static_cast<double>(l.box.x), static_cast<double>(l.box.y), static_cast<double>(l.box.br().x),
                static_cast<double>(l.box.br().y)};
    line.font_size = font_size > 0 ? font_size : l.box.height;
    out.push_back(std::move(line));
  }
  return out;
}

// A line of a band with paper around its ink: the rows its characters
// darken most (InkRows::lines) leave out the tips of their strokes.
cv::Rect padded(const cv::Rect& line, const cv::Rect& band, double dpi) {
  const int pad = static_cast<int>(std::max(0.03 * dpi, 0.3 * line.height));
  const int top = std::max(band.y, line.y - pad), bottom = std::min(band.y + band.height, line.y + line.height + pad);
  return {line.x, top, line.width, bottom - top};
}

// The heading above a table: the band's lines from the bottom up until
// their words name a section. The inch above table 二 of the 3-page test
// scan holds a line of running text and the heading: 125 ms of chi_sim read
// whole, 50-70 ms for the heading alone. The report's narrative is read
// only when asked for (--scan-narrative), and then whole.
std::vector<TextLine> read_heading(ocr::BlockReader& reader, const cv::Mat& grey, const TextBand& band, double dpi) {
  std::vector<TextLine> read;
  for (size_t k = band.lines.size(); k-- > 0;) {
    auto got = read_region(reader, grey, padded(band.lines[k], band.box, dpi), dpi, 0, band.lines[k].height);
    read.insert(read.begin(), got.begin(), got.end());
    std::u32string words;
    for (auto& l : read) words += to_u32(l.text) + U"\n";
    if (!find_sections(words).empty()) break;
  }
  return read;
}

// The title band line by line, top down, each at the scale that makes its
// characters about kTitleLinePx high (body type in the band is read at about
// 170 dpi, as before), until a line of running text: the title stands above
// the body, so the lines under that one are not read. Page 1
// of the 3-page test scan (an excerpt: no title, running text at the top)
// read three body lines in 0.2 s; it now stops at the first.
std::vector<TextLine> read_title(ocr::BlockReader& reader, const cv::Mat& grey, const TextBand& band, double dpi) {
  std::vector<TextLine> read;
  for (const cv::Rect& line : band.lines) {
    const double scale = std::min(dpi > 175 ? 170.0 / dpi : 1.0, kTitleLinePx / line.height);
    auto got = read_region(reader, grey, padded(line, band.box, dpi), dpi, scale, line.height);
    read.insert(read.end(), got.begin(), got.end());
    std::string text;
    for (const auto& l : got) text += l.text;
    if (running_text(text)) break;
  }
  return read;
}

}  // namespace

bool running_text(const std::string& line) {
  std::u32string t;
  for (char32_t c : to_u32(line))
    if (c != U' ') t += c;
  int marks = 0;
  for (size_t i = 1; i + 1 < t.size(); ++i) {
    const char32_t c = t[i];
    const bool mark = c == U'，' || c == U'。' || c == U'；' || c == U'、' || c == U',' || c == U';';
    marks += mark && is_han(t[i - 1]) && is_han(t[i + 1]);
  }
  return marks >= 2;
}

std::vector<TextLine> read_bands(ocr::BlockReader& reader, const cv::Mat& grey, const std::vector<TextBand>& bands,
                                 double dpi) {
  std::vector<TextLine> lines;
  for (auto& b : bands) {
    auto got = b.lines.empty() ? read_region(reader, grey, b.box, dpi)
               : b.heading     ? read_heading(reader, grey, b, dpi)
                               : read_title(reader, grey, b, dpi);
    lines.insert(lines.end(), got.begin(), got.end());
  }
  return lines;
}

}  // namespace gongkai::scan
