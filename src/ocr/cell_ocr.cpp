// OCR of single table cells with Tesseract. See cell_ocr.h for what is done and why.
#include "ocr/cell_ocr.h"

#include <dlfcn.h>
#include <tesseract/baseapi.h>
#include <tesseract/ltrresultiterator.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <atomic>
#include <cctype>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <map>
#include <mutex>
#include <stdexcept>
#include <thread>

#include <opencv2/imgproc.hpp>

namespace gongkai::ocr {

void serialise_openmp_in_this_thread() {
  static const auto set_levels = [] {
    setenv("OMP_THREAD_LIMIT", "1", 0);
    return reinterpret_cast<void (*)(int)>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  }();
  thread_local bool done = false;
  if (!done) {
    if (set_levels) set_levels(0);
    done = true;
  }
}

namespace {

namespace fs = std::filesystem;

constexpr const char* kDebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";

// ---------------------------------------------------------------------------------------------
// OpenMP. Debian's libtesseract is built with OpenMP: the LSTM runs its gates on
// `#pragma omp parallel for num_threads(4)`. On a cell a few hundred pixels wide the
// threads cost far more in start-up and synchronisation than they save (measured on
// 20 number and 8 label cells: 18 vs 6 ms per number cell, 157 vs 62 ms per label, and
// they would fight with our own worker threads). The documented switch is
// OMP_THREAD_LIMIT=1, but libgomp reads its environment once, in a constructor that runs
// when the library is loaded — before main() when libtesseract is linked in, so setting
// it from here is too late for that case (measured: still 17.5 ms per number cell).
// What works at run time is the
// max-active-levels ICV: with 0 active levels every parallel region runs on one thread.
// Since GCC 11 that ICV belongs to the calling thread's data environment, so it is set in
// every thread that runs Tesseract. The function is looked up with dlsym so that we do
// not link libgomp ourselves (and nothing happens if Tesseract was built without it).
// The environment variable is still set (if unset) for a libgomp loaded later (dlopen)
// and for child processes.

// ---------------------------------------------------------------------------------------------
// Models.

std::vector<std::pair<std::string, std::string>> tessdata_candidates(const std::string& configured) {
  std::vector<std::pair<std::string, std::string>> out;  // (dir, where it came from)
  if (!configured.empty()) {
    out.emplace_back(configured, "OcrOptions::tessdata / --tessdata");
    return out;
  }
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) {
    out.emplace_back(env, "$TESSDATA_PREFIX");
    out.emplace_back((fs::path(env) / "tessdata").string(), "$TESSDATA_PREFIX/tessdata");
  }
  out.emplace_back(kDebianTessdata, "Debian default");
  return out;
}

bool has_model(const std::string& dir, const std::string& model) {
  std::error_code ec;
  return fs::is_regular_file(fs::path(dir) / (model + ".traineddata"), ec);
}

std::string debian_package(const std::string& model) {
  std::string p = "tesseract-ocr-" + model;
  std::replace(p.begin(), p.end(), '_', '-');
  return p;
}

// The directory that holds `model`, or throws naming the file and every place looked at.
std::string locate_model(const std::string& configured, const std::string& model) {
  auto cands = tessdata_candidates(configured);
  for (const auto& [dir, from] : cands)
    if (has_model(dir, model)) return dir;
  std::string msg = "OCR model " + model + ".traineddata not found; looked in:";
  for (const auto& [dir, from] : cands) msg += " " + (fs::path(dir) / (model + ".traineddata")).string() + " (" + from + ");";
  msg += " install the Debian package " + debian_package(model) +
         " or point --tessdata / TESSDATA_PREFIX at a directory holding it";
  throw std::runtime_error(msg);
}

struct Engine {
  tesseract::TessBaseAPI api;
  std::string model;

  Engine(const std::string& configured, const std::string& model_name, tesseract::PageSegMode psm,
         const std::vector<std::pair<std::string, std::string>>& vars)
      : model(model_name) {
    const std::string dir = locate_model(configured, model);
    // Init-only variables. Dictionaries are not loaded: table cells hold numbers and
    // fixed headings, not prose, and the word lists cost load time and memory.
    std::vector<std::string> names = {"load_system_dawg", "load_freq_dawg", "load_punc_dawg",
                                      "load_number_dawg", "load_unambig_dawg", "load_bigram_dawg"};
    std::vector<std::string> values(names.size(), "0");
    if (api.Init(dir.c_str(), model.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values,
                 false) != 0)
      throw std::runtime_error("OCR model " + (fs::path(dir) / (model + ".traineddata")).string() +
                               " could not be loaded by Tesseract (corrupt, or not an LSTM model)");
    api.SetPageSegMode(psm);
    // Tesseract 5 re-reads low-confidence lines upside down by default: not for cells.
    api.SetVariable("tessedit_do_invert", "0");
    // Silence tprintf warnings ("Empty page!!", resolution estimates) on stderr.
    api.SetVariable("debug_file", "/dev/null");
    for (const auto& [k, v] : vars)
      if (!api.SetVariable(k.c_str(), v.c_str()))
        throw std::runtime_error("Tesseract rejected variable " + k);
  }
  ~Engine() { api.End(); }
};

// ---------------------------------------------------------------------------------------------
// Text clean-up.

bool ascii_alnum(unsigned char c) { return c < 0x80 && std::isalnum(c); }

// Removes line breaks and spaces, keeping one space only between two ASCII letters/digits.
std::string join_text(const std::string& s) {
  std::string out;
  bool pending_space = false;
  for (size_t i = 0; i < s.size(); ++i) {
    unsigned char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f') {
      pending_space = !out.empty();
      continue;
    }
    // U+3000 ideographic space: E3 80 80.
    if (c == 0xE3 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0x80 && (unsigned char)s[i + 2] == 0x80) {
      pending_space = !out.empty();
      i += 2;
      continue;
    }
    if (pending_space && ascii_alnum((unsigned char)out.back()) && ascii_alnum(c)) out += ' ';
    pending_space = false;
    // chi_sim reads the enumeration comma 、 as a backslash when it does not sit
    // low on the line (as in 三、 of a vertical heading); headings never hold "\".
    if (c == '\\') out += "\u3001";
    else out += (char)c;
  }
  return out;
}

// A number reading made well-formed: only digits, '.', '-'; a '-' only in front; no '.'
// at either end; at most one '.' (the last one is kept: the decimals of an amount are
// printed last). Returns "" when no digit remains.
std::string tidy_number(const std::string& s) {
  std::string d;
  bool neg = false;
  for (char c : s) {
    if (c >= '0' && c <= '9') d += c;
    else if (c == '.') d += c;
    else if (c == '-' && d.empty()) neg = true;
  }
  while (!d.empty() && d.front() == '.') d.erase(d.begin());
  while (!d.empty() && d.back() == '.') d.pop_back();
  if (auto last = d.rfind('.'); last != std::string::npos) {
    std::string t;
    for (size_t i = 0; i < d.size(); ++i)
      if (d[i] != '.' || i == last) t += d[i];
    d = t;
  }
  if (d.empty()) return "";
  return neg ? "-" + d : d;
}

// ---------------------------------------------------------------------------------------------
// Ink.

// Where the ink threshold lies between the paper level and the darkest ink of a cell:
// a pixel is ink when it is darker than paper - kInkFraction * (paper - darkest). The
// middle (0.5) breaks the thin, grey strokes of a 200 dpi JPEG scan into pieces that are
// then dropped as specks (the 2 of 1362 lost its foot, 1288 lost its 1): on the 94
// number cells of the scanned page 4 (tests/data/scans, 200 dpi) 0.5 read 86 right, 0.4
// 93, 0.3 all 94 (0.25: 93, the dust speck on the 1 of 3001 joins it). Closer to the paper keeps strokes whole;
// specks stay specks because they are small, whatever the threshold.
constexpr double kInkFraction = 0.3;
// Confidence of a number reading whose digit count is not the ink's (below
// the scan reader's trust threshold: the cell is left to the identities).
constexpr double kCountMismatchConfidence = 0.5;

struct Comp {
  cv::Rect box;
  int area = 0;
  int label = 0;
};

struct Prepared {
  bool empty = false;
  std::string shape_text;  // "-" or "/" recognised from the shape alone
  cv::Mat ink;             // cut-out: paper 255, ink dark, only kept components, native scale
  double text_h = 0;       // typical height of a text line (native pixels)
  // Number cells: how many digits the ink shows, counted as runs of columns
  // whose ink spans most of the digit height. Every digit has such a run
  // (the stem of a 1, both sides of a 0 joined by its top and bottom); the
  // foot of a 1, a speck, a decimal point or a minus sign do not, and two
  // digits that blur made touch still leave a short column between them.
  // 0: not counted.
  int digits_seen = 0;
};

int percentile(const cv::Mat& g, double q) {
  int hist[256] = {0};
  for (int y = 0; y < g.rows; ++y) {
    const uchar* p = g.ptr<uchar>(y);
    for (int x = 0; x < g.cols; ++x) ++hist[p[x]];
  }
  const double target = q * g.total();
  double acc = 0;
  for (int v = 0; v < 256; ++v) {
    acc += hist[v];
    if (acc >= target) return v;
  }
  return 255;
}

// The value of the n-th darkest pixel (n >= 1).
int nth_darkest(const cv::Mat& g, int n) {
  int hist[256] = {0};
  for (int y = 0; y < g.rows; ++y) {
    const uchar* p = g.ptr<uchar>(y);
    for (int x = 0; x < g.cols; ++x) ++hist[p[x]];
  }
  int acc = 0;
  for (int v = 0; v < 256; ++v) {
    acc += hist[v];
    if (acc >= n) return v;
  }
  return 255;
}

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

Prepared prepare(const cv::Mat& page, cv::Rect r, CellKind kind) {
  Prepared out;
  r &= cv::Rect(0, 0, page.cols, page.rows);
  if (r.width < 4 || r.height < 4) { out.empty = true; return out; }
  // Inset: ruling lines are 1-3 px (200-300 dpi), and the rectangle may run along their
  // middle. What is left (skew, thick lines) is removed below as line remnants.
  const int inset = std::clamp((int)std::lround(0.04 * std::min(r.width, r.height)), 2, 6);
  if (r.width > 2 * inset + 4 && r.height > 2 * inset + 4) r = cv::Rect(r.x + inset, r.y + inset, r.width - 2 * inset, r.height - 2 * inset);
  const cv::Mat g = page(r);
  const int W = g.cols, H = g.rows;

  // Paper and ink levels. The paper is the 90th percentile (cells are mostly paper);
  // the ink is the 8th darkest pixel (a thin "1" has few pixels; single salt-and-pepper
  // pixels are not enough to set it).
  const int paper = percentile(g, 0.90);
  const int dark = nth_darkest(g, 8);
  if (paper - dark < 48) { out.empty = true; return out; }
  const int thr = (int)std::lround(paper - kInkFraction * (paper - dark));
  cv::Mat mask = g < thr;

  // Ruling-line remnants reach at most this far in from an edge: a 4 px line whose
  // middle is 2 px off the rectangle, on a page tilted by 1 degree.
  const int band = std::max(5, (int)std::lround(0.15 * std::min(W, H)));
  // Rows (columns) near an edge that are mostly ink are a ruling line: cleared
  // before the components are formed, so that the remnants of two lines meeting at
  // a corner do not make one L-shaped piece that is neither long and thin nor
  // within the band. What is left of a tilted line is removed below.
  for (int k = 0; k < std::min(band, H / 2); ++k)
    for (int y : {k, H - 1 - k})
      if (cv::countNonZero(mask.row(y)) > W / 2) mask.row(y).setTo(0);
  for (int k = 0; k < std::min(band, W / 2); ++k)
    for (int x : {k, W - 1 - k})
      if (cv::countNonZero(mask.col(x)) > H / 2) mask.col(x).setTo(0);
  cv::Mat labels, stats, centroids;
  const int n = cv::connectedComponentsWithStats(mask, labels, stats, centroids, 8, CV_32S);
  // Pixels of each component within the band along the edges.
  std::vector<int> in_frame(n, 0);
  for (int y = 0; y < H; ++y) {
    const int* l = labels.ptr<int>(y);
    const bool row_in = y < band || y >= H - band;
    for (int x = 0; x < W; ++x)
      if (l[x] && (row_in || x < band || x >= W - band)) ++in_frame[l[x]];
  }
  std::vector<Comp> comps, tiny;
  for (int i = 1; i < n; ++i) {
    Comp c{{stats.at<int>(i, cv::CC_STAT_LEFT), stats.at<int>(i, cv::CC_STAT_TOP),
            stats.at<int>(i, cv::CC_STAT_WIDTH), stats.at<int>(i, cv::CC_STAT_HEIGHT)},
           stats.at<int>(i, cv::CC_STAT_AREA), i};
    const auto& b = c.box;
    // At an edge, or close to it (what is left of a line after the clearing above).
    const int near = band / 2;
    if (b.x <= near || b.y <= near || b.x + b.width >= W - near || b.y + b.height >= H - near) {
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
      const bool in_band = in_frame[i] >= 0.85 * c.area && (touches || line_thin);
      if (long_h || long_v || in_band) continue;
    }
    // Specks: too small to be part of text at any resolution we read (200 dpi and
    // up), except perhaps a decimal point of a light, small font.
    if (std::max(b.width, b.height) < 3 || c.area < 4) {
      if (c.area >= 2) tiny.push_back(c);
      continue;
    }
    comps.push_back(c);
  }
  if (comps.empty()) { out.empty = true; return out; }

  // Text height from the components big enough to be glyphs or glyph parts.
  std::vector<Comp> big;
  for (const auto& c : comps)
    if (std::max(c.box.width, c.box.height) >= 6 && c.area >= 10) big.push_back(c);
  if (big.empty()) { out.empty = true; return out; }
  double text_h = line_height(big, H);

  std::vector<Comp> keep;
  double digit_h = 0;  // number cells: height of the digit band
  if (kind == CellKind::Number) {
    // A lone flat stroke (or several on one line, "——") is a dash; a lone thin
    // slanted stroke a slash.
    const bool all_flat = std::all_of(big.begin(), big.end(), [&](const Comp& c) {
      return c.box.width >= 2.5 * c.box.height && c.box.height <= 0.2 * H + 2;
    });
    if (all_flat) { out.shape_text = "-"; return out; }
    if (big.size() == 1) {
      const Comp& c = big[0];
      double angle = 0, thin = 1;
      stroke_shape(labels, c, angle, thin);
      if (thin < 0.22 && angle > 12 && angle < 50 && c.box.height >= 1.3 * c.box.width) {
        out.shape_text = "/";
        return out;
      }
    }
    // Digits: the tallest components set the digit height.
    int hmax = 0;
    for (const auto& c : big) hmax = std::max(hmax, c.box.height);
    std::vector<Comp> digits;
    for (const auto& c : big)
      if (c.box.height >= 0.55 * hmax) digits.push_back(c);
    text_h = line_height(digits, H);
    int top = H, bot = 0;
    for (const auto& c : digits) { top = std::min(top, c.box.y); bot = std::max(bot, c.box.y + c.box.height); }
    const double dh = bot - top;
    digit_h = dh;
    std::sort(digits.begin(), digits.end(), [](const Comp& a, const Comp& b) { return a.box.x < b.box.x; });
    keep = digits;
    std::vector<Comp> others = comps;
    others.insert(others.end(), tiny.begin(), tiny.end());
    for (const auto& c : others) {
      if (c.box.height >= 0.55 * hmax) continue;
      const double cy = c.box.y + c.box.height / 2.0;
      // Decimal point: small, roundish, in the bottom quarter of the digit band, in a
      // gap between two digits.
      const bool dot_size = std::max(c.box.width, c.box.height) <= 0.4 * dh &&
                            std::max(c.box.width, c.box.height) >= 0.06 * dh &&
                            c.box.width <= 2 * c.box.height + 1 && c.box.height <= 2 * c.box.width + 1;
      if (dot_size && cy >= top + 0.72 * dh && cy <= bot + 0.1 * dh) {
        bool left = false, right = false;
        for (const auto& d : digits) {
          if (d.box.x + d.box.width <= c.box.x + 1) left = true;
          if (d.box.x >= c.box.x + c.box.width - 1) right = true;
          if (overlaps_x(d.box, c.box) && d.box.x + d.box.width > c.box.x + 1 && d.box.x < c.box.x + c.box.width - 1) {
            left = right = false;  // under or inside a digit: not a separate point
            break;
          }
        }
        if (left && right) { keep.push_back(c); continue; }
      }
      if (c.area < 4) continue;  // tiny: a decimal point or nothing
      // A piece of a digit that broke apart (light strokes): lies within the digit band
      // and mostly under one digit.
      if (std::max(c.box.width, c.box.height) >= 0.15 * dh && c.box.y >= top - 0.1 * dh &&
          c.box.y + c.box.height <= bot + 0.1 * dh) {
        bool under = false;
        for (const auto& d : digits) {
          const int ov = std::min(d.box.x + d.box.width, c.box.x + c.box.width) - std::max(d.box.x, c.box.x);
          if (ov >= 0.5 * c.box.width) { under = true; break; }
        }
        if (under) { keep.push_back(c); continue; }
      }
      // Minus sign: flat, at mid height, left of the first digit.
      if (!digits.empty() && c.box.width >= 2 * c.box.height && c.box.width >= 0.25 * dh &&
          cy > top + 0.3 * dh && cy < top + 0.75 * dh && c.box.x + c.box.width <= digits.front().box.x + 1) {
        keep.push_back(c);
        continue;
      }
    }
  } else {
    // Text: drop specks far from everything else (dust); keep small marks next to
    // characters (、，. and the dots of 1.).
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
  }
  if (keep.empty()) { out.empty = true; return out; }

  // Cut out the kept ink, contrast stretched, everything else paper white.
  cv::Rect bb = keep[0].box;
  for (const auto& c : keep) bb |= c.box;
  cv::Mat keepmask = cv::Mat::zeros(H, W, CV_8U);
  std::vector<uchar> lut(n, 0);
  for (const auto& c : keep) lut[c.label] = 255;
  for (int y = bb.y; y < bb.y + bb.height; ++y) {
    const int* l = labels.ptr<int>(y);
    uchar* k = keepmask.ptr<uchar>(y);
    for (int x = bb.x; x < bb.x + bb.width; ++x) k[x] = lut[l[x]];
  }
  if (kind == CellKind::Number && digit_h > 0) {
    bool in_run = false;
    for (int x = bb.x; x < bb.x + bb.width; ++x) {
      int top = -1, bottom = -1;
      for (int y = bb.y; y < bb.y + bb.height; ++y)
        if (keepmask.at<uchar>(y, x)) {
          if (top < 0) top = y;
          bottom = y;
        }
      const bool tall = top >= 0 && bottom - top + 1 >= 0.6 * digit_h;
      out.digits_seen += tall && !in_run;
      in_run = tall;
    }
  }
  // The anti-aliased rim of the kept strokes (lighter than the threshold) belongs to them.
  cv::dilate(keepmask, keepmask, cv::getStructuringElement(cv::MORPH_RECT, {3, 3}));
  const int m = 1;
  bb = cv::Rect(bb.x - m, bb.y - m, bb.width + 2 * m, bb.height + 2 * m) & cv::Rect(0, 0, W, H);
  out.ink = cv::Mat(bb.size(), CV_8U, cv::Scalar(255));
  const double gain = 255.0 / (paper - dark);
  for (int y = 0; y < bb.height; ++y) {
    const uchar* s = g.ptr<uchar>(bb.y + y) + bb.x;
    const uchar* k = keepmask.ptr<uchar>(bb.y + y) + bb.x;
    uchar* d = out.ink.ptr<uchar>(y);
    for (int x = 0; x < bb.width; ++x)
      if (k[x]) d[x] = cv::saturate_cast<uchar>((s[x] - dark) * gain);
  }
  out.text_h = text_h > 0 ? text_h : bb.height;
  return out;
}

// The cut-out scaled by `f` and framed with white padding.
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

// A vertical heading (one character per line) turned into one horizontal line: the
// rows of ink are grouped into characters (a group is at most ~1.2 character sizes
// tall, so the three strokes of 三 stay together and 三、 stays one group) and the
// groups are laid side by side. Returns an empty Mat when the cut-out does not look
// like a single column of characters. `char_h` gets the character size.
cv::Mat restack_vertical(const cv::Mat& ink, double& char_h) {
  struct Run { int y0, y1, x0, x1; };
  std::vector<Run> runs;
  for (int y = 0; y < ink.rows; ++y) {
    const uchar* p = ink.ptr<uchar>(y);
    int x0 = -1, x1 = -1;
    for (int x = 0; x < ink.cols; ++x)
      if (p[x] < 192) { if (x0 < 0) x0 = x; x1 = x; }
    if (x0 < 0) continue;
    if (!runs.empty() && runs.back().y1 == y - 1) {
      auto& r = runs.back();
      r.y1 = y; r.x0 = std::min(r.x0, x0); r.x1 = std::max(r.x1, x1);
    } else {
      runs.push_back({y, y, x0, x1});
    }
  }
  if (runs.size() < 2) return {};
  std::vector<int> widths;
  for (const auto& r : runs) widths.push_back(r.x1 - r.x0 + 1);
  std::nth_element(widths.begin(), widths.begin() + widths.size() / 2, widths.end());
  const double cs = widths[widths.size() / 2];
  std::vector<Run> groups;
  for (const auto& r : runs) {
    if (!groups.empty() && r.y1 - groups.back().y0 + 1 <= 1.2 * cs) {
      auto& g = groups.back();
      g.y1 = r.y1; g.x0 = std::min(g.x0, r.x0); g.x1 = std::max(g.x1, r.x1);
    } else {
      groups.push_back(r);
    }
  }
  // A small mark alone on its line is dust (a vertical heading's punctuation sits
  // beside a character, in its group).
  std::erase_if(groups, [&](const Run& g) { return std::max(g.y1 - g.y0, g.x1 - g.x0) + 1 < 0.4 * cs; });
  if (groups.size() < 2) return {};
  int hmax = 0, wsum = 0;
  const int gap = std::max(2, (int)std::lround(0.25 * cs));
  for (const auto& g : groups) {
    hmax = std::max(hmax, g.y1 - g.y0 + 1);
    wsum += g.x1 - g.x0 + 1 + gap;
  }
  // Not one column of characters: groups much taller than wide.
  if (hmax > 1.6 * cs) return {};
  cv::Mat line(hmax, wsum - gap, CV_8U, cv::Scalar(255));
  int x = 0;
  for (const auto& g : groups) {
    const cv::Rect src(g.x0, g.y0, g.x1 - g.x0 + 1, g.y1 - g.y0 + 1);
    ink(src).copyTo(line(cv::Rect(x, (hmax - src.height) / 2, src.width, src.height)));
    x += src.width + gap;
  }
  char_h = cs;
  return line;
}

struct SymbolChoices {
  std::string best;
  double conf = 0;  // 0..1
  std::vector<std::pair<std::string, double>> choices;  // LSTM choices, probability 0..1
};

}  // namespace

// ---------------------------------------------------------------------------------------------

std::string resolve_tessdata(const std::string& configured, const std::string& probe_model) {
  auto cands = tessdata_candidates(configured);
  for (const auto& [dir, from] : cands)
    if (has_model(dir, probe_model)) return dir;
  return cands.front().first;
}

struct CellReader::Impl {
  OcrOptions opt;
  std::unique_ptr<Engine> digits, chinese, vertical;
  cv::Mat page;

  explicit Impl(const OcrOptions& o) : opt(o) {
    serialise_openmp_in_this_thread();
    digits = std::make_unique<Engine>(opt.tessdata, "eng", tesseract::PSM_SINGLE_LINE,
                                      std::vector<std::pair<std::string, std::string>>{
                                          {"tessedit_char_whitelist", "0123456789.-"},
                                          {"lstm_choice_mode", "2"}});
    chinese = std::make_unique<Engine>(opt.tessdata, "chi_sim", tesseract::PSM_SINGLE_BLOCK,
                                       std::vector<std::pair<std::string, std::string>>{});
    if (opt.vertical == VerticalMethod::VerticalModel)
      vertical = std::make_unique<Engine>(opt.tessdata, "chi_sim_vert", tesseract::PSM_SINGLE_BLOCK_VERT_TEXT,
                                          std::vector<std::pair<std::string, std::string>>{});
  }

  void set_image(tesseract::TessBaseAPI& api, const cv::Mat& img) {
    api.SetImage(img.data, img.cols, img.rows, 1, (int)img.step);
    api.SetSourceResolution(300);
  }

  // Recognises a framed number image; returns per-symbol results.
  std::vector<SymbolChoices> recognise_number(const cv::Mat& img) {
    auto& api = digits->api;
    set_image(api, img);
    std::vector<SymbolChoices> out;
    if (api.Recognize(nullptr) != 0) return out;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) return out;
    do {
      std::unique_ptr<char[]> t(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (!t || !t[0]) continue;
      SymbolChoices s;
      s.best = t.get();
      s.conf = std::clamp(it->Confidence(tesseract::RIL_SYMBOL) / 100.0, 0.0, 1.0);
      tesseract::ChoiceIterator ci(*it);
      do {
        const char* c = ci.GetUTF8Text();
        if (c && *c) s.choices.emplace_back(c, std::clamp(ci.Confidence() / 100.0, 0.0, 1.0));
      } while (ci.Next());
      out.push_back(std::move(s));
    } while (it->Next(tesseract::RIL_SYMBOL));
    return out;
  }

  Reading read(const cv::Rect& cell, CellKind kind) {
    if (page.empty()) throw std::logic_error("CellReader::read before set_page");
    serialise_openmp_in_this_thread();
    Reading r;
    Prepared p = prepare(page, cell, kind);
    if (p.empty) {
      r.empty_cell = true;
      r.confidence = 1;
      return r;
    }
    if (!p.shape_text.empty()) {
      r.text = p.shape_text;
      r.confidence = 1;
      r.alternatives.push_back({r.text, 1});
      return r;
    }
    const double target = kind == CellKind::Number ? opt.number_text_px : opt.label_text_px;
    const double f = std::clamp(target / std::max(1.0, p.text_h), 0.25, 4.0);
    if (kind == CellKind::Number) return read_number(p, f);
    if (kind == CellKind::Vertical && opt.vertical == VerticalMethod::Restack) {
      double ch = 0;
      const cv::Mat line = restack_vertical(p.ink, ch);
      if (!line.empty()) {
        const double f2 = std::clamp(opt.label_text_px / std::max(1.0, ch), 0.25, 4.0);
        return read_text(*chinese, tesseract::PSM_SINGLE_LINE, framed(line, f2));
      }
      // Not one column of characters: read the cell as it is (below).
    }
    if (kind == CellKind::Vertical && opt.vertical == VerticalMethod::VerticalModel)
      return read_text(*vertical, tesseract::PSM_SINGLE_BLOCK_VERT_TEXT, framed(p.ink, f));
    return read_text(*chinese, tesseract::PSM_SINGLE_BLOCK, framed(p.ink, f));
  }

  Reading read_text(Engine& e, tesseract::PageSegMode psm, const cv::Mat& img) {
    Reading r;
    e.api.SetPageSegMode(psm);
    set_image(e.api, img);
    if (e.api.Recognize(nullptr) == 0) {
      std::unique_ptr<char[]> t(e.api.GetUTF8Text());
      if (t) r.text = join_text(t.get());
      r.confidence = r.text.empty() ? 0 : std::clamp(e.api.MeanTextConf() / 100.0, 0.0, 1.0);
    }
    return r;
  }

  // Adds the readings one recognition yields: the best string and single-symbol
  // substitutions from the LSTM choices.
  static void add_candidates(const std::vector<SymbolChoices>& syms, std::map<std::string, double>& cands,
                             std::string* best_out, double* best_conf) {
    std::string best;
    double minc = 1;
    for (const auto& s : syms) {
      best += s.best;
      minc = std::min(minc, s.conf);
    }
    if (syms.empty()) minc = 0;
    const std::string tb = tidy_number(best);
    if (best_out) *best_out = tb;
    if (best_conf) *best_conf = minc;
    if (!tb.empty()) cands[tb] = std::max(cands[tb], minc);
    // One symbol replaced by one of its choices: the confidence of such a string is
    // the lower of that choice's probability and the rest's minimum.
    for (size_t i = 0; i < syms.size(); ++i) {
      double rest = 1;
      for (size_t j = 0; j < syms.size(); ++j)
        if (j != i) rest = std::min(rest, syms[j].conf);
      for (const auto& [c, prob] : syms[i].choices) {
        if (c == syms[i].best || prob < 0.01) continue;
        std::string alt;
        for (size_t j = 0; j < syms.size(); ++j) alt += j == i ? c : syms[j].best;
        // Only substitutions that give a well-formed number as they stand ("10." from
        // a '.' choice for the last digit is not an alternative reading of "105").
        const std::string ta = tidy_number(alt);
        if (ta.empty() || ta != alt) continue;
        const double conf = std::min(prob, rest);
        cands[ta] = std::max(cands[ta], conf);
      }
    }
  }

  Reading read_number(const Prepared& p, double f) {
    Reading r;
    std::map<std::string, double> cands;
    std::string best;
    double conf = 0;
    add_candidates(recognise_number(framed(p.ink, f)), cands, &best, &conf);
    // A reading with more or fewer digits than the ink shows inserted or
    // lost one, however sure Tesseract was (".11" -> 411 at 0.96: a speck at
    // the foot of a 1; 111 -> 1411 at 0.97).
    auto fits_ink = [&](const std::string& t) {
      if (p.digits_seen == 0) return true;
      return std::count_if(t.begin(), t.end(), [](char c) { return c >= '0' && c <= '9'; }) == p.digits_seen;
    };
    if (conf < opt.reread_below || !fits_ink(best)) {
      // Another look at a different scale; keep the reading that fits the
      // ink, then the surer one.
      const double f2 = f * (f >= 1.2 ? 0.6 : 1.6);
      std::string best2;
      double conf2 = 0;
      add_candidates(recognise_number(framed(p.ink, f2)), cands, &best2, &conf2);
      const bool fit1 = fits_ink(best), fit2 = fits_ink(best2);
      if (!best2.empty() && (best.empty() || (fit2 && !fit1) || (fit2 == fit1 && conf2 > conf))) {
        best = best2;
        conf = conf2;
      }
    }
    if (!best.empty() && !fits_ink(best)) conf = std::min(conf, kCountMismatchConfidence);
    r.text = best;
    r.confidence = best.empty() ? 0 : conf;
    std::vector<Alternative> alts;
    for (const auto& [t, c] : cands) alts.push_back({t, t == best ? conf : c});
    std::stable_sort(alts.begin(), alts.end(), [&](const Alternative& a, const Alternative& b) {
      if ((a.text == best) != (b.text == best)) return a.text == best;
      return a.confidence > b.confidence;
    });
    if ((int)alts.size() > opt.max_alternatives) alts.resize(std::max(1, opt.max_alternatives));
    r.alternatives = std::move(alts);
    return r;
  }
};

CellReader::CellReader(const OcrOptions& options) : impl_(std::make_unique<Impl>(options)) {}
CellReader::~CellReader() = default;

void CellReader::set_page(const cv::Mat& grey) {
  if (!grey.empty() && grey.type() != CV_8UC1)
    throw std::invalid_argument("CellReader::set_page: the page must be CV_8UC1 (grey)");
  impl_->page = grey;
}

Reading CellReader::read(const cv::Rect& cell, CellKind kind) { return impl_->read(cell, kind); }

// ---------------------------------------------------------------------------------------------

struct CellOcrPool::Impl {
  OcrOptions opt;
  std::vector<std::thread> workers;
  std::mutex m;
  std::condition_variable wake, done;
  // Start-up.
  int ready = 0;
  std::exception_ptr init_error;
  // The current page.
  uint64_t generation = 0;
  bool stop = false;
  int busy = 0;
  const cv::Mat* page = nullptr;
  const std::vector<std::pair<cv::Rect, CellKind>>* cells = nullptr;
  std::vector<Reading>* out = nullptr;
  std::atomic<size_t> next{0};
  std::exception_ptr error;

  void run() {
    std::unique_ptr<CellReader> reader;
    try {
      reader = std::make_unique<CellReader>(opt);
    } catch (...) {
      std::lock_guard lk(m);
      if (!init_error) init_error = std::current_exception();
    }
    uint64_t seen = 0;
    {
      std::lock_guard lk(m);
      ++ready;
    }
    done.notify_all();
    if (!reader) return;
    for (;;) {
      {
        std::unique_lock lk(m);
        wake.wait(lk, [&] { return stop || generation != seen; });
        if (stop) return;
        seen = generation;
      }
      try {
        reader->set_page(*page);
        for (size_t i; (i = next.fetch_add(1)) < cells->size();)
          (*out)[i] = reader->read((*cells)[i].first, (*cells)[i].second);
      } catch (...) {
        std::lock_guard lk(m);
        if (!error) error = std::current_exception();
        next = cells->size();
      }
      {
        std::lock_guard lk(m);
        --busy;
      }
      done.notify_all();
    }
  }

  void shutdown() {
    {
      std::lock_guard lk(m);
      stop = true;
    }
    wake.notify_all();
    for (auto& t : workers)
      if (t.joinable()) t.join();
  }
};

CellOcrPool::CellOcrPool(const OcrOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = options;
  const int n = std::max(1, options.threads);
  for (int i = 0; i < n; ++i) impl_->workers.emplace_back([this] { impl_->run(); });
  {
    std::unique_lock lk(impl_->m);
    impl_->done.wait(lk, [&] { return impl_->ready == n; });
  }
  if (impl_->init_error) {
    impl_->shutdown();
    std::rethrow_exception(impl_->init_error);
  }
}

CellOcrPool::~CellOcrPool() { impl_->shutdown(); }

int CellOcrPool::threads() const { return (int)impl_->workers.size(); }

std::vector<Reading> CellOcrPool::read_page(const cv::Mat& grey,
                                            const std::vector<std::pair<cv::Rect, CellKind>>& cells) {
  if (!grey.empty() && grey.type() != CV_8UC1)
    throw std::invalid_argument("CellOcrPool::read_page: the page must be CV_8UC1 (grey)");
  std::vector<Reading> out(cells.size());
  if (cells.empty()) return out;
  auto& s = *impl_;
  {
    std::unique_lock lk(s.m);
    s.page = &grey;
    s.cells = &cells;
    s.out = &out;
    s.next = 0;
    s.error = nullptr;
    s.busy = (int)s.workers.size();
    ++s.generation;
  }
  s.wake.notify_all();
  {
    std::unique_lock lk(s.m);
    s.done.wait(lk, [&] { return s.busy == 0; });
    s.page = nullptr;
    s.cells = nullptr;
    s.out = nullptr;
  }
  if (s.error) std::rethrow_exception(s.error);
  return out;
}

}  // namespace gongkai::ocr
