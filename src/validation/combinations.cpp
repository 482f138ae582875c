#include "validation/combinations.h"

#include <cmath>
#include <utility>

#include "validation/linear.h"

namespace gongkai {
namespace {

using IdTerms = std::vector<std::pair<int, double>>;  // (cell id, -1 when no row has it; coefficient)

// Solves the given equations for the free cells of `slot` (per cell id: its
// slot under this combination, null when its row gives nothing). Equations
// touching a printed blank are not used: blank is not zero.
SystemResult solve_free(const std::vector<const Slot*>& slot, const std::vector<ColumnKind>& kind,
                        const std::vector<const IdTerms*>& eqs) {
  std::vector<int> var(slot.size(), -1);
  int nvars = 0;
  std::vector<VarBounds> bounds;
  std::vector<LinearEquation> lin;
  for (const IdTerms* e : eqs) {
    LinearEquation le;
    bool usable = true;
    // An unusable equation still numbers its lost cells (as it always has:
    // the numbering orders the solver's unknowns).
    for (auto [id, sign] : *e) {
      const Slot* s = id < 0 ? nullptr : slot[id];
      if (!s || s->state == Slot::Blank) {
        usable = false;
        continue;
      }
      if (s->state == Slot::Known) {
        le.rhs -= sign * s->value;
        continue;
      }
      if (var[id] < 0) var[id] = nvars++, bounds.push_back(bounds_for(kind[id]));
      le.terms.emplace_back(var[id], sign);
    }
    if (!usable) continue;
    if (le.terms.empty()) {
      if (std::fabs(le.rhs) > 1e-6) return {};  // an equation of known cells that fails
      continue;
    }
    lin.push_back(std::move(le));
  }
  SystemResult r;
  auto sol = solve_linear(nvars, lin, bounds);
  if (!sol.feasible) return r;
  r.feasible = true;
  r.var = std::move(var);
  r.value = std::move(sol.value);
  r.candidates = std::move(sol.candidates);
  return r;
}

}  // namespace

size_t each_combination(const std::vector<ReadUnit>& units, const std::vector<UnitOptions>& opts,
                        const std::vector<size_t>& multi, const std::vector<const Equation*>& global,
                        const CellIds& ids, std::vector<CellOutcome>& outcome) {
  // Each cell's slot and kind come from the last row that has it and has
  // readings; only the cells of rows with several readings change from one
  // combination to the next.
  std::vector<const Slot*> slot(ids.size(), nullptr);
  std::vector<ColumnKind> kind(ids.size());
  std::vector<int> multi_of(units.size(), -1);
  for (size_t m = 0; m < multi.size(); ++m) multi_of[multi[m]] = static_cast<int>(m);
  std::vector<std::pair<int, int>> writer(ids.size(), {-1, -1});  // (row, column)
  std::vector<char> in_multi(ids.size(), 0);
  size_t cells = 0;
  for (size_t i = 0; i < units.size(); ++i) {
    cells += units[i].cells.size();
    for (size_t c = 0; c < units[i].cells.size(); ++c) {
      int id = ids.of[i][c];
      if (multi_of[i] >= 0) in_multi[id] = 1;
      if (opts[i].hyps.empty()) continue;
      slot[id] = &opts[i].hyps.front()[c];
      kind[id] = units[i].kinds[c];
      writer[id] = {static_cast<int>(i), static_cast<int>(c)};
    }
  }
  std::vector<int> changing;  // the cell ids whose slot is a multi row's
  for (size_t id = 0; id < ids.size(); ++id)
    if (writer[id].first >= 0 && multi_of[writer[id].first] >= 0) changing.push_back(static_cast<int>(id));
  // The identities as cell ids; one is used in a combination when it
  // touches a lost cell or a row read several ways. Equations whose cells
  // were all read cleanly are the validator's business: if one fails it is
  // a source error, and it must not veto the repair of unrelated cells.
  std::vector<IdTerms> terms;
  std::vector<char> always;
  for (const Equation* e : global) {
    IdTerms t;
    for (auto& k : e->lhs) t.emplace_back(ids.find(k), 1.0);
    for (auto& k : e->rhs) t.emplace_back(ids.find(k), -1.0);
    bool multi_cell = false;
    for (auto [id, coef] : t) multi_cell = multi_cell || (id >= 0 && slot[id] && in_multi[id]);
    terms.push_back(std::move(t));
    always.push_back(multi_cell);
  }
  // Rows read one way record the same printed cells in every combination:
  // recorded once, at the end (only their lost cells differ). Only when no
  // cell belongs to two rows, where the order of recording could matter.
  const bool once = cells == ids.size();
  std::vector<std::pair<size_t, size_t>> fixed_free;  // (row, column) of the one-way rows' lost cells
  for (size_t i = 0; i < units.size(); ++i)
    if (once && multi_of[i] < 0 && !opts[i].hyps.empty())
      for (size_t c = 0; c < units[i].cells.size(); ++c)
        if (opts[i].hyps.front()[c].state == Slot::Free) fixed_free.emplace_back(i, c);

  size_t feasible = 0;
  std::vector<size_t> idx(multi.size(), 0);
  std::vector<const IdTerms*> relevant;
  while (true) {
    for (int id : changing) {
      auto [i, c] = writer[id];
      slot[id] = &opts[i].hyps[idx[multi_of[i]]][c];
    }
    relevant.clear();
    for (size_t e = 0; e < terms.size(); ++e) {
      bool involved = always[e];
      for (auto [id, coef] : terms[e]) involved = involved || (id >= 0 && slot[id] && slot[id]->state == Slot::Free);
      if (involved) relevant.push_back(&terms[e]);
    }
    SystemResult r = solve_free(slot, kind, relevant);
    if (r.feasible) {
      ++feasible;
      for (size_t i = 0; i < units.size(); ++i) {
        if (opts[i].hyps.empty()) continue;
        if (multi_of[i] >= 0) record_reading(ids, i, opts[i].hyps[idx[multi_of[i]]], &r, outcome);
        else if (!once) record_reading(ids, i, opts[i].hyps.front(), &r, outcome);
      }
      for (auto [i, c] : fixed_free) record_slot(i, opts[i].hyps.front()[c], ids.of[i][c], &r, outcome[ids.of[i][c]]);
    }
    size_t m = 0;
    for (; m < multi.size(); ++m) {
      if (++idx[m] < opts[multi[m]].hyps.size()) break;
      idx[m] = 0;
    }
    if (m == multi.size()) break;
  }
  if (once && feasible > 0)
    for (size_t i = 0; i < units.size(); ++i)
      if (multi_of[i] < 0 && !opts[i].hyps.empty())
        for (size_t c = 0; c < units[i].cells.size(); ++c)
          if (opts[i].hyps.front()[c].state != Slot::Free)
            record_slot(i, opts[i].hyps.front()[c], ids.of[i][c], nullptr, outcome[ids.of[i][c]]);
  return feasible;
}

}  // namespace gongkai
