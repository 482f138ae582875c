// Which readings of the rows can stand together: every row has one or more
// readings (hypotheses: how its digits split, which cells were lost), and a
// joint reading must satisfy the identities across rows (per column:
// outcomes sum to the total; received plus carried over equals handled plus
// carried forward). Enumerating every combination explodes as soon as many
// rows are uncertain (run-together text that lost cells), so the rows are
// taken in order and only the partial sums of the identities are carried
// from one row to the next (a forward pass), then the sums the remaining rows
// can still make up (a backward pass): a reading of a row is part of some
// joint reading exactly when a forward sum and a backward sum meet through it.
// Exact, and polynomial in the number of distinct partial sums.
//
// Lost cells (free slots) that an identity uses are given each whole value
// their bounds allow, keeping only those that satisfy their own row's
// identities; a lost cell no identity uses stays free.
#pragma once
#include <vector>

#include "validation/hypotheses.h"
#include "validation/linear.h"

namespace gongkai {

struct JointTerm {
  int unit = 0, col = 0;
  double coef = 1;
};

struct JointDpResult {
  // False when the problem was too large for the limits (unbounded lost
  // cells, too many partial sums): nothing below is meaningful then.
  bool complete = false;
  // Some joint reading satisfies every identity.
  bool feasible = false;
  // Per row: its readings that are part of some joint reading, lost cells
  // that an identity uses given their values (Known, `filled`). Rows no
  // identity touches keep all their readings.
  std::vector<std::vector<Hypothesis>> viable;
};

// hyps[u]: the readings of row u (empty: the row gives nothing, and the
// identities through it are not used). free_bounds[u][c]: bounds of cell c of
// row u when lost. equations: every identity (one row's own, or across rows)
// as terms summing to zero; one that uses a cell that may be printed blank is
// not used (blank is not zero).
JointDpResult joint_readings(const std::vector<std::vector<Hypothesis>>& hyps,
                             const std::vector<std::vector<VarBounds>>& free_bounds,
                             const std::vector<std::vector<JointTerm>>& equations, size_t max_states = 100000);

// When joint_readings cannot be completed: the cross-row identities in
// parts (those sharing a cell together; in table 三 one part per column),
// each part solved exactly on its own, readings that fit no combination of
// some part dropped, until nothing changes. Every reading of a true joint
// reading survives, so what all survivors agree on is sound; a part too
// large to solve is skipped. Empty when some row is left with no reading
// (the identities do not all hold). Lost cells stay free.
std::vector<std::vector<Hypothesis>> prune_by_parts(const std::vector<std::vector<Hypothesis>>& hyps,
                                                    const std::vector<std::vector<VarBounds>>& free_bounds,
                                                    const std::vector<std::vector<JointTerm>>& equations,
                                                    size_t max_states = 20000);

}  // namespace gongkai
