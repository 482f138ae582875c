#include "validation/linear.h"

#include <algorithm>
#include <cmath>
#include <set>

namespace gongkai {
namespace {

constexpr double kEps = 1e-7;
constexpr double kInf = std::numeric_limits<double>::infinity();

bool near_int(double v) { return std::fabs(v - std::round(v)) < 1e-6; }

// Interval propagation over every equation until nothing tightens. This is what
// pins "a sum of non-negative unknowns is 0" to all zeros.
bool propagate(const std::vector<LinearEquation>& eqs, std::vector<VarBounds>& b) {
  for (int round = 0; round < 200; ++round) {
    bool changed = false;
    for (const auto& e : eqs) {
      double min_sum = 0, max_sum = 0;
      int min_inf = 0, max_inf = 0;
      std::vector<std::pair<double, double>> contrib;
      contrib.reserve(e.terms.size());
      for (auto [v, a] : e.terms) {
        double lo = a > 0 ? a * b[v].lo : a * b[v].hi;
        double hi = a > 0 ? a * b[v].hi : a * b[v].lo;
        contrib.emplace_back(lo, hi);
        if (std::isinf(lo)) ++min_inf; else min_sum += lo;
        if (std::isinf(hi)) ++max_inf; else max_sum += hi;
      }
      for (size_t k = 0; k < e.terms.size(); ++k) {
        auto [v, a] = e.terms[k];
        auto [clo, chi] = contrib[k];
        // Sum of the other terms lies in [others_lo, others_hi].
        double others_lo = (min_inf - (std::isinf(clo) ? 1 : 0)) > 0 ? -kInf : min_sum - (std::isinf(clo) ? 0 : clo);
        double others_hi = (max_inf - (std::isinf(chi) ? 1 : 0)) > 0 ? kInf : max_sum - (std::isinf(chi) ? 0 : chi);
        double t_lo = e.rhs - others_hi, t_hi = e.rhs - others_lo;  // bounds of a*x
        double lo = a > 0 ? t_lo / a : t_hi / a;
        double hi = a > 0 ? t_hi / a : t_lo / a;
        if (b[v].integer) {
          if (!std::isinf(lo)) lo = std::ceil(lo - 1e-6);
          if (!std::isinf(hi)) hi = std::floor(hi + 1e-6);
        }
        if (lo > b[v].lo + kEps) b[v].lo = lo, changed = true;
        if (hi < b[v].hi - kEps) b[v].hi = hi, changed = true;
        if (b[v].lo > b[v].hi + kEps) return false;
      }
    }
    if (!changed) break;
  }
  return true;
}

}  // namespace

LinearSolution solve_linear(int n, const std::vector<LinearEquation>& eqs,
                            const std::vector<VarBounds>& bounds_in) {
  LinearSolution sol;
  sol.value.assign(n, std::nullopt);
  sol.candidates.assign(n, {});
  std::vector<VarBounds> b = bounds_in;
  if (!propagate(eqs, b)) {
    sol.feasible = false;
    return sol;
  }

  // Reduced row echelon form of [A | rhs].
  const int m = static_cast<int>(eqs.size());
  std::vector<std::vector<double>> A(m, std::vector<double>(n + 1, 0.0));
  for (int r = 0; r < m; ++r) {
    for (auto [v, a] : eqs[r].terms) A[r][v] += a;
    A[r][n] = eqs[r].rhs;
  }
  std::vector<int> pivot_col;  // per reduced row
  int row = 0;
  for (int c = 0; c < n && row < m; ++c) {
    int best = -1;
    for (int r = row; r < m; ++r)
      if (std::fabs(A[r][c]) > kEps && (best < 0 || std::fabs(A[r][c]) > std::fabs(A[best][c]))) best = r;
    if (best < 0) continue;
    std::swap(A[row], A[best]);
    double p = A[row][c];
    for (double& x : A[row]) x /= p;
    for (int r = 0; r < m; ++r)
      if (r != row && std::fabs(A[r][c]) > kEps) {
        double f = A[r][c];
        for (int k = 0; k <= n; ++k) A[r][k] -= f * A[row][k];
      }
    pivot_col.push_back(c);
    ++row;
  }
  for (int r = row; r < m; ++r)
    if (std::fabs(A[r][n]) > 1e-6) {
      sol.feasible = false;
      return sol;
    }
  std::vector<bool> is_pivot(n, false);
  for (int c : pivot_col) is_pivot[c] = true;
  std::vector<int> free_vars;
  for (int c = 0; c < n; ++c)
    if (!is_pivot[c]) free_vars.push_back(c);

  auto in_bounds = [&](int v, double x) {
    if (x < b[v].lo - 1e-6 || x > b[v].hi + 1e-6) return false;
    return !b[v].integer || near_int(x);
  };

  // Enumerate the free unknowns when their ranges are small; otherwise only
  // what the equations pin down alone is determined.
  double space = 1;
  for (int v : free_vars) {
    if (std::isinf(b[v].lo) || std::isinf(b[v].hi) || !b[v].integer) {
      space = kInf;
      break;
    }
    space *= (b[v].hi - b[v].lo + 1);
  }
  if (space <= 200000) {
    std::vector<std::set<double>> seen(n);
    std::vector<double> x(n, 0.0);
    size_t found = 0;
    std::vector<double> cur(free_vars.size());
    for (size_t k = 0; k < free_vars.size(); ++k) cur[k] = b[free_vars[k]].lo;
    while (true) {
      for (size_t k = 0; k < free_vars.size(); ++k) x[free_vars[k]] = cur[k];
      bool ok = true;
      for (int r = 0; r < row && ok; ++r) {
        double v = A[r][n];
        for (int f : free_vars) v -= A[r][f] * x[f];
        if (b[pivot_col[r]].integer && near_int(v)) v = std::round(v);
        x[pivot_col[r]] = v;
        ok = in_bounds(pivot_col[r], v);
      }
      if (ok) {
        ++found;
        for (int v = 0; v < n; ++v)
          if (seen[v].size() < 64) seen[v].insert(x[v]);
      }
      size_t k = 0;
      for (; k < free_vars.size(); ++k) {
        if (cur[k] < b[free_vars[k]].hi) {
          cur[k] += 1;
          break;
        }
        cur[k] = b[free_vars[k]].lo;
      }
      if (k == free_vars.size()) break;
    }
    if (found == 0) {
      sol.feasible = false;
      return sol;
    }
    for (int v = 0; v < n; ++v) {
      if (seen[v].size() == 1) sol.value[v] = *seen[v].begin();
      else sol.candidates[v].assign(seen[v].begin(), seen[v].end());
    }
    return sol;
  }
  for (int r = 0; r < row; ++r) {
    bool depends = false;
    for (int f : free_vars) depends = depends || std::fabs(A[r][f]) > kEps;
    if (!depends) {
      double v = A[r][n];
      if (!in_bounds(pivot_col[r], v)) {
        sol.feasible = false;
        return sol;
      }
      sol.value[pivot_col[r]] = std::round(v * 1e6) / 1e6;
    }
  }
  for (int v : free_vars)
    if (b[v].lo == b[v].hi) sol.value[v] = b[v].lo;
  return sol;
}

}  // namespace gongkai
