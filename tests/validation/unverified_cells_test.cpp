// When no reading of the uncertain cells satisfies the identities, the cells
// read in the identities a null cell leaves unchecked are named by that
// finding: one of them may be the misread, and a wrong cell with no finding
// is the worst outcome (validate.cpp, name_unverified).
#include <gtest/gtest.h>

#include <algorithm>

#include "test_util.h"

using namespace gk_test;

namespace {

// Consistent: 16+1 received, 15+1 handled (3+1 granted, 1 partly, 11 not
// held), 2 carried forward.
std::vector<std::pair<std::string, std::string>> rows() {
  auto r = table3_rows("16\t1\t0\t0\t0\t0\t17", "1\t0\t0\t0\t0\t0\t1", "3\t1\t0\t0\t0\t0\t4",
                       "1\t0\t0\t0\t0\t0\t1", "15\t1\t0\t0\t0\t0\t16", "2\t0\t0\t0\t0\t0\t2");
  for (auto& [label, values] : r)
    if (label.find("本机关不掌握") != std::string::npos) values = "11\t0\t0\t0\t0\t0\t11";
  return r;
}

const nlohmann::json* finding(const nlohmann::json& rec, const std::string& rule) {
  for (auto& f : rec["findings"])
    if (f["rule"] == rule) return &f;
  return nullptr;
}

bool names(const nlohmann::json& f, const std::string& row, const std::string& col) {
  return std::any_of(f["cells"].begin(), f["cells"].end(),
                     [&](const nlohmann::json& c) { return c["row"] == row && c["col"] == col; });
}

const std::string kReview = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";

}  // namespace

TEST(UnverifiedCells, AConflictNamesTheCellsItsNullsLeaveUnchecked) {
  auto r = rows();
  for (auto& [label, values] : r) {
    // 予以公开's 3 misprinted 2, its 1 lost; 总计's 15 lost.
    if (label.find("予以公开") != std::string::npos) values = "2\t\t0\t0\t0\t0\t4";
    if (label.find("总计") != std::string::npos) values = "\t1\t0\t0\t0\t0\t16";
  }
  auto rec = extract_text(minimal_report(r, kReview));
  const nlohmann::json* f = finding(rec, "repair.no_consistent_reading");
  ASSERT_NE(f, nullptr) << rec["findings"].dump(1);
  EXPECT_TRUE(names(*f, "granted", "natural_person")) << f->dump(1);
}

TEST(UnverifiedCells, NoConflictNoSuchFinding) {
  auto r = rows();
  for (auto& [label, values] : r)
    if (label.find("予以公开") != std::string::npos) values = "3\t\t0\t0\t0\t0\t4";
  auto rec = extract_text(minimal_report(r, kReview));
  EXPECT_EQ(finding(rec, "repair.no_consistent_reading"), nullptr);
  EXPECT_EQ(rec["tables"]["requests"]["granted"]["commercial"], 1);
}
