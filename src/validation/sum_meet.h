// The core of the joint search (joint_dp.h): which readings of the rows are
// part of a combination that makes every partial sum zero, by sums carried
// forward and backward over the rows.
#pragma once
#include <cstddef>
#include <cstdint>
#include <vector>

namespace gongkai {

using Sums = std::vector<int64_t>;  // one partial sum per identity of the pass

// Additions (and look-ups) of partial sums allowed per state of max_states:
// many rows of many readings each add |from| x |add| sums even when the sums
// stay few (joint_dp.cpp says how the budgets were chosen).
constexpr size_t kWorkPerState = 4;

// contrib[k][i]: what reading i of the k-th row adds to the `dims` sums.
// viable[k][i] says whether reading i is part of a combination that makes
// every sum zero: some sum before it and some sum after it meet through it.
// False when the partial sums outgrow max_states, the work outgrows
// kWorkPerState per state, or (two sums or fewer) a sum is out of range.
bool meet_in_sums(const std::vector<std::vector<Sums>>& contrib, size_t dims, size_t max_states,
                  std::vector<std::vector<char>>& viable);

}  // namespace gongkai
