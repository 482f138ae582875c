#include "validation/row_readings.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace gongkai {
namespace {

constexpr size_t kHypothesisCap = 20000;

// A reading's state and values as a string, to keep each reading once.
std::string signature(const Hypothesis& h) {
  std::string s;
  s.reserve(h.size() * 9);
  for (auto& slot : h) {
    s.push_back(static_cast<char>('0' + static_cast<int>(slot.state)));
    double v = slot.value == 0 ? 0.0 : slot.value;  // -0 is 0
    s.append(reinterpret_cast<const char*>(&v), sizeof v);
  }
  return s;
}

// The row's own identities on one reading: a lost cell alone in an identity
// is worked out, again and again (a row's identities share no cells, so this
// settles all that they settle). False when one fails, gives a value no cell
// may hold, or leaves lost cells no values that fit. An identity with a cell
// printed blank says nothing (blank is not zero).
bool propagate(const std::vector<std::vector<std::pair<int, double>>>& eqs, const std::vector<ColumnKind>& kinds,
               Hypothesis& h) {
  for (bool changed = true; changed;) {
    changed = false;
    for (auto& eq : eqs) {
      double sum = 0, coef = 0, lo = 0, hi = 0;
      int free = 0, which = -1;
      bool blank = false;
      for (auto& [c, a] : eq) {
        if (h[c].state == Slot::Blank) {
          blank = true;
        } else if (h[c].state == Slot::Known) {
          sum += a * h[c].value;
        } else {
          ++free, which = c, coef = a;
          VarBounds b = bounds_for(kinds[c]);
          lo += a > 0 ? a * b.lo : a * b.hi;
          hi += a > 0 ? a * b.hi : a * b.lo;
        }
      }
      if (blank) continue;
      if (free == 0) {
        if (std::fabs(sum) > 1e-6) return false;
        continue;
      }
      if (-sum < lo - 1e-6 || -sum > hi + 1e-6) return false;  // the lost cells cannot make it up
      if (free > 1) continue;
      double v = -sum / coef;
      VarBounds b = bounds_for(kinds[which]);
      if (b.integer && std::fabs(v - std::round(v)) > 1e-9) return false;
      h[which].state = Slot::Known;
      h[which].value = b.integer ? std::round(v) : v;
      h[which].filled = true;
      changed = true;
    }
  }
  return true;
}

}  // namespace

bool is_local(const Equation& e, const ReadUnit& u) {
  auto in = [&](const CellKey& k) { return std::find(u.cells.begin(), u.cells.end(), k) != u.cells.end(); };
  return std::all_of(e.lhs.begin(), e.lhs.end(), in) && std::all_of(e.rhs.begin(), e.rhs.end(), in);
}

bool report_lost_cells(const std::vector<ReadUnit>& units) {
  bool lossy = false;
  for (auto& u : units)
    if (u.present && !(u.positional && u.tokens.size() == u.cells.size())) lossy = lossy || min_missing(u) > 0;
  return lossy;
}

UnitOptions options_for(const ReadUnit& u, const std::vector<Equation>& eqs, bool lossy) {
  UnitOptions o;
  if (!u.present) {
    // A row the report does not print is absent, not zero: its cells are blank.
    Hypothesis h(u.cells.size());
    for (auto& s : h) s.state = Slot::Blank;
    o.hyps.push_back(h);
    return o;
  }
  std::vector<const Equation*> local;
  for (auto& e : eqs)
    if (is_local(e, u)) local.push_back(&e);
  int lo = min_missing(u), hi = max_missing(u);
  if (u.positional && u.tokens.size() == u.cells.size()) lo = hi = unread_count(u);
  if (lo < 0 || hi < 0) {
    o.too_many = true;
    return o;
  }
  // The row's own identities by column index (blank cells make one unusable).
  std::vector<std::vector<std::pair<int, double>>> local_cols;
  for (const Equation* e : local) {
    std::vector<std::pair<int, double>> terms;
    auto col = [&](const CellKey& k) { return static_cast<int>(std::find(u.cells.begin(), u.cells.end(), k) - u.cells.begin()); };
    for (auto& k : e->lhs) terms.emplace_back(col(k), 1.0);
    for (auto& k : e->rhs) terms.emplace_back(col(k), -1.0);
    local_cols.push_back(std::move(terms));
  }
  std::vector<Hypothesis> first_level;
  std::set<std::string> seen;
  size_t budget = kHypothesisCap;
  // Fewest lost cells first: a reading that accounts for every printed digit
  // is preferred to one that assumes cells vanished.
  for (int missing = lo; missing <= hi; ++missing) {
    bool overflow = false;
    auto raw = hypotheses(u, missing, budget, overflow);
    if (overflow) {
      // More readings than can be weighed: the row is read as lost cells
      // only, for the identities to settle what they can. Agreement among
      // some of its readings would prove nothing.
      o.overflow = true;
      o.raw_ambiguous = true;
      o.hyps.assign(1, Hypothesis(u.cells.size()));
      propagate(local_cols, u.kinds, o.hyps[0]);
      return o;
    }
    budget -= raw.size();
    if (raw.empty()) continue;
    if (first_level.empty()) first_level = raw;
    std::vector<Hypothesis> kept;
    for (auto& h : raw) {
      Hypothesis filled = h;
      if (!propagate(local_cols, u.kinds, filled)) continue;
      if (seen.insert(signature(filled)).second) kept.push_back(std::move(filled));
    }
    // When every printed digit can be accounted for, a reading that needs no
    // lost cell wins — unless the report is known to lose cells: then, as
    // when some cells of this row were certainly lost, nothing says how
    // many, and a reading with one more lost cell stays in play too.
    if (!kept.empty()) {
      o.raw_ambiguous = o.raw_ambiguous || raw.size() > 1 || !o.hyps.empty();
      for (auto& h : kept) o.hyps.push_back(std::move(h));
      o.missing = missing;
      if (lo == 0 && (!lossy || missing > lo)) return o;
    }
  }
  if (!o.hyps.empty()) return o;
  // Nothing satisfies the row's own identities. A single clean reading is kept
  // as printed (the validator reports the source error); several readings
  // cannot be told apart.
  o.inconsistent = true;
  if (first_level.size() == 1) o.hyps = first_level;
  o.raw_ambiguous = first_level.size() > 1;
  return o;
}

}  // namespace gongkai
