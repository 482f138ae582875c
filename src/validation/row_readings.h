// The first step of resolution, one row at a time: the ways its printed
// tokens can fill its cells, weighed against the row's own identities.
#pragma once
#include <limits>
#include <vector>

#include "model/read_unit.h"
#include "validation/hypotheses.h"
#include "validation/identities.h"
#include "validation/linear.h"

namespace gongkai {

// The values a cell of this kind may hold.
inline VarBounds bounds_for(ColumnKind k) {
  VarBounds b;
  if (k == ColumnKind::SignedCount) b.lo = -std::numeric_limits<double>::infinity();
  if (k == ColumnKind::Money) b.integer = false;
  return b;
}

// A unit's hypotheses after its own identities (row total, group totals)
// have been applied: lost cells they determine are filled, the rest stay free.
struct UnitOptions {
  std::vector<Hypothesis> hyps;
  bool raw_ambiguous = false;   // more than one way to read the tokens
  bool overflow = false;        // more readings than the budget: cells left unread
  bool too_many = false;        // more numbers than cells
  bool inconsistent = false;    // no reading satisfies the row's identities
  // Inconsistent rows read several ways: those readings, whose values are
  // the cells' candidates (none of them is taken).
  std::vector<Hypothesis> candidates;
  bool lossy_doubt = false;     // inconsistent, in a report that certainly lost cells
  int missing = 0;
};

// Every cell of the identity belongs to the unit: one of the row's own.
bool is_local(const Equation& e, const ReadUnit& u);

// Some row of the report was printed short of digits: the report certainly
// lost cells somewhere.
bool report_lost_cells(const std::vector<ReadUnit>& units);

// The row's readings in evidence order (see row_readings.cpp); `lossy` as
// report_lost_cells says.
UnitOptions options_for(const ReadUnit& u, const std::vector<Equation>& eqs, bool lossy);

}  // namespace gongkai
