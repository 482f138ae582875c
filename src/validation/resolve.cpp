#include "validation/resolve.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include "validation/joint_dp.h"
#include "validation/linear.h"
#include "validation/narrative_evidence.h"
#include "validation/narrow.h"
#include "validation/row_readings.h"

namespace gongkai {
namespace {

constexpr size_t kComboCap = 4096;
// Partial sums the joint search may hold (joint_dp.cpp says what it costs).
constexpr size_t kJointStates = 20000;
// The same for each part of the identities when the joint search is cut
// short: 20000 took the slowest generated report 86 ms, 5000 about 50, with
// no more cells left null (seed 9100, 2 % and 5 % drops).
constexpr size_t kPruneStates = 5000;

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

// Per cell: the values it takes across every feasible joint reading.
struct CellOutcome {
  std::set<double> values;
  bool undetermined = false;
  std::set<double> candidates;
  // The texts read, as (row, where in its token): spelt out only when the
  // cell is decided (Slot keeps no strings).
  std::set<std::pair<size_t, uint64_t>> raws;
  bool filled = false, split = false;
  int token_row = -1, token = -1;  // the split token, the last one recorded
};

uint64_t raw_key(const Slot& s) {
  return (static_cast<uint64_t>(static_cast<uint32_t>(s.token_index + 1)) << 32) |
         (static_cast<uint64_t>(s.part_from) << 16) | (static_cast<uint64_t>(s.part_len) << 8) | s.part_last;
}

std::string raw_of(const ReadUnit& u, uint64_t key) {
  Slot s;
  s.token_index = static_cast<int>(key >> 32) - 1;
  s.part_from = static_cast<unsigned short>(key >> 16);
  s.part_len = static_cast<unsigned char>(key >> 8);
  s.part_last = key & 1;
  return slot_raw(u, s);
}

// Every row's readings, and what the search for joint readings made of them.
struct Search {
  Search(const std::vector<ReadUnit>& u, const std::vector<Equation>& e) : units(u), eqs(e) {}
  const std::vector<ReadUnit>& units;
  const std::vector<Equation>& eqs;
  std::vector<UnitOptions> opts;
  std::vector<UnitOptions> unnarrowed;
  std::vector<const Equation*> global;  // the identities across rows
  std::map<CellKey, VarBounds> bounds;
  std::vector<size_t> multi;            // the rows with more than one reading
  size_t combos = 1;
  bool any_free_or_multi = false;
  bool joint_done = false, joint_failed = false;
  // The problem as joint_dp.h takes it.
  std::vector<std::vector<Hypothesis>> hyps;
  std::vector<std::vector<VarBounds>> free_bounds;
  std::vector<std::vector<JointTerm>> terms;
  std::map<CellKey, CellOutcome> outcome;
};

void record_outcome(Search& s, const std::vector<const Hypothesis*>& choice, const SystemResult* r) {
  for (size_t i = 0; i < s.units.size(); ++i) {
    if (!choice[i]) continue;
    const Hypothesis& h = *choice[i];
    for (size_t c = 0; c < s.units[i].cells.size(); ++c) {
      const CellKey& k = s.units[i].cells[c];
      const Slot& sl = h[c];
      CellOutcome& co = s.outcome[k];
      if (sl.state == Slot::Known) {
        co.values.insert(sl.value);
        co.raws.emplace(i, raw_key(sl));
        co.filled = co.filled || sl.filled;
        co.split = co.split || sl.split;
        if (sl.split) co.token_row = static_cast<int>(i), co.token = sl.token_index;
      } else if (sl.state == Slot::Free) {
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
        }
      }
    }
  }
}

// The identities across rows, the rows' readings narrowed by them, and how
// many joint readings are left to weigh.
void prepare(Search& s) {
  const auto& units = s.units;
  // Equations across rows, solved jointly over the rows still undecided.
  for (auto& e : s.eqs) {
    bool local = false;
    for (auto& u : units) local = local || is_local(e, u);
    if (!local) s.global.push_back(&e);
  }
  s.unnarrowed = s.opts;
  bool narrowed_ok = narrow(units, s.opts, s.global, s.bounds);
  if (!narrowed_ok) {
    s.opts = s.unnarrowed;
    s.bounds.clear();
  }
  for (size_t i = 0; i < units.size(); ++i)
    if (s.opts[i].hyps.size() > 1) {
      s.multi.push_back(i);
      s.combos = std::min(s.combos * s.opts[i].hyps.size(), kComboCap + 1);
    }
  s.any_free_or_multi = !s.multi.empty();
  for (auto& o : s.opts)
    for (auto& h : o.hyps)
      for (auto& sl : h) s.any_free_or_multi = s.any_free_or_multi || sl.state == Slot::Free;
}

// Exact joint readings by partial sums (joint_dp.h); the enumeration after
// it is for what that cannot take (lost cells with unbounded values).
void by_partial_sums(Search& s) {
  const auto& units = s.units;
  s.hyps.assign(units.size(), {});
  s.free_bounds.assign(units.size(), {});
  std::map<CellKey, std::pair<int, int>> where;  // cell -> (unit, column)
  for (size_t i = 0; i < units.size(); ++i)
    for (size_t c = 0; c < units[i].cells.size(); ++c)
      where[units[i].cells[c]] = {static_cast<int>(i), static_cast<int>(c)};
  for (size_t i = 0; i < units.size(); ++i) {
    s.hyps[i] = s.opts[i].hyps;
    for (size_t c = 0; c < units[i].cells.size(); ++c) {
      auto b = s.bounds.find(units[i].cells[c]);
      s.free_bounds[i].push_back(b != s.bounds.end() ? b->second : bounds_for(units[i].kinds[c]));
    }
  }
  for (const Equation& e : s.eqs) {
    std::vector<JointTerm> t;
    bool known = true;
    auto add = [&](const CellKey& k, double coef) {
      auto it = where.find(k);
      if (it == where.end()) known = false;
      else t.push_back({it->second.first, it->second.second, coef});
    };
    for (auto& k : e.lhs) add(k, 1);
    for (auto& k : e.rhs) add(k, -1);
    if (known) s.terms.push_back(std::move(t));
  }
  JointDpResult dp = joint_readings(s.hyps, s.free_bounds, s.terms, kJointStates);
  if (!dp.complete) return;
  s.joint_done = true;
  s.joint_failed = !dp.feasible;
  if (dp.feasible)
    for (size_t i = 0; i < units.size(); ++i)
      for (const Hypothesis& h : dp.viable[i]) {
        std::vector<const Hypothesis*> choice(units.size(), nullptr);
        choice[i] = &h;
        record_outcome(s, choice, nullptr);
      }
}

// Every combination of the rows' readings, each solved for its lost cells.
void enumerate(Search& s) {
  const auto& units = s.units;
  const auto& multi = s.multi;
  size_t feasible = 0;
  std::vector<size_t> idx(multi.size(), 0);
  while (true) {
    std::vector<const Hypothesis*> choice(units.size(), nullptr);
    Assignment a;
    for (size_t i = 0; i < units.size(); ++i) {
      if (s.opts[i].hyps.empty()) continue;
      size_t pick = 0;
      for (size_t m = 0; m < multi.size(); ++m)
        if (multi[m] == i) pick = idx[m];
      choice[i] = &s.opts[i].hyps[pick];
      for (size_t c = 0; c < units[i].cells.size(); ++c) {
        a.slot[units[i].cells[c]] = &(*choice[i])[c];
        a.kind[units[i].cells[c]] = units[i].kinds[c];
      }
    }
    // Equations whose cells were all read cleanly are the validator's
    // business: if one fails it is a source error, and it must not veto
    // the repair of unrelated cells.
    std::vector<const Equation*> relevant;
    for (const Equation* e : s.global) {
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
      record_outcome(s, choice, &r);
    }
    size_t m = 0;
    for (; m < multi.size(); ++m) {
      if (++idx[m] < s.opts[multi[m]].hyps.size()) break;
      idx[m] = 0;
    }
    if (m == multi.size()) break;
  }
  s.joint_failed = feasible == 0;
}

// No joint reading: every unit on its own, with what its rows determine.
// After a failed joint solve the narrowing is not to be trusted either.
void each_on_its_own(Search& s) {
  const auto& units = s.units;
  if (s.joint_failed) {
    s.opts = s.unnarrowed;
    s.bounds.clear();
  } else if (s.any_free_or_multi) {
    // Too many joint readings to go through: still, each column's
    // identities on their own rule readings out.
    auto pruned = prune_by_parts(s.hyps, s.free_bounds, s.terms, kPruneStates);
    if (!pruned.empty())
      for (size_t i = 0; i < units.size(); ++i) s.opts[i].hyps = pruned[i];
  }
  s.outcome.clear();
  for (size_t i = 0; i < units.size(); ++i)
    for (auto& h : s.opts[i].hyps) {
      std::vector<const Hypothesis*> choice(units.size(), nullptr);
      choice[i] = &h;
      // Without an exact joint solve, a lost cell is known only when the
      // narrowed bounds leave it a single value.
      SystemResult pinned;
      for (size_t c = 0; c < units[i].cells.size(); ++c) {
        auto b = s.bounds.find(units[i].cells[c]);
        if (h[c].state == Slot::Free && b != s.bounds.end() && b->second.lo == b->second.hi)
          pinned.value[units[i].cells[c]] = b->second.lo;
      }
      record_outcome(s, choice, s.joint_failed ? nullptr : &pinned);
    }
}

// The printed reading of column c when every one of `readings` reads it
// from the page with the same value (no lost cell there); null otherwise.
const Slot* agreed_slot(const std::vector<Hypothesis>& readings, size_t c) {
  if (readings.empty()) return nullptr;
  const Slot& first = readings.front()[c];
  for (const Hypothesis& h : readings)
    if (h[c].state != Slot::Known || h[c].filled || h[c].value != first.value) return nullptr;
  return &first;
}

CellDecision decide(const std::vector<ReadUnit>& units, size_t row, const UnitOptions& o, size_t c,
                    const std::map<CellKey, CellOutcome>& outcome) {
  const ReadUnit& u = units[row];
  CellDecision d;
  d.key = u.cells[c];
  // The cell's own token when every reading takes it from one.
  if (!o.hyps.empty()) {
    int tok = o.hyps.front()[c].token_index;
    bool same = tok >= 0 && std::all_of(o.hyps.begin(), o.hyps.end(), [&](auto& h) { return h[c].token_index == tok; });
    if (same && tok < static_cast<int>(u.tokens.size())) d.token = tok;
  }
  auto it = outcome.find(d.key);
  bool blank = !o.hyps.empty() && std::all_of(o.hyps.begin(), o.hyps.end(),
                                              [&](auto& h) { return h[c].state == Slot::Blank; });
  if (blank) {
    d.outcome = CellDecision::Outcome::Blank;
    d.raw = slot_raw(u, o.hyps.front()[c]);
  } else if (it != outcome.end() && it->second.values.size() == 1 && !it->second.undetermined) {
    const CellOutcome& co = it->second;
    d.outcome = CellDecision::Outcome::Value;
    d.value = *co.values.begin();
    std::set<std::string> raws;
    for (auto& [row, key] : co.raws) raws.insert(raw_of(units[row], key));
    if (raws.size() == 1) d.raw = *raws.begin();
    for (auto& h : o.hyps)
      if (h[c].state == Slot::Known && h[c].unit != Slot::NoUnit) d.unit = h[c].unit_text();
    d.filled = co.filled;
    d.split = co.split;
    d.split_chosen = co.split && o.raw_ambiguous;
    if (co.token >= 0) d.split_token = units[co.token_row].tokens[co.token].raw;
  } else if (const Slot* agreed = agreed_slot(o.candidates, c); agreed && o.hyps.empty()) {
    // A row read several ways, none adding up, whose readings all give this
    // cell one printed value: that value stands as printed, like a row's
    // single reading (the validator reports what fails).
    d.outcome = CellDecision::Outcome::Value;
    d.value = agreed->value;
    d.raw = slot_raw(u, *agreed);
    d.unit = agreed->unit_text();
    d.split = agreed->split;
    if (agreed->split) d.split_token = u.tokens[agreed->token_index].raw;
  } else if (u.present) {
    d.outcome = CellDecision::Outcome::Undecided;
    std::set<double> cand;
    if (it != outcome.end()) {
      cand = it->second.values;
      cand.insert(it->second.candidates.begin(), it->second.candidates.end());
    }
    // A row read several ways, none of which adds up: what each reading gives.
    for (auto& h : o.candidates)
      if (h[c].state == Slot::Known) cand.insert(h[c].value);
    d.candidates.assign(cand.begin(), cand.end());
    if (d.token >= 0) d.raw = u.tokens[d.token].raw;  // what was read, doubtful as it is
  }
  return d;
}

}  // namespace

bool Resolution::any_undecided() const {
  for (auto& row : rows)
    for (auto& d : row.cells)
      if (d.outcome == CellDecision::Outcome::Undecided) return true;
  return false;
}

Resolution resolve(const std::vector<ReadUnit>& units, const std::vector<Equation>& eqs,
                   const std::vector<Statement>& statements) {
  Resolution res;
  Search s(units, eqs);
  s.opts.reserve(units.size());
  const bool lossy = report_lost_cells(units);
  for (auto& u : units) s.opts.push_back(options_for(u, eqs, lossy));
  for (auto& use : decide_by_statements(statements, units, s.opts)) res.statements_used.emplace_back(use.row, use.statement);
  prepare(s);
  if (s.any_free_or_multi) by_partial_sums(s);
  if (!s.joint_done && s.any_free_or_multi && s.combos <= kComboCap) enumerate(s);
  if (!s.any_free_or_multi || (!s.joint_done && s.combos > kComboCap) || s.joint_failed) each_on_its_own(s);
  res.no_consistent_reading = s.joint_failed;
  res.search_cut = !s.joint_done && s.combos > kComboCap;
  res.rows.reserve(units.size());
  for (size_t i = 0; i < units.size(); ++i) {
    RowDecision row;
    row.too_many = s.opts[i].too_many;
    row.inconsistent = s.opts[i].inconsistent;
    row.overflow = s.opts[i].overflow;
    row.lossy_doubt = s.opts[i].lossy_doubt;
    for (size_t c = 0; c < units[i].cells.size(); ++c) row.cells.push_back(decide(units, i, s.opts[i], c, s.outcome));
    res.rows.push_back(std::move(row));
  }
  return res;
}

}  // namespace gongkai
