// The digit count of a number cell: see digit_count.h.
#include "ocr/digit_count.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace gongkai::ocr {
namespace {

// A digit is at most this wide for its height (its ink, not its advance).
// Measured on the 11748 number cells read with confidence >= 0.9 from
// photoify copies of the real and generated reports (Times New Roman, SimSun,
// WenQuanYi digits, 150-200 dpi): the widest run of tall columns that was one
// digit was 0.75 of the digit height (a 2, an 8); a 0 has a median 0.58. Two
// narrow digits together (47, 31, 41) can be as narrow as 0.71, which is why
// two runs are merged only when faint ink also closes the gap above and below.
constexpr double kMaxDigitWidth = 0.8;

// Columns [x0, x1] whose ink spans most of the digit height.
struct ColumnRun {
  int x0 = 0, x1 = 0;
  bool joined = false;  // two runs joined as one split digit
};

// Runs of adjacent columns of `ink` (within `bb`) whose ink spans at least
// 0.6 `digit_h` from its top to its bottom pixel.
std::vector<ColumnRun> tall_runs(const cv::Mat& ink, const cv::Rect& bb, double digit_h) {
  std::vector<ColumnRun> runs;
  bool in_run = false;
  for (int x = bb.x; x < bb.x + bb.width; ++x) {
    int top = -1, bottom = -1;
    for (int y = bb.y; y < bb.y + bb.height; ++y)
      if (ink.at<uchar>(y, x)) {
        if (top < 0) top = y;
        bottom = y;
      }
    const bool tall = top >= 0 && bottom - top + 1 >= 0.6 * digit_h;
    if (tall && !in_run) runs.push_back({x, x});
    if (tall) runs.back().x1 = x;
    in_run = tall;
  }
  return runs;
}

// Whether every column between runs `a` and `b` holds faint ink (darker than
// `faint`) near the top and near the bottom of the digit band: the hairlines
// of one serif 0 (or the top of a 6) that fell under the ink threshold, not the
// space between two digits (open above or below: nothing joins the tops and the
// feet of two digits).
bool closed_above_and_below(const cv::Mat& g, const ColumnRun& a, const ColumnRun& b, const DigitRows& d, int faint) {
  const int reach = std::max(2, (int)std::lround(0.3 * d.height()));
  for (int x = a.x1 + 1; x < b.x0; ++x) {
    bool above = false, below = false;
    for (int y = d.top; y < std::min(d.bot, d.top + reach); ++y) above = above || g.at<uchar>(y, x) < faint;
    for (int y = std::max(d.top, d.bot - reach); y < d.bot; ++y) below = below || g.at<uchar>(y, x) < faint;
    if (!above || !below) return false;
  }
  return true;
}

// `runs` with the pairs that make one digit merged, the narrowest pair first:
// two runs no wider together than one digit (`widest`) and joined above and
// below by ink darker than `faint`.
std::vector<ColumnRun> merge_split_digits(std::vector<ColumnRun> runs, const cv::Mat& g, const DigitRows& d,
                                          int faint, double widest) {
  for (;;) {
    int best = -1;
    for (int i = 0; i + 1 < (int)runs.size(); ++i) {
      const int w = runs[i + 1].x1 - runs[i].x0 + 1;
      if (w > widest || (best >= 0 && w >= runs[best + 1].x1 - runs[best].x0 + 1)) continue;
      if (closed_above_and_below(g, runs[i], runs[i + 1], d, faint)) best = i;
    }
    if (best < 0) return runs;
    runs[best].x1 = runs[best + 1].x1;
    runs[best].joined = true;
    runs.erase(runs.begin() + best + 1);
  }
}

}  // namespace

// PreparedCell::digits_seen of the kept ink `keepmask` of `g` within `bb`.
// Each run of tall columns is a digit, with two corrections for what the ink
// threshold does to a small or blurred digit:
//  - two runs no wider together than one digit and joined above and below by
//    faint ink are one digit (a serif 0 about 14 px high, 187 dpi, whose
//    hairline top and bottom are lighter than the threshold);
//  - a run wider than one digit is several digits that blur made touch: they
//    are counted at a darker threshold, where the space between them opens
//    (a 30 at 0.6 of the usual contrast, blurred, was one run and read "0" with
//    confidence 0.97).
// Measured on the number cells of photoify copies (real seeds 12, 41,
// generated 13, 43; colour, seal, light, blur, all): of the 312 readings whose
// digit count was not the ink's, 141 now fit (every one looked at is right);
// of the 11748 read with confidence >= 0.9, 3 no longer fit (1 before).
int count_digits(const cv::Mat& g, const cv::Mat& keepmask, const cv::Rect& bb, const DigitRows& d, int paper,
                 int dark, std::vector<bool>* joined) {
  const double widest = kMaxDigitWidth * d.height();
  const int faint = (int)std::lround(paper - 0.15 * (paper - dark));
  const std::vector<ColumnRun> runs = merge_split_digits(tall_runs(keepmask, bb, d.height()), g, d, faint, widest);
  const int darker = (int)std::lround(paper - 0.6 * (paper - dark));
  int seen = 0;
  for (const auto& r : runs) {
    const int w = r.x1 - r.x0 + 1;
    if (w <= widest) {
      ++seen;
      if (joined) joined->push_back(r.joined);
      continue;
    }
    // Several digits that blur joined: the runs at a darker threshold, merged
    // as above, and at least as many digits as it takes to be this wide.
    cv::Mat core = (g < darker) & keepmask;
    const cv::Rect span(r.x0, bb.y, w, bb.height);
    const auto parts = merge_split_digits(tall_runs(core, span, d.height()), g, d, faint, widest);
    const int n = std::max<int>((int)std::ceil(w / widest), parts.size());
    seen += n;
    if (joined) joined->insert(joined->end(), n, false);
  }
  return seen;
}

}  // namespace gongkai::ocr
