// Ruling lines in a page image. See raster_rules.h for the method.
#include "grid/raster_rules.h"
#include "grid/raster_input.h"
#include "grid/vertical_anchors.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <numeric>
#include <stdexcept>
#include <string>
#include <vector>

#include <opencv2/imgproc.hpp>

namespace gongkai::grid {
namespace {

// A run of ink along a row of the working frame: columns [x0, x1).
struct Run {
  int x0, x1;
};

// Runs grouped by row: the runs of row y are runs[start[y] .. start[y+1]),
// sorted by x0 and disjoint.
struct RowRuns {
  std::vector<Run> runs;
  std::vector<int> start;
  int rows() const { return static_cast<int>(start.size()) - 1; }
  const Run* begin(int y) const { return runs.data() + start[y]; }
  const Run* end(int y) const { return runs.data() + start[y + 1]; }
  bool empty(int y) const { return start[y] == start[y + 1]; }
};

// Runs at least `min_len` long are found by eroding the ink image with a
// 1-D kernel of that length first: the eroded image is sparse (text and noise
// mostly vanish), so scanning it is fast, and an eroded run [e0, e1) is the
// ink run [e0 - lead, e1 + trail) with lead = min_len / 2 (OpenCV's centred
// anchor) and trail = min_len - 1 - lead. Pixels beyond the border count as
// ink in an erosion, so the expanded run is clipped and checked again.
struct Eroded {
  cv::Mat img;
  int lead = 0, trail = 0;
};

Eroded erode_along(const cv::Mat& bin, int min_len, bool horizontal) {
  Eroded e;
  if (min_len <= 1) {
    e.img = bin;
    return e;
  }
  const cv::Size k = horizontal ? cv::Size(min_len, 1) : cv::Size(1, min_len);
  cv::erode(bin, e.img, cv::getStructuringElement(cv::MORPH_RECT, k));
  e.lead = min_len / 2;
  e.trail = min_len - 1 - e.lead;
  return e;
}

inline uint64_t load8(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

// The ink runs along every row of `bin` (0 or 255) at least `min_len` long.
RowRuns row_runs(const cv::Mat& bin, int min_len) {
  const Eroded e = erode_along(bin, min_len, true);
  RowRuns out;
  out.start.reserve(bin.rows + 1);
  const int w = bin.cols;
  for (int y = 0; y < bin.rows; ++y) {
    out.start.push_back(static_cast<int>(out.runs.size()));
    const uint8_t* p = e.img.ptr<uint8_t>(y);
    int x = 0;
    while (x < w) {
      while (x + 8 <= w && load8(p + x) == 0) x += 8;
      while (x < w && p[x] == 0) ++x;
      if (x >= w) break;
      const int x0 = x;
      while (x + 8 <= w && load8(p + x) == ~uint64_t{0}) x += 8;
      while (x < w && p[x] != 0) ++x;
      const Run r{std::max(0, x0 - e.lead), std::min(w, x + e.trail)};
      if (r.x1 - r.x0 >= min_len) out.runs.push_back(r);
    }
  }
  out.start.push_back(static_cast<int>(out.runs.size()));
  return out;
}

// The ink runs down every column of `bin` at least `min_len` long, grouped by
// column (row c of the result is column c, its runs are row ranges). Found
// without transposing: a run starts or ends where a column differs from the
// row above, which in the sparse eroded image is rare.
RowRuns column_runs(const cv::Mat& bin, int min_len) {
  const Eroded e = erode_along(bin, min_len, false);
  const int w = bin.cols, h = bin.rows;
  struct ColRun {
    int col, y0, y1;
  };
  std::vector<ColRun> found;
  std::vector<int> open(w, -1);
  const std::vector<uint8_t> zeros(w, 0);
  auto transition = [&](int x, int y, bool ink) {
    if (ink) {
      open[x] = y;
    } else {
      const int y0 = std::max(0, open[x] - e.lead), y1 = std::min(h, y + e.trail);
      if (y1 - y0 >= min_len) found.push_back({x, y0, y1});
      open[x] = -1;
    }
  };
  for (int y = 0; y <= h; ++y) {
    const uint8_t* cur = y < h ? e.img.ptr<uint8_t>(y) : zeros.data();
    const uint8_t* prev = y > 0 ? e.img.ptr<uint8_t>(y - 1) : zeros.data();
    int x = 0;
    for (; x + 8 <= w; x += 8) {
      if (load8(cur + x) == load8(prev + x)) continue;
      for (int k = x; k < x + 8; ++k)
        if ((cur[k] != 0) != (prev[k] != 0)) transition(k, y, cur[k] != 0);
    }
    for (; x < w; ++x)
      if ((cur[x] != 0) != (prev[x] != 0)) transition(x, y, cur[x] != 0);
  }
  RowRuns out;
  out.start.assign(w + 1, 0);
  for (const ColRun& r : found) ++out.start[r.col + 1];
  for (int c = 0; c < w; ++c) out.start[c + 1] += out.start[c];
  out.runs.resize(found.size());
  std::vector<int> fill(out.start.begin(), out.start.end() - 1);
  for (const ColRun& r : found) out.runs[fill[r.col]++] = {r.y0, r.y1};  // in row order within a column
  return out;
}

// Row y of the result is the union of rows y-r .. y+r of `pieces`, with gaps
// of at most `max_gap` closed, keeping only the runs at least `min_len` long.
RowRuns join_rows(const RowRuns& pieces, int r, int max_gap, int min_len) {
  RowRuns out;
  const int h = pieces.rows();
  out.start.reserve(h + 1);
  std::vector<Run> tmp;
  for (int y = 0; y < h; ++y) {
    out.start.push_back(static_cast<int>(out.runs.size()));
    tmp.clear();
    const int ya = std::max(0, y - r), yb = std::min(h - 1, y + r);
    for (int yy = ya; yy <= yb; ++yy) tmp.insert(tmp.end(), pieces.begin(yy), pieces.end(yy));
    if (tmp.empty()) continue;
    if (yb > ya) std::sort(tmp.begin(), tmp.end(), [](const Run& a, const Run& b) { return a.x0 < b.x0; });
    Run cur = tmp[0];
    auto flush = [&] {
      if (cur.x1 - cur.x0 >= min_len) out.runs.push_back(cur);
    };
    for (size_t i = 1; i < tmp.size(); ++i) {
      if (tmp[i].x0 - cur.x1 <= max_gap) {
        cur.x1 = std::max(cur.x1, tmp[i].x1);
      } else {
        flush();
        cur = tmp[i];
      }
    }
    flush();
  }
  out.start.push_back(static_cast<int>(out.runs.size()));
  return out;
}

struct DisjointSets {
  std::vector<int> parent;
  explicit DisjointSets(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
  int find(int a) {
    while (parent[a] != a) a = parent[a] = parent[parent[a]];
    return a;
  }
  void unite(int a, int b) {
    a = find(a);
    b = find(b);
    if (a != b) parent[std::max(a, b)] = std::min(a, b);
  }
};

// Moments of one group of runs, in continuous coordinates of the frame (pixel
// x covers [x, x+1), so its centre is x + 0.5).
struct Moments {
  double n = 0, sx = 0, sxx = 0, sy = 0, sxy = 0;  // sums of 1, x, x^2, y, xy
  int x0 = INT32_MAX, x1 = INT32_MIN;
  void add(int row, const Run& r) {
    const double len = r.x1 - r.x0, mid = 0.5 * (r.x0 + r.x1), y = row + 0.5;
    n += len;
    sx += len * mid;
    sxx += len * mid * mid + len * (len * len - 1) / 12.0;  // spread of a run about its centre
    sy += len * y;
    sxy += len * mid * y;
    x0 = std::min(x0, r.x0);
    x1 = std::max(x1, r.x1);
  }
  void merge(const Moments& o) {
    n += o.n;
    sx += o.sx;
    sxx += o.sxx;
    sy += o.sy;
    sxy += o.sxy;
    x0 = std::min(x0, o.x0);
    x1 = std::max(x1, o.x1);
  }
};

// A candidate rule: its moments and the line fitted through them.
struct Segment {
  Moments m;
  double pos = 0, slope = 0, thickness = 0;
  // `widen`: the rows were OR-ed with this many neighbours on each side.
  Segment(const Moments& mom, int widen) : m(mom) {
    const int len = m.x1 - m.x0;
    thickness = m.n / len - 2.0 * widen;
    pos = m.sy / m.n;
    const double var_x = m.sxx - m.sx * m.sx / m.n;
    slope = var_x > 0 ? (m.sxy - m.sx * m.sy / m.n) / var_x : 0.0;
  }
  double at(double x) const { return pos + slope * (x - m.sx / m.n); }
};

// Joins segments of one line that a stretch of noise or a break wider than
// max_gap split: they lie end to end (at most `merge_gap` apart, or
// overlapping) and meet at the same position across the line.
void merge_collinear(std::vector<Segment>& segs, int merge_gap, int widen) {
  for (bool merged = true; merged;) {
    merged = false;
    for (size_t i = 0; i < segs.size() && !merged; ++i)
      for (size_t j = i + 1; j < segs.size() && !merged; ++j) {
        const Segment &a = segs[i], &b = segs[j];
        const int gap = std::max(a.m.x0, b.m.x0) - std::min(a.m.x1, b.m.x1);
        if (gap > merge_gap) continue;
        // Where they meet (the middle of the gap or of the overlap).
        const double x = 0.5 * (std::max(a.m.x0, b.m.x0) + std::min(a.m.x1, b.m.x1));
        const double tol = 1.0 + 0.5 * std::max(1.0, std::max(a.thickness, b.thickness));
        if (std::abs(a.at(x) - b.at(x)) > tol) continue;
        Moments m = a.m;
        m.merge(b.m);
        segs[i] = Segment(m, widen);
        segs.erase(segs.begin() + static_cast<long>(j));
        merged = true;
      }
  }
}

// The grey image seen in the working frame: `across` is the row of the frame
// (y for horizontal rules, x for vertical ones), `along` the column.
struct GreyView {
  const cv::Mat& grey;
  bool transposed;
  int across_size() const { return transposed ? grey.cols : grey.rows; }
  uint8_t at(int across, int along) const {
    return transposed ? grey.ptr<uint8_t>(along)[across] : grey.ptr<uint8_t>(across)[along];
  }
};

// The options' sizes in pixels of the image, for one direction.
struct Sizes {
  int min_len;    // shortest rule
  int max_gap;    // bridged along a line
  int merge_gap;  // between segments joined into one rule
  // The side bands of clear_sides: `side_band` pixels starting
  // `side_off` pixels beyond the line's edge.
  int side_off, side_band;
};

// How much the candidate line looks like a line in the grey image: the
// fractions of its length along which both sides, and the clearer side, are
// clearly lighter than the line (0 when the line is no darker than paper).
struct Clearance { double both = 1, one_side = 1; };

Clearance clear_sides(const GreyView& g, const Moments& m, double pos, double slope, double thickness,
                      const Sizes& sz, const RasterRuleOptions& opt) {
  if (opt.min_clear_frac <= 0) return {};
  const int len = m.x1 - m.x0;
  const int samples = std::min(len, 256);
  const double mean_x = m.sx / m.n;
  const double half = std::max(0.5, 0.5 * thickness);
  const int across_n = g.across_size();
  // Each side is the darkest of the band's pixels: far enough from the line
  // to clear its blurred edge, wide enough that the strokes of glyphs next to
  // a line of glyph strokes show, narrow enough that text set tight against
  // a rule (row labels often start a pixel or two after it) does not hide
  // the paper.
  const int kOff = sz.side_off, kBand = sz.side_band;
  std::vector<int> ink(samples), above(samples), below(samples);
  // The darkest pixel of a side band, or -1 where the band is off the image.
  // (Grainy scans were smoothed before, so one pixel is not just noise.)
  auto band = [&](int first_row, int step, int along) {
    int v = -1;
    for (int k = 0; k < kBand; ++k) {
      const int r = first_row + k * step;
      if (r >= 0 && r < across_n) v = v < 0 ? g.at(r, along) : std::min<int>(v, g.at(r, along));
    }
    return v;
  };
  for (int i = 0; i < samples; ++i) {
    const int along = m.x0 + static_cast<int>((i + 0.5) * len / samples);
    const double yc = pos + slope * (along + 0.5 - mean_x) - 0.5;  // row index of the centre
    const int top = static_cast<int>(std::lround(yc - half + 0.5));
    const int bottom = std::max(top, static_cast<int>(std::lround(yc + half - 0.5)));
    int v = 255;
    for (int r = std::max(0, top); r <= std::min(bottom, across_n - 1); ++r) v = std::min<int>(v, g.at(r, along));
    ink[i] = v;
    above[i] = band(top - kOff, -1, along);
    below[i] = band(bottom + kOff, 1, along);
  }
  std::vector<int> sides;
  sides.reserve(2 * samples);
  for (int i = 0; i < samples; ++i) {
    if (above[i] >= 0) sides.push_back(above[i]);
    if (below[i] >= 0) sides.push_back(below[i]);
  }
  if (sides.empty()) return {};  // a line filling the whole image: nothing to compare
  auto nth = [](std::vector<int> v, double q) {
    const size_t k = std::min(v.size() - 1, static_cast<size_t>(q * v.size()));
    std::nth_element(v.begin(), v.begin() + k, v.end());
    return v[k];
  };
  const int ink_level = nth(ink, 0.5), paper = nth(sides, 0.9);
  if (paper - ink_level < opt.threshold_c) return {0, 0};
  // 0.25: cells shaded mid-grey next to a black rule, and the blurred edge of
  // a soft scanned line, still count as clear; the inside of a filled area
  // (as dark as the "line" itself) does not.
  const double thr = ink_level + 0.25 * (paper - ink_level);
  int clear = 0, clear_above = 0, clear_below = 0;
  for (int i = 0; i < samples; ++i) {
    const bool a = above[i] < 0 || above[i] >= thr, b = below[i] < 0 || below[i] >= thr;
    clear += a && b;
    clear_above += a;
    clear_below += b;
  }
  return {double(clear) / samples, double(std::max(clear_above, clear_below)) / samples};
}

bool by_position(const Rule& a, const Rule& b) { return a.pos != b.pos ? a.pos < b.pos : a.from < b.from; }

std::vector<Rule> as_rules(const std::vector<Segment>& segs) {
  std::vector<Rule> out;
  for (const Segment& seg : segs) out.push_back({seg.pos, double(seg.m.x0), double(seg.m.x1)});
  std::sort(out.begin(), out.end(), by_position);
  return out;
}

// A vertical rule's end hanging beyond the last rule crossing it, cut off
// when it has no paper beside it on either side: a glyph's stem. On a blurred
// photo the stem of 上年结转's 年 closed the paper between it and the column
// rule below; the rule grew into the row and split its label cell (generated
// 0002, photo seed 13002, blur: 7 values lost). That piece scored 0.19 clear
// on both sides, 0.48 on the clearer; a rule crowded by row labels has one
// side clear along 80 %. `across`: the rules crossing these, `reach` how
// near counts as meeting one.
void trim_glyph_ends(std::vector<Segment>& segs, const std::vector<Rule>& across, const GreyView& grey,
                     const Sizes& sz, const RasterRuleOptions& opt, int reach) {
  for (Segment& seg : segs) {
    std::vector<double> cross;
    for (const Rule& r : across) {
      const double at = seg.at(r.pos);
      if (r.pos >= seg.m.x0 - reach && r.pos <= seg.m.x1 + reach && at >= r.from - reach && at <= r.to + reach)
        cross.push_back(r.pos);
    }
    if (cross.size() < 2) continue;  // a rule of one row is all "end"
    std::sort(cross.begin(), cross.end());
    // Whether the piece [a, b) has paper beside it on one side at least.
    auto clear_piece = [&](int a, int b) {
      Moments m;
      m.x0 = a, m.x1 = b;
      if (b - a < 4) return true;
      m.n = b - a, m.sx = m.n * 0.5 * (a + b);
      const Clearance c = clear_sides(grey, m, seg.at(0.5 * (a + b)), seg.slope, std::max(1.0, seg.thickness), sz, opt);
      return c.both >= opt.min_clear_frac || c.one_side >= opt.min_clear_frac;
    };
    // Only a hanging end: a piece meeting rules at both ends is a rule, however
    // crowded (table 四's narrow header cells crowd theirs on both sides).
    const int first = static_cast<int>(cross.front()), last = static_cast<int>(std::ceil(cross.back()));
    if (first - seg.m.x0 > reach && !clear_piece(seg.m.x0, first - reach)) seg.m.x0 = first;
    if (seg.m.x1 - last > reach && !clear_piece(last + reach, seg.m.x1)) seg.m.x1 = last;
  }
}

// Rules running along the rows of the working frame, whose ink runs of at
// least min_piece are `pieces`. Candidates that failed only the clear-sides
// test but have text crowding one side (see crowded_clear_frac) go to
// `crowded`, when given.
std::vector<Rule> find_rules(const RowRuns& pieces, const GreyView& grey, const Sizes& sz,
                             const RasterRuleOptions& opt, std::vector<Rule>* crowded = nullptr,
                             const std::vector<Rule>* across = nullptr, int reach = 0) {
  const RowRuns lines = join_rows(pieces, opt.skew_tolerance, sz.max_gap, sz.min_len);
  const int h = lines.rows();

  // Join the runs of one line across neighbouring rows: runs that overlap or
  // touch (8-connectivity) in consecutive rows.
  DisjointSets sets(lines.runs.size());
  for (int y = 0; y + 1 < h; ++y) {
    const Run *a = lines.begin(y), *ae = lines.end(y);
    const Run *b = lines.begin(y + 1), *be = lines.end(y + 1);
    while (a != ae && b != be) {
      if (a->x0 <= b->x1 && b->x0 <= a->x1) sets.unite(static_cast<int>(a - lines.runs.data()),
                                                       static_cast<int>(b - lines.runs.data()));
      if (a->x1 < b->x1) ++a; else ++b;
    }
  }
  std::vector<Moments> groups(lines.runs.size());
  std::vector<char> used(lines.runs.size(), 0);
  for (int y = 0; y < h; ++y)
    for (const Run* r = lines.begin(y); r != lines.end(y); ++r) {
      const int root = sets.find(static_cast<int>(r - lines.runs.data()));
      groups[root].add(y, *r);
      used[root] = 1;
    }

  const double max_thickness = opt.max_thickness > 0 ? opt.max_thickness : opt.block_size;
  auto clearance = [&](const Segment& seg) {
    return clear_sides(grey, seg.m, seg.pos, seg.slope, std::max(1.0, seg.thickness), sz, opt);
  };
  std::vector<Segment> found, failed;
  for (size_t i = 0; i < groups.size(); ++i) {
    if (!used[i]) continue;
    const Segment seg(groups[i], opt.skew_tolerance);
    if (seg.m.x1 - seg.m.x0 < sz.min_len || seg.thickness > max_thickness) continue;
    (clearance(seg).both >= opt.min_clear_frac ? found : failed).push_back(seg);
  }
  merge_collinear(found, sz.merge_gap, opt.skew_tolerance);
  if (across && opt.crowded_clear_frac > 0) trim_glyph_ends(found, *across, grey, sz, opt, reach);
  if (crowded && opt.crowded_clear_frac > 0) {
    // Pieces of one crowded rule that a photo's noise broke are judged whole.
    merge_collinear(failed, 2 * sz.merge_gap, opt.skew_tolerance);
    std::erase_if(failed, [&](const Segment& seg) {
      const Clearance c = clearance(seg);
      return c.both < opt.crowded_clear_frac || c.one_side < opt.min_clear_frac;
    });
    *crowded = as_rules(failed);
  }
  return as_rules(found);
}

}  // namespace

Rules detect_rules(const cv::Mat& grey, const RasterRuleOptions& opt) {
  check_options(opt);
  if (grey.empty() || grey.rows == 0 || grey.cols == 0) return {};
  if (grey.type() != CV_8UC1)
    throw std::invalid_argument("detect_rules: expected a CV_8UC1 image, got type " + std::to_string(grey.type()));

  // Grainy scans are smoothed first: the noise would otherwise both punch
  // holes in faint lines and fill flat areas with specks.
  cv::Mat smooth;
  const bool denoise = opt.denoise_above >= 0 && estimate_noise(grey) > opt.denoise_above;
  if (denoise) cv::blur(grey, smooth, cv::Size(3, 3), cv::Point(-1, -1), cv::BORDER_REPLICATE);
  const cv::Mat& src = denoise ? smooth : grey;
  cv::Mat bin;
  cv::adaptiveThreshold(src, bin, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY_INV, opt.block_size,
                        opt.threshold_c);
  const double dpi = opt.dpi > 0 ? opt.dpi : std::max(grey.rows, grey.cols) / (297.0 / 25.4);
  auto px = [&](double mm) { return static_cast<int>(std::lround(mm * dpi / 25.4)); };
  const int min_piece = std::max(1, px(opt.min_piece_mm));
  Sizes sz;
  sz.max_gap = px(opt.max_gap_mm);
  sz.merge_gap = std::max(sz.max_gap, px(opt.merge_gap_mm));
  // 3 and 4 px at 300 dpi, never under 2.
  sz.side_off = std::max(2, px(0.25));
  sz.side_band = std::max(2, px(0.34));
  Rules rules;
  sz.min_len = std::max(1, static_cast<int>(std::lround(opt.min_length_frac * grey.cols)));
  rules.horizontal = find_rules(row_runs(bin, min_piece), GreyView{src, false}, sz, opt);
  const int long_v = std::max(1, static_cast<int>(std::lround(opt.min_length_frac * grey.rows)));
  const int short_v = opt.short_vertical_frac > 0
                          ? std::max(1, static_cast<int>(std::lround(opt.short_vertical_frac * grey.rows)))
                          : long_v;
  sz.min_len = std::min(long_v, short_v);
  std::vector<Rule> crowded;
  const double reach = std::max(2, px(0.3)) + opt.skew_tolerance;
  rules.vertical = find_rules(column_runs(bin, min_piece), GreyView{src, true}, sz, opt, &crowded, &rules.horizontal,
                              static_cast<int>(reach));
  keep_anchored_verticals(rules, crowded, src, sz.min_len < long_v ? long_v : 0, reach);
  rules.vertical.insert(rules.vertical.end(), crowded.begin(), crowded.end());
  std::sort(rules.vertical.begin(), rules.vertical.end(), by_position);
  return rules;
}

}  // namespace gongkai::grid
