// Findings people can act on: Chinese with the cells named as printed and the
// arithmetic in full, English on request, the page, and the cell that would
// explain several broken identities at once.
#include <gtest/gtest.h>

#include "test_util.h"

using namespace gk_test;

namespace {

// 予以公开 自然人 printed 3 where 4 makes both its row and its column add up.
std::string misprinted_report() {
  auto rows = table3_rows("5\t1\t0\t0\t0\t0\t6", "0\t0\t0\t0\t0\t0\t0", "3\t1\t0\t0\t0\t0\t5",
                          "1\t0\t0\t0\t0\t0\t1", "5\t1\t0\t0\t0\t0\t6", "0\t0\t0\t0\t0\t0\t0");
  return minimal_report(rows, "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
}

const nlohmann::json* finding(const nlohmann::json& rec, const std::string& rule) {
  for (auto& f : rec["findings"])
    if (f["rule"] == rule) return &f;
  return nullptr;
}

}  // namespace

TEST(FindingText, IdentityInChineseWithTheArithmeticInFull) {
  auto rec = extract_text(misprinted_report());
  const nlohmann::json* column = finding(rec, "requests.outcome_sum");
  ASSERT_TRUE(column);
  std::string m = (*column)["message"];
  // Every term, as the printed table names it.
  EXPECT_EQ(m.rfind("三 自然人：（七）总计 5 ≠ （一） 3 + （二） 1 + （三）第1项 0 + ", 0), 0u) << m;
  EXPECT_NE(m.find("（六）第3项 0 = 4（按印刷数值）"), std::string::npos) << m;
  const nlohmann::json* row = finding(rec, "requests.row_total");
  ASSERT_TRUE(row);
  EXPECT_EQ((*row)["message"], "三 （一）：总计 5 ≠ 自然人 3 + 法人或其他组织·商业企业 1 + 法人或其他组织·科研机构 0 + "
                               "法人或其他组织·社会公益组织 0 + 法人或其他组织·法律服务机构 0 + 法人或其他组织·其他 0 "
                               "= 4（按印刷数值）");
  // The cells with their printed labels.
  EXPECT_EQ((*row)["cells"][1]["row_label"], "（一）予以公开");
  EXPECT_EQ((*row)["cells"][1]["col_label"], "自然人");
}

TEST(FindingText, EnglishOnRequest) {
  nlohmann::json rec = gongkai::to_json(gongkai::extract_bytes(misprinted_report(), "inline.txt"), gongkai::Lang::En);
  const nlohmann::json* row = finding(rec, "requests.row_total");
  ASSERT_TRUE(row);
  EXPECT_EQ((*row)["message"].get<std::string>().rfind("requests.row_total [granted]: granted.total 5 = 5 ≠ granted.natural_person 3", 0), 0u)
      << (*row)["message"];
}

TEST(FindingText, TheCellThatExplainsBothBreaksIsTheSuspect) {
  auto rec = extract_text(misprinted_report());
  for (const char* rule : {"requests.outcome_sum", "requests.row_total"}) {
    const nlohmann::json* f = finding(rec, rule);
    ASSERT_TRUE(f) << rule;
    ASSERT_EQ((*f)["suspect_cells"].size(), 1u) << rule;
    EXPECT_EQ((*f)["suspect_cells"][0]["row"], "granted");
    EXPECT_EQ((*f)["suspect_cells"][0]["col"], "natural_person");
  }
}

TEST(FindingText, ABreakOfOneIdentityAloneHasNoSuspect) {
  // 行政复议 总计 printed 3 over 1 + 0 + 1 + 0: one identity, no cell to single out.
  auto rows = table3_rows("5\t1\t0\t0\t0\t0\t6", "0\t0\t0\t0\t0\t0\t0", "4\t1\t0\t0\t0\t0\t5",
                          "1\t0\t0\t0\t0\t0\t1", "5\t1\t0\t0\t0\t0\t6", "0\t0\t0\t0\t0\t0\t0");
  auto rec = extract_text(minimal_report(rows, "1\t0\t1\t0\t3\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"));
  const nlohmann::json* f = finding(rec, "review_litigation.group_total");
  ASSERT_TRUE(f);
  EXPECT_EQ((*f)["message"], "四 行政复议：总计 3 ≠ 结果维持 1 + 结果纠正 0 + 其他结果 1 + 尚未审结 0 = 2（按印刷数值）");
  EXPECT_FALSE(f->contains("suspect_cells"));
}

TEST(FindingText, EveryIdentityFailureOfARealPdfHasChineseThePageAndTheCells) {
  auto rec = extract_json(sample("huaian-hongze-district-2023.pdf"));
  int identities = 0;
  for (auto& f : rec["findings"]) {
    std::string rule = f["rule"];
    if (rule.find("total") == std::string::npos && rule.find("balance") == std::string::npos &&
        rule.find("outcome_sum") == std::string::npos)
      continue;
    ++identities;
    EXPECT_NE(f["message"].get<std::string>().find("≠"), std::string::npos);
    EXPECT_NE(f["message"].get<std::string>().find("（按印刷数值）"), std::string::npos);
    EXPECT_EQ(f["page"], 4);  // table 四 of this report is on its fourth page
    for (auto& c : f["cells"]) EXPECT_TRUE(c.contains("row_label") && c.contains("col_label"));
  }
  EXPECT_EQ(identities, 2);
}

TEST(FindingText, FindingsWithoutTheirOwnChineseFallBackToTheRulesWithTheDetail) {
  auto rec = extract_text("床前明月光，疑是地上霜。\n举头望明月，低头思故乡。2024\n");
  std::string m = finding_message(rec, "mapping.no_tables");
  EXPECT_EQ(m.rfind("未找到公开年报表格", 0), 0u) << m;
}
