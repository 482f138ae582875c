#include "readers/scan/debug_picture.h"

#include <cmath>
#include <filesystem>
#include <opencv2/imgproc.hpp>

#include "readers/scan/page_image.h"
#include "tables/table_rows.h"
#include "text/unicode.h"

namespace gongkai::scan {
namespace {

// What cell `c` of table `t` read as, at the top left of its grid cell.
void draw_cell(cv::Mat& pic, const ScanPage& page, const CellTable& t, const TableCell& c) {
  // Hershey fonts have no Chinese: numbers are drawn, labels marked.
  bool num = is_value_text(to_u32(c.text));
  std::string s = num ? c.text : "L";
  cv::Scalar colour = c.where.confidence < 0.8 ? cv::Scalar(0, 0, 255) : cv::Scalar(200, 0, 0);
  double x = 0, y0 = 0;
  for (const grid::Grid& g : page.grids)
    if (c.col < g.cols() && std::abs(g.box.y0 - t.top) < 1) {
      x = g.xs[c.col];
      y0 = g.ys[c.row];
    }
  cv::putText(pic, s, cv::Point(int(x) + 4, int(y0) + int(0.12 * page.dpi)), cv::FONT_HERSHEY_SIMPLEX,
              page.dpi / 300, colour, 2);
}

}  // namespace

void write_debug_picture(const ScanPage& page, const std::string& dir, const std::string& name) {
  cv::Mat pic;
  cv::cvtColor(page.grey, pic, cv::COLOR_GRAY2BGR);
  for (auto& b : page.bands) cv::rectangle(pic, b.box, cv::Scalar(0, 140, 255), 3);
  for (const grid::Grid& g : page.grids)
    for (auto& c : g.cells)
      cv::rectangle(pic, cv::Point(int(c.box.x0), int(c.box.y0)), cv::Point(int(c.box.x1), int(c.box.y1)),
                    cv::Scalar(0, 160, 0), 2);
  for (auto& t : page.layout.tables)
    for (auto& c : t.cells)
      if (!c.text.empty()) draw_cell(pic, page, t, c);
  // Half of a 300 dpi page is enough to see the grid and read the numbers.
  if (pic.rows > 2000) cv::resize(pic, pic, cv::Size(), 2000.0 / pic.rows, 2000.0 / pic.rows, cv::INTER_AREA);
  std::filesystem::create_directories(dir);
  std::string stem = std::filesystem::path(name).stem().string();
  write_png(pic, (std::filesystem::path(dir) / (stem + "-p" + std::to_string(page.number) + ".png")).string());
}

}  // namespace gongkai::scan
