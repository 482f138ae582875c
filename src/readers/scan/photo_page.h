// Clean-up of phone photos and colour scans before the grid is looked for:
// red seal ink dropped by colour, the page's outline found and rectified (a
// perspective transform, not only a deskew), the light flattened, and how
// damaged the page is (blur, resolution).
#pragma once
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace gongkai::scan {

// A colour page (CV_8UC3) as grey with red ink dropped: its luminance,
// lifted where red exceeds green and blue (a seal's ink) by that excess. A
// seal's strokes become paper, and a digit printed under a seal, dark in
// every channel, stays a digit. A grey page (CV_8UC1) is returned as it is.
enum class Channels { BGR, RGB };
cv::Mat grey_without_red(const cv::Mat& colour, Channels order = Channels::BGR);

// The page found in a photo: where its corners are, and the page rectified.
struct PageOutline {
  bool desk_visible = false;  // a darker surround shows around the page
  bool found = false;         // a quadrilateral page was found in it
  bool more_pages = false;    // another region nearly as large: two pages in one photo
  std::vector<cv::Point2f> corners;  // top-left, top-right, bottom-right, bottom-left
  cv::Mat rectified;                 // the page alone, upright rectangle (when found)
  cv::Mat transform;                 // photo -> rectified (3x3 perspective, when found)
};

// Looks for the sheet of paper in `grey`: the largest bright four-sided region
// standing out from a darker surround. A page that fills the image (a scan)
// has no desk around it: desk_visible false, nothing to do.
// An outline about as tall as an A4 sheet (within 10 %) is rectified to A4
// at `dpi` when it is given.
PageOutline find_page_outline(const cv::Mat& grey, double dpi = 0);

// `grey` with the light flattened: divided by an estimate of its paper (a
// wide maximum filter, which removes print, smoothed), so a gradient or a
// shadow across the page leaves the paper one level and the ink dark.
// A mask of the photo (the seal's ink: seal_mask.h) moved as the page was
// rectified, so that it stays over the same print; the mask itself when no
// outline was found, or when it is empty.
cv::Mat rectify_like(const PageOutline& outline, const cv::Mat& mask);

cv::Mat flatten_background(const cv::Mat& grey, double dpi);

// How many pixels (at 200 dpi) a dark-to-light edge of the print takes: the
// contrast between paper and ink over the steepest slopes. 0 when the page
// holds too little print to tell.
double edge_width(const cv::Mat& grey, double dpi);

// `grey` sharpened (an unsharp mask) when its print is soft but not
// damaged: edges spread over more than a sharp photo's (edge_width over
// 2.75 px at 200 dpi) and no more than why_damaged allows. `grey` itself
// otherwise: a flatbed scan is left as its thresholds were tuned on.
// `measured`, when given, is set to the edge width of `grey` it measured.
cv::Mat sharpen_if_soft(const cv::Mat& grey, double dpi, double* measured = nullptr);

// Why a page is too damaged to trust its cells ("" when it is not): blur
// (edges spread over more than about 2.5 px), or resolution (a page under
// about 110 dpi across its width).
// `width`: grey's edge_width when already measured (negative: measured here).
std::string why_damaged(const cv::Mat& grey, double dpi, double width = -1);

}  // namespace gongkai::scan
