#include "readers/scan/page_image.h"

#include <leptonica/allheaders.h>

#include <cmath>
#include <cstdio>
#include <memory>
#include <string>
#include <opencv2/imgproc.hpp>

#include "readers/reader.h"
#include "readers/scan/leptonica_pix.h"
#include "readers/scan/photo_page.h"
#include "readers/scan/seal_mask.h"

namespace gongkai::scan {
namespace {

// A colour page as BGR, for grey_without_red.
cv::Mat colour_mat(PIX* pix) {
  int w = pixGetWidth(pix), h = pixGetHeight(pix), wpl = pixGetWpl(pix);
  cv::Mat out(h, w, CV_8UC3);
  l_uint32* data = pixGetData(pix);
  for (int y = 0; y < h; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    cv::Vec3b* row = out.ptr<cv::Vec3b>(y);
    for (int x = 0; x < w; ++x) {
      l_int32 r, g, b;
      extractRGBValues(line[x], &r, &g, &b);
      row[x] = cv::Vec3b(static_cast<uchar>(b), static_cast<uchar>(g), static_cast<uchar>(r));
    }
  }
  return out;
}

// `seal` is set where a colour page's red seal lies.
cv::Mat to_mat(PIX* pix, cv::Mat& seal) {
  // A colour page (a phone photo, a colour scan) loses its red seal ink here.
  if (pixGetDepth(pix) == 32) {
    cv::Mat colour = colour_mat(pix);
    seal = seal_ink(colour);
    return grey_without_red(colour);
  }
  PixPtr grey(pixConvertTo8(pix, 0));
  if (!grey) throw ReadError("image cannot be converted to grey");
  int w = pixGetWidth(grey.get()), h = pixGetHeight(grey.get()), wpl = pixGetWpl(grey.get());
  cv::Mat out(h, w, CV_8UC1);
  l_uint32* data = pixGetData(grey.get());
  for (int y = 0; y < h; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uchar* row = out.ptr<uchar>(y);
    for (int x = 0; x < w; ++x) row[x] = static_cast<uchar>(GET_DATA_BYTE(line, x));
  }
  return out;
}

PageImage page_from(PIX* pix, int max_side) {
  PageImage p;
  p.grey = to_mat(pix, p.seal);
  int res = pixGetXRes(pix);
  p.dpi_known = res >= 50 && res <= 1200;
  // Unknown resolution: assume the image is a whole A4 page (8.27 in wide).
  p.dpi = p.dpi_known ? res : std::max(std::min(p.grey.cols, p.grey.rows), 1) / 8.27;  // short side, even when turned
  int side = std::max(p.grey.cols, p.grey.rows);
  if (side > max_side) {
    double f = static_cast<double>(max_side) / side;
    cv::resize(p.grey, p.grey, cv::Size(), f, f, cv::INTER_AREA);
    if (!p.seal.empty()) cv::resize(p.seal, p.seal, p.grey.size(), 0, 0, cv::INTER_NEAREST);
    p.dpi *= f;
  }
  return p;
}

}  // namespace

int exif_orientation(std::string_view jpeg) {
  auto byte = [&](size_t i) { return i < jpeg.size() ? static_cast<unsigned char>(jpeg[i]) : 0u; };
  if (byte(0) != 0xFF || byte(1) != 0xD8) return 1;
  // Markers up to the first APP1 "Exif"; a phone writes it first or second.
  for (size_t at = 2; at + 4 < jpeg.size() && byte(at) == 0xFF;) {
    unsigned marker = byte(at + 1), length = byte(at + 2) << 8 | byte(at + 3);
    if (marker == 0xDA || length < 2) break;  // image data: no EXIF before it
    size_t tiff = at + 10;
    if (marker == 0xE1 && jpeg.substr(at + 4, 6) == std::string_view("Exif\0\0", 6) && tiff + 8 <= jpeg.size()) {
      bool le = byte(tiff) == 'I';
      auto u16 = [&](size_t i) { return le ? byte(i) | byte(i + 1) << 8 : byte(i) << 8 | byte(i + 1); };
      auto u32 = [&](size_t i) {
        return le ? u16(i) | static_cast<size_t>(u16(i + 2)) << 16 : static_cast<size_t>(u16(i)) << 16 | u16(i + 2);
      };
      size_t ifd = tiff + u32(tiff + 4);
      unsigned entries = u16(ifd);
      for (unsigned k = 0; k < entries && k < 200; ++k) {
        size_t e = ifd + 2 + 12 * k;
        if (e + 12 > jpeg.size()) break;
        if (u16(e) == 0x0112) {
          unsigned v = u16(e + 8);
          return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
        }
      }
      return 1;
    }
    at += 2 + length;
  }
  return 1;
}

bool is_image(std::string_view bytes) {
  if (bytes.size() < 8) return false;
  l_int32 format = IFF_UNKNOWN;
  findFileFormatBuffer(reinterpret_cast<const l_uint8*>(bytes.data()), &format);
  return format != IFF_UNKNOWN;
}

namespace {

bool is_tiff(l_int32 format) {
  return format == IFF_TIFF || (format >= IFF_TIFF_PACKBITS && format <= IFF_TIFF_JPEG);
}

// Turns a phone photo as its EXIF orientation says it is to be shown (1 is
// upright; 3, 6 and 8 are turns of 180°, 90° and 270°; the mirrored 2, 4, 5
// and 7 do not come from cameras and are read as their turn). The scan
// reader would find a turned page by itself, but only after reading it once
// sideways (some seconds a page).
void upright_as_recorded(cv::Mat& grey, int orientation) {
  if (orientation == 3 || orientation == 4) cv::rotate(grey, grey, cv::ROTATE_180);
  if (orientation == 5 || orientation == 6) cv::rotate(grey, grey, cv::ROTATE_90_CLOCKWISE);
  if (orientation == 7 || orientation == 8) cv::rotate(grey, grey, cv::ROTATE_90_COUNTERCLOCKWISE);
}

const char* const kUndecodable = "image cannot be decoded (damaged or unsupported format)";

}  // namespace

ImageFile::ImageFile(std::string_view bytes) : bytes_(bytes) {
  setMsgSeverity(L_SEVERITY_NONE);  // Leptonica's warnings on odd files are not ours to print
  auto data = reinterpret_cast<const l_uint8*>(bytes.data());
  l_int32 format = IFF_UNKNOWN;
  if (bytes.size() < 8 || findFileFormatBuffer(data, &format) != 0 || format == IFF_UNKNOWN)
    throw ReadError(kUndecodable);
  format_ = format;
  pages_ = 1;
  if (is_tiff(format)) {
    // Counted from the TIFF's directories, no page decoded.
    FILE* f = fopenReadFromMemory(data, bytes.size());
    l_int32 n = 0;
    if (!f || tiffGetCount(f, &n) != 0 || n < 1) n = 0;
    if (f) fclose(f);
    if (n == 0) throw ReadError(kUndecodable);
    pages_ = n;
  }
}

PageImage ImageFile::page(int n, int max_side) const {
  auto data = reinterpret_cast<const l_uint8*>(bytes_.data());
  size_t size = bytes_.size();
  bool tiff = is_tiff(format_);
  l_int32 w = 0, h = 0, bps = 0, spp = 0, res = 0, cmap = 0, format = 0;
  bool header = tiff ? readHeaderMemTiff(data, size, n, &w, &h, &bps, &spp, &res, &cmap, &format) == 0
                     : pixReadHeaderMem(data, size, &format, &w, &h, &bps, &spp, &cmap) == 0;
  if (!header || w <= 0 || h <= 0) throw ReadError(kUndecodable);
  long long pixels = static_cast<long long>(w) * h;
  int reduction = 1;
  while (format_ == IFF_JFIF_JPEG && reduction < 8 && pixels / (reduction * reduction) > kMaxPixels) reduction *= 2;
  if (pixels / (reduction * reduction) > kMaxPixels)
    throw ReadError("image too large: " + std::to_string(w) + "x" + std::to_string(h) + " pixels (" +
                    std::to_string(pixels / 1'000'000) + " M; at most " + std::to_string(kMaxPixels / 1'000'000) +
                    " M are read)");
  PixPtr pix(tiff ? pixReadMemTiff(data, size, n)
                  : reduction > 1 ? pixReadMemJpeg(data, size, 0, reduction, nullptr, 0) : pixReadMem(data, size));
  if (!pix) throw ReadError(kUndecodable);
  if (reduction > 1) {  // Leptonica keeps the full image's resolution on a reduced JPEG
    l_int32 xres = pixGetXRes(pix.get()), yres = pixGetYRes(pix.get());
    pixSetResolution(pix.get(), xres / reduction, yres / reduction);
  }
  PageImage page = page_from(pix.get(), max_side);
  if (format_ == IFF_JFIF_JPEG) {
    upright_as_recorded(page.grey, exif_orientation(bytes_));
    if (!page.seal.empty()) upright_as_recorded(page.seal, exif_orientation(bytes_));
  }
  return page;
}

namespace {

// Ink and paper told apart locally (Sauvola, Leptonica): the threshold
// follows the neighbourhood's mean and contrast, so the darker edge of a
// scan or the uneven light of a photographed page does not turn paper into
// ink as one global level does. 1 bpp, 1 = ink; null on failure.
PixPtr sauvola(const cv::Mat& grey, double dpi) {
  PixPtr pix = grey_pix(grey);
  // A window about 2.5 mm across: wider than a stroke, narrower than a cell.
  l_int32 half = std::max(7, static_cast<int>(dpi / 20));
  if (grey.cols < 2 * half + 3 || grey.rows < 2 * half + 3) return PixPtr(pixConvertTo1(pix.get(), 160));
  // Tiles keep Leptonica's integral images small on a 300 dpi page.
  l_int32 nx = std::max(1, grey.cols / 1000), ny = std::max(1, grey.rows / 1000);
  PIX* bin = nullptr;
  if (pixSauvolaBinarizeTiled(pix.get(), half, 0.34f, nx, ny, nullptr, &bin) != 0 || !bin)
    return PixPtr(pixConvertTo1(pix.get(), 160));
  return PixPtr(bin);
}

}  // namespace

cv::Mat ink_mask(const cv::Mat& grey, double dpi) {
  cv::Mat out(grey.size(), CV_8UC1, cv::Scalar(0));
  if (grey.empty()) return out;
  // At 200 dpi and more, half the resolution tells text from paper as well
  // (strokes stay darker than their surroundings) in a quarter of the time
  // (125 ms for a 200 dpi page at full size).
  if (dpi >= 200 && grey.cols >= 400 && grey.rows >= 400) {
    cv::Mat half;
    cv::resize(grey, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
    cv::resize(ink_mask(half, dpi / 2), out, grey.size(), 0, 0, cv::INTER_NEAREST);
    return out;
  }
  PixPtr bin = sauvola(grey, dpi);
  if (!bin) return out;
  l_uint32* data = pixGetData(bin.get());
  int wpl = pixGetWpl(bin.get());
  for (int y = 0; y < out.rows; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uchar* row = out.ptr<uchar>(y);
    for (int x = 0; x < out.cols; ++x) row[x] = GET_DATA_BIT(line, x) ? 255 : 0;
  }
  return out;
}

double find_skew(const cv::Mat& grey, double dpi) { return skew_of_ink(ink_mask(grey, dpi)); }

double skew_of_ink(const cv::Mat& ink) {
  if (ink.empty()) return 0;
  // Full resolution: pixFindSkew reduces internally, and a page downscaled
  // first lost thin text strokes to the threshold (measured: no angle found on
  // a page leaning 1.4°, where this finds it with confidence 54).
  PixPtr bin(pixCreate(ink.cols, ink.rows, 1));
  if (!bin) return 0;
  l_uint32* data = pixGetData(bin.get());
  int wpl = pixGetWpl(bin.get());
  for (int y = 0; y < ink.rows; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    const uchar* row = ink.ptr<uchar>(y);
    for (int x = 0; x < ink.cols; ++x)
      if (row[x]) SET_DATA_BIT(line, x);
  }
  l_float32 angle = 0, conf = 0;
  if (pixFindSkew(bin.get(), &angle, &conf) != 0) return 0;
  return conf >= 3.0 ? angle : 0;  // Leptonica's own threshold of a usable angle
}

cv::Mat deskew(const cv::Mat& picture, double degrees, Pixels kind) {
  if (std::abs(degrees) < 0.05) return picture;
  cv::Point2f centre(picture.cols / 2.0f, picture.rows / 2.0f);
  // Leptonica's angle is positive for a clockwise skew of the text in image
  // coordinates; OpenCV rotates counter-clockwise for positive angles.
  cv::Mat m = cv::getRotationMatrix2D(centre, -degrees, 1.0);
  bool mask = kind == Pixels::InkMask;
  cv::Mat out;
  cv::warpAffine(picture, out, m, picture.size(), mask ? cv::INTER_NEAREST : cv::INTER_LINEAR, cv::BORDER_CONSTANT,
                 cv::Scalar(mask ? 0 : 255));
  return out;
}

bool write_png(const cv::Mat& picture, const std::string& path) {
  if (picture.empty()) return false;
  if (picture.type() == CV_8UC1) {
    PixPtr pix = grey_pix(picture);
    return pixWrite(path.c_str(), pix.get(), IFF_PNG) == 0;
  }
  if (picture.type() != CV_8UC3) return false;
  PixPtr pix(pixCreate(picture.cols, picture.rows, 32));
  for (int y = 0; y < picture.rows; ++y) {
    const cv::Vec3b* row = picture.ptr<cv::Vec3b>(y);
    for (int x = 0; x < picture.cols; ++x) {
      l_uint32 v;
      composeRGBPixel(row[x][2], row[x][1], row[x][0], &v);
      pixSetPixel(pix.get(), x, y, v);
    }
  }
  return pixWrite(path.c_str(), pix.get(), IFF_PNG) == 0;
}

double ink_fraction(const cv::Mat& grey) {
  if (grey.empty()) return 0;
  cv::Mat bin;
  // A fixed level, not Otsu: on a blank page Otsu splits the paper's noise.
  cv::threshold(grey, bin, 110, 255, cv::THRESH_BINARY_INV);
  return cv::countNonZero(bin) / static_cast<double>(grey.total());
}

}  // namespace gongkai::scan
