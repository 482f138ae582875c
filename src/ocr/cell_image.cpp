// Cell images: see cell_image.h for the steps and cell_ocr.h for why.
#include "ocr/cell_image.h"
#include "ocr/digit_count.h"
#include "ocr/zero_shape.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace gongkai::ocr {
namespace {

// Where the ink threshold lies between the paper level and the darkest ink of a cell:
// a pixel is ink when it is darker than paper - kInkFraction * (paper - darkest). The
// middle (0.5) breaks the thin, grey strokes of a 200 dpi JPEG scan into pieces that are
// then dropped as specks (the 2 of 1362 lost its foot, 1288 lost its 1): on the 94
// number cells of the scanned page 4 (tests/data/scans, 200 dpi) 0.5 read 86 right, 0.4
// 93, 0.3 all 94 (0.25: 93, the dust speck on the 1 of 3001 joins it). Closer to the paper keeps strokes whole;
// specks stay specks because they are small, whatever the threshold.
constexpr double kInkFraction = 0.3;
// Label cells: ink reaches closer still to the paper where it joins ink at
// kInkFraction (hysteresis: the grain of an empty cell, which is paler than
// any stroke, stays paper). The thin horizontal strokes of a
// Song face at ~167 dpi in a photo lit unevenly are paler than the vertical
// ones, and at 0.3 they vanish (开 -> 丿|, 一 lost: 一、本年新收政府信息公开申请数量
// read 、本年新收收府信息公镍由哺数最, its row unmatched and its 7 cells missing).
// Measured on 898 label cells of photoify light copies (real seeds 12, 41,
// generated 13, 43), edits to the nearest text-layer label: 319 at 0.3, 250 at
// 0.2, 258 at 0.15; on 979 of the copies with every effect 467 at 0.3, 447 at 0.2.
constexpr double kLabelInkFraction = 0.2;

struct Comp {
  cv::Rect box;
  int area = 0;
  int label = 0;
};

// ---------------------------------------------------------------------------------------------
// Measures.

std::array<int, 256> histogram(const cv::Mat& g) {
  std::array<int, 256> hist{};
  for (int y = 0; y < g.rows; ++y) {
    const uchar* p = g.ptr<uchar>(y);
    for (int x = 0; x < g.cols; ++x) ++hist[p[x]];
  }
  return hist;
}

// The lowest grey value that `count` pixels are at or below.
int value_reaching(const std::array<int, 256>& hist, double count) {
  double acc = 0;
  for (int v = 0; v < 256; ++v) {
    acc += hist[v];
    if (acc >= count) return v;
  }
  return 255;
}

int percentile(const cv::Mat& g, double q) { return value_reaching(histogram(g), q * g.total()); }

// The value of the n-th darkest pixel (n >= 1).
int nth_darkest(const cv::Mat& g, int n) { return value_reaching(histogram(g), n); }

// Median height of the runs of rows covered by the given components' boxes. For digits
// this is the digit height; for Chinese text the line (character) height, also when
// there is one character per line.
double line_height(const std::vector<Comp>& comps, int rows) {
  std::vector<int> cover(rows + 1, 0);
  for (const auto& c : comps) {
    ++cover[c.box.y];
    --cover[c.box.y + c.box.height];
  }
  std::vector<int> runs;
  int acc = 0, start = -1;
  for (int y = 0; y <= rows; ++y) {
    if (y < rows) acc += cover[y];
    const bool on = y < rows && acc > 0;
    if (on && start < 0) start = y;
    if (!on && start >= 0) {
      runs.push_back(y - start);
      start = -1;
    }
  }
  if (runs.empty()) return 0;
  std::sort(runs.begin(), runs.end());
  return runs[runs.size() / 2];
}

bool overlaps_x(const cv::Rect& a, const cv::Rect& b) {
  return a.x < b.x + b.width && b.x < a.x + a.width;
}

// Shape of one stroke from its pixels: angle of the principal axis (degrees from the
// vertical, positive when the top leans right) and thinness (minor / major spread).
void stroke_shape(const cv::Mat& labels, const Comp& c, double& angle, double& thin) {
  double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0;
  int n = 0;
  for (int y = c.box.y; y < c.box.y + c.box.height; ++y)
    for (int x = c.box.x; x < c.box.x + c.box.width; ++x)
      if (labels.at<int>(y, x) == c.label) {
        sx += x; sy += y; sxx += double(x) * x; syy += double(y) * y; sxy += double(x) * y; ++n;
      }
  if (n < 2) { angle = 0; thin = 1; return; }
  const double mx = sx / n, my = sy / n;
  const double cxx = sxx / n - mx * mx, cyy = syy / n - my * my, cxy = sxy / n - mx * my;
  const double tr = cxx + cyy, det = cxx * cyy - cxy * cxy;
  const double disc = std::sqrt(std::max(0.0, tr * tr / 4 - det));
  const double l1 = tr / 2 + disc, l2 = std::max(0.0, tr / 2 - disc);
  thin = l1 > 0 ? std::sqrt(l2 / l1) : 1;
  // Principal axis direction (vx, vy); image y grows downwards.
  double vx = cxy, vy = l1 - cxx;
  if (std::abs(vx) < 1e-9 && std::abs(vy) < 1e-9) { vx = cxx >= cyy ? 1 : 0; vy = cxx >= cyy ? 0 : 1; }
  if (vy > 0) { vx = -vx; vy = -vy; }  // point upwards
  angle = std::atan2(vx, -vy) * 180 / M_PI;
}

// ---------------------------------------------------------------------------------------------
// Step 1: the window.

// `r` clipped to the page and inset; an empty rectangle when too small to hold ink.
cv::Rect cell_window(const cv::Mat& page, cv::Rect r) {
  r &= cv::Rect(0, 0, page.cols, page.rows);
  if (r.width < 4 || r.height < 4) return {};
  // Inset: ruling lines are 1-3 px (200-300 dpi), and the rectangle may run along their
  // middle. What is left (skew, thick lines) is removed below as line remnants.
  const int inset = std::clamp((int)std::lround(0.04 * std::min(r.width, r.height)), 2, 6);
  if (r.width > 2 * inset + 4 && r.height > 2 * inset + 4) r = cv::Rect(r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset);
  return r;
}

// ---------------------------------------------------------------------------------------------
// Step 2: the pieces of ink, without ruling-line remnants and specks.

struct Pieces {
  cv::Mat labels;           // CV_32S: each ink pixel's component, 0 for paper
  int labels_count = 0;     // components, paper included
  std::vector<Comp> comps;  // what may be text
  std::vector<Comp> tiny;   // specks of 2 pixels or more: a decimal point of a light, small font, or nothing
};

// Rows (columns) near an edge that are mostly ink are a ruling line: cleared
// before the components are formed, so that the remnants of two lines meeting at
// a corner do not make one L-shaped piece that is neither long and thin nor
// within the band. What is left of a tilted line is removed below.
void clear_ruling_lines(cv::Mat& mask, int band) {
  const int W = mask.cols, H = mask.rows;
  for (int k = 0; k < std::min(band, H / 2); ++k)
    for (int y : {k, H - 1 - k})
      if (cv::countNonZero(mask.row(y)) > W / 2) mask.row(y).setTo(0);
  for (int k = 0; k < std::min(band, W / 2); ++k)
    for (int x : {k, W - 1 - k})
      if (cv::countNonZero(mask.col(x)) > H / 2) mask.col(x).setTo(0);
}

// Pixels of each component within the band along the edges.
std::vector<int> pixels_in_band(const cv::Mat& labels, int labels_count, int band) {
  const int W = labels.cols, H = labels.rows;
  std::vector<int> in_frame(labels_count, 0);
  for (int y = 0; y < H; ++y) {
    const int* l = labels.ptr<int>(y);
    const bool row_in = y < band || y >= H - band;
    for (int x = 0; x < W; ++x)
      if (l[x] && (row_in || x < band || x >= W - band)) ++in_frame[l[x]];
  }
  return in_frame;
}

// Whether `c`, with `in_frame` of its pixels within the band along the edges of a
// W x H window, is what is left of a ruling line.
bool is_line_remnant(const Comp& c, int in_frame, int band, int W, int H) {
  const auto& b = c.box;
  // At an edge, or close to it (what is left of a line after the clearing above).
  const int near = band / 2;
  if (!(b.x <= near || b.y <= near || b.x + b.width >= W - near || b.y + b.height >= H - near)) return false;
  // Remnant of a ruling line: long and thin along an edge, or (almost) all
  // within the band along the edges (corners where two lines meet, stubs of
  // crossing lines, the wedge of a tilted line).
  // A digit in a tight cell may stand this close to the edge too: a
  // remnant is as thin as a ruling line, or touches the rectangle's edge
  // (measured: digits lost at the left edge of narrow cells, 9982 -> 982,
  // when a thin-relative-to-the-cell test was used).
  const bool touches = b.x == 0 || b.y == 0 || b.x + b.width >= W || b.y + b.height >= H;
  const bool line_thin = std::min(b.width, b.height) <= 6;
  const bool long_h = b.width >= 0.25 * W && b.height <= 6;
  const bool long_v = b.height >= 0.25 * H && b.width <= 6;
  const bool in_band = in_frame >= 0.85 * c.area && (touches || line_thin);
  return long_h || long_v || in_band;
}

// The connected pieces of `mask` (ink after clear_ruling_lines), sorted into
// what may be text and specks; line remnants are dropped.
Pieces find_pieces(const cv::Mat& mask, int band) {
  const int W = mask.cols, H = mask.rows;
  Pieces out;
  cv::Mat stats, centroids;
  const int n = cv::connectedComponentsWithStats(mask, out.labels, stats, centroids, 8, CV_32S);
  out.labels_count = n;
  const std::vector<int> in_frame = pixels_in_band(out.labels, n, band);
  for (int i = 1; i < n; ++i) {
    Comp c{{stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
            stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)},
           stats.at<int>(i, cv::CC_STAT_AREA), i};
    const auto& b = c.box;
    if (is_line_remnant(c, in_frame[i], band, W, H)) continue;
    // Specks: too small to be part of text at any resolution we read (200 dpi and
    // up), except perhaps a decimal point of a light, small font.
    if (std::max(b.width, b.height) < 3 || c.area < 4) {
      if (c.area >= 2) out.tiny.push_back(c);
      continue;
    }
    out.comps.push_back(c);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Step 2, what is kept: digits and what belongs to them (number cells), text and
// the marks next to it (label and vertical cells).

struct DigitBand {
  int hmax = 0;               // height of the tallest piece
  std::vector<Comp> digits;   // pieces at least 0.55 hmax tall, left to right
  double line_h = 0;          // line_height of the digits
  int top = 0, bot = 0;       // rows the digits span
  double dh = 0;              // bot - top
};

// Digits: the tallest components set the digit height.
DigitBand digit_band(const std::vector<Comp>& big, int H) {
  DigitBand d;
  for (const auto& c : big) d.hmax = std::max(d.hmax, c.box.height);
  for (const auto& c : big)
    if (c.box.height >= 0.55 * d.hmax) d.digits.push_back(c);
  d.line_h = line_height(d.digits, H);
  d.top = H;
  d.bot = 0;
  for (const auto& c : d.digits) { d.top = std::min(d.top, c.box.y); d.bot = std::max(d.bot, c.box.y + c.box.height); }
  d.dh = d.bot - d.top;
  std::sort(d.digits.begin(), d.digits.end(), [](const Comp& a, const Comp& b) { return a.box.x < b.box.x; });
  return d;
}

// Decimal point: small, roundish, in the bottom quarter of the digit band, in a
// gap between two digits.
bool is_decimal_point(const Comp& c, const DigitBand& d) {
  const double cy = c.box.y + c.box.height / 2.0;
  const bool dot_size = std::max(c.box.width, c.box.height) <= 0.4 * d.dh &&
                        std::max(c.box.width, c.box.height) >= 0.06 * d.dh &&
                        c.box.width <= 2 * c.box.height + 1 && c.box.height <= 2 * c.box.width + 1;
  if (!(dot_size && cy >= d.top + 0.72 * d.dh && cy <= d.bot + 0.1 * d.dh)) return false;
  bool left = false, right = false;
  for (const auto& g : d.digits) {
    if (g.box.x + g.box.width <= c.box.x + 1) left = true;
    if (g.box.x >= c.box.x + c.box.width - 1) right = true;
    if (overlaps_x(g.box, c.box) && g.box.x + g.box.width > c.box.x + 1 && g.box.x < c.box.x + c.box.width - 1) {
      left = right = false;  // under or inside a digit: not a separate point
      break;
    }
  }
  return left && right;
}

// A piece of a digit that broke apart (light strokes): lies within the digit band
// and mostly under one digit.
bool is_digit_piece(const Comp& c, const DigitBand& d) {
  if (!(std::max(c.box.width, c.box.height) >= 0.15 * d.dh && c.box.y >= d.top - 0.1 * d.dh &&
        c.box.y + c.box.height <= d.bot + 0.1 * d.dh))
    return false;
  for (const auto& g : d.digits) {
    const int ov = std::min(g.box.x + g.box.width, c.box.x + c.box.width) - std::max(g.box.x, c.box.x);
    if (ov >= 0.5 * c.box.width) return true;
  }
  return false;
}

// Minus sign: flat, at mid height, left of the first digit.
bool is_minus_sign(const Comp& c, const DigitBand& d) {
  const double cy = c.box.y + c.box.height / 2.0;
  return !d.digits.empty() && c.box.width >= 2 * c.box.height && c.box.width >= 0.25 * d.dh &&
         cy > d.top + 0.3 * d.dh && cy < d.top + 0.75 * d.dh && c.box.x + c.box.width <= d.digits.front().box.x + 1;
}

// The digits, and of the other pieces (`comps` and `tiny`) the decimal
// points, broken-off digit pieces and minus signs.
std::vector<Comp> keep_number_ink(const DigitBand& d, const Pieces& p) {
  std::vector<Comp> keep = d.digits;
  std::vector<Comp> others = p.comps;
  others.insert(others.end(), p.tiny.begin(), p.tiny.end());
  for (const auto& c : others) {
    if (c.box.height >= 0.55 * d.hmax) continue;
    if (is_decimal_point(c, d)) { keep.push_back(c); continue; }
    if (c.area < 4) continue;  // tiny: a decimal point or nothing
    if (is_digit_piece(c, d) || is_minus_sign(c, d)) keep.push_back(c);
  }
  return keep;
}

// Text: drop specks far from everything else (dust); keep small marks next to
// characters (、，. and the dots of 1.).
std::vector<Comp> keep_text_ink(const std::vector<Comp>& comps, const std::vector<Comp>& big, double text_h) {
  std::vector<Comp> keep;
  for (const auto& c : comps) {
    const bool small = std::max(c.box.width, c.box.height) < 0.22 * text_h;
    if (!small) { keep.push_back(c); continue; }
    bool near = false;
    const int reach = (int)std::lround(0.6 * text_h);
    cv::Rect grown(c.box.x - reach, c.box.y - reach, c.box.width + 2 * reach, c.box.height + 2 * reach);
    for (const auto& o : big)
      if (std::max(o.box.width, o.box.height) >= 0.22 * text_h && (grown & o.box).area() > 0) { near = true; break; }
    if (near) keep.push_back(c);
  }
  return keep;
}

// ---------------------------------------------------------------------------------------------
// Step 4: dashes and slashes.

// A lone flat stroke (or several on one line, "——") is a dash; a lone thin
// slanted stroke a slash. "" when `big` (the glyph-sized pieces of a cell
// `H` high) is neither.
std::string stroke_text(const std::vector<Comp>& big, const cv::Mat& labels, int H) {
  const bool all_flat = std::all_of(big.begin(), big.end(), [&](const Comp& c) {
    return c.box.width >= 2.5 * c.box.height && c.box.height <= 0.2 * H + 2;
  });
  if (all_flat) return "-";
  if (big.size() == 1) {
    const Comp& c = big[0];
    double angle = 0, thin = 1;
    stroke_shape(labels, c, angle, thin);
    if (thin < 0.22 && angle > 12 && angle < 50 && c.box.height >= 1.3 * c.box.width) return "/";
  }
  return "";
}

// ---------------------------------------------------------------------------------------------
// Step 5: the cut-out.

// 255 where a pixel of `keep` lies within `bb`, 0 elsewhere; the size of `labels`.
cv::Mat kept_pixels(const Pieces& p, const std::vector<Comp>& keep, const cv::Rect& bb) {
  cv::Mat keepmask = cv::Mat::zeros(p.labels.rows, p.labels.cols, CV_8U);
  std::vector<uchar> lut(p.labels_count, 0);
  for (const auto& c : keep) lut[c.label] = 255;
  for (int y = bb.y; y < bb.y + bb.height; ++y) {
    const int* l = p.labels.ptr<int>(y);
    uchar* k = keepmask.ptr<uchar>(y);
    for (int x = bb.x; x < bb.x + bb.width; ++x) k[x] = lut[l[x]];
  }
  return keepmask;
}

// The kept ink of `g` within `bb`, contrast stretched from `dark` (0) to `paper`
// (255), everything else paper white. `keepmask` is widened in place.
cv::Mat cut_out(const cv::Mat& g, cv::Mat& keepmask, cv::Rect bb, int paper, int dark) {
  // The anti-aliased rim of the kept strokes (lighter than the threshold) belongs to them.
  cv::dilate(keepmask, keepmask, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  const int m = 1;
  bb = cv::Rect(bb.x - m, bb.y - m, bb.width + 2 * m, bb.height + 2 * m) & cv::Rect(0, 0, g.cols, g.rows);
  cv::Mat ink(bb.size(), CV_8U, cv::Scalar(255));
  const double gain = 255.0 / (paper - dark);
  for (int y = 0; y < bb.height; ++y) {
    const uchar* s = g.ptr<uchar>(bb.y + y) + bb.x;
    const uchar* k = keepmask.ptr<uchar>(bb.y + y) + bb.x;
    uchar* d = ink.ptr<uchar>(y);
    for (int x = 0; x < bb.width; ++x)
      if (k[x]) d[x] = cv::saturate_cast<uchar>((s[x] - dark) * gain);
  }
  return ink;
}

// The pixels of `g` that are ink (255) for a cell of `kind`: see kInkFraction
// and kLabelInkFraction.
cv::Mat ink_mask(const cv::Mat& g, int paper, int dark, CellKind kind) {
  const int strong_thr = (int)std::lround(paper - kInkFraction * (paper - dark));
  cv::Mat strong = g < strong_thr;
  if (kind != CellKind::Label) return strong;
  // The pale ink stays out of the paper's grain: at least twice the grain's
  // spread (90th percentile - median) below the median paper. Without this
  // bound an empty cell of noisy paper (sigma 10, no stroke darker than
  // paper - 84) percolated into one piece and was read as two characters.
  const int median = percentile(g, 0.5);
  const int weak_thr =
      std::max(strong_thr, std::min((int)std::lround(paper - kLabelInkFraction * (paper - dark)),
                                    median - 2 * (paper - median)));
  if (weak_thr == strong_thr) return strong;
  const cv::Mat weak = g < weak_thr;
  cv::Mat labels;
  const int n = cv::connectedComponents(weak, labels, 8, CV_32S);
  std::vector<uchar> joined(n, 0);
  for (int y = 0; y < g.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    const uchar* s = strong.ptr<uchar>(y);
    for (int x = 0; x < g.cols; ++x)
      if (s[x]) joined[l[x]] = 255;
  }
  joined[0] = 0;
  for (int y = 0; y < g.rows; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* m = strong.ptr<uchar>(y);
    for (int x = 0; x < g.cols; ++x) m[x] = joined[l[x]];
  }
  return strong;
}

PreparedCell empty_cell() {
  PreparedCell out;
  out.empty = true;
  return out;
}

}  // namespace

PreparedCell prepare_cell(const cv::Mat& page, cv::Rect cell, CellKind kind, bool pale_strokes) {
  const cv::Rect r = cell_window(page, cell);
  if (r.empty()) return empty_cell();
  const cv::Mat g = page(r);
  const int W = g.cols, H = g.rows;

  // Paper and ink levels. The paper is the 90th percentile (cells are mostly paper);
  // the ink is the 8th darkest pixel (a thin "1" has few pixels; single salt-and-pepper
  // pixels are not enough to set it).
  const int paper = percentile(g, 0.90);
  const int dark = nth_darkest(g, 8);
  if (paper - dark < 48) return empty_cell();
  cv::Mat mask = ink_mask(g, paper, dark, pale_strokes ? kind : CellKind::Number);

  // Ruling-line remnants reach at most this far in from an edge: a 4 px line whose
  // middle is 2 px off the rectangle, on a page tilted by 1 degree.
  const int band = std::max(5, (int)std::lround(0.15 * std::min(W, H)));
  clear_ruling_lines(mask, band);
  const Pieces pieces = find_pieces(mask, band);
  if (pieces.comps.empty()) return empty_cell();

  // Text height from the components big enough to be glyphs or glyph parts.
  std::vector<Comp> big;
  for (const auto& c : pieces.comps)
    if (std::max(c.box.width, c.box.height) >= 6 && c.area >= 10) big.push_back(c);
  if (big.empty()) return empty_cell();
  double text_h = line_height(big, H);

  PreparedCell out;
  std::vector<Comp> keep;
  DigitBand digits;  // number cells
  if (kind == CellKind::Number) {
    out.shape_text = stroke_text(big, pieces.labels, H);
    if (!out.shape_text.empty()) return out;
    digits = digit_band(big, H);
    text_h = digits.line_h;
    keep = keep_number_ink(digits, pieces);
  } else {
    keep = keep_text_ink(pieces.comps, big, text_h);
  }
  if (keep.empty()) return empty_cell();

  // Cut out the kept ink, contrast stretched, everything else paper white.
  cv::Rect bb = keep[0].box;
  for (const auto& c : keep) bb |= c.box;
  cv::Mat keepmask = kept_pixels(pieces, keep, bb);
  if (kind == CellKind::Number && digits.dh > 0) out.digits_seen = count_digits(g, keepmask, bb, {digits.top, digits.bot}, paper, dark, &out.digit_joined);
  // The shape is judged as kept and at the middle level between paper and
  // ink: as kept, the hole of a 0 17 px high (a 200 dpi scan) closes to a
  // pixel or two (40 of the 3-page test scan's 111 zeros not seen); at the
  // middle level the thin sides of a 300 dpi scan's 0s break (14 of 152 in
  // huaian-hongze-district-2024).
  if (kind == CellKind::Number && keep.size() == 1 && out.digits_seen == 1)
    out.zero_shape = is_zero_shape(keepmask(bb)) || is_zero_shape(keepmask(bb) & (g(bb) < (paper + dark) / 2));
  out.ink = cut_out(g, keepmask, bb, paper, dark);
  out.text_h = text_h > 0 ? text_h : out.ink.rows;
  return out;
}

cv::Mat framed(const cv::Mat& ink, double f) {
  cv::Mat s;
  if (std::abs(f - 1) < 0.05) s = ink;
  else cv::resize(ink, s, {}, f, f, f > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
  // 10 px of white around text ~24 px high. More margin (12-24 px) made the LSTM
  // add a digit at the end now and then (883 -> 8835, 80634 -> 806354, clean
  // synthetic cells); 4-10 px did not.
  const int pad = 10;
  cv::Mat out;
  cv::copyMakeBorder(s, out, pad, pad, pad, pad, cv::BORDER_CONSTANT, cv::Scalar(255));
  return out;
}

}  // namespace gongkai::ocr
