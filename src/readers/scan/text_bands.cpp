#include "readers/scan/text_bands.h"

#include <algorithm>
#include <opencv2/imgproc.hpp>
#include <optional>
#include <utility>

namespace gongkai::scan {
namespace {

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
};

}  // namespace

std::vector<cv::Rect> text_bands(const cv::Mat& grey, double dpi, int number, const std::vector<CellTable>& tables,
                                 bool narrative) {
  std::vector<cv::Rect> bands;
  const InkRows ink(grey, dpi);
  const double inch = dpi;
  auto band = [&](double from, double to, bool above_table = false) {
    if (auto b = ink.band(from, to, above_table)) bands.push_back(*b);
  };
  // Page 1's title: the first lines of the page in its largest type.
  double title_end = 0;
  if (number == 1 && !narrative) {
    double limit = std::min(0.45 * grey.rows, tables.empty() ? 0.45 * grey.rows : tables.front().top);
    auto [from, to] = title_rows(ink.sums, grey.cols, static_cast<int>(limit), dpi);
    if (to > from) {
      // A little paper around the lines: band() drops a line cut by its edge.
      double pad = 0.05 * inch;
      title_end = std::min(limit, to + pad);
      band(std::max(0.0, from - pad), title_end, !tables.empty() && title_end >= tables.front().top);
    }
  }
  double y = 0;
  for (auto& t : tables) {
    double from = narrative ? y : std::max({y, t.top - 1.0 * inch, title_end});
    band(from, t.top, true);
    y = t.bottom;
  }
  if (narrative) band(y, grey.rows);
  return bands;
}

std::vector<TextLine> read_bands(ocr::BlockReader& reader, const cv::Mat& grey, const std::vector<cv::Rect>& bands,
                                 double dpi) {
  std::vector<TextLine> lines;
  for (auto& b : bands)
    for (auto& l : reader.read_lines(grey, b, dpi)) {
      TextLine line;
      line.text = l.text;
      line.box = {static_cast<double>(l.box.x), static_cast<double>(l.box.y), static_cast<double>(l.box.br().x),
                  static_cast<double>(l.box.br().y)};
      line.font_size = l.box.height;
      lines.push_back(std::move(line));
    }
  return lines;
}

}  // namespace gongkai::scan
