#include "readers/scan/photo_page.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <opencv2/imgproc.hpp>

#include "readers/scan/seal_mask.h"

namespace gongkai::scan {

cv::Mat grey_without_red(const cv::Mat& colour, Channels order) {
  if (colour.type() != CV_8UC3) return colour;
  bool rgb = order == Channels::RGB;
  cv::Mat luma, red, green, blue;
  cv::cvtColor(colour, luma, rgb ? cv::COLOR_RGB2GRAY : cv::COLOR_BGR2GRAY);
  cv::extractChannel(colour, red, rgb ? 0 : 2);
  cv::extractChannel(colour, green, 1);
  cv::extractChannel(colour, blue, rgb ? 2 : 0);
  // Luminance keeps the print's shape: JPEG stores colour at half resolution,
  // and the red channel alone (tried first) blurred digit edges on warm paper
  // (6 more cells of 203 unread on colour-only copies). Where red exceeds
  // green and blue, the seal's ink, luminance is lifted by that excess: a
  // seal stroke on paper (luminance about half the paper's, excess about
  // 60 %) becomes paper, while black print under the seal, dark in every
  // channel, has little excess and stays dark. The first 12 levels of excess
  // are a warm paper's tone, not ink.
  cv::Mat excess = red - cv::max(green, blue);  // saturates at 0
  cv::subtract(excess, 12, excess);
  cv::scaleAdd(excess, 0.9, luma, luma);
  // What that lift leaves of a seal over a tinted row (seal_mask.h).
  lift_seal_remains(luma, colour, seal_ink(colour, order), order);
  return luma;
}

namespace {

// Edge width (px at 200 dpi) over which a page is called too blurred: see
// edge_width's measurements in the header.
constexpr double kBlurLimit = 6.0;

// Corners in the order top-left, top-right, bottom-right, bottom-left.
std::vector<cv::Point2f> ordered(const std::vector<cv::Point>& quad, double scale) {
  std::vector<cv::Point2f> p;
  for (auto& q : quad) p.emplace_back(static_cast<float>(q.x / scale), static_cast<float>(q.y / scale));
  auto by = [&](auto key, bool least) {
    return *std::min_element(p.begin(), p.end(), [&](auto& a, auto& b) { return least ? key(a) < key(b) : key(a) > key(b); });
  };
  auto sum = [](const cv::Point2f& a) { return a.x + a.y; };
  auto diff = [](const cv::Point2f& a) { return a.x - a.y; };
  return {by(sum, true), by(diff, false), by(sum, false), by(diff, true)};
}

// The contour simplified to four corners, or empty when it is no quadrilateral.
std::vector<cv::Point> four_corners(const std::vector<cv::Point>& contour) {
  std::vector<cv::Point> hull, quad;
  cv::convexHull(contour, hull);
  double perimeter = cv::arcLength(hull, true);
  // 1 % of the perimeter keeps a corner cut by the frame's edge a fifth side;
  // 6 % merges a page's slightly curled edge into one side.
  for (double eps = 0.01; eps <= 0.06; eps += 0.005) {
    cv::approxPolyDP(hull, quad, eps * perimeter, true);
    if (quad.size() == 4 && cv::isContourConvex(quad)) return quad;
    if (quad.size() < 4) break;
  }
  return {};
}

// Whether the quadrilateral's sides are a sheet's edges: paper just inside,
// clearly darker just outside, wherever a side is not the frame's own edge.
// Each side on its own: a page whose dim corner (the light falling off by a
// quarter, a shadow band over it) fell below the paper's threshold gave a
// quadrilateral with one side across the page, three sharp sides outvoting
// it (generated 0000, photo seed 43000, page 3: the page rectified askew,
// table 三 lost, 134 cells).
bool sharp_edges(const cv::Mat& small, const std::vector<cv::Point>& quad) {
  cv::Point2f centre(0, 0);
  for (auto& q : quad) centre += cv::Point2f(q) * 0.25f;
  int sides = 0;
  for (int s = 0; s < 4; ++s) {
    cv::Point2f a = quad[s], b = quad[(s + 1) % 4], mid = (a + b) * 0.5f;
    cv::Point2f d = b - a, n(-d.y, d.x);
    n *= 1.0f / std::max(1e-3f, static_cast<float>(cv::norm(n)));
    if (n.dot(centre - mid) < 0) n = -n;  // inward
    std::vector<double> steps;
    for (int k = 1; k < 20; ++k) {
      cv::Point2f p = a + d * (k / 20.0f);
      cv::Point in = p + n * 4, outside = p - n * 4;
      cv::Rect frame(0, 0, small.cols, small.rows);
      if (!frame.contains(in) || !frame.contains(outside)) continue;
      double i = small.at<uchar>(in), o = small.at<uchar>(outside);
      steps.push_back(i > 0 ? (i - o) / i : 0);
    }
    if (steps.size() < 5) continue;  // along the frame's edge: nothing to judge
    std::nth_element(steps.begin(), steps.begin() + steps.size() / 2, steps.end());
    if (steps[steps.size() / 2] <= 0.25) return false;
    ++sides;
  }
  return sides >= 2;
}

// The page's four corners in `small` (empty when none is found), from its
// `paper` mask; sets out.more_pages when another region is nearly as large.
std::vector<cv::Point> page_quad(const cv::Mat& small, cv::Mat paper, PageOutline& out) {
  // Print and rules make holes in the paper; a closing fills them.
  cv::morphologyEx(paper, paper, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {9, 9}));
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(paper, contours, cv::RETR_EXTERNAL, cv::CHAIN_APPROX_SIMPLE);
  if (contours.empty()) return {};
  std::sort(contours.begin(), contours.end(),
            [](auto& a, auto& b) { return cv::contourArea(a) > cv::contourArea(b); });
  double area = cv::contourArea(contours[0]);
  if (area < 0.15 * small.total()) return {};  // no region big enough to be the page
  out.more_pages = contours.size() > 1 && cv::contourArea(contours[1]) > 0.5 * area;
  auto quad = four_corners(contours[0]);
  if (quad.empty() || !sharp_edges(small, quad)) return {};
  return quad;
}

}  // namespace

PageOutline find_page_outline(const cv::Mat& grey, double dpi) {
  PageOutline out;
  if (grey.empty() || grey.type() != CV_8UC1) return out;
  // About 600 px on the long side is ample for a page's edges, and quick.
  double scale = std::min(1.0, 600.0 / std::max(grey.cols, grey.rows));
  cv::Mat small, paper;
  cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
  cv::GaussianBlur(small, small, cv::Size(5, 5), 0);
  double otsu = cv::threshold(small, paper, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
  // The desk shows when most of the frame's outer ring is darker than paper.
  int ring = std::max(2, std::min(small.cols, small.rows) / 100);
  cv::Mat border(paper.size(), CV_8UC1, cv::Scalar(255));
  border(cv::Rect(ring, ring, paper.cols - 2 * ring, paper.rows - 2 * ring)).setTo(0);
  double dark = 1.0 - cv::countNonZero(paper & border) / static_cast<double>(cv::countNonZero(border));
  // ...and is much darker than it: a desk, not the dim side of a page lit
  // from one side (light falling off by 25 % made Otsu split a bare page in
  // two, and its bright part was "rectified": a table lost).
  double desk_level = cv::mean(small, border & ~paper)[0], paper_level = cv::mean(small, paper)[0];
  out.desk_visible = dark > 0.5 && desk_level < 0.6 * paper_level;
  if (!out.desk_visible) return out;
  // The paper: brighter than Otsu's level, or, when that leaves no
  // quadrilateral with four sharp sides (a dim corner of the page fell under
  // it), than levels nearer the desk's.
  std::vector<cv::Point> quad;
  for (double k : {0.0, 0.3, 0.55}) {
    if (k > 0) cv::threshold(small, paper, otsu - k * (otsu - desk_level), 255, cv::THRESH_BINARY);
    quad = page_quad(small, paper, out);
    if (!quad.empty() || out.more_pages) break;
  }
  if (quad.empty()) return out;
  out.corners = ordered(quad, scale);
  auto len = [](cv::Point2f a, cv::Point2f b) { return std::hypot(a.x - b.x, a.y - b.y); };
  auto& c = out.corners;
  int w = static_cast<int>(std::lround(std::max(len(c[0], c[1]), len(c[3], c[2]))));
  int h = static_cast<int>(std::lround(std::max(len(c[0], c[3]), len(c[1], c[2]))));
  // An A4 sheet becomes A4 at `dpi`: every page of a report the same size,
  // so a table continued on the next page lines up with its first part (each
  // photo's own outline made the pages differ by 1-2 %, and the continued
  // rows of table 三 were not stitched to it: 64 cells lost).
  if (dpi > 0 && std::abs(static_cast<double>(h) / std::max(w, 1) / std::sqrt(2.0) - 1) < 0.1)
    w = static_cast<int>(std::lround(8.27 * dpi)), h = static_cast<int>(std::lround(11.69 * dpi));
  std::vector<cv::Point2f> to = {{0, 0}, {float(w - 1), 0}, {float(w - 1), float(h - 1)}, {0, float(h - 1)}};
  out.transform = cv::getPerspectiveTransform(c, to);
  cv::warpPerspective(grey, out.rectified, out.transform, cv::Size(w, h), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
  out.found = true;
  return out;
}

cv::Mat rectify_like(const PageOutline& outline, const cv::Mat& mask) {
  if (!outline.found || mask.empty() || outline.transform.empty()) return mask;
  cv::Mat out;
  cv::warpPerspective(mask, out, outline.transform, outline.rectified.size(), cv::INTER_NEAREST, cv::BORDER_CONSTANT,
                      cv::Scalar(0));
  return out;
}

cv::Mat flatten_background(const cv::Mat& grey, double dpi) {
  if (grey.empty()) return grey;
  // The paper estimated at about 50 dpi: a maximum filter 7 mm wide is wider
  // than any stroke or character (10.5 pt is 3.7 mm), so print vanishes and
  // only the paper's light remains.
  double scale = std::min(1.0, 50.0 / std::max(dpi, 1.0));
  cv::Mat small, bg;
  cv::resize(grey, small, cv::Size(), scale, scale, cv::INTER_AREA);
  int k = std::max(3, static_cast<int>(std::lround(0.28 * dpi * scale)) | 1);
  // A closing (maximum, then minimum), not the maximum alone: the maximum
  // alone spread the light's bright side 7 mm into a shadow band's edge and
  // left 26 levels of it on the flattened paper.
  cv::morphologyEx(small, bg, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_RECT, {k, k}));
  cv::GaussianBlur(bg, bg, cv::Size(0, 0), k / 4.0);
  // Even light (a flatbed scan) is left as it is: the readers' thresholds
  // were tuned on such pages. Uneven: the paper's brightest and darkest
  // tenth differ by more than 12 % (scanify's lighting stays under 9 %).
  std::vector<uchar> levels(bg.begin<uchar>(), bg.end<uchar>());
  std::sort(levels.begin(), levels.end());
  double lo = levels[levels.size() / 10], hi = levels[levels.size() * 9 / 10];
  if (hi <= 0 || (hi - lo) / hi < 0.12) return grey;
  cv::resize(bg, bg, grey.size(), 0, 0, cv::INTER_LINEAR);
  cv::Mat out;
  cv::divide(grey, cv::max(bg, 1), out, hi);  // paper to the page's bright level, not to white
  return out;
}

namespace {

// The value of sorted rank `rank` among the counts of `hist` (values 0..n-1).
int value_at_rank(const std::vector<size_t>& hist, size_t rank) {
  size_t seen = 0;
  for (size_t v = 0; v < hist.size(); ++v)
    if ((seen += hist[v]) > rank) return static_cast<int>(v);
  return static_cast<int>(hist.size()) - 1;
}

// The gradient magnitude at sorted rank `rank` over the page, on Sobel's
// integer output (magnitude = sqrt(gx² + gy²) / 8, squares exact in 32 bits):
// a histogram of the squares' upper bits finds the bin holding the rank, and
// only that bin's values are sorted. Copying the page's 8.7 million float
// magnitudes at 300 dpi and nth_element over them had been 16 % of a 6-page
// scan's CPU (perf, two calls per page). The rank sought is near the top, so
// the squares under `floor` (paper, most of the page) are counted only by
// what is left: counting them into one bin had made every increment wait
// for the one before (2.5x the time of the whole function).
double magnitude_at_rank(const cv::Mat& grey, size_t rank, int floor = 64 * 64) {
  cv::Mat gx, gy;
  cv::Sobel(grey, gx, CV_16S, 1, 0, 3);
  cv::Sobel(grey, gy, CV_16S, 0, 1, 3);
  constexpr int kShift = 8;  // squares reach 2 * 1020², 2^21: 8192 bins
  std::vector<size_t> hist((2 * 1020 * 1020 >> kShift) + 1, 0);
  for (int y = 0; y < grey.rows; ++y) {
    const short *a = gx.ptr<short>(y), *b = gy.ptr<short>(y);
    for (int x = 0; x < grey.cols; ++x)
      if (int m2 = a[x] * a[x] + b[x] * b[x]; m2 >= floor) ++hist[m2 >> kShift];
  }
  size_t below = grey.total();
  for (size_t c : hist) below -= c;
  // The rank lies under the floor (a page of paper): everything is counted.
  if (below > rank && floor > 0) return magnitude_at_rank(grey, rank, 0);
  int bin = floor >> kShift;
  for (; bin < static_cast<int>(hist.size()) && below + hist[bin] <= rank; ++bin) below += hist[bin];
  std::vector<int> in_bin;
  for (int y = 0; y < grey.rows; ++y) {
    const short *a = gx.ptr<short>(y), *b = gy.ptr<short>(y);
    for (int x = 0; x < grey.cols; ++x)
      if (int m2 = a[x] * a[x] + b[x] * b[x]; (m2 >> kShift) == bin && m2 >= floor) in_bin.push_back(m2);
  }
  if (in_bin.empty()) return 0;
  size_t k = std::min(rank - below, in_bin.size() - 1);
  std::nth_element(in_bin.begin(), in_bin.begin() + static_cast<long>(k), in_bin.end());
  return std::sqrt(static_cast<float>(in_bin[k]) / 64.0f);
}

// Counts of each grey level, in four interleaved tables: a page is mostly
// one paper level, and one table would make each count wait for the last.
std::vector<size_t> grey_levels(const cv::Mat& grey) {
  std::vector<uint32_t> t(4 * 256, 0);
  for (int y = 0; y < grey.rows; ++y) {
    const uchar* p = grey.ptr<uchar>(y);
    int x = 0;
    for (; x + 4 <= grey.cols; x += 4) ++t[p[x]], ++t[256 + p[x + 1]], ++t[512 + p[x + 2]], ++t[768 + p[x + 3]];
    for (; x < grey.cols; ++x) ++t[p[x]];
  }
  std::vector<size_t> levels(256, 0);
  for (int v = 0; v < 256; ++v) levels[v] = size_t{t[v]} + t[256 + v] + t[512 + v] + t[768 + v];
  return levels;
}

}  // namespace

double edge_width(const cv::Mat& grey, double dpi) {
  if (grey.empty() || grey.type() != CV_8UC1) return 0;
  // Blur: how many pixels a dark-to-light edge takes. At the sharpest edges
  // the slope is the contrast over the edge's width.
  const size_t n = grey.total();
  double slope = magnitude_at_rank(grey, static_cast<size_t>(0.998 * (n - 1)));
  std::vector<size_t> levels = grey_levels(grey);
  double paper = value_at_rank(levels, n / 2), ink = value_at_rank(levels, n / 200);
  if (paper - ink < 40 || slope <= 0) return 0;  // no print to judge by
  return (paper - ink) / slope * 200 / std::max(dpi, 1.0);
}

cv::Mat sharpen_if_soft(const cv::Mat& grey, double dpi, double* measured) {
  // Edge widths measured (px at 200 dpi): scanify's scans 1.5-2.3, photoify
  // pages without blur 2.1-2.6, with blur 2.3-3.4. On a blurred page the
  // light strokes of 规章 (generated 0001, photo seed 13001, all effects)
  // read as nothing at any scale, and as 规章 at 0.96 once sharpened; the
  // row's three values were lost with it. Half strength: at full strength the
  // title of generated 0002 (all effects) lost a character (梁溪 as 梁混).
  constexpr double kSoft = 2.75;
  double width = edge_width(grey, dpi);
  if (measured) *measured = width;
  if (width <= kSoft || width > kBlurLimit) return grey;
  cv::Mat soft, out;
  cv::GaussianBlur(grey, soft, cv::Size(0, 0), 1.5 * dpi / 200);
  cv::addWeighted(grey, 1.5, soft, -0.5, 0, out);
  return out;
}

std::string why_damaged(const cv::Mat& grey, double dpi, double width) {
  if (grey.empty()) return "";
  if (dpi < 110)
    return "resolution: about " + std::to_string(static_cast<int>(dpi)) + " dpi, too coarse for digits to be read";
  if (width < 0) width = edge_width(grey, dpi);
  if (width > kBlurLimit)
    return "blur: edges spread over " + std::to_string(static_cast<int>(std::lround(width))) +
           " px at 200 dpi, too soft for digits to be told apart";
  return "";
}

}  // namespace gongkai::scan
