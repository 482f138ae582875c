#include "validation/narrow.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <utility>

namespace gongkai {
namespace {

using Terms = std::vector<std::pair<VarBounds*, double>>;

// The cross-row identities none of whose cells may be printed blank, as
// terms on the cells' bounds.
std::vector<Terms> usable_identities(const std::vector<ReadUnit>& units, const std::vector<UnitOptions>& opts,
                                     const std::vector<const Equation*>& global,
                                     std::map<CellKey, VarBounds>& bounds) {
  std::set<CellKey> maybe_blank;
  for (size_t i = 0; i < units.size(); ++i)
    for (size_t c = 0; c < units[i].cells.size(); ++c)
      if (opts[i].hyps.empty() ||
          std::any_of(opts[i].hyps.begin(), opts[i].hyps.end(), [&](auto& h) { return h[c].state == Slot::Blank; }))
        maybe_blank.insert(units[i].cells[c]);
  std::vector<Terms> usable;
  for (const Equation* e : global) {
    Terms terms;
    bool ok = true;
    auto add = [&](const CellKey& k, double coef) {
      auto it = bounds.find(k);
      if (it == bounds.end() || maybe_blank.count(k)) ok = false;
      else terms.emplace_back(&it->second, coef);
    };
    for (auto& k : e->lhs) add(k, 1.0);
    for (auto& k : e->rhs) add(k, -1.0);
    if (ok) usable.push_back(std::move(terms));
  }
  return usable;
}

// One identity as intervals: each cell within what the others leave it.
// False when a cell is left no value.
bool tighten(const Terms& terms, bool& changed) {
  for (size_t t = 0; t < terms.size(); ++t) {
    double others_lo = 0, others_hi = 0;
    for (size_t u = 0; u < terms.size(); ++u) {
      if (u == t) continue;
      const VarBounds& b = *terms[u].first;
      double a = terms[u].second;
      others_lo += a > 0 ? a * b.lo : a * b.hi;
      others_hi += a > 0 ? a * b.hi : a * b.lo;
    }
    // a_t * x_t = -(others)
    double a = terms[t].second;
    double lo = a > 0 ? -others_hi : others_lo, hi = a > 0 ? -others_lo : others_hi;
    VarBounds& b = *terms[t].first;
    if (std::isnan(lo) || std::isnan(hi)) continue;
    if (b.integer) {
      if (!std::isinf(lo)) lo = std::ceil(lo - 1e-6);
      if (!std::isinf(hi)) hi = std::floor(hi + 1e-6);
    }
    if (lo > b.lo + 1e-9) b.lo = lo, changed = true;
    if (hi < b.hi - 1e-9) b.hi = hi, changed = true;
    if (b.lo > b.hi + 1e-6) return false;
  }
  return true;
}

}  // namespace

bool narrow(const std::vector<ReadUnit>& units, std::vector<UnitOptions>& opts,
            const std::vector<const Equation*>& global, std::map<CellKey, VarBounds>& bounds) {
  // Each cell's bounds looked up once, not per round (a CellKey compares
  // strings: the look-ups were three quarters of narrowing's time in the 30
  // slowest generated reports of seeds 9100 and 9200).
  std::vector<std::vector<VarBounds*>> at(units.size());
  for (size_t i = 0; i < units.size(); ++i)
    for (size_t c = 0; c < units[i].cells.size(); ++c)
      at[i].push_back(&(bounds[units[i].cells[c]] = bounds_for(units[i].kinds[c])));
  const std::vector<Terms> usable = usable_identities(units, opts, global, bounds);
  for (int round = 0; round < 30; ++round) {
    bool changed = false;
    for (size_t i = 0; i < units.size(); ++i) {
      if (opts[i].hyps.empty()) continue;
      for (size_t c = 0; c < units[i].cells.size(); ++c) {
        VarBounds& b = *at[i][c];
        double lo = std::numeric_limits<double>::infinity(), hi = -lo;
        for (auto& h : opts[i].hyps) {
          if (h[c].state == Slot::Known) lo = std::min(lo, h[c].value), hi = std::max(hi, h[c].value);
          else lo = std::min(lo, b.lo), hi = std::max(hi, b.hi);
        }
        if (lo > b.lo + 1e-9) b.lo = lo, changed = true;
        if (hi < b.hi - 1e-9) b.hi = hi, changed = true;
      }
    }
    // The cross-row identities, as intervals.
    for (const Terms& terms : usable)
      if (!tighten(terms, changed)) return false;
    for (size_t i = 0; i < units.size(); ++i) {
      auto& hyps = opts[i].hyps;
      if (hyps.size() <= 1) continue;
      // In place: on false the caller drops everything narrowed.
      auto out = std::remove_if(hyps.begin(), hyps.end(), [&](const Hypothesis& h) {
        for (size_t c = 0; c < h.size(); ++c) {
          if (h[c].state != Slot::Known) continue;
          const VarBounds& b = *at[i][c];
          if (!(h[c].value >= b.lo - 1e-6 && h[c].value <= b.hi + 1e-6)) return true;
        }
        return false;
      });
      if (out == hyps.begin()) return false;
      if (out != hyps.end()) hyps.erase(out, hyps.end()), changed = true;
    }
    if (!changed) break;
  }
  return true;
}

}  // namespace gongkai
