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
  SingleImage(bool colour, double dpi) : colour_(colour), dpi_(dpi) {}

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
    if (!pixels_.empty() || mask || w <= 0 || h <= 0 || !place(state, w, h)) {
      other_ = true;
      return;
    }
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

  // The page, `width` x `height` points, at the collector's dpi; or empty.
  cv::Mat page(double width, double height) const {
    if (other_ || pixels_.empty()) return {};
    cv::Mat img = pixels_;
    if (transpose_) cv::transpose(img, img);
    if (flip_ != kNoFlip) cv::flip(img, img, flip_);
    const double k = dpi_ / 72;
    cv::Mat out(static_cast<int>(std::lround(height * k)), static_cast<int>(std::lround(width * k)), img.type(),
                cv::Scalar::all(255));
    // (A pixel more or less from rounding the page's size: the image is placed as it is.)
    const cv::Rect at = cv::Rect(at_, img.size()) & cv::Rect(0, 0, out.cols, out.rows);
    if (at.area() > 0) img(at - at_).copyTo(out(at));
    return out;
  }

 private:
  static constexpr int kNoFlip = 2;

  // Where the image lands, and how it is turned, from the image space (the
  // unit square, its first row at v = 1) in device space. False unless it is
  // upright, mirrored or turned by quarter turns, one image pixel to one page
  // pixel. Resampling is left to Splash, whose box filter read better: with
  // OpenCV's area average, a 297 dpi scan read at 200 lost 42 cells (a row of
  // zeros read as a label; eval_scan seed 68).
  bool place(GfxState* state, int w, int h) {
    if (static_cast<double>(w) * h > kMaxImagePixels) return false;
    const double k = dpi_ / 72;
    cv::Point2d first, row_end, last_row;
    state->transform(0, 1, &first.x, &first.y);
    state->transform(1, 1, &row_end.x, &row_end.y);
    state->transform(0, 0, &last_row.x, &last_row.y);
    cv::Point2d row = (row_end - first) * k, col = (last_row - first) * k;
    const double tol = 1e-3 * std::max(cv::norm(row), cv::norm(col));
    const bool rows_across = std::abs(row.y) <= tol && std::abs(col.x) <= tol;
    const bool rows_down = std::abs(row.x) <= tol && std::abs(col.y) <= tol;
    if (!rows_across && !rows_down) return false;  // turned by another angle, or skewed
    transpose_ = rows_down;
    if (transpose_) std::swap(row, col), std::swap(w, h);
    if (std::abs(std::abs(row.x) - w) > 1 || std::abs(std::abs(col.y) - h) > 1) return false;
    flip_ = row.x < 0 && col.y < 0 ? -1 : row.x < 0 ? 1 : col.y < 0 ? 0 : kNoFlip;
    const cv::Point2d corner = first * k + row + col;
    at_ = {static_cast<int>(std::lround(std::min(first.x * k, corner.x))),
           static_cast<int>(std::lround(std::min(first.y * k, corner.y)))};
    return true;
  }

  // White fills before the image are the paper some producers lay first.
  void paper_fill(GfxState* state) {
    GfxGray grey;
    state->getFillGray(&grey);
    if (!pixels_.empty() || colToDbl(grey) < 0.99) other_ = true;
  }

  bool colour_;
  double dpi_;
  bool other_ = false;
  cv::Mat pixels_;
  bool transpose_ = false;
  int flip_ = kNoFlip;  // cv::flip's code
  cv::Point at_;        // the turned image's top left on the page
};

}  // namespace

cv::Mat page_as_image(PDFDoc& doc, int number, double dpi, bool colour) {
  SingleImage dev(colour, dpi);
  // 72 dpi: device space is PDF points, origin top left, page rotation
  // applied, as the Splash render sees it (media box, no crop).
  doc.displayPage(&dev, number, 72, 72, 0, true, false, false);
  const bool turned = doc.getPageRotate(number) % 180 != 0;
  const double w = doc.getPageMediaWidth(number), h = doc.getPageMediaHeight(number);
  return dev.page(turned ? h : w, turned ? w : h);
}

}  // namespace gongkai::pdf
