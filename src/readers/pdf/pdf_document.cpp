#include "readers/pdf/pdf_document.h"

#include <poppler/ErrorCodes.h>
#include <poppler/Error.h>
#include <poppler/GfxState.h>
#include <poppler/GlobalParams.h>
#include <poppler/PDFDoc.h>
#include <poppler/Page.h>
#include <poppler/SplashOutputDev.h>
#include <poppler/Stream.h>
#include <poppler/splash/SplashBitmap.h>
#include <poppler/TextOutputDev.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "readers/reader.h"
#include "readers/scan/photo_page.h"
#include "readers/scan/seal_mask.h"

namespace gongkai::pdf {
namespace {

// Poppler prints every syntax problem of a damaged file to stderr; the reader
// reports what matters itself, so Poppler's own messages are dropped.
void quiet(ErrorCategory, Goffset, const char*) {}

void init_poppler() {
  static std::once_flag once;
  std::call_once(once, [] {
    globalParams = std::make_unique<GlobalParams>();
    setErrorCallback(quiet);
  });
}

// Lines thinner than this (points) are rules; wider filled areas are shading.
constexpr double kRuleThickness = 2.5;

// Collects text (through TextOutputDev) and, in the same pass over the page's
// content stream, the ruling lines and images.
class PageCollector : public TextOutputDev {
 public:
  PageCollector() : TextOutputDev(nullptr, false, 0, false, false) {}
  bool needNonText() override { return true; }

  void stroke(GfxState* state) override {
    TextOutputDev::stroke(state);
    note_colour(state, true);
    if (light(state, true)) return;
    const GfxPath* path = state->getPath();
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      int n = sub->getNumPoints();
      for (int i = 0; i + 1 < n + (sub->isClosed() ? 1 : 0); ++i) {
        if (sub->getCurve(i) || sub->getCurve((i + 1) % n)) continue;
        double x0, y0, x1, y1;
        state->transform(sub->getX(i), sub->getY(i), &x0, &y0);
        state->transform(sub->getX((i + 1) % n), sub->getY((i + 1) % n), &x1, &y1);
        add_segment(x0, y0, x1, y1);
      }
    }
  }
  void fill(GfxState* state) override {
    TextOutputDev::fill(state);
    note_colour(state, false);
    filled(state);
  }
  void eoFill(GfxState* state) override {
    TextOutputDev::eoFill(state);
    note_colour(state, false);
    filled(state);
  }
  void drawChar(GfxState* state, double x, double y, double dx, double dy, double ox, double oy, CharCode c,
                int n, const Unicode* u, int ulen) override {
    TextOutputDev::drawChar(state, x, y, dx, dy, ox, oy, c, n, u, ulen);
    int mode = state->getRender() & 3;  // 3: invisible (a scan's OCR layer)
    if (mode != 3) note_colour(state, mode == 1);
    if (mode == 2) note_colour(state, true);
  }

  void drawImageMask(GfxState* state, Object* ref, Stream* str, int w, int h, bool inv, bool interp,
                     bool inl) override {
    image(state, w);
    note_colour(state, false);  // a stencil painted in the fill colour
    OutputDev::drawImageMask(state, ref, str, w, h, inv, interp, inl);
  }
  void drawImage(GfxState* state, Object* ref, Stream* str, int w, int h, GfxImageColorMap* cm, bool interp,
                 const int* mask, bool inl) override {
    image(state, w);
    note_colour(cm);
    OutputDev::drawImage(state, ref, str, w, h, cm, interp, mask, inl);
  }
  void drawMaskedImage(GfxState* state, Object* ref, Stream* str, int w, int h, GfxImageColorMap* cm,
                       bool interp, Stream* ms, int mw, int mh, bool minv, bool minterp) override {
    image(state, w);
    note_colour(cm);
    OutputDev::drawMaskedImage(state, ref, str, w, h, cm, interp, ms, mw, mh, minv, minterp);
  }
  void drawSoftMaskedImage(GfxState* state, Object* ref, Stream* str, int w, int h, GfxImageColorMap* cm,
                           bool interp, Stream* ms, int mw, int mh, GfxImageColorMap* mcm,
                           bool minterp) override {
    image(state, w);
    note_colour(cm);
    OutputDev::drawSoftMaskedImage(state, ref, str, w, h, cm, interp, ms, mw, mh, mcm, minterp);
  }

  grid::Rules rules;
  std::vector<grid::Box> shades;
  std::vector<grid::Box> images;
  bool in_colour = false;  // something drawn in a colour that is not a grey

 private:
  void note_colour(GfxState* state, bool stroke_colour) {
    GfxRGB c;
    if (stroke_colour) state->getStrokeRGB(&c);
    else state->getFillRGB(&c);
    in_colour = in_colour || c.r != c.g || c.g != c.b;
  }
  // Only grey colour spaces: Separation and Indexed, though of one
  // component, may map to a red.
  void note_colour(GfxImageColorMap* cm) {
    GfxColorSpace* cs = cm ? cm->getColorSpace() : nullptr;
    GfxColorSpaceMode mode = cs ? cs->getMode() : csDeviceRGB;
    bool grey = mode == csDeviceGray || mode == csCalGray || (mode == csICCBased && cs->getNComps() == 1);
    in_colour = in_colour || !grey;
  }

  // White lines and fills draw nothing a reader sees.
  static bool light(GfxState* state, bool stroke_colour) {
    GfxGray g;
    if (stroke_colour) state->getStrokeGray(&g);
    else state->getFillGray(&g);
    return colToDbl(g) > 0.92;
  }

  void add_segment(double x0, double y0, double x1, double y1) {
    if (std::abs(y1 - y0) < 0.5 && std::abs(x1 - x0) > 0.5) {
      rules.horizontal.push_back({(y0 + y1) / 2, std::min(x0, x1), std::max(x0, x1)});
    } else if (std::abs(x1 - x0) < 0.5 && std::abs(y1 - y0) > 0.5) {
      rules.vertical.push_back({(x0 + x1) / 2, std::min(y0, y1), std::max(y0, y1)});
    }
  }

  // A filled rectangle is a rule when thin, a shaded cell when not.
  void filled(GfxState* state) {
    const GfxPath* path = state->getPath();
    bool is_light = light(state, false);
    if (!is_light && looks_like_glyph(state, path)) {
      ++glyph_shapes;
      return;
    }
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      int n = sub->getNumPoints();
      if (n < 4 || n > 5) continue;
      double xs[5], ys[5];
      bool curved = false;
      for (int i = 0; i < n; ++i) {
        state->transform(sub->getX(i), sub->getY(i), &xs[i], &ys[i]);
        curved |= sub->getCurve(i);
      }
      if (curved) continue;
      // Axis-aligned: every edge horizontal or vertical.
      bool axis = true;
      for (int i = 0; i < 4; ++i) {
        int j = (i + 1) % 4;
        axis &= std::abs(xs[i] - xs[j]) < 0.5 || std::abs(ys[i] - ys[j]) < 0.5;
      }
      grid::Box b{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4), *std::max_element(xs, xs + 4),
                  *std::max_element(ys, ys + 4)};
      // Chromium fills each cell's border sides as thin trapezoids, mitred at
      // the corners (one slanted edge): thin and long, they are rules too.
      bool thin = std::min(b.width(), b.height()) <= kRuleThickness &&
                  std::max(b.width(), b.height()) > 4 * std::min(b.width(), b.height());
      if (!axis && !thin) continue;
      if (is_light) continue;
      if (b.height() <= kRuleThickness && b.width() > b.height()) {
        rules.horizontal.push_back({(b.y0 + b.y1) / 2, b.x0, b.x1});
      } else if (b.width() <= kRuleThickness && b.height() > b.width()) {
        rules.vertical.push_back({(b.x0 + b.x1) / 2, b.y0, b.y1});
      } else {
        shades.push_back(b);
      }
    }
  }

  // A filled shape the size of a character, drawn with curves or many
  // corners: a glyph drawn as an outline (Ghostscript -dNoOutputFonts, some
  // publishing systems). Rules, cell shading and a cell's border filled as
  // two nested rectangles have no subpath of more than 5 points.
  static bool looks_like_glyph(GfxState* state, const GfxPath* path) {
    bool curved = false, many_corners = false;
    double x0 = 1e18, y0 = 1e18, x1 = -1e18, y1 = -1e18;
    for (int s = 0; s < path->getNumSubpaths(); ++s) {
      const GfxSubpath* sub = path->getSubpath(s);
      many_corners |= sub->getNumPoints() > 5;
      for (int i = 0; i < sub->getNumPoints(); ++i) {
        double x, y;
        state->transform(sub->getX(i), sub->getY(i), &x, &y);
        x0 = std::min(x0, x), y0 = std::min(y0, y), x1 = std::max(x1, x), y1 = std::max(y1, y);
        curved |= sub->getCurve(i);
      }
    }
    if (x1 < x0 || x1 - x0 > 60 || y1 - y0 > 60) return false;
    return curved || many_corners;
  }

  void image(GfxState* state, int width_px) {
    double xs[4], ys[4];
    const double ux[4] = {0, 1, 0, 1}, uy[4] = {0, 0, 1, 1};
    for (int i = 0; i < 4; ++i) state->transform(ux[i], uy[i], &xs[i], &ys[i]);
    grid::Box b{*std::min_element(xs, xs + 4), *std::min_element(ys, ys + 4), *std::max_element(xs, xs + 4),
                *std::max_element(ys, ys + 4)};
    images.push_back(b);
    // The resolution of the biggest image: a scan's own dpi.
    if (b.width() * b.height() > biggest_area && b.width() > 0) {
      biggest_area = b.width() * b.height();
      image_dpi = width_px / (b.width() / 72.0);
    }
  }

 public:
  double biggest_area = 0, image_dpi = 0;
  int glyph_shapes = 0;

 private:
};

double covered_fraction(const std::vector<grid::Box>& boxes, double w, double h) {
  // Images rarely overlap; the sum, clipped to the page, is close enough.
  double area = 0;
  for (auto& b : boxes) {
    double x0 = std::max(0.0, b.x0), y0 = std::max(0.0, b.y0), x1 = std::min(w, b.x1), y1 = std::min(h, b.y1);
    if (x1 > x0 && y1 > y0) area += (x1 - x0) * (y1 - y0);
  }
  return w > 0 && h > 0 ? std::min(1.0, area / (w * h)) : 0;
}

}  // namespace

struct PdfDocument::Impl {
  std::string bytes;  // the stream reads from this buffer for the document's life
  std::unique_ptr<PDFDoc> doc;
  // Pages are rendered one at a time: a document's pages are prepared for
  // OCR on two threads at once (pdf_reader.cpp), and one PDFDoc is not
  // drawn from two threads.
  std::mutex rendering;
};

PdfDocument::PdfDocument() : impl_(std::make_unique<Impl>()) {}
PdfDocument::~PdfDocument() = default;

std::unique_ptr<PdfDocument> PdfDocument::open(std::string_view bytes) {
  init_poppler();
  std::unique_ptr<PdfDocument> d(new PdfDocument());
  d->impl_->bytes.assign(bytes);
  auto* stream = new MemStream(d->impl_->bytes.data(), 0, d->impl_->bytes.size(), Object(objNull));
  d->impl_->doc = std::make_unique<PDFDoc>(stream);
  PDFDoc& doc = *d->impl_->doc;
  if (!doc.isOk()) {
    switch (doc.getErrorCode()) {
      case errEncrypted:
        throw ReadError("encrypted PDF: it needs a password to open");
      case errDamaged:
      case errBadCatalog:
        throw ReadError("damaged or truncated PDF: Poppler could not rebuild its structure");
      default:
        throw ReadError("not a readable PDF (Poppler error " + std::to_string(doc.getErrorCode()) + ")");
    }
  }
  if (doc.getNumPages() <= 0) throw ReadError("PDF has no pages");
  return d;
}

int PdfDocument::pages() const { return impl_->doc->getNumPages(); }

PageContent PdfDocument::page(int number) const {
  PDFDoc& doc = *impl_->doc;
  if (number < 1 || number > doc.getNumPages() || !doc.getPage(number))
    throw ReadError("page " + std::to_string(number) + " cannot be read");
  PageContent out;
  out.number = number;
  PageCollector dev;
  // 72 dpi: device space is PDF points, origin top left, page rotation applied.
  doc.displayPage(&dev, number, 72, 72, 0, true, false, false);
  bool rotated = doc.getPageRotate(number) % 180 != 0;
  out.width = rotated ? doc.getPageCropHeight(number) : doc.getPageCropWidth(number);
  out.height = rotated ? doc.getPageCropWidth(number) : doc.getPageCropHeight(number);

  std::unique_ptr<TextWordList> words = dev.makeWordList();
  for (int i = 0; i < words->getLength(); ++i) {
    const TextWord* w = words->get(i);
    for (int k = 0; k < w->getLength(); ++k) {
      Glyph g;
      g.ch = static_cast<char32_t>(*w->getChar(k));
      w->getCharBBox(k, &g.box.x0, &g.box.y0, &g.box.x1, &g.box.y1);
      g.font_size = w->getFontSize();
      out.glyphs.push_back(g);
    }
  }
  out.rules = std::move(dev.rules);
  out.shades = std::move(dev.shades);
  out.image_fraction = covered_fraction(dev.images, out.width, out.height);
  out.image_dpi = dev.image_dpi;
  out.outline_glyphs = dev.glyph_shapes;
  out.in_colour = dev.in_colour;
  return out;
}

cv::Mat PdfDocument::render(int number, double dpi, cv::Mat* seal, bool in_colour) const {
  PDFDoc& doc = *impl_->doc;
  if (number < 1 || number > doc.getNumPages() || !doc.getPage(number))
    throw ReadError("page " + std::to_string(number) + " cannot be read");
  // A page larger than A0 at this resolution is not a report page; cap the
  // pixels so a hostile MediaBox cannot exhaust memory.
  double w = doc.getPageCropWidth(number) * dpi / 72, h = doc.getPageCropHeight(number) * dpi / 72;
  constexpr double kMaxPixels = 120e6;
  if (w * h > kMaxPixels) dpi *= std::sqrt(kMaxPixels / (w * h));
  // In colour, so that a red seal stamped on a scanned page can be dropped by
  // its colour (scan::grey_without_red) rather than read as print. A page
  // drawn only in greys is rendered in grey: the same pixels (luminance of
  // equal channels is the channel) and a third of the bitmap. Measured with
  // perf on a grey 300 dpi 6-page scan: rendering, the colour split and the
  // seal search went from 10.4 % to 8.1 % of its CPU.
  SplashColor paper;
  paper[0] = paper[1] = paper[2] = 255;
  SplashOutputDev dev(in_colour ? splashModeRGB8 : splashModeMono8, 4, false, paper);
  {
    std::lock_guard lock(impl_->rendering);
    dev.startDoc(&doc);
    doc.displayPage(&dev, number, dpi, dpi, 0, true, false, false);
  }
  SplashBitmap* bm = dev.getBitmap();
  if (!bm || bm->getWidth() <= 0 || bm->getHeight() <= 0)
    throw ReadError("page " + std::to_string(number) + " could not be rendered");
  cv::Mat view(bm->getHeight(), bm->getWidth(), in_colour ? CV_8UC3 : CV_8UC1, bm->getDataPtr(),
               static_cast<size_t>(bm->getRowSize()));
  if (!in_colour) {
    if (seal) *seal = cv::Mat();
    return view.clone();
  }
  if (seal) *seal = scan::seal_ink(view, scan::Channels::RGB);
  return scan::grey_without_red(view, scan::Channels::RGB);
}

}  // namespace gongkai::pdf
