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
  double dpi = 300;    // as recorded in the file, or estimated from an A4 page
  bool dpi_known = false;
};

// True when the bytes are an image format Leptonica reads (PNG, JPEG, TIFF, BMP…).
bool is_image(std::string_view bytes);

// Every page of an image file (multi-page TIFF included), grey. Very large
// photos are scaled down to `max_side` pixels on their long side. Throws
// ReadError when the image cannot be decoded.
std::vector<PageImage> decode_image(std::string_view bytes, int max_side = 4200);

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
