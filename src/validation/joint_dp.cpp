#include "validation/joint_dp.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>

#include "validation/sum_meet.h"

namespace gongkai {
namespace {

using Eq = const std::vector<JointTerm>*;

// Concrete readings of one row at most: lost cells with wide bounds are not
// worth spelling out value by value.
constexpr size_t kMaxExpansions = 4000;
// Budgets that keep a report within milliseconds (a search cut short is
// never trusted: the caller falls back to what is sound). Measured on 300
// generated run-together reports with 2 % and 5 % dropped cells (seed 9100):
// with 100000 states, no work bound and no bound on the rows' concrete
// readings, the slowest took 340 ms, the joint search most of it; with these
// (and resolve.cpp's kJointStates and sum_meet.h's kWorkPerState) it takes
// a few ms, and no more cells are left null.
// Concrete readings (lost cells given values) over all rows of one search.
constexpr size_t kMaxConcrete = 5000;
constexpr int kMaxPruneRounds = 3;

bool holds(const std::vector<JointTerm>& eq, const Hypothesis& h) {
  double sum = 0;
  for (auto& t : eq) sum += t.coef * h[t.col].value;
  return std::fabs(sum) < 1e-6;
}

// The identities that can be used (no cell of theirs may be printed blank,
// every row of theirs has readings), split into one row's own and cross-row.
struct Identities {
  std::vector<std::vector<Eq>> local;  // per row
  std::vector<Eq> cross;
};

Identities usable(const std::vector<std::vector<Hypothesis>>& hyps, const std::vector<std::vector<JointTerm>>& eqs) {
  Identities id;
  id.local.resize(hyps.size());
  for (auto& eq : eqs) {
    bool ok = !eq.empty();
    for (auto& t : eq) {
      if (!ok) break;
      if (hyps[t.unit].empty()) ok = false;
      for (auto& h : hyps[t.unit])
        if (h[t.col].state == Slot::Blank) ok = false;
    }
    if (!ok) continue;
    bool one_row = std::all_of(eq.begin(), eq.end(), [&](auto& t) { return t.unit == eq[0].unit; });
    if (one_row) id.local[eq[0].unit].push_back(&eq);
    else id.cross.push_back(&eq);
  }
  return id;
}

// The readings of row u with the lost cells in `cells` given each value
// their bounds allow that keeps the row's own identities; false when there
// would be more than kMaxExpansions of them or a bound is open. One lost
// cell that an own identity gives once the others have values is solved for.
bool expand(const Hypothesis& h, const std::vector<char>& cells, const std::vector<VarBounds>& bounds,
            const std::vector<Eq>& local, std::vector<Hypothesis>& out) {
  int solved = -1;
  Eq by = nullptr;
  for (size_t c = h.size(); c-- > 0 && solved < 0;) {
    if (h[c].state != Slot::Free || !cells[c]) continue;
    for (Eq eq : local)
      for (auto& t : *eq)
        if (t.col == static_cast<int>(c) && std::fabs(std::fabs(t.coef) - 1) < 1e-9) solved = static_cast<int>(c), by = eq;
  }
  if (solved < 0 && std::none_of(h.begin(), h.end(), [&](const Slot& x) { return x.state == Slot::Free; })) {
    // Nothing to give values to. Its own identities were weighed when the
    // readings were made; a row printed against them (a source error) is
    // kept as printed and must not veto the other rows.
    out.push_back(h);
    return true;
  }
  std::vector<size_t> lost;
  std::vector<int64_t> lo, span;
  size_t combos = 1;
  for (size_t c = 0; c < h.size(); ++c) {
    if (h[c].state != Slot::Free || !cells[c] || static_cast<int>(c) == solved) continue;
    const VarBounds& b = bounds[c];
    if (std::isinf(b.lo) || std::isinf(b.hi) || !b.integer) return false;
    int64_t a = static_cast<int64_t>(std::ceil(b.lo - 1e-9)), z = static_cast<int64_t>(std::floor(b.hi + 1e-9));
    if (z < a) return true;  // no value fits: no reading
    lost.push_back(c);
    lo.push_back(a);
    span.push_back(z - a + 1);
    combos *= static_cast<size_t>(z - a + 1);
    if (combos > kMaxExpansions) return false;
  }
  std::vector<int64_t> digit(lost.size(), 0);
  for (size_t k = 0; k < combos; ++k) {
    Hypothesis e = h;
    for (size_t j = 0; j < lost.size(); ++j) {
      Slot& s = e[lost[j]];
      s.state = Slot::Known;
      s.value = static_cast<double>(lo[j] + digit[j]);
      s.filled = true;
    }
    bool ok = true;
    if (solved >= 0) {
      double rest = 0, coef = 0;
      for (auto& t : *by) {
        if (t.col == solved) coef += t.coef;
        else if (e[t.col].state == Slot::Known) rest += t.coef * e[t.col].value;
        else ok = false;  // another lost cell of this identity is left free: nothing to solve with
      }
      double v = -rest / coef;
      const VarBounds& b = bounds[solved];
      ok = ok && std::fabs(v - std::round(v)) < 1e-9 && v >= b.lo - 1e-9 && v <= b.hi + 1e-9;
      Slot& s = e[solved];
      s.state = Slot::Known;
      s.value = std::round(v);
      s.filled = true;
    }
    if (ok && std::all_of(local.begin(), local.end(), [&](Eq eq) {
          return std::all_of(eq->begin(), eq->end(), [&](auto& t) { return e[t.col].state == Slot::Known; })
                     ? holds(*eq, e)
                     : true;
        }))
      out.push_back(std::move(e));
    for (size_t j = 0; j < digit.size() && ++digit[j] == span[j]; ++j) digit[j] = 0;
  }
  return true;
}

Sums contribution(const std::vector<Eq>& eqs, size_t u, const Hypothesis& h) {
  Sums s(eqs.size(), 0);
  for (size_t j = 0; j < eqs.size(); ++j)
    for (auto& t : *eqs[j])
      if (static_cast<size_t>(t.unit) == u) s[j] += std::llround(t.coef * h[t.col].value);
  return s;
}

}  // namespace

JointDpResult joint_readings(const std::vector<std::vector<Hypothesis>>& hyps,
                             const std::vector<std::vector<VarBounds>>& free_bounds,
                             const std::vector<std::vector<JointTerm>>& equations, size_t max_states) {
  JointDpResult r;
  const size_t n = hyps.size();
  r.viable = hyps;
  Identities id = usable(hyps, equations);
  // Rows the cross-row identities reach, and their cells those identities use.
  std::vector<char> in_dp(n, 0);
  std::vector<std::vector<char>> used(n);
  for (size_t u = 0; u < n; ++u) used[u].assign(hyps[u].empty() ? 0 : hyps[u][0].size(), 0);
  for (Eq eq : id.cross)
    for (auto& t : *eq) in_dp[t.unit] = 1, used[t.unit][t.col] = 1;
  // A lost cell of such a row is also given values when it shares an own
  // identity of its row with a cell they use.
  for (size_t u = 0; u < n; ++u)
    for (Eq eq : id.local[u])
      if (std::any_of(eq->begin(), eq->end(), [&](auto& t) { return used[u][t.col]; }))
        for (auto& t : *eq) used[u][t.col] = 1;

  std::vector<size_t> order;
  std::vector<std::vector<Hypothesis>> concrete(n);
  size_t total_concrete = 0;
  for (size_t u = 0; u < n; ++u) {
    if (!in_dp[u]) continue;  // its own identities were applied when its readings were made
    order.push_back(u);
    for (const Hypothesis& h : hyps[u]) {
      if (!expand(h, used[u], free_bounds[u], id.local[u], concrete[u])) return r;
      if ((total_concrete += concrete[u].size()) > kMaxConcrete) return r;
    }
    if (concrete[u].empty()) {  // the row cannot satisfy its own identities
      r.complete = true;
      return r;
    }
  }
  std::vector<std::vector<Sums>> contrib(order.size());
  for (size_t k = 0; k < order.size(); ++k)
    for (auto& h : concrete[order[k]]) contrib[k].push_back(contribution(id.cross, order[k], h));
  std::vector<std::vector<char>> viable;
  if (!meet_in_sums(contrib, id.cross.size(), max_states, viable)) return r;
  r.complete = true;
  for (size_t k = 0; k < order.size(); ++k) {
    std::vector<Hypothesis> keep;
    for (size_t i = 0; i < concrete[order[k]].size(); ++i)
      if (viable[k][i]) keep.push_back(concrete[order[k]][i]);
    r.viable[order[k]] = std::move(keep);
  }
  r.feasible = std::all_of(order.begin(), order.end(), [&](size_t u) { return !r.viable[u].empty(); });
  return r;
}

std::vector<std::vector<Hypothesis>> prune_by_parts(const std::vector<std::vector<Hypothesis>>& hyps,
                                                    const std::vector<std::vector<VarBounds>>& free_bounds,
                                                    const std::vector<std::vector<JointTerm>>& equations,
                                                    size_t max_states) {
  const size_t n = hyps.size();
  std::vector<std::vector<Hypothesis>> alive = hyps;
  Identities id = usable(hyps, equations);
  // Parts: cross-row identities linked through shared cells (table 三: one
  // per column, its outcome sum and its balance).
  const size_t ne = id.cross.size();
  std::vector<size_t> part(ne);
  std::iota(part.begin(), part.end(), 0);
  auto root = [&](size_t x) {
    while (part[x] != x) x = part[x] = part[part[x]];
    return x;
  };
  for (size_t a = 0; a < ne; ++a)
    for (size_t b = a + 1; b < ne; ++b)
      for (auto& ta : *id.cross[a])
        for (auto& tb : *id.cross[b])
          if (ta.unit == tb.unit && ta.col == tb.col) part[root(a)] = root(b);
  std::vector<std::vector<Eq>> parts;
  {
    std::vector<int> index(ne, -1);
    for (size_t e = 0; e < ne; ++e) {
      size_t p = root(e);
      if (index[p] < 0) index[p] = static_cast<int>(parts.size()), parts.emplace_back();
      parts[index[p]].push_back(id.cross[e]);
    }
  }
  // Each part on its own is solved exactly; a reading that fits no
  // combination of one part is out. Repeated until nothing changes: every
  // reading left fits each part, which is all that is claimed.
  // Rounds are bounded too: each drops readings, and what is left after any
  // round is sound (every true joint reading survives); more rounds only
  // drop more. Three left no more cells null than unbounded rounds on 300
  // generated reports (seed 9100, 2 % and 5 % drops).
  int rounds = 0;
  for (bool changed = true; changed && rounds < kMaxPruneRounds; ++rounds) {
    changed = false;
    for (auto& eqs : parts) {
      std::vector<char> in(n, 0);
      std::vector<std::vector<char>> used(n);
      for (size_t u = 0; u < n; ++u) used[u].assign(alive[u].empty() ? 0 : alive[u][0].size(), 0);
      for (Eq eq : eqs)
        for (auto& t : *eq) in[t.unit] = 1, used[t.unit][t.col] = 1;
      std::vector<size_t> order;
      std::vector<std::vector<size_t>> source;  // concrete reading -> index in alive[u]
      std::vector<std::vector<Sums>> contrib;
      bool open = false;
      for (size_t u = 0; u < n && !open; ++u) {
        if (!in[u]) continue;
        order.push_back(u);
        source.emplace_back();
        contrib.emplace_back();
        for (size_t i = 0; i < alive[u].size() && !open; ++i) {
          std::vector<Hypothesis> c;
          if (!expand(alive[u][i], used[u], free_bounds[u], id.local[u], c)) open = true;
          if (contrib.back().size() + c.size() > kMaxConcrete) open = true;
          for (auto& h : c) {
            source.back().push_back(i);
            contrib.back().push_back(contribution(eqs, u, h));
          }
        }
      }
      std::vector<std::vector<char>> viable;
      if (open || !meet_in_sums(contrib, eqs.size(), max_states, viable)) continue;  // this part says nothing
      for (size_t k = 0; k < order.size(); ++k) {
        std::vector<char> keep(alive[order[k]].size(), 0);
        for (size_t i = 0; i < source[k].size(); ++i)
          if (viable[k][i]) keep[source[k][i]] = 1;
        std::vector<Hypothesis> kept;
        for (size_t i = 0; i < keep.size(); ++i)
          if (keep[i]) kept.push_back(alive[order[k]][i]);
        if (kept.empty()) return {};  // no reading fits: the identities do not all hold
        if (kept.size() < alive[order[k]].size()) alive[order[k]] = std::move(kept), changed = true;
      }
    }
  }
  return alive;
}

}  // namespace gongkai
