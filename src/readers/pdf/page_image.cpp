#include "readers/pdf/page_image.h"

#include <poppler/GfxState.h>
#include <poppler/OutputDev.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/Stream.h>

#include <cmath>
#include <memory>

#include <opencv2/imgproc.hpp>

namespace gongkai::pdf {
namespace {

// Everything a page draws, at 72 dpi: one image decoded as it lies, or a
// mark that there is more than one image or anything else.
class OneImage : public OutputDev {
 public:
  bool upsideDown() override { return true; }
  bool useDrawChar() override { return true; }
  bool interpretType3Chars() override { return false; }

  void stroke(GfxState*) override { other = true; }
  void fill(GfxState*) override { other = true; }
  void eoFill(GfxState*) override { other = true; }
  // Invisible text (render mode 3: an OCR layer over the scan) draws nothing.
  void drawChar(GfxState* state, double, double, double, double, double, double, CharCode, int, const Unicode*,
                int) override {
    if ((state->getRender() & 3) != 3) other = true;
  }
  void drawImageMask(GfxState*, Object*, Stream*, int, int, bool, bool, bool) override { other = true; }
  void drawMaskedImage(GfxState*, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int, bool,
                       bool) override {
    other = true;
  }
  void drawSoftMaskedImage(GfxState*, Object*, Stream*, int, int, GfxImageColorMap*, bool, Stream*, int, int,
                           GfxImageColorMap*, bool) override {
    other = true;
  }
  void drawImage(GfxState* state, Object*, Stream* str, int w, int h, GfxImageColorMap* map, bool,
                 const int* mask_colours, bool) override {
    // An image larger than a 600 dpi A4 page (35 Mpx) is drawn by Splash,
    // which scales it row by row: decoded whole, a PDF that declares a huge
    // image would take its memory.
    constexpr double kMaxPixels = 40e6;
    if (!image.empty() || mask_colours || !map || !map->isOk() || w <= 0 || h <= 0 ||
        static_cast<double>(w) * h > kMaxPixels) {
      other = true;
      return;
    }
    const double* m = state->getCTM();
    // Upright: image row 0 at the top (the unit square's (0,1) maps to the
    // smaller y of an upside-down device), neither turned nor mirrored.
    if (!(m[0] > 0 && m[3] < 0 && std::abs(m[1]) < 1e-6 && std::abs(m[2]) < 1e-6)) {
      other = true;
      return;
    }
    placed = cv::Rect2d(m[4], m[5] + m[3], m[0], -m[3]);
    image = decode(str, w, h, map);
    if (image.empty()) other = true;
  }

  bool other = false;
  cv::Mat image;     // as decoded, full resolution
  cv::Rect2d placed;  // where it lies on the page, in points from the top left

 private:
  cv::Mat decode(Stream* str, int w, int h, GfxImageColorMap* map) const {
    cv::Mat out(h, w, CV_8UC1);
    ImageStream rows(str, w, map->getNumPixelComps(), map->getBits());
    rows.reset();
    for (int y = 0; y < h; ++y) {
      unsigned char* line = rows.getLine();
      if (!line) {  // a truncated stream: Splash's rendering says what it can
        rows.close();
        return {};
      }
      map->getGrayLine(line, out.ptr<unsigned char>(y), w);
    }
    rows.close();
    return out;
  }
};

}  // namespace

std::optional<cv::Mat> page_as_grey_image(PDFDoc& doc, int number, double dpi) {
  Page* page = doc.getPage(number);
  if (!page || page->getRotate() % 360 != 0) return std::nullopt;
  OneImage dev;
  // Stopped at the first thing drawn that is not the one image.
  auto stop = [](void* d) { return static_cast<OneImage*>(d)->other; };
  doc.displayPage(&dev, number, 72, 72, 0, true, false, false, stop, &dev);
  if (dev.other || dev.image.empty()) return std::nullopt;
  const double pw = doc.getPageMediaWidth(number), ph = doc.getPageMediaHeight(number);
  // The image covers the page to within a point on every side.
  const cv::Rect2d& r = dev.placed;
  if (std::abs(r.x) > 1 || std::abs(r.y) > 1 || std::abs(r.x + r.width - pw) > 1 || std::abs(r.y + r.height - ph) > 1)
    return std::nullopt;
  const cv::Size size(static_cast<int>(std::lround(pw * dpi / 72)), static_cast<int>(std::lround(ph * dpi / 72)));
  if (size.width <= 0 || size.height <= 0) return std::nullopt;
  // Its own resolution, to within a pixel or two of rounding (a 200 dpi
  // scan of A4 is 1653 px wide, the page 1653.5): its pixels as they are,
  // with paper at the edge, rather than a resampling that blurs them.
  const cv::Size by = size - dev.image.size();
  if (std::abs(by.width) <= 2 && std::abs(by.height) <= 2) {
    cv::Mat out;
    const cv::Rect kept(0, 0, std::min(size.width, dev.image.cols), std::min(size.height, dev.image.rows));
    cv::copyMakeBorder(dev.image(kept), out, 0, size.height - kept.height, 0, size.width - kept.width,
                       cv::BORDER_CONSTANT, cv::Scalar::all(255));
    return out;
  }
  cv::Mat out;
  const bool smaller = size.width < dev.image.cols;
  cv::resize(dev.image, out, size, 0, 0, smaller ? cv::INTER_AREA : cv::INTER_LINEAR);
  return out;
}

}  // namespace gongkai::pdf
