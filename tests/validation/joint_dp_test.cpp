// Joint readings of rows (validation/joint_dp.h) on small problems solved by hand.
#include <gtest/gtest.h>

#include "validation/joint_dp.h"

using namespace gongkai;

namespace {

Slot known(double v) {
  Slot s;
  s.state = Slot::Known;
  s.value = v;
  return s;
}
Slot lost() { return Slot{}; }

VarBounds upto(double hi) {
  VarBounds b;
  b.hi = hi;
  return b;
}

}  // namespace

TEST(JointDp, OnlyReadingsThatFitTogetherSurvive) {
  // Row 0 reads 2 or 3, row 1 reads 3 or 9; row 2 prints 5 and 3.
  // x0 + x1 = 5 and x1 = 3: only 2 and 3.
  std::vector<std::vector<Hypothesis>> hyps = {{{known(2)}, {known(3)}}, {{known(3)}, {known(9)}}, {{known(5), known(3)}}};
  std::vector<std::vector<VarBounds>> b = {{{}}, {{}}, {{}, {}}};
  std::vector<std::vector<JointTerm>> eqs = {{{0, 0, 1}, {1, 0, 1}, {2, 0, -1}}, {{1, 0, 1}, {2, 1, -1}}};
  auto r = joint_readings(hyps, b, eqs);
  ASSERT_TRUE(r.complete);
  ASSERT_TRUE(r.feasible);
  ASSERT_EQ(r.viable[0].size(), 1u);
  EXPECT_EQ(r.viable[0][0][0].value, 2);
  ASSERT_EQ(r.viable[1].size(), 1u);
  EXPECT_EQ(r.viable[1][0][0].value, 3);
}

TEST(JointDp, SeveralCombinationsKeepEveryReadingInThem) {
  // x0 + x1 = 5 with x0 ∈ {1, 4}, x1 ∈ {1, 4}: both combinations 1+4 and 4+1 fit.
  std::vector<std::vector<Hypothesis>> hyps = {{{known(1)}, {known(4)}}, {{known(1)}, {known(4)}}, {{known(5)}}};
  std::vector<std::vector<VarBounds>> b(3, std::vector<VarBounds>(1));
  std::vector<std::vector<JointTerm>> eqs = {{{0, 0, 1}, {1, 0, 1}, {2, 0, -1}}};
  auto r = joint_readings(hyps, b, eqs);
  ASSERT_TRUE(r.feasible);
  EXPECT_EQ(r.viable[0].size(), 2u);
  EXPECT_EQ(r.viable[1].size(), 2u);
}

TEST(JointDp, LostCellGetsTheOneValueThatFits) {
  // Row 0 lost its only cell (bounded by 0..10); row 1 reads 3; total row 2 is 7.
  std::vector<std::vector<Hypothesis>> hyps = {{{lost()}}, {{known(3)}}, {{known(7)}}};
  std::vector<std::vector<VarBounds>> b = {{upto(10)}, {upto(10)}, {upto(10)}};
  std::vector<std::vector<JointTerm>> eqs = {{{0, 0, 1}, {1, 0, 1}, {2, 0, -1}}};
  auto r = joint_readings(hyps, b, eqs);
  ASSERT_TRUE(r.complete && r.feasible);
  ASSERT_EQ(r.viable[0].size(), 1u);
  EXPECT_EQ(r.viable[0][0][0].state, Slot::Known);
  EXPECT_EQ(r.viable[0][0][0].value, 4);
  EXPECT_TRUE(r.viable[0][0][0].filled);
}

TEST(JointDp, NothingFitsIsInfeasibleAndOpenBoundsAreIncomplete) {
  std::vector<std::vector<Hypothesis>> hyps = {{{known(1)}, {known(2)}}, {{known(9)}}};
  std::vector<std::vector<VarBounds>> b(2, std::vector<VarBounds>(1));
  std::vector<std::vector<JointTerm>> eqs = {{{0, 0, 1}, {1, 0, -1}}};
  auto r = joint_readings(hyps, b, eqs);
  EXPECT_TRUE(r.complete);
  EXPECT_FALSE(r.feasible);
  // A lost cell with no upper bound cannot be spelled out.
  std::vector<std::vector<Hypothesis>> open = {{{lost()}}, {{known(9)}}};
  EXPECT_FALSE(joint_readings(open, b, eqs).complete);
}

TEST(JointDp, BlankCellsSayNothing) {
  // Row 0 printed a blank: x0 + x1 = 5 is not used, so both readings of row 1 stay.
  Slot blank;
  blank.state = Slot::Blank;
  std::vector<std::vector<Hypothesis>> hyps = {{{blank}}, {{known(1)}, {known(4)}}, {{known(5)}}};
  std::vector<std::vector<VarBounds>> b(3, std::vector<VarBounds>(1));
  std::vector<std::vector<JointTerm>> eqs = {{{0, 0, 1}, {1, 0, 1}, {2, 0, -1}}};
  auto r = joint_readings(hyps, b, eqs);
  EXPECT_EQ(r.viable[1].size(), 2u);
}

TEST(JointDp, PartsPruneEachOnItsOwn) {
  // Two columns, each with its own total (3 and 3); a row's reading fixes both.
  // Row 0: (1,1) or (2,2); row 1: (1,2) or (2,1). Each column alone admits
  // every reading; together none fits. Parts claim only what each proves.
  std::vector<std::vector<Hypothesis>> hyps = {{{known(1), known(1)}, {known(2), known(2)}},
                                               {{known(1), known(2)}, {known(2), known(1)}},
                                               {{known(3), known(3)}}};
  std::vector<std::vector<VarBounds>> b(3, std::vector<VarBounds>(2));
  std::vector<std::vector<JointTerm>> eqs = {{{0, 0, 1}, {1, 0, 1}, {2, 0, -1}}, {{0, 1, 1}, {1, 1, 1}, {2, 1, -1}}};
  auto parts = prune_by_parts(hyps, b, eqs);
  ASSERT_EQ(parts.size(), 3u);
  EXPECT_EQ(parts[0].size(), 2u);
  EXPECT_EQ(parts[1].size(), 2u);
  auto joint = joint_readings(hyps, b, eqs);
  EXPECT_TRUE(joint.complete);
  EXPECT_FALSE(joint.feasible);

  // A third column (total 5) that only row 0's (2,2,5) can make up: then
  // column 0 leaves row 1 only (1,1,0), and column 1 agrees.
  hyps = {{{known(1), known(1), known(0)}, {known(2), known(2), known(5)}},
          {{known(1), known(1), known(0)}, {known(2), known(1), known(0)}},
          {{known(3), known(3), known(5)}}};
  b.assign(3, std::vector<VarBounds>(3));
  eqs.push_back({{0, 2, 1}, {1, 2, 1}, {2, 2, -1}});
  parts = prune_by_parts(hyps, b, eqs);
  ASSERT_EQ(parts.size(), 3u);
  ASSERT_EQ(parts[0].size(), 1u);
  EXPECT_EQ(parts[0][0][2].value, 5);
  ASSERT_EQ(parts[1].size(), 1u);
  EXPECT_EQ(parts[1][0][0].value, 1);
  // Totals nothing can make up: no reading survives.
  hyps[2] = {{known(9), known(9), known(9)}};
  EXPECT_TRUE(prune_by_parts(hyps, b, eqs).empty());
}

TEST(JointDp, ARowPrintedAgainstItsOwnIdentityDoesNotVetoTheOthers) {
  // Row 0 prints 3 + 4 ≠ 8 (a source error the validator will report); row 1
  // lost a cell that the column identity x + 2 = 5 gives.
  std::vector<std::vector<Hypothesis>> hyps = {{{known(3), known(4), known(8)}}, {{lost()}}, {{known(2)}}, {{known(5)}}};
  std::vector<std::vector<VarBounds>> b = {{{}, {}, {}}, {upto(10)}, {{}}, {{}}};
  std::vector<std::vector<JointTerm>> eqs = {{{0, 0, 1}, {0, 1, 1}, {0, 2, -1}},           // row 0's own
                                             {{1, 0, 1}, {2, 0, 1}, {3, 0, -1}}};          // across rows
  auto r = joint_readings(hyps, b, eqs);
  ASSERT_TRUE(r.complete);
  ASSERT_TRUE(r.feasible);
  ASSERT_EQ(r.viable[1].size(), 1u);
  EXPECT_EQ(r.viable[1][0][0].value, 3);
}
