#include "readers/pdf/scan_image.h"

#include <poppler/GfxState.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>
#include <poppler/Stream.h>

#include <algorithm>
#include <cmath>
#include <opencv2/imgproc.hpp>

namespace gongkai::pdf {
namespace {

// Larger images are left to Splash, whose render is capped (PdfDocument::render).
constexpr double kMaxImagePixels = 120e6;

// Collects a page that draws one image and nothing else visible.
class SingleImage final : public OutputDev {
 public:
  explicit SingleImage(bool colour) : colour_(colour) {}

  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }

  // Text render modes 3 and 7 draw nothing (an OCR layer over a scan).
  void drawChar(GfxState* state, double, double, double, double, double, double, CharCode, int, const Unicode*,
                int) override {
    if ((state->getRender() & 3) != 3) other_ = true;
  }
  void stroke(GfxState*) override { other_ = true; }
  void fill(GfxState* state) override { paper_fill(state); }
  void eoFill(GfxState* state) override { paper_fill(state); }
  void drawImageMask(GfxState*, Object*, Stream*, int, int, bool, bool, bool) override { other_ = true; }
  void drawMaskedImage(GfxState*, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int, bool,
                       bool) override {
    other_ = true;
  }
  void drawSoftMaskedImage(GfxState*, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int,
                           GfxImageColorMap*, bool) override {
    other_ = true;
  }

  void drawImage(GfxState* state, Object*, Stream* str, int w, int h, GfxImageColorMap* map, bool, const int* mask,
                 bool) override {
    if (!pixels_.empty() || mask || w <= 0 || h <= 0 || static_cast<double>(w) * h > kMaxImagePixels) {
      other_ = true;
      return;
    }
    // Image space: the unit square, its first row at v = 1.
    state->transform(0, 1, &first_.x, &first_.y);
    state->transform(1, 1, &row_end_.x, &row_end_.y);
    state->transform(0, 0, &last_row_.x, &last_row_.y);
    pixels_ = cv::Mat(h, w, colour_ ? CV_8UC3 : CV_8UC1, cv::Scalar::all(255));
    ImageStream image(str, w, map->getNumPixelComps(), map->getBits());
    image.reset();
    for (int y = 0; y < h; ++y) {
      unsigned char* line = image.getLine();
      if (!line) break;  // a truncated stream: the rest stays paper, as Splash leaves it
      if (colour_) map->getRGBLine(line, pixels_.ptr<unsigned char>(y), w);
      else map->getGrayLine(line, pixels_.ptr<unsigned char>(y), w);
    }
    image.close();
  }

  // The page as `dpi` pixels `width` x `height` points, or empty.
  cv::Mat page(double width, double height, double dpi) const {
    if (other_ || pixels_.empty()) return {};
    cv::Mat img = pixels_;
    cv::Point2d row = row_end_ - first_, col = last_row_ - first_;
    const double tol = 1e-3 * std::max(cv::norm(row), cv::norm(col));
    const bool rows_across = std::abs(row.y) <= tol && std::abs(col.x) <= tol;
    const bool rows_down = std::abs(row.x) <= tol && std::abs(col.y) <= tol;
    if (!rows_across && !rows_down) return {};  // turned by another angle, or skewed
    if (rows_down) {
      cv::transpose(img, img);
      std::swap(row, col);
    }
    if (row.x < 0 && col.y < 0) cv::flip(img, img, -1);
    else if (row.x < 0) cv::flip(img, img, 1);
    else if (col.y < 0) cv::flip(img, img, 0);
    const double k = dpi / 72;
    const cv::Point2d corner = first_ + row + col;
    const int x0 = static_cast<int>(std::lround(std::min({first_.x, row_end_.x, last_row_.x, corner.x}) * k));
    const int y0 = static_cast<int>(std::lround(std::min({first_.y, row_end_.y, last_row_.y, corner.y}) * k));
    const int x1 = static_cast<int>(std::lround(std::max({first_.x, row_end_.x, last_row_.x, corner.x}) * k));
    const int y1 = static_cast<int>(std::lround(std::max({first_.y, row_end_.y, last_row_.y, corner.y}) * k));
    cv::Mat out(static_cast<int>(std::lround(height * k)), static_cast<int>(std::lround(width * k)), img.type(),
                cv::Scalar::all(255));
    const cv::Rect placed(x0, y0, x1 - x0, y1 - y0);
    // Only one pixel to one pixel. Resampling is left to Splash, whose box
    // filter read better: with OpenCV's area average, a 297 dpi scan read at
    // 200 lost 42 cells (a group label read 不也处理; eval_scan seed 68).
    if (std::abs(placed.width - img.cols) > 1 || std::abs(placed.height - img.rows) > 1) return {};
    // (A pixel more or less from rounding the page's size: the image is placed as it is.)
    const cv::Rect at = cv::Rect(placed.tl(), img.size()) & cv::Rect(0, 0, out.cols, out.rows);
    if (at.area() > 0) img(at - placed.tl()).copyTo(out(at));
    return out;
  }

 private:
  // White fills before the image are the paper some producers lay first.
  void paper_fill(GfxState* state) {
    GfxGray grey;
    state->getFillGray(&grey);
    if (!pixels_.empty() || colToDbl(grey) < 0.99) other_ = true;
  }

  bool colour_;
  bool other_ = false;
  cv::Mat pixels_;
  cv::Point2d first_, row_end_, last_row_;
};

}  // namespace

cv::Mat page_as_image(PDFDoc& doc, int number, double dpi, bool colour) {
  SingleImage dev(colour);
  // 72 dpi: device space is PDF points, origin top left, page rotation
  // applied, as the Splash render sees it (media box, no crop).
  doc.displayPage(&dev, number, 72, 72, 0, true, false, false);
  const bool turned = doc.getPageRotate(number) % 180 != 0;
  const double w = doc.getPageMediaWidth(number), h = doc.getPageMediaHeight(number);
  return dev.page(turned ? h : w, turned ? w : h, dpi);
}

}  // namespace gongkai::pdf
