#include "readers/scan/seal_mask.h"

#include <opencv2/imgproc.hpp>

#include "text/printed.h"
#include "text/unicode.h"

namespace gongkai::scan {
namespace {

// Red over green and blue at which a pixel is the seal's ink. Measured on
// photoify pages (the excess, red minus the larger of green and blue): warm
// paper 0-40 (6 pixels of 2.4 M at 40-49), a seal's strokes 40-150 with
// most of its ink at 50-120.
constexpr int kSealExcess = 50;

// A seal stamped on a page covers about 1 % of it (a ring 1.4 in across at
// 150 dpi holds some 10,000 ink pixels of 2.4 M); fewer red pixels than a
// tenth of that are a red word or specks, no seal.
constexpr double kMinSealShare = 0.001;

// How much larger the second look is: the cell OCR scales every number to
// one digit height, so the page's scale changes only how its pixels are
// resampled. A clean "101" beside a seal's ring (generated 0001, photo seed
// 13001, page 2) read as 104 at 0.98 at scale 1.0 and as 101 at 0.8, 0.9,
// 1.1, 1.2, 1.3 and 1.5.
constexpr double kSecondLookScale = 1.3;

bool number_text(const std::string& t) { return !t.empty() && is_value_text(to_u32(t)); }

}  // namespace

cv::Mat seal_ink(const cv::Mat& colour, Channels order) {
  if (colour.type() != CV_8UC3) return {};
  bool rgb = order == Channels::RGB;
  cv::Mat red, green, blue;
  cv::extractChannel(colour, red, rgb ? 0 : 2);
  cv::extractChannel(colour, green, 1);
  cv::extractChannel(colour, blue, rgb ? 2 : 0);
  cv::Mat excess = red - cv::max(green, blue), ink;
  cv::threshold(excess, ink, kSealExcess - 1, 255, cv::THRESH_BINARY);
  if (cv::countNonZero(ink) < kMinSealShare * static_cast<double>(ink.total())) return {};
  // The stroke's soft edge (JPEG keeps colour at half resolution) is under
  // the threshold but still the seal's: 2 px more on every side.
  cv::dilate(ink, ink, cv::getStructuringElement(cv::MORPH_ELLIPSE, {5, 5}));
  return ink;
}

void lift_seal_remains(cv::Mat& grey, const cv::Mat& colour, const cv::Mat& seal, Channels order) {
  if (seal.empty() || colour.type() != CV_8UC3 || grey.size() != colour.size() || seal.size() != grey.size()) return;
  const cv::Rect box = cv::boundingRect(seal);
  if (box.empty()) return;
  // The paper's grey per unit of its red around the seal (1 on white paper,
  // 1.1 on a light blue header row), from the pixels off the mask: the seal
  // multiplies red by about 0.95 only, so red times this ratio is the grey the
  // paper under the seal has.
  cv::Mat red, g, r, off, ratio;
  cv::extractChannel(colour(box), red, order == Channels::RGB ? 0 : 2);
  cv::bitwise_not(seal(box), off);
  grey(box).convertTo(g, CV_32F);
  red.convertTo(r, CV_32F);
  cv::Mat offf;
  off.convertTo(offf, CV_32F, 1.0 / 255);
  cv::Mat sum_g, sum_r, n;
  const cv::Size window(41, 41);
  cv::boxFilter(g.mul(offf), sum_g, CV_32F, window, {-1, -1}, false);
  cv::boxFilter(r.mul(offf), sum_r, CV_32F, window, {-1, -1}, false);
  cv::max(sum_r, 1.0, sum_r);
  cv::divide(sum_g, sum_r, ratio);
  cv::min(ratio, 1.5, ratio);
  cv::Mat lifted = r.mul(ratio);
  lifted = cv::max(lifted, g);
  lifted.convertTo(lifted, CV_8U);
  cv::Mat out = grey(box);
  lifted.copyTo(out, seal(box));
}

void drop_seal_rules(grid::Rules& rules, const cv::Mat& seal) {
  if (seal.empty()) return;
  // The share of a rule's length on the mask; a table's rule under a seal
  // crosses its ring twice, its characters now and then.
  auto on_seal = [&](const grid::Rule& r, bool vertical) {
    int n = 0, on = 0;
    for (double t = r.from; t < r.to; t += 1, ++n) {
      int x = static_cast<int>(vertical ? r.pos : t), y = static_cast<int>(vertical ? t : r.pos);
      on += x >= 0 && y >= 0 && x < seal.cols && y < seal.rows && seal.at<uchar>(y, x);
    }
    return n > 0 && on > 0.6 * n;
  };
  std::erase_if(rules.horizontal, [&](const grid::Rule& r) { return on_seal(r, false); });
  std::erase_if(rules.vertical, [&](const grid::Rule& r) { return on_seal(r, true); });
}

bool seal_touches(const cv::Mat& seal, const cv::Rect& cell) {
  if (seal.empty()) return false;
  // Inside the cell's rules: a seal crossing the rule beside it is not in it.
  cv::Rect inner = cv::Rect(cell.x + 2, cell.y + 2, cell.width - 4, cell.height - 4) & cv::Rect(0, 0, seal.cols, seal.rows);
  if (inner.width <= 0 || inner.height <= 0) return false;
  // A stroke of the seal's ring crossing a corner is some 50 pixels at
  // 150 dpi; a dozen is more than a speck of red in the JPEG's noise.
  return cv::countNonZero(seal(inner)) >= 12;
}

SealCheck second_look_under_seal(ocr::CellOcrPool& pool, const cv::Mat& grey, const cv::Mat& seal,
                                 const grid::Grid& g, std::vector<CellReadout>& cells) {
  SealCheck check;
  if (seal.empty() || seal.size() != grey.size()) return check;
  std::vector<std::pair<cv::Rect, ocr::CellKind>> ask;
  std::vector<size_t> which;
  for (size_t i = 0; i < g.cells.size() && i < cells.size(); ++i) {
    const auto& b = g.cells[i].box;
    cv::Rect r(cv::Point(static_cast<int>(b.x0), static_cast<int>(b.y0)),
               cv::Point(static_cast<int>(b.x1), static_cast<int>(b.y1)));
    if (cells[i].unread || !number_text(cells[i].text) || !seal_touches(seal, r)) continue;
    ++check.touched;
    double s = kSecondLookScale;
    ask.emplace_back(cv::Rect(static_cast<int>(r.x * s), static_cast<int>(r.y * s), static_cast<int>(r.width * s),
                              static_cast<int>(r.height * s)),
                     ocr::CellKind::Number);
    which.push_back(i);
  }
  if (ask.empty()) return check;
  cv::Mat larger;
  cv::resize(grey, larger, cv::Size(), kSecondLookScale, kSecondLookScale, cv::INTER_LINEAR);
  auto again = pool.read_page(larger, ask);
  for (size_t k = 0; k < which.size(); ++k) {
    CellReadout& cell = cells[which[k]];
    if (again[k].text == cell.text) continue;
    // Two looks, two numbers: neither is to be trusted.
    cell.unread = true;
    cell.confidence = std::min(cell.confidence, again[k].confidence);
    ++check.doubted;
  }
  return check;
}

std::string seal_coverage(const SealCheck& check) {
  if (check.doubted == 0) return "";
  return "seal coverage: a red seal lies over " + std::to_string(check.touched) + " number cells, and " +
         std::to_string(check.doubted) + " of them read differently at a second look; those are left unread";
}

void report_seal_coverage(ScanPage& page, const SealCheck& check) {
  std::string why = seal_coverage(check);
  if (why.empty()) return;
  page.layout.findings.push_back(
      {"scan.page_quality", "page " + std::to_string(page.number) + ": its cells cannot all be trusted (" + why + ")",
       false});
}

}  // namespace gongkai::scan
