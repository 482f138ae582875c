#include "grid/grid.h"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace gongkai::grid {
namespace {

// Lines closer than this many snapping distances are one border drawn twice,
// and cells whose own boxes stand this close are one table: a browser's
// cellspacing="4" leaves 3 pt between cells, each boxed (every cell was a
// table of its own). A text line is taller than 3 × 2 pt.
constexpr double kJoin = 3;

std::vector<Rule> merge_one_direction(std::vector<Rule> rules, double tol) {
  std::sort(rules.begin(), rules.end(), [](const Rule& a, const Rule& b) { return a.pos < b.pos; });
  std::vector<Rule> out;
  size_t i = 0;
  while (i < rules.size()) {
    // One line: positions chained within tol of the group's first.
    size_t j = i + 1;
    while (j < rules.size() && rules[j].pos - rules[i].pos <= tol) ++j;
    std::vector<Rule> group(rules.begin() + i, rules.begin() + j);
    std::sort(group.begin(), group.end(), [](const Rule& a, const Rule& b) { return a.from < b.from; });
    Rule cur = group[0];
    double weight = cur.to - cur.from, sum = cur.pos * weight;
    auto flush = [&] {
      if (weight > 0) cur.pos = sum / weight;
      out.push_back(cur);
    };
    for (size_t k = 1; k < group.size(); ++k) {
      const Rule& r = group[k];
      if (r.from <= cur.to + tol) {
        cur.to = std::max(cur.to, r.to);
        double w = std::max(r.to - r.from, 1e-6);
        weight += w;
        sum += r.pos * w;
      } else {
        flush();
        cur = r;
        weight = std::max(r.to - r.from, 1e-6);
        sum = r.pos * weight;
      }
    }
    flush();
    i = j;
  }
  return out;
}

struct UnionFind {
  std::vector<int> p;
  explicit UnionFind(size_t n) : p(n) { std::iota(p.begin(), p.end(), 0); }
  int find(int x) { return p[x] == x ? x : p[x] = find(p[x]); }
  void join(int a, int b) { p[find(a)] = find(b); }
};

bool crosses(const Rule& h, const Rule& v, double tol) {
  return v.pos >= h.from - tol && v.pos <= h.to + tol && h.pos >= v.from - tol && h.pos <= v.to + tol;
}

// Positions within tol are one boundary.
std::vector<double> boundaries(std::vector<double> pos, double tol) {
  std::sort(pos.begin(), pos.end());
  std::vector<double> out;
  for (size_t i = 0; i < pos.size();) {
    size_t j = i;
    double sum = 0;
    while (j < pos.size() && pos[j] - pos[i] <= tol) sum += pos[j++];
    out.push_back(sum / static_cast<double>(j - i));
    i = j;
  }
  return out;
}

// The boundary nearest to `pos`.
double nearest(const std::vector<double>& bounds, double pos) {
  auto it = std::lower_bound(bounds.begin(), bounds.end(), pos);
  if (it == bounds.end()) return bounds.back();
  if (it != bounds.begin() && pos - *(it - 1) < *it - pos) --it;
  return *it;
}

// Whether some rule at boundary `pos` covers the middle part of [a, b]. A
// rule belongs to its nearest boundary within kJoin snapping distances: the
// second line of a collapsed double border still rules it.
bool ruled(const std::vector<const Rule*>& rules, const std::vector<double>& bounds, double pos, double a, double b,
           double tol) {
  double lo = a + (b - a) * 0.25, hi = b - (b - a) * 0.25;
  for (const Rule* r : rules)
    if (std::abs(r->pos - pos) <= kJoin * tol && nearest(bounds, r->pos) == pos && r->from <= lo + tol &&
        r->to >= hi - tol)
      return true;
  return false;
}

// Length of the rules drawn at boundary `pos`.
double ruled_length(const std::vector<const Rule*>& rules, double pos, double tol) {
  double sum = 0;
  for (const Rule* r : rules)
    if (std::abs(r->pos - pos) <= tol) sum += r->to - r->from;
  return sum;
}

// No row or column of a table is thinner than a line of text. Two boundaries
// closer than `min_gap` are one border drawn twice: a double border, cells
// that each draw their own box with spacing between them, or the stub that
// Chromium draws atop a cell continued from the previous page (5 pt below
// the table's top, across one column) — kept as a row, it made every other
// cell of the row span two rows.
void collapse_thin(std::vector<double>& bounds, const std::vector<const Rule*>& rules, double min_gap, double tol) {
  for (size_t i = 0; i + 1 < bounds.size();) {
    if (bounds[i + 1] - bounds[i] >= min_gap) {
      ++i;
      continue;
    }
    // Weighted by the rule drawn on each: a stub counts for little, the two
    // lines of a double border alike (the border between them, the same on
    // every page, so that a table continued on the next page stitches
    // column to column).
    double a = ruled_length(rules, bounds[i], tol) + 1e-9, b = ruled_length(rules, bounds[i + 1], tol) + 1e-9;
    bounds[i] = (a * bounds[i] + b * bounds[i + 1]) / (a + b);
    bounds.erase(bounds.begin() + static_cast<long>(i + 1));
  }
}

Grid make_grid(std::vector<const Rule*> hs, std::vector<const Rule*> vs, double tol) {
  Grid g;
  std::vector<double> hp, vp;
  double xmin = 1e18, xmax = -1e18, ymin = 1e18, ymax = -1e18;
  for (auto* h : hs) hp.push_back(h->pos), xmin = std::min(xmin, h->from), xmax = std::max(xmax, h->to);
  for (auto* v : vs) vp.push_back(v->pos), ymin = std::min(ymin, v->from), ymax = std::max(ymax, v->to);
  g.ys = boundaries(hp, tol);
  g.xs = boundaries(vp, tol);
  // Tables drawn without outer side borders: the horizontal rules still
  // reach the table's edges, so the edges are taken from them.
  if (xmin < g.xs.front() - 2 * tol) g.xs.insert(g.xs.begin(), xmin);
  if (xmax > g.xs.back() + 2 * tol) g.xs.push_back(xmax);
  if (ymin < g.ys.front() - 2 * tol) g.ys.insert(g.ys.begin(), ymin);
  if (ymax > g.ys.back() + 2 * tol) g.ys.push_back(ymax);
  collapse_thin(g.ys, hs, kJoin * tol, tol);
  collapse_thin(g.xs, vs, kJoin * tol, tol);
  g.box = {g.xs.front(), g.ys.front(), g.xs.back(), g.ys.back()};
  int R = g.rows(), C = g.cols();
  if (R <= 0 || C <= 0) return g;

  // Atomic cells joined where the border between them is not drawn.
  UnionFind uf(static_cast<size_t>(R * C));
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < C; ++c) {
      if (c + 1 < C && !ruled(vs, g.xs, g.xs[c + 1], g.ys[r], g.ys[r + 1], tol)) uf.join(r * C + c, r * C + c + 1);
      if (r + 1 < R && !ruled(hs, g.ys, g.ys[r + 1], g.xs[c], g.xs[c + 1], tol)) uf.join(r * C + c, (r + 1) * C + c);
    }
  std::vector<int> root_to_cell(static_cast<size_t>(R * C), -1);
  g.owner.assign(static_cast<size_t>(R * C), -1);
  for (int r = 0; r < R; ++r)
    for (int c = 0; c < C; ++c) {
      int root = uf.find(r * C + c);
      int& idx = root_to_cell[root];
      if (idx < 0) {
        idx = static_cast<int>(g.cells.size());
        g.cells.push_back({r, c, 1, 1, {}});
      }
      GridCell& cell = g.cells[idx];
      cell.row_span = std::max(cell.row_span, r - cell.row + 1);
      if (c < cell.col) {
        cell.col_span += cell.col - c;
        cell.col = c;
      }
      cell.col_span = std::max(cell.col_span, c - cell.col + 1);
      g.owner[r * C + c] = idx;
    }
  for (auto& cell : g.cells)
    cell.box = {g.xs[cell.col], g.ys[cell.row], g.xs[cell.col + cell.col_span], g.ys[cell.row + cell.row_span]};
  return g;
}

}  // namespace

Rules merge_rules(const Rules& raw, double tol) {
  return {merge_one_direction(raw.horizontal, tol), merge_one_direction(raw.vertical, tol)};
}

int Grid::cell_at(double x, double y) const {
  if (rows() <= 0 || cols() <= 0 || !box.contains(x, y)) return -1;
  int c = static_cast<int>(std::upper_bound(xs.begin(), xs.end(), x) - xs.begin()) - 1;
  int r = static_cast<int>(std::upper_bound(ys.begin(), ys.end(), y) - ys.begin()) - 1;
  c = std::clamp(c, 0, cols() - 1);
  r = std::clamp(r, 0, rows() - 1);
  return owner[r * cols() + c];
}

std::vector<Grid> build_grids(const Rules& merged, double tol) {
  const auto& H = merged.horizontal;
  const auto& V = merged.vertical;
  size_t nh = H.size();
  UnionFind uf(nh + V.size());
  for (size_t i = 0; i < nh; ++i)
    for (size_t j = 0; j < V.size(); ++j)
      if (crosses(H[i], V[j], kJoin * tol)) uf.join(static_cast<int>(i), static_cast<int>(nh + j));
  std::vector<std::vector<const Rule*>> hs(nh + V.size()), vs(nh + V.size());
  for (size_t i = 0; i < nh; ++i) hs[uf.find(static_cast<int>(i))].push_back(&H[i]);
  for (size_t j = 0; j < V.size(); ++j) vs[uf.find(static_cast<int>(nh + j))].push_back(&V[j]);
  std::vector<Grid> out;
  for (size_t k = 0; k < hs.size(); ++k) {
    if (hs[k].size() < 2 || vs[k].size() < 2) continue;
    Grid g = make_grid(hs[k], vs[k], tol);
    if (g.rows() > 0 && g.cols() > 0) out.push_back(std::move(g));
  }
  std::sort(out.begin(), out.end(), [](const Grid& a, const Grid& b) { return a.box.y0 < b.box.y0; });
  return out;
}

}  // namespace gongkai::grid
