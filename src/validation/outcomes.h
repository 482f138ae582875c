// What the joint search (resolve.cpp, combinations.h) found per cell: the
// values it takes across the joint readings recorded. Cells are numbered
// once (CellIds) so that the search, which records every cell of every
// reading it keeps, never looks a CellKey up (a CellKey compares strings).
#pragma once
#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <utility>
#include <vector>

#include "model/read_unit.h"
#include "validation/hypotheses.h"

namespace gongkai {

// One number per distinct CellKey of the rows.
struct CellIds {
  explicit CellIds(const std::vector<ReadUnit>& units);
  std::vector<std::vector<int>> of;  // per row and column
  std::map<CellKey, int> index;
  size_t size() const { return index.size(); }
  int find(const CellKey& k) const {  // -1: no row has the cell
    auto it = index.find(k);
    return it == index.end() ? -1 : it->second;
  }
};

// Values of the lost (free) cells under one joint reading.
struct SystemResult {
  bool feasible = false;
  std::vector<int> var;                         // per cell id: its unknown, or -1
  std::vector<std::optional<double>> value;     // per unknown
  std::vector<std::vector<double>> candidates;  // per unknown without a value: what it may be
};

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

uint64_t raw_key(const Slot& s);
// The text of a raw_key of row u.
std::string raw_of(const ReadUnit& u, uint64_t key);

// Records cell c of row `row` read as `sl`; `r` gives lost cells' values (null: none).
void record_slot(size_t row, const Slot& sl, int id, const SystemResult* r, CellOutcome& co);
// Every cell of reading h of row `row`.
void record_reading(const CellIds& ids, size_t row, const Hypothesis& h, const SystemResult* r,
                    std::vector<CellOutcome>& outcome);

}  // namespace gongkai
