// Each identity as a finding, and repair of lost and run-together cells, end to end.
#include <gtest/gtest.h>

#include "test_util.h"

using namespace gk_test;
using namespace gongkai;

static std::vector<std::pair<std::string, std::string>> consistent_rows() {
  return table3_rows("5\t1\t0\t0\t0\t0\t6", "1\t0\t0\t0\t0\t0\t1", "3\t1\t0\t0\t0\t0\t4", "1\t0\t0\t0\t0\t0\t1",
                     "4\t1\t0\t0\t0\t0\t5", "2\t0\t0\t0\t0\t0\t2");
}

static const std::string kReview = "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";

TEST(Identities, ConsistentReportHasNoFindings) {
  auto rec = extract_text(minimal_report(consistent_rows(), kReview));
  EXPECT_EQ(rec["meta"]["agency"], "洪泽区人民政府");
  EXPECT_EQ(rec["tables"]["requests"]["total"]["total"], 5);
  for (auto& f : rec["findings"]) ADD_FAILURE() << f["message"];
}

TEST(Identities, BalanceBrokenAsPrintedIsSource) {
  auto rows = consistent_rows();
  rows.back().second = "3\t0\t0\t0\t0\t0\t3";  // carried forward 3 instead of 2
  auto rec = extract_text(minimal_report(rows, kReview));
  EXPECT_TRUE(has_finding(rec, "requests.balance", "source"));
  EXPECT_EQ(rec["tables"]["requests"]["carried_forward"]["natural_person"], 3);  // kept as printed
}

TEST(Identities, OutcomeSumBrokenIsSource) {
  auto rows = consistent_rows();
  rows[2].second = "4\t1\t0\t0\t0\t0\t5";  // granted one more than the total allows
  auto rec = extract_text(minimal_report(rows, kReview));
  EXPECT_TRUE(has_finding(rec, "requests.outcome_sum", "source"));
}

TEST(Identities, RowTotalBrokenIsSource) {
  auto rows = consistent_rows();
  rows[1].second = "1\t0\t0\t0\t0\t0\t2";
  auto rec = extract_text(minimal_report(rows, kReview));
  EXPECT_TRUE(has_finding(rec, "requests.row_total", "source"));
}

TEST(Identities, GroupTotalBrokenIsSource) {
  auto rec = extract_text(minimal_report(consistent_rows(), "10\t1\t0\t0\t0\t0\t0\t0\t0\t0\t5\t0\t0\t0\t0"));
  EXPECT_TRUE(has_finding(rec, "review_litigation.group_total", "source"));
  EXPECT_EQ(rec["tables"]["review_litigation"]["review"]["upheld"], 10);
}

TEST(Repair, UniqueLostCellIsFilled) {
  auto rows = consistent_rows();
  rows[2].second = "3\t1\t0\t0\t0\t4";  // 予以公开 lost one 0
  auto rec = extract_text(minimal_report(rows, kReview));
  EXPECT_EQ(rec["tables"]["requests"]["granted"]["natural_person"], 3);
  EXPECT_EQ(rec["tables"]["requests"]["granted"]["total"], 4);
  EXPECT_TRUE(has_finding(rec, "repair.cells", "repair"));
}

TEST(Repair, AmbiguousLostCellsStayNullWithCandidates) {
  // 规章 lost one of its three cells; no identity ties them, so no cell may be guessed.
  std::string t = minimal_report(consistent_rows(), kReview);
  t.replace(t.find("规章\t0\t0\t0"), std::string("规章\t0\t0\t0").size(), "规章\t7\t0");
  auto rec = extract_text(t);
  EXPECT_TRUE(has_finding(rec, "extraction.undetermined", "extraction"));
  for (auto& [k, v] : rec["tables"]["active"]["regulations"].items()) EXPECT_TRUE(v.is_null()) << k;
  bool listed = false;
  for (auto& c : rec["cells"])
    if (c["row"] == "regulations" && c.contains("candidates")) listed = true;
  EXPECT_TRUE(listed);
}

TEST(Repair, RepairedCellsNeverMakeASourceFinding) {
  auto rows = consistent_rows();
  // One cell lost, and what is left cannot fit the column totals whatever it was.
  rows[2].second = "9\t9\t0\t0\t0\t1";
  // English messages: they name each identity's scope as [column].
  auto rec = gongkai::to_json(gongkai::extract_bytes(minimal_report(rows, kReview), "inline.txt"), gongkai::Lang::En);
  // The row alone fills its lost total (9+9+1 = 19), marked as a repair…
  EXPECT_EQ(rec["tables"]["requests"]["granted"]["total"], 19);
  // …so the total column's broken sum is an extraction problem, while the
  // natural-person column, read cleanly, breaks as printed: a source error.
  bool extraction_total = false, source_np = false;
  for (auto& f : rec["findings"]) {
    std::string m = f["message"];
    if (f["rule"] == "requests.outcome_sum" && f["kind"] == "extraction" && m.find("[total]") != std::string::npos)
      extraction_total = true;
    if (f["rule"] == "requests.outcome_sum" && f["kind"] == "source" && m.find("[natural_person]") != std::string::npos)
      source_np = true;
  }
  EXPECT_TRUE(extraction_total);
  EXPECT_TRUE(source_np);
}

TEST(Repair, RunTogetherRowsSplitOnlyWhereDetermined) {
  auto rows = consistent_rows();
  rows[0].second = "510000 6";  // 5,1,0,0,0,0,6 printed without separators
  auto rec = extract_text(minimal_report(rows, kReview));
  EXPECT_EQ(rec["tables"]["requests"]["new_received"]["natural_person"], 5);
  EXPECT_EQ(rec["tables"]["requests"]["new_received"]["commercial"], 1);
  EXPECT_EQ(rec["tables"]["requests"]["new_received"]["total"], 6);
}
