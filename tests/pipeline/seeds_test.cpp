// The five seeds must come out exactly as their hand-checked expected files.
#include <gtest/gtest.h>

#include "cli/score.h"
#include "test_util.h"

using namespace gk_test;

class Seed : public ::testing::TestWithParam<std::string> {};

TEST_P(Seed, EveryCellEqualsExpected) {
  auto expected = load(sample(GetParam() + ".expected.json"));
  auto actual = extract_json(sample(GetParam() + ".txt"));
  auto s = gongkai::score_record(expected, actual);
  for (auto& w : s.wrong_cells) ADD_FAILURE() << "wrong " << w;
  for (auto& m : s.missing_cells) ADD_FAILURE() << "missing " << m;
  EXPECT_GT(s.correct, 150);
  // Nothing in a seed breaks an identity as printed.
  for (auto& f : actual["findings"]) EXPECT_NE(f["kind"], "source") << f["message"];
}

INSTANTIATE_TEST_SUITE_P(Seeds, Seed,
                         ::testing::Values("000_074bf0adc45c12ee", "001_f113ad9132274b61", "002_e2933871b57d250b",
                                           "003_07ea97a0e0dbb2b9", "004_549de823e32c1890"));

TEST(Seed, LostCellsAreRecordedAsRepairs) {
  auto rec = extract_json(sample("003_07ea97a0e0dbb2b9.txt"));
  EXPECT_TRUE(has_finding(rec, "repair.cells", "repair"));
  int repaired = 0;
  for (auto& c : rec["cells"])
    if (c.contains("repaired_from")) ++repaired;
  EXPECT_EQ(repaired, 2);  // one lost cell in 予以公开, one in 部分公开
}

// Generated renderings (tab, lines, markdown, run-together, HTML; some cells
// dropped): never a wrong value; most cells recovered.
TEST(Generated, NoWrongCells) {
  long correct = 0, total = 0;
  for (int i = 0; i < 15; ++i) {
    char prefix[8];
    std::snprintf(prefix, sizeof prefix, "%04d_", i);
    for (auto& entry : std::filesystem::directory_iterator(data("generated"))) {
      std::string name = entry.path().filename().string();
      if (name.rfind(prefix, 0) != 0 || name.find(".json") != std::string::npos) continue;
      std::string stem = entry.path().stem().string();
      auto expected = load(data("generated/" + stem + ".expected.json"));
      auto s = gongkai::score_record(expected, extract_json(entry.path().string()));
      for (auto& w : s.wrong_cells) ADD_FAILURE() << name << " wrong " << w;
      correct += s.correct;
      total += s.total();
    }
  }
  EXPECT_GT(total, 2500);
  EXPECT_GE(static_cast<double>(correct) / total, 0.95);
}
