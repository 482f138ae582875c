#include "validation/resolve.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <set>

#include "validation/combinations.h"
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
// no more cells left null (seed 9100, 2 % and 5 % drops; measured before
// sum_meet.cpp's flat pass, which made both a few ms).
constexpr size_t kPruneStates = 5000;

// Every row's readings, and what the search for joint readings made of them.
struct Search {
  Search(const std::vector<ReadUnit>& u, const std::vector<Equation>& e)
      : units(u), eqs(e), ids(u), outcome(ids.size()) {}
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
  CellIds ids;
  std::vector<CellOutcome> outcome;  // per cell id
};

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
      for (const Hypothesis& h : dp.viable[i]) record_reading(s.ids, i, h, nullptr, s.outcome);
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
  s.outcome.assign(s.ids.size(), {});
  // Without an exact joint solve, a lost cell is known only when the
  // narrowed bounds leave it a single value.
  SystemResult pinned;
  pinned.var.assign(s.ids.size(), -1);
  for (auto& [k, id] : s.ids.index) {
    auto b = s.bounds.find(k);
    if (b == s.bounds.end() || b->second.lo != b->second.hi) continue;
    pinned.var[id] = static_cast<int>(pinned.value.size());
    pinned.value.push_back(b->second.lo);
    pinned.candidates.emplace_back();
  }
  for (size_t i = 0; i < units.size(); ++i)
    for (auto& h : s.opts[i].hyps) record_reading(s.ids, i, h, s.joint_failed ? nullptr : &pinned, s.outcome);
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
                    const CellOutcome& co) {
  const ReadUnit& u = units[row];
  CellDecision d;
  d.key = u.cells[c];
  // The cell's own token when every reading takes it from one.
  if (!o.hyps.empty()) {
    int tok = o.hyps.front()[c].token_index;
    bool same = tok >= 0 && std::all_of(o.hyps.begin(), o.hyps.end(), [&](auto& h) { return h[c].token_index == tok; });
    if (same && tok < static_cast<int>(u.tokens.size())) d.token = tok;
  }
  bool blank = !o.hyps.empty() && std::all_of(o.hyps.begin(), o.hyps.end(),
                                              [&](auto& h) { return h[c].state == Slot::Blank; });
  if (blank) {
    d.outcome = CellDecision::Outcome::Blank;
    d.raw = slot_raw(u, o.hyps.front()[c]);
  } else if (co.values.size() == 1 && !co.undetermined) {
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
    cand = co.values;
    cand.insert(co.candidates.begin(), co.candidates.end());
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
  if (!s.joint_done && s.any_free_or_multi && s.combos <= kComboCap)
    s.joint_failed = each_combination(units, s.opts, s.multi, s.global, s.ids, s.outcome) == 0;
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
    for (size_t c = 0; c < units[i].cells.size(); ++c) row.cells.push_back(decide(units, i, s.opts[i], c, s.outcome[s.ids.of[i][c]]));
    res.rows.push_back(std::move(row));
  }
  return res;
}

}  // namespace gongkai
