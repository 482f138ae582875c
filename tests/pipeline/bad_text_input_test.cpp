// Bad text input ends in a clear finding or a correct reading, in bounded
// time, and never blames the agency with `source` findings for what the
// reader could not tell apart.
#include <gtest/gtest.h>

#include "test_util.h"

using namespace gk_test;

namespace {

const std::string kZeros = "0\t0\t0\t0\t0\t0\t0";
const std::string kReview = "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0";

int count_kind(const nlohmann::json& rec, const std::string& kind) {
  int n = 0;
  for (auto& f : rec["findings"]) n += f["kind"] == kind;
  return n;
}

}  // namespace

TEST(BadTextInput, TableThreeWithEveryRowEmptyIsBlankNotZero) {
  auto rows = table3_rows(kZeros, kZeros, kZeros, kZeros, kZeros, kZeros);
  for (auto& r : rows) r.second = "";
  auto rec = extract_text(minimal_report(rows, kReview));
  for (auto& [row, cols] : rec["tables"]["requests"].items())
    for (auto& [col, v] : cols.items()) EXPECT_TRUE(v.is_null()) << row << "." << col;
  EXPECT_EQ(count_kind(rec, "source"), 0);
}

TEST(BadTextInput, TwoYearsSideBySideAreNotMixedNorBlamedOnTheAgency) {
  // Every row prints this year's seven numbers and last year's seven.
  const std::string both = kZeros + "\t1\t0\t0\t0\t0\t0\t1";
  auto rec = extract_text(minimal_report(table3_rows(both, both, both, both, both, both), kReview));
  EXPECT_TRUE(rec["tables"]["requests"]["new_received"]["total"].is_null());
  EXPECT_TRUE(has_finding(rec, "extraction.too_many_numbers", "extraction"));
  EXPECT_EQ(count_kind(rec, "source"), 0);
}

TEST(BadTextInput, TwoYearsRunTogetherAreNotMixedNorBlamedOnTheAgency) {
  auto rows = table3_rows("", "", "", "", "", "");
  for (auto& r : rows) r.first += "00000001000001", r.second = "";
  auto rec = extract_text(minimal_report(rows, kReview));
  EXPECT_TRUE(rec["tables"]["requests"]["granted"]["total"].is_null());
  EXPECT_EQ(count_kind(rec, "source"), 0);
}

TEST(BadTextInput, ANumberTooLongToHoldExactlyIsUnreadAndQuoted) {
  auto rows = table3_rows(kZeros, kZeros, kZeros, kZeros, kZeros, kZeros);
  rows[0].second = "1234567890123456789\t0\t0\t0\t0\t0\t1234567890123456789";
  auto rec = extract_text(minimal_report(rows, kReview));
  EXPECT_TRUE(rec["tables"]["requests"]["new_received"]["natural_person"].is_null());
  bool quoted = false;
  for (auto& f : rec["findings"])
    quoted = quoted || f["message"].get<std::string>().find("1234567890123456789") != std::string::npos;
  EXPECT_TRUE(quoted);
}
