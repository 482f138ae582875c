// Evidence order in resolution: what is printed stands; lost-cell readings
// only where the printed digits cannot fill the row; a value no printed digit
// supports is marked and said at warning level.
#include <gtest/gtest.h>

#include "test_util.h"

using namespace gk_test;

namespace {

// Table 三 of zeros, which adds up.
std::vector<std::pair<std::string, std::string>> zero_rows() {
  const std::string zeros = "0\t0\t0\t0\t0\t0\t0";
  return table3_rows(zeros, zeros, zeros, zeros, zeros, zeros);
}

// Row i printed with its digits run into the label, as crawled text prints it.
void run_together(std::vector<std::pair<std::string, std::string>>& rows, size_t i, const std::string& digits) {
  rows[i].first += digits;
  rows[i].second = "";
}

const std::string kZeroReview = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";

const nlohmann::json* cell(const nlohmann::json& rec, const std::string& row, const std::string& col) {
  for (auto& c : rec["cells"])
    if (c["row"] == row && c["col"] == col) return &c;
  return nullptr;
}

int findings_named(const nlohmann::json& rec, const std::string& rule) {
  int n = 0;
  for (auto& f : rec["findings"]) n += f["rule"] == rule;
  return n;
}

}  // namespace

TEST(EvidenceOrder, OneCompleteReadingStandsWhenItBreaksAnIdentity) {
  // 总计 printed 0 while the natural-person cell holds 1: seven digits for
  // seven cells is one reading, natural person 1 and total 0 — never 10 with
  // a "lost" total of 10.
  auto rows = zero_rows();
  run_together(rows, 0, "1000000");
  run_together(rows, 23, "1000000");  // (七)总计 likewise, so only the row totals break
  auto rec = extract_text(minimal_report(rows, kZeroReview));
  auto& nr = rec["tables"]["requests"]["new_received"];
  EXPECT_EQ(nr["natural_person"], 1);
  EXPECT_EQ(nr["total"], 0);
  EXPECT_TRUE(has_finding(rec, "requests.row_total", "source"));
  EXPECT_EQ(findings_named(rec, "repair.cells"), 0);
  EXPECT_FALSE(cell(rec, "new_received", "total")->contains("repaired"));
}

TEST(EvidenceOrder, SeveralCompleteReadingsNoneAddingUpStayNullWithCandidates) {
  // Eight digits for seven cells: 12,0,0,0,0,0,3 or 1,20,0,0,0,0,3 (a
  // number never starts with 0), and neither adds up to its total.
  auto rows = zero_rows();
  run_together(rows, 0, "12000003");
  auto rec = extract_text(minimal_report(rows, kZeroReview));
  auto& nr = rec["tables"]["requests"]["new_received"];
  EXPECT_TRUE(nr["natural_person"].is_null());
  EXPECT_TRUE(nr["commercial"].is_null());
  EXPECT_TRUE(has_finding(rec, "extraction.undetermined", "extraction"));
  ASSERT_NE(cell(rec, "new_received", "natural_person"), nullptr);
  auto cand = (*cell(rec, "new_received", "natural_person"))["candidates"];
  EXPECT_NE(std::find(cand.begin(), cand.end(), 1), cand.end());
  EXPECT_NE(std::find(cand.begin(), cand.end(), 12), cand.end());
  // The cells every reading gives one printed value stand as printed.
  EXPECT_EQ(nr["total"], 3);
  EXPECT_EQ(findings_named(rec, "repair.cells"), 0);
}

TEST(EvidenceOrder, IdentitiesChooseAmongCompleteReadings) {
  // 12,0,0,0,0,0,3 and 1,20,0,0,0,0,3 do not add up, 1,2,0,0,0,0,3 cannot be
  // read from 12000003 … so take 1200003 with 1,2,0,0,0,0,3 adding up and
  // 12,0,0,0,0,0,3 not: the split is chosen, and
  // said at info level (the digits are printed), with no cell marked repaired.
  auto rows = zero_rows();
  run_together(rows, 0, "1200003");
  rows[23].second = "1\t2\t0\t0\t0\t0\t3";
  rows[2].second = "1\t2\t0\t0\t0\t0\t3";
  auto rec = extract_text(minimal_report(rows, kZeroReview));
  EXPECT_EQ(rec["tables"]["requests"]["new_received"]["commercial"], 2);
  for (auto& f : rec["findings"])
    if (f["rule"] == "repair.cells") EXPECT_EQ(f["severity"], "info");
  EXPECT_FALSE(cell(rec, "new_received", "commercial")->contains("repaired"));
}

TEST(EvidenceOrder, ALostCellFilledByIdentitiesIsMarkedRepairedAtWarning) {
  auto rows = zero_rows();
  rows[2].second = "3\t1\t0\t0\t0\t4";  // 予以公开: six fields for seven cells
  rows[0].second = "3\t1\t0\t0\t0\t0\t4";
  rows[23].second = "3\t1\t0\t0\t0\t0\t4";
  auto rec = extract_text(minimal_report(rows, kZeroReview));
  EXPECT_EQ(rec["tables"]["requests"]["granted"]["total"], 4);
  bool warned = false;
  for (auto& f : rec["findings"])
    if (f["rule"] == "repair.cells") warned = warned || f["severity"] == "warning";
  EXPECT_TRUE(warned);
  int repaired = 0;
  for (auto& c : rec["cells"]) repaired += c.value("repaired", false);
  EXPECT_EQ(repaired, 1);
}

TEST(EvidenceOrder, InAReportThatLostCellsARowThatAddsUpMayHaveLostOneToo) {
  // 部分公开 printed "0000011": as seven cells it adds up (…,1,1), but 新收
  // is printed short of digits, so this report certainly lost cells, and
  // 11,0,0,0,0,0,[11] with its first cell lost reads the same digits.
  auto rows = zero_rows();
  rows[0].second = "11\t0\t0\t0\t0\t11";  // short: the report lost a cell here
  run_together(rows, 3, "0000011");
  auto rec = extract_text(minimal_report(rows, kZeroReview));
  auto& pg = rec["tables"]["requests"]["partially_granted"];
  EXPECT_TRUE(pg["total"].is_null()) << pg.dump();
  EXPECT_TRUE(has_finding(rec, "extraction.undetermined", "extraction"));
}

TEST(EvidenceOrder, SixtyRunTogetherDigitsGiveNullsAndAFindingNotAGuess) {
  auto rows = zero_rows();
  run_together(rows, 0, std::string(60, '1'));  // 60 digits for 7 cells of at most 9
  auto rec = extract_text(minimal_report(rows, kZeroReview));
  auto& nr = rec["tables"]["requests"]["new_received"];
  for (auto& [k, v] : nr.items()) EXPECT_TRUE(v.is_null()) << k;
  EXPECT_TRUE(has_finding(rec, "extraction.undetermined", "extraction"));
}
