#include "validation/row_readings.h"

#include <algorithm>
#include <cmath>
#include <set>
#include <string>

namespace gongkai {
namespace {

// Readings of one row weighed at most; hypotheses.cpp bounds the branches
// tried as well (kMaxSteps). Measured on 150 generated reports per drop rate
// (seed 9100): 5000 kept the slowest report at ~17 ms but left 45 more cells
// of undropped run-together text null (99.30 % against 99.45 %); 20000
// loses none of them, and the branch bound held the slowest to ~80 ms when
// this was chosen (~10 ms since readings and partial sums were made cheaper).
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
  for (auto& u : units) {
    // A row printed with no numbers at all is printed empty, not short.
    if (!u.present || u.tokens.empty() || (u.positional && u.tokens.size() == u.cells.size())) continue;
    if (min_missing(u) > 0) return true;
  }
  return false;
}

namespace {

using LocalIdentities = RowIdentities;

// The row's own identities by column index (blank cells make one unusable).
LocalIdentities local_identities(const ReadUnit& u, const std::vector<Equation>& eqs) {
  LocalIdentities out;
  auto col = [&](const CellKey& k) { return static_cast<int>(std::find(u.cells.begin(), u.cells.end(), k) - u.cells.begin()); };
  for (auto& e : eqs) {
    if (!is_local(e, u)) continue;
    std::vector<std::pair<int, double>> terms;
    for (auto& k : e.lhs) terms.emplace_back(col(k), 1.0);
    for (auto& k : e.rhs) terms.emplace_back(col(k), -1.0);
    out.push_back(std::move(terms));
  }
  return out;
}

// The readings of a row with exactly `missing` lost cells that its own
// identities allow, their lost cells worked out (`fit`, each once); and,
// where the caller needs them, every reading (`all`: when none fits, their
// values are the candidates). `all_count` is 0, 1 or 2 (two or more).
struct Weighed {
  std::vector<Hypothesis> fit, all;
  int all_count = 0;
  bool all_complete = false;  // `all` holds every reading (not cut at kCandidateCap)
  bool overflow = false;
};

// Readings kept as candidates of a row none of whose readings adds up: past
// this many, the row's cells are left without candidates.
constexpr size_t kCandidateCap = 512;

class RowWeigher {
 public:
  RowWeigher(const ReadUnit& u, LocalIdentities local) : u_(u), local_(std::move(local)) {}

  // `need_all`: also every reading when none fits.
  Weighed weigh(int missing, bool need_all) {
    Weighed w;
    auto fitting = hypotheses(u_, missing, kHypothesisCap, w.overflow, &local_);
    if (w.overflow) return w;
    for (auto& h : fitting) {
      Hypothesis filled = h;
      if (!propagate(local_, u_.kinds, filled)) continue;
      if (seen_.insert(signature(filled)).second) w.fit.push_back(std::move(filled));
    }
    // How many readings there are at all: two say that the identities chose.
    // Those that fit are readings: two of them say it without looking.
    bool many = fitting.size() >= 2;
    auto probe = many ? std::vector<Hypothesis>{} : hypotheses(u_, missing, 1, many);
    w.all_count = many ? 2 : static_cast<int>(probe.size());
    if (w.fit.empty() && need_all && w.all_count > 0) {
      bool cut = false;
      w.all = hypotheses(u_, missing, kCandidateCap, cut);
      w.all_complete = !cut;
      if (cut) w.all.clear();
    } else if (w.all_count == 1) {
      w.all = std::move(probe);
      w.all_complete = true;
    }
    return w;
  }

 private:
  const ReadUnit& u_;
  LocalIdentities local_;
  std::set<std::string> seen_;
};

// More readings than can be weighed: the budget is never trusted as if the
// search had finished, so the row's cells are left unread (with a finding),
// never filled from identities that ignore its digits.
UnitOptions unread_overflow() {
  UnitOptions o;
  o.overflow = true;
  o.raw_ambiguous = true;
  return o;
}

void append(std::vector<Hypothesis>& to, std::vector<Hypothesis>& more) {
  for (auto& h : more) to.push_back(std::move(h));
}

// A row whose printed digits fill every cell (see options_for).
UnitOptions complete_readings(RowWeigher& weigher, bool doubt) {
  UnitOptions o;
  Weighed complete = weigher.weigh(0, true);
  if (complete.overflow) return unread_overflow();
  Weighed lost_one;
  if (doubt) {
    lost_one = weigher.weigh(1, true);
    if (lost_one.overflow) return unread_overflow();
  }
  if (!complete.fit.empty()) {
    o.hyps = std::move(complete.fit);
    o.raw_ambiguous = complete.all_count > 1 || !lost_one.fit.empty();
    append(o.hyps, lost_one.fit);
    o.missing = 0;
    return o;
  }
  // The complete readings do not add up: no lost cell explains that away. A
  // single one stands as printed (the validator reports the source error),
  // unless the report certainly lost cells: then this row may have too, and
  // its values are only candidates. Several cannot be told apart.
  o.inconsistent = true;
  o.lossy_doubt = doubt;
  o.raw_ambiguous = complete.all_count > 1;
  if (complete.all_count == 1 && !doubt) {
    o.hyps = std::move(complete.all);
    return o;
  }
  // Every reading is a candidate; past kCandidateCap of them, none is kept
  // (a cut list would claim agreement it has not shown).
  if (complete.all_complete) {
    o.candidates = std::move(complete.all);
    append(o.candidates, lost_one.fit);
  }
  return o;
}

}  // namespace

UnitOptions options_for(const ReadUnit& u, const std::vector<Equation>& eqs, bool lossy) {
  if (!u.present) {
    // A row the report does not print is absent, not zero: its cells are blank.
    UnitOptions o;
    Hypothesis h(u.cells.size());
    for (auto& s : h) s.state = Slot::Blank;
    o.hyps.push_back(h);
    return o;
  }
  int lo = min_missing(u), hi = max_missing(u);
  const bool exact = u.positional && u.tokens.size() == u.cells.size();
  if (exact) lo = hi = unread_count(u);
  if (lo < 0 || hi < 0) {
    UnitOptions o;
    o.too_many = true;
    return o;
  }
  RowWeigher weigher(u, local_identities(u, eqs));
  // Evidence order. A complete reading uses every printed digit and gives
  // the row as many values as it has cells (lo == 0). Where one exists, only
  // complete readings count: the identities may choose among several, but a
  // reading that "loses" a cell is no way out of a row that does not add up
  // as printed. Real reports break their identities as printed (8 of 15
  // hand-checked department reports): `1000000` under a 总计 printed 0 is
  // natural person 1 and total 0, not 10 with a lost total.
  // One exception keeps a doubt, never a way out: in a report that certainly
  // lost cells (`lossy`: a row printed short of digits), a run-together row
  // may have lost a cell too ("0000011" for 11,0,0,0,0,0,11 that lost its
  // first 11 adds up as 0,…,1,1). Readings with one more lost cell then stay
  // beside the complete ones, and a cell is taken only where they all agree.
  // Without this, 2 % dropped cells gave 3 wrong cells with no finding in 30k
  // (seed 9100).
  if (lo == 0) return complete_readings(weigher, lossy && !exact);
  // Too few digits for the cells (or an empty field, or an unread OCR cell):
  // lost-cell readings, the fewest lost cells that fit the row's identities.
  Weighed first_level;
  for (int missing = lo; missing <= hi; ++missing) {
    Weighed w = weigher.weigh(missing, first_level.all_count == 0);
    if (w.overflow) return unread_overflow();
    if (w.all_count == 0) continue;
    if (first_level.all_count == 0) first_level = w;
    if (!w.fit.empty()) {
      UnitOptions o;
      o.raw_ambiguous = w.all_count > 1;
      o.hyps = std::move(w.fit);
      o.missing = missing;
      return o;
    }
  }
  // Nothing satisfies the row's own identities: a single reading is kept as
  // read (the validator reports what fails); several cannot be told apart.
  UnitOptions o;
  o.inconsistent = true;
  o.raw_ambiguous = first_level.all_count > 1;
  if (first_level.all_count == 1) o.hyps = std::move(first_level.all);
  else if (first_level.all_complete) o.candidates = std::move(first_level.all);
  return o;
}

}  // namespace gongkai
