// The linear solver behind the identities.
#include <gtest/gtest.h>

#include "validation/linear.h"

using namespace gongkai;

TEST(Linear, SumOfNonNegativesIsZero) {
  // x0 + x1 + x2 = 0 with x ≥ 0 → all zero.
  auto s = solve_linear(3, {{{{0, 1}, {1, 1}, {2, 1}}, 0}}, std::vector<VarBounds>(3));
  ASSERT_TRUE(s.feasible);
  for (auto& v : s.value) EXPECT_EQ(v.value_or(-1), 0);
}

TEST(Linear, TwoEquationsDetermineTwoUnknowns) {
  // x + y = 5, x - y = 1 → x = 3, y = 2
  auto s = solve_linear(2, {{{{0, 1}, {1, 1}}, 5}, {{{0, 1}, {1, -1}}, 1}}, std::vector<VarBounds>(2));
  ASSERT_TRUE(s.feasible);
  EXPECT_EQ(s.value[0].value_or(-1), 3);
  EXPECT_EQ(s.value[1].value_or(-1), 2);
}

TEST(Linear, UnderdeterminedListsCandidates) {
  auto s = solve_linear(2, {{{{0, 1}, {1, 1}}, 2}}, std::vector<VarBounds>(2));
  ASSERT_TRUE(s.feasible);
  EXPECT_FALSE(s.value[0]);
  EXPECT_EQ(s.candidates[0], (std::vector<double>{0, 1, 2}));
}

TEST(Linear, InfeasibleIsSaid) {
  auto s = solve_linear(1, {{{{0, 1}}, -3}}, std::vector<VarBounds>(1));
  EXPECT_FALSE(s.feasible);
}
