#include "validation/repair.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <sstream>

#include "validation/hypotheses.h"
#include "validation/joint_dp.h"
#include "validation/linear.h"

namespace gongkai {
namespace {

constexpr size_t kHypothesisCap = 20000;
constexpr size_t kComboCap = 4096;

std::string fmt_num(double v) {
  std::ostringstream os;
  if (std::fabs(v - std::round(v)) < 1e-9) os << static_cast<long long>(std::llround(v));
  else os << v;
  return os.str();
}

VarBounds bounds_for(ColumnKind k) {
  VarBounds b;
  if (k == ColumnKind::SignedCount) b.lo = -std::numeric_limits<double>::infinity();
  if (k == ColumnKind::Money) b.integer = false;
  return b;
}

// The state of every cell under one choice of hypotheses.
struct Assignment {
  std::map<CellKey, const Slot*> slot;
  std::map<CellKey, ColumnKind> kind;
};

struct SystemResult {
  bool feasible = false;
  std::map<CellKey, std::optional<double>> value;  // free cells only
  std::map<CellKey, std::vector<double>> candidates;
};

// Solves the given equations for the free cells of `a`. Equations touching a
// printed blank are not used: blank is not zero.
SystemResult solve_free(const Assignment& a, const std::vector<const Equation*>& eqs) {
  std::map<CellKey, int> var;
  std::vector<VarBounds> bounds;
  std::vector<LinearEquation> lin;
  for (const Equation* e : eqs) {
    LinearEquation le;
    bool usable = true;
    auto add = [&](const CellKey& k, double sign) {
      auto it = a.slot.find(k);
      if (it == a.slot.end() || it->second->state == Slot::Blank) {
        usable = false;
        return;
      }
      const Slot& s = *it->second;
      if (s.state == Slot::Known) {
        le.rhs -= sign * s.value;
        return;
      }
      auto [vit, inserted] = var.emplace(k, static_cast<int>(var.size()));
      if (inserted) bounds.push_back(bounds_for(a.kind.at(k)));
      le.terms.emplace_back(vit->second, sign);
    };
    for (auto& k : e->lhs) add(k, 1);
    for (auto& k : e->rhs) add(k, -1);
    if (!usable) continue;
    if (le.terms.empty()) {
      if (std::fabs(le.rhs) > 1e-6) return {};  // an equation of known cells that fails
      continue;
    }
    lin.push_back(std::move(le));
  }
  SystemResult r;
  auto sol = solve_linear(static_cast<int>(var.size()), lin, bounds);
  if (!sol.feasible) return r;
  r.feasible = true;
  for (auto& [k, v] : var) {
    r.value[k] = sol.value[v];
    if (!sol.value[v]) r.candidates[k] = sol.candidates[v];
  }
  return r;
}

// A unit's hypotheses after its own identities (row total, group totals)
// have been applied: lost cells they determine are filled, the rest stay free.
struct UnitOptions {
  std::vector<Hypothesis> hyps;
  bool raw_ambiguous = false;   // more than one way to read the tokens
  bool overflow = false;
  bool too_many = false;        // more numbers than cells
  bool inconsistent = false;    // no reading satisfies the row's identities
  int missing = 0;
};

bool is_local(const Equation& e, const ReadUnit& u) {
  auto in = [&](const CellKey& k) { return std::find(u.cells.begin(), u.cells.end(), k) != u.cells.end(); };
  return std::all_of(e.lhs.begin(), e.lhs.end(), in) && std::all_of(e.rhs.begin(), e.rhs.end(), in);
}

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

// `lossy`: some row of the report certainly lost cells (it is short of
// digits), so a row that could be read without a loss may have lost one too.
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

std::string cell_name(const CellKey& k) { return k.row + "." + k.col; }


// Interval narrowing across rows before any enumeration: every cell gets the
// bounds its rows' remaining readings allow, the cross-row identities tighten
// them, and readings that put a value outside its cell's bounds are dropped.
// Sound: only impossible readings go, so agreement among what is left is real.
// Returns false when the bounds contradict each other: then the identities do
// not all hold (a source error, or no reading is right) and nothing narrowed
// may be trusted.
bool narrow(const std::vector<ReadUnit>& units, std::vector<UnitOptions>& opts,
            const std::vector<const Equation*>& global, std::map<CellKey, VarBounds>& bounds) {
  for (size_t i = 0; i < units.size(); ++i)
    for (size_t c = 0; c < units[i].cells.size(); ++c) bounds[units[i].cells[c]] = bounds_for(units[i].kinds[c]);
  auto maybe_blank = [&](const CellKey& k) {
    for (size_t i = 0; i < units.size(); ++i)
      for (size_t c = 0; c < units[i].cells.size(); ++c)
        if (units[i].cells[c] == k) {
          if (opts[i].hyps.empty()) return true;
          for (auto& h : opts[i].hyps)
            if (h[c].state == Slot::Blank) return true;
        }
    return false;
  };
  std::vector<const Equation*> usable;
  for (const Equation* e : global) {
    bool ok = true;
    for (auto& k : e->lhs) ok = ok && bounds.count(k) && !maybe_blank(k);
    for (auto& k : e->rhs) ok = ok && bounds.count(k) && !maybe_blank(k);
    if (ok) usable.push_back(e);
  }
  for (int round = 0; round < 30; ++round) {
    bool changed = false;
    for (size_t i = 0; i < units.size(); ++i) {
      if (opts[i].hyps.empty()) continue;
      for (size_t c = 0; c < units[i].cells.size(); ++c) {
        VarBounds& b = bounds[units[i].cells[c]];
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
    for (const Equation* e : usable) {
      std::vector<std::pair<CellKey, double>> terms;
      for (auto& k : e->lhs) terms.emplace_back(k, 1.0);
      for (auto& k : e->rhs) terms.emplace_back(k, -1.0);
      for (size_t t = 0; t < terms.size(); ++t) {
        double others_lo = 0, others_hi = 0;
        for (size_t u = 0; u < terms.size(); ++u) {
          if (u == t) continue;
          const VarBounds& b = bounds[terms[u].first];
          double a = terms[u].second;
          others_lo += a > 0 ? a * b.lo : a * b.hi;
          others_hi += a > 0 ? a * b.hi : a * b.lo;
        }
        // a_t * x_t = -(others)
        double a = terms[t].second;
        double lo = a > 0 ? -others_hi : others_lo, hi = a > 0 ? -others_lo : others_hi;
        VarBounds& b = bounds[terms[t].first];
        if (std::isnan(lo) || std::isnan(hi)) continue;
        if (b.integer) {
          if (!std::isinf(lo)) lo = std::ceil(lo - 1e-6);
          if (!std::isinf(hi)) hi = std::floor(hi + 1e-6);
        }
        if (lo > b.lo + 1e-9) b.lo = lo, changed = true;
        if (hi < b.hi - 1e-9) b.hi = hi, changed = true;
        if (b.lo > b.hi + 1e-6) return false;
      }
    }
    for (size_t i = 0; i < units.size(); ++i) {
      auto& hyps = opts[i].hyps;
      if (hyps.size() <= 1) continue;
      std::vector<Hypothesis> kept;
      for (auto& h : hyps) {
        bool ok = true;
        for (size_t c = 0; c < h.size() && ok; ++c) {
          if (h[c].state != Slot::Known) continue;
          const VarBounds& b = bounds[units[i].cells[c]];
          ok = h[c].value >= b.lo - 1e-6 && h[c].value <= b.hi + 1e-6;
        }
        if (ok) kept.push_back(h);
      }
      if (kept.empty()) return false;
      if (kept.size() < hyps.size()) hyps = std::move(kept), changed = true;
    }
    if (!changed) break;
  }
  return true;
}

}  // namespace

void resolve_cells(const std::vector<ReadUnit>& units, const std::vector<Equation>& eqs, Report& report) {
  std::vector<UnitOptions> opts;
  opts.reserve(units.size());
  bool lossy = false;
  for (auto& u : units)
    if (u.present && !(u.positional && u.tokens.size() == u.cells.size())) lossy = lossy || min_missing(u) > 0;
  for (auto& u : units) opts.push_back(options_for(u, eqs, lossy));

  // Equations across rows, solved jointly over the rows still undecided.
  std::vector<const Equation*> global;
  for (auto& e : eqs) {
    bool local = false;
    for (auto& u : units) local = local || is_local(e, u);
    if (!local) global.push_back(&e);
  }
  std::map<CellKey, VarBounds> bounds;
  const std::vector<UnitOptions> unnarrowed = opts;
  bool narrowed_ok = narrow(units, opts, global, bounds);
  if (!narrowed_ok) {
    opts = unnarrowed;
    bounds.clear();
  }
  std::vector<size_t> multi;
  size_t combos = 1;
  for (size_t i = 0; i < units.size(); ++i)
    if (opts[i].hyps.size() > 1) {
      multi.push_back(i);
      combos = std::min(combos * opts[i].hyps.size(), kComboCap + 1);
    }

  // Per cell: the values it takes across every feasible joint reading.
  struct CellOutcome {
    std::set<double> values;
    bool undetermined = false;
    std::set<double> candidates;
    std::set<std::string> raws;
    bool filled = false, split = false;
    std::string token;
  };
  std::map<CellKey, CellOutcome> outcome;
  size_t feasible = 0;
  bool any_free_or_multi = !multi.empty();
  for (auto& o : opts)
    for (auto& h : o.hyps)
      for (auto& s : h) any_free_or_multi = any_free_or_multi || s.state == Slot::Free;

  auto record_outcome = [&](const std::vector<const Hypothesis*>& choice, const SystemResult* r) {
    for (size_t i = 0; i < units.size(); ++i) {
      if (!choice[i]) continue;
      const Hypothesis& h = *choice[i];
      for (size_t c = 0; c < units[i].cells.size(); ++c) {
        const CellKey& k = units[i].cells[c];
        const Slot& s = h[c];
        CellOutcome& co = outcome[k];
        if (s.state == Slot::Known) {
          co.values.insert(s.value);
          co.raws.insert(s.raw);
          co.filled = co.filled || s.filled;
          co.split = co.split || s.split;
          if (s.split) co.token = s.token;
        } else if (s.state == Slot::Free) {
          std::optional<double> v;
          if (r) {
            auto it = r->value.find(k);
            if (it != r->value.end()) v = it->second;
          }
          if (v) {
            co.values.insert(*v);
            co.filled = true;
          } else {
            co.undetermined = true;
            if (r && r->candidates.count(k))
              for (double x : r->candidates.at(k)) co.candidates.insert(x);
            for (double x : s.candidates) co.candidates.insert(x);
          }
        }
      }
    }
  };

  // Exact joint readings by partial sums (joint_dp.h); the enumeration after
  // it is for what that cannot take (lost cells with unbounded values).
  bool joint_done = false, joint_failed = false;
  std::vector<std::vector<Hypothesis>> hyps(units.size());
  std::vector<std::vector<VarBounds>> free_bounds(units.size());
  std::vector<std::vector<JointTerm>> terms;
  if (any_free_or_multi) {
    std::map<CellKey, std::pair<int, int>> where;  // cell -> (unit, column)
    for (size_t i = 0; i < units.size(); ++i)
      for (size_t c = 0; c < units[i].cells.size(); ++c)
        where[units[i].cells[c]] = {static_cast<int>(i), static_cast<int>(c)};
    for (size_t i = 0; i < units.size(); ++i) {
      hyps[i] = opts[i].hyps;
      for (size_t c = 0; c < units[i].cells.size(); ++c) {
        auto b = bounds.find(units[i].cells[c]);
        free_bounds[i].push_back(b != bounds.end() ? b->second : bounds_for(units[i].kinds[c]));
      }
    }
    for (const Equation& e : eqs) {
      std::vector<JointTerm> t;
      bool known = true;
      auto add = [&](const CellKey& k, double coef) {
        auto it = where.find(k);
        if (it == where.end()) known = false;
        else t.push_back({it->second.first, it->second.second, coef});
      };
      for (auto& k : e.lhs) add(k, 1);
      for (auto& k : e.rhs) add(k, -1);
      if (known) terms.push_back(std::move(t));
    }
    JointDpResult dp = joint_readings(hyps, free_bounds, terms);
    if (dp.complete) {
      joint_done = true;
      joint_failed = !dp.feasible;
      if (dp.feasible)
        for (size_t i = 0; i < units.size(); ++i)
          for (const Hypothesis& h : dp.viable[i]) {
            std::vector<const Hypothesis*> choice(units.size(), nullptr);
            choice[i] = &h;
            record_outcome(choice, nullptr);
          }
    }
  }
  if (!joint_done && any_free_or_multi && combos <= kComboCap) {
    std::vector<size_t> idx(multi.size(), 0);
    while (true) {
      std::vector<const Hypothesis*> choice(units.size(), nullptr);
      Assignment a;
      for (size_t i = 0; i < units.size(); ++i) {
        if (opts[i].hyps.empty()) continue;
        size_t pick = 0;
        for (size_t m = 0; m < multi.size(); ++m)
          if (multi[m] == i) pick = idx[m];
        choice[i] = &opts[i].hyps[pick];
        for (size_t c = 0; c < units[i].cells.size(); ++c) {
          a.slot[units[i].cells[c]] = &(*choice[i])[c];
          a.kind[units[i].cells[c]] = units[i].kinds[c];
        }
      }
      // Equations whose cells were all read cleanly are the validator's
      // business: if one fails it is a source error, and it must not veto
      // the repair of unrelated cells.
      std::vector<const Equation*> relevant;
      for (const Equation* e : global) {
        bool involved = false;
        auto touch = [&](const CellKey& k) {
          auto it = a.slot.find(k);
          if (it == a.slot.end()) return;
          if (it->second->state == Slot::Free) involved = true;
          for (size_t m : multi)
            if (std::find(units[m].cells.begin(), units[m].cells.end(), k) != units[m].cells.end()) involved = true;
        };
        for (auto& k : e->lhs) touch(k);
        for (auto& k : e->rhs) touch(k);
        if (involved) relevant.push_back(e);
      }
      SystemResult r = solve_free(a, relevant);
      if (r.feasible) {
        ++feasible;
        record_outcome(choice, &r);
      }
      size_t m = 0;
      for (; m < multi.size(); ++m) {
        if (++idx[m] < opts[multi[m]].hyps.size()) break;
        idx[m] = 0;
      }
      if (m == multi.size()) break;
    }
    joint_failed = feasible == 0;
  }
  if (!any_free_or_multi || (!joint_done && combos > kComboCap) || joint_failed) {
    // No joint reading: every unit on its own, with what its rows determine.
    // After a failed joint solve the narrowing is not to be trusted either.
    if (joint_failed) {
      opts = unnarrowed;
      bounds.clear();
    } else if (any_free_or_multi) {
      // Too many joint readings to go through: still, each column's
      // identities on their own rule readings out.
      auto pruned = prune_by_parts(hyps, free_bounds, terms);
      if (!pruned.empty())
        for (size_t i = 0; i < units.size(); ++i) opts[i].hyps = pruned[i];
    }
    outcome.clear();
    for (size_t i = 0; i < units.size(); ++i)
      for (auto& h : opts[i].hyps) {
        std::vector<const Hypothesis*> choice(units.size(), nullptr);
        choice[i] = &h;
        // Without an exact joint solve, a lost cell is known only when the
        // narrowed bounds leave it a single value.
        SystemResult pinned;
        for (size_t c = 0; c < units[i].cells.size(); ++c) {
          auto b = bounds.find(units[i].cells[c]);
          if (h[c].state == Slot::Free && b != bounds.end() && b->second.lo == b->second.hi)
            pinned.value[units[i].cells[c]] = b->second.lo;
        }
        record_outcome(choice, joint_failed ? nullptr : &pinned);
      }
  }
  if (joint_failed) {
    report.findings.push_back({"repair.no_consistent_reading", Severity::Warning, FindingKind::Extraction,
                               "no reading of the uncertain cells satisfies the identities; they are left as read or null",
                               {}});
  }
  bool any_undecided = false;

  // Cells and findings.
  for (size_t i = 0; i < units.size(); ++i) {
    const ReadUnit& u = units[i];
    const UnitOptions& o = opts[i];
    std::vector<CellKey> repaired, ambiguous;
    std::string values_text, token_text;
    for (size_t c = 0; c < u.cells.size(); ++c) {
      const CellKey& k = u.cells[c];
      Cell cell;
      cell.key = k;
      cell.where = u.where;
      // The cell's own token when every reading takes it from one.
      const Token* own = nullptr;
      if (!o.hyps.empty()) {
        int tok = o.hyps.front()[c].token_index;
        bool same = tok >= 0 && std::all_of(o.hyps.begin(), o.hyps.end(), [&](auto& h) { return h[c].token_index == tok; });
        if (same && tok < static_cast<int>(u.tokens.size())) own = &u.tokens[tok];
        if (own && own->where.page > 0) cell.where = own->where;
      }
      cell.read = u.present;
      auto it = outcome.find(k);
      bool blank = !o.hyps.empty() && std::all_of(o.hyps.begin(), o.hyps.end(),
                                                  [&](auto& h) { return h[c].state == Slot::Blank; });
      if (blank) {
        cell.printed_blank = u.present;
        cell.raw = o.hyps.front()[c].raw;
      } else if (it != outcome.end() && it->second.values.size() == 1 && !it->second.undetermined) {
        const CellOutcome& co = it->second;
        cell.value = *co.values.begin();
        if (co.raws.size() == 1) cell.raw = *co.raws.begin();
        for (auto& h : o.hyps)
          if (h[c].state == Slot::Known && !h[c].unit.empty()) cell.unit = h[c].unit;
        bool chose_split = co.split && o.raw_ambiguous;
        if (co.filled || chose_split) {
          // A filled cell keeps what was read there, if anything (a doubtful OCR reading).
          cell.repaired_from = co.filled ? (own ? own->raw : "") : co.token;
          cell.where.confidence = 0.9;
          repaired.push_back(k);
          values_text += (values_text.empty() ? "" : ", ") + cell_name(k) + "=" + fmt_num(*cell.value);
          if (chose_split) token_text = co.token;
        } else if (co.split) {
          cell.where.confidence = 0.95;
        }
      } else if (u.present) {
        if (it != outcome.end()) {
          std::set<double> cand = it->second.values;
          cand.insert(it->second.candidates.begin(), it->second.candidates.end());
          cell.candidates.assign(cand.begin(), cand.end());
        }
        if (own) cell.raw = own->raw;  // what was read, doubtful as it is
        ambiguous.push_back(k);
        any_undecided = true;
      }
      if (cell.unit.empty() && !cell.value) cell.unit = "";
      report.cells[k] = std::move(cell);
    }
    std::string printed;
    for (auto& t : u.tokens) printed += (printed.empty() ? "" : " ") + (t.raw.empty() ? "∅" : t.raw);
    std::string where = std::string(table_key(u.table)) + " " + u.row_label;
    if (o.too_many) {
      report.findings.push_back({"extraction.too_many_numbers", Severity::Warning, FindingKind::Extraction,
                                 where + ": " + std::to_string(u.tokens.size()) + " numbers [" + printed + "] for " +
                                     std::to_string(u.cells.size()) + " cells; not read",
                                 u.cells});
      continue;
    }
    if (!repaired.empty()) {
      std::string msg = where + ": printed [" + printed + "]; ";
      if (!token_text.empty())
        msg += lossy ? "digits run together, split as the identities require (this report lost cells elsewhere: a "
                       "split is assumed to lose at most one more): "
                     : "digits run together, split as the identities require: ";
      else msg += "lost cell(s) determined by the identities: ";
      report.findings.push_back({"repair.cells", Severity::Info, FindingKind::Repair, msg + values_text, repaired});
    }
    if (!ambiguous.empty()) {
      std::string msg = where + ": printed [" + printed + "]; ";
      bool none_read = u.tokens.empty();
      if (none_read) msg += "no numbers printed for this row";
      else if (o.inconsistent) msg += "no reading of these numbers satisfies the row's identities";
      else msg += "the identities do not decide these cells";
      std::string cands;
      for (auto& k : ambiguous) {
        const Cell& cell = report.cells[k];
        if (cell.candidates.empty()) continue;
        cands += (cands.empty() ? "" : "; ") + cell_name(k) + " ∈ {";
        for (size_t j = 0; j < cell.candidates.size() && j < 8; ++j)
          cands += (j ? ", " : "") + fmt_num(cell.candidates[j]);
        if (cell.candidates.size() > 8) cands += ", …";
        cands += "}";
      }
      if (!cands.empty()) msg += "; candidates: " + cands;
      report.findings.push_back({"extraction.undetermined", Severity::Warning, FindingKind::Extraction, msg, ambiguous});
    }
  }
  if (!joint_done && combos > kComboCap && any_undecided)
    report.findings.push_back({"repair.too_many_readings", Severity::Warning, FindingKind::Extraction,
                               "too many possible readings of the uncertain rows to search them all; cells the "
                               "identities did not pin down are left null", {}});
}

}  // namespace gongkai
