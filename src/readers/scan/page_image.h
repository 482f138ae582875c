// Page images for the scan reader: decoding image files (Leptonica), the
// grey page kept for OCR, and the clean-up before the grid is looked for.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>

namespace gongkai::scan {

struct PageImage {
  cv::Mat grey;        // CV_8UC1
  cv::Mat seal;        // where a red seal's ink lies on it (seal_mask.h); empty: none
  double dpi = 300;    // as recorded in the file, or estimated from an A4 page
  bool dpi_known = false;
};

// A JPEG's EXIF orientation (1..8; 1, upright, when it records none).
int exif_orientation(std::string_view jpeg);

// True when the bytes are an image format Leptonica reads (PNG, JPEG, TIFF, BMP…).
bool is_image(std::string_view bytes);

// The most pixels an image page is decoded at. An A4 page scanned at 600 dpi
// has 35 M, a 48-megapixel photo 48 M; a 20000x20000 grey PNG (440 KB of
// file) took 1.2 GB to decode whole. A JPEG over it is decoded reduced (its
// decoder scales by 2, 4 or 8 as it goes); another image over it is refused.
// At this size a colour page peaks near 700 MB while it is made grey.
constexpr long long kMaxPixels = 100'000'000;

// An image file's pages (a multi-page TIFF's, or the one of any other
// format), decoded one at a time when asked for: a 200-page TIFF decoded
// whole took 950 MB, a 2,000-page one 7.7 GB.
class ImageFile {
 public:
  // Throws ReadError when the bytes are no image Leptonica reads. The bytes
  // are read in place: they must outlive the ImageFile.
  explicit ImageFile(std::string_view bytes);
  int pages() const { return pages_; }
  // Page `n` (from 0), grey, scaled down to `max_side` pixels on its long
  // side. Its size is read from the file's header first: throws ReadError
  // when the page cannot be decoded or is over kMaxPixels (and no JPEG).
  PageImage page(int n, int max_side = 4200) const;

 private:
  std::string_view bytes_;
  int format_ = 0;
  int pages_ = 0;
};

// The page's skew in degrees (positive: text lines rise to the right), from
// Leptonica's line-sweep on a copy binarised locally (Sauvola); 0 when it
// cannot tell.
double find_skew(const cv::Mat& grey, double dpi = 300);
// The same from a page's ink mask (ink_mask), when it is at hand.
double skew_of_ink(const cv::Mat& ink);

// The page's ink (255) against its paper (0), binarised locally (Sauvola, a
// window of about 2.5 mm at `dpi`): uneven light does not become ink.
cv::Mat ink_mask(const cv::Mat& grey, double dpi);

// What a picture to deskew holds: a grey page, or an ink mask (ink_mask).
enum class Pixels { Grey, InkMask };

// Rotates by -`degrees` about the centre, white filling the corners (or,
// for an ink mask, paper: 0, nearest neighbour, so the mask stays 0 or 255).
cv::Mat deskew(const cv::Mat& picture, double degrees, Pixels kind = Pixels::Grey);

// Writes a grey or BGR picture as PNG through Leptonica (OpenCV's image
// codecs would pull some hundred libraries into the binary's start-up).
bool write_png(const cv::Mat& picture, const std::string& path);

// Share of dark pixels: a blank page has almost none.
double ink_fraction(const cv::Mat& grey);

}  // namespace gongkai::scan
