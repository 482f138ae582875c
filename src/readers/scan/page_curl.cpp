#include "readers/scan/page_curl.h"

#include <leptonica/allheaders.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>
#include <vector>
#include <opencv2/imgproc.hpp>

#include "readers/scan/leptonica_pix.h"

namespace gongkai::scan {
namespace {

struct DewarpaFree {
  void operator()(L_DEWARPA* d) const { dewarpaDestroy(&d); }
};
using Dewarpa = std::unique_ptr<L_DEWARPA, DewarpaFree>;

// The page's long horizontal rules at half size (255 on 0): ink (Otsu's
// level) thickened down by 1.2 mm, so a bowed rule stays one run (at half a
// millimetre, the opening cut a rule bowed by 2.4 mm into straight pieces),
// then opened along the line by 8 mm, longer than any glyph's stroke.
cv::Mat horizontal_rules(const cv::Mat& grey, double px_per_mm) {
  // Halved by the darker of each 2x2: averaged, a thin faint rule fell under
  // Otsu's level and most of table 三's rules were lost (photoify curl).
  cv::Mat half, ink;
  cv::erode(grey, half, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(2, 2)), cv::Point(0, 0));
  cv::resize(half, half, cv::Size(), 0.5, 0.5, cv::INTER_NEAREST);
  cv::threshold(half, ink, 0, 255, cv::THRESH_BINARY_INV | cv::THRESH_OTSU);
  int thick = std::max(3, static_cast<int>(std::lround(1.2 * px_per_mm)) | 1);
  int run = std::max(21, static_cast<int>(std::lround(8 * px_per_mm)));
  cv::dilate(ink, ink, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(1, thick)));
  cv::morphologyEx(ink, ink, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, cv::Size(run, 1)));
  return ink;
}

// The long rules of a page: their centre lines, how far (mm) the second most
// bowed departs from its chord (a parabola fitted to each centre line), and the
// rows they span. The rules are few, so this is cheap, and Leptonica's model
// (2-3 % of a 300 dpi scan's CPU, perf) is built only for pages whose rules
// bow. Leptonica is given these centre lines: its own text-line finder built
// no model on two of three bowed table pages (photoify curl, seed 12001).
struct RuleBand {
  double bow_mm = 0;
  int top = 0, bottom = 0;  // rows at the rules' size
  std::vector<std::vector<cv::Point2f>> lines;
};

RuleBand long_rules(const cv::Mat& rules, double px_per_mm) {
  cv::Mat labels, stats, centroids;
  int n = cv::connectedComponentsWithStats(rules, labels, stats, centroids, 8, CV_32S);
  RuleBand band{0, rules.rows, 0, {}};
  std::vector<double> bows;
  for (int i = 1; i < n; ++i) {
    int x0 = stats.at<int>(i, cv::CC_STAT_LEFT), w = stats.at<int>(i, cv::CC_STAT_WIDTH);
    int y0 = stats.at<int>(i, cv::CC_STAT_TOP), h = stats.at<int>(i, cv::CC_STAT_HEIGHT);
    if (w < rules.cols / 4) continue;  // a long rule only
    band.top = std::min(band.top, y0), band.bottom = std::max(band.bottom, y0 + h);
    std::vector<cv::Point2f>& line = band.lines.emplace_back();
    // Least squares of y = c0 + c1 u + c2 u² over the centre line, u from -1 to 1.
    cv::Mat A = cv::Mat::zeros(3, 3, CV_64F), B = cv::Mat::zeros(3, 1, CV_64F);
    for (int x = x0; x < x0 + w; x += 4) {
      double sum = 0;
      int count = 0;
      for (int y = y0; y < y0 + h; ++y)
        if (labels.at<int>(y, x) == i) sum += y, ++count;
      if (count == 0) continue;
      line.emplace_back(static_cast<float>(x), static_cast<float>(sum / count));
      double u = 2.0 * (x - x0) / w - 1, p[3] = {1, u, u * u};
      for (int r = 0; r < 3; ++r) {
        B.at<double>(r) += p[r] * sum / count;
        for (int c = 0; c < 3; ++c) A.at<double>(r, c) += p[r] * p[c];
      }
    }
    cv::Mat coef;
    if (!cv::solve(A, B, coef, cv::DECOMP_SVD)) continue;
    bows.push_back(std::abs(coef.at<double>(2)) / px_per_mm);  // the sagitta over u in [-1, 1]
  }
  // The second most bowed rule's bow: one odd rule is not a page that did
  // not lie flat. With the most bowed alone, a flat scan was flattened
  // (eval_scan seed 71, generated 0001 at 211 dpi read at 200: one rule at
  // 0.39 mm, the next 0.11) and its table 三 lost 175 cells; with the median,
  // a curled table 四 alone on its page (bows 0.38, 0.33, 0.16, 0.07, 0.04 mm;
  // photoify all,curl, seed 153) was left bowed and lost its 15 cells.
  if (bows.size() >= 2) {
    std::nth_element(bows.begin(), bows.begin() + 1, bows.end(), std::greater<>());
    band.bow_mm = bows[1];
  }
  return band;
}

// `grey` and `seal` (empty: none) moved by the model's vertical disparity,
// interpolated (bicubic). Leptonica's own dewarpaApplyDisparity moves whole
// rows, so a digit 20 px tall gains or loses a row part-way across: on
// photoify's curl (seed 12, the three real reports) 2 cells read wrong with
// no finding; bilinear left none wrong but 55 unread (the light serif
// digits softened), bicubic 32.
// Paper (255) and no seal come in from outside. False when Leptonica cannot
// give the disparity at full size.
bool apply(L_DEWARP* dew, cv::Mat& grey, cv::Mat& seal) {
  PixPtr frame(pixCreate(grey.cols, grey.rows, 8));
  if (dewarpPopulateFullRes(dew, frame.get(), 0, 0) != 0 || !dew->fullvdispar) return false;
  int fw = 0, fh = 0;
  fpixGetDimensions(dew->fullvdispar, &fw, &fh);
  if (fw < grey.cols || fh < grey.rows) return false;
  const l_float32* disparity = fpixGetData(dew->fullvdispar);
  const int wpl = fpixGetWpl(dew->fullvdispar);
  cv::Mat mx(grey.size(), CV_32F), my(grey.size(), CV_32F);
  for (int y = 0; y < grey.rows; ++y) {
    const l_float32* row = disparity + static_cast<size_t>(y) * wpl;
    float *to_x = mx.ptr<float>(y), *to_y = my.ptr<float>(y);
    for (int x = 0; x < grey.cols; ++x) to_x[x] = static_cast<float>(x), to_y[x] = static_cast<float>(y) - row[x];
  }
  cv::remap(grey, grey, mx, my, cv::INTER_CUBIC, cv::BORDER_CONSTANT, cv::Scalar(255));
  if (!seal.empty()) cv::remap(seal, seal, mx, my, cv::INTER_NEAREST, cv::BORDER_CONSTANT, cv::Scalar(0));
  return true;
}

}  // namespace

PageCurl flatten_curl(cv::Mat& grey, cv::Mat& seal, double dpi) {
  PageCurl out;
  if (grey.empty() || grey.type() != CV_8UC1 || dpi <= 0) return out;
  setMsgSeverity(L_SEVERITY_NONE);  // the dewarper's reports on each page are not ours to print
  const double px_per_mm = dpi / 2 / 25.4;  // at half size
  cv::Mat rules = horizontal_rules(grey, px_per_mm);
  // Four rules at least: table 四 alone on a page has four or five (at six,
  // a bowed one was not flattened and its 15 cells were lost, generated
  // reports, photoify curl); running text has none. And half the flattening
  // threshold on one rule's own length: the model measures the bow over the
  // page's width, which is longer.
  constexpr int kMinRules = 4;
  RuleBand band = long_rules(rules, px_per_mm);
  if (static_cast<int>(band.lines.size()) < kMinRules || band.bow_mm < kCurlFlattenMm / 2) return out;
  // The model is built and applied on the rows the rules span, a millimetre
  // more each way: Leptonica wants lines over most of its page's height, and
  // the text outside keeps its rows.
  int margin = static_cast<int>(std::ceil(px_per_mm));
  int top = std::max(0, band.top - margin), bottom = std::min(rules.rows, band.bottom + margin);
  PTAA* centres = ptaaCreate(static_cast<int>(band.lines.size()));
  for (auto& line : band.lines) {
    PTA* pta = ptaCreate(static_cast<int>(line.size()));
    for (auto& p : line) ptaAddPt(pta, p.x, p.y - static_cast<float>(top));
    ptaaAddPta(centres, pta, L_INSERT);
  }
  // Built at half size (redfactor 2), applied at full.
  Dewarpa dewa(dewarpaCreate(1, 30, 2, kMinRules, -1));
  dewarpaUseBothArrays(dewa.get(), 0);
  PixPtr frame(pixCreate(rules.cols, bottom - top, 1));
  L_DEWARP* dew = dewarpCreate(frame.get(), 0);
  dewarpaInsertDewarp(dewa.get(), dew);  // owned by dewa from here
  int failed = dewarpFindVertDisparity(dew, centres, 0);
  ptaaDestroy(&centres);
  if (failed || !dew->vsuccess) return out;
  // Curvature in micro-units: y = c * 1e-6 * x² at the reduced size.
  double curvature = std::max(std::abs(dew->mincurv), std::abs(dew->maxcurv)) * 1e-6;
  double half_width = rules.cols / 2.0;
  out.sagitta_mm = curvature * half_width * half_width / px_per_mm;
  if (out.sagitta_mm < kCurlFlattenMm) return out;
  // New images: `grey` and `seal` may share their pixels with the page as
  // given, which is read again if it turns out to be turned.
  const cv::Range rows(2 * top, std::min(grey.rows, 2 * bottom));
  bool with_seal = !seal.empty() && seal.size() == grey.size();
  cv::Mat part = grey.rowRange(rows).clone(), part_seal = with_seal ? seal.rowRange(rows).clone() : cv::Mat();
  if (!apply(dew, part, part_seal)) return out;
  grey = grey.clone();
  part.copyTo(grey.rowRange(rows));
  if (with_seal) {
    seal = seal.clone();
    part_seal.copyTo(seal.rowRange(rows));
  }
  out.flattened = true;
  return out;
}

}  // namespace gongkai::scan
