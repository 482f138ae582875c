// Tables printed after 四 (2025's 信息处理费 table, or any other): kept as
// extra tables with their labels and values as printed; never read into 四.
#include <gtest/gtest.h>

#include "test_util.h"

using namespace gk_test;

namespace {

const std::string kZeros = "0\t0\t0\t0\t0\t0\t0";

// A report whose table 四 prints 1 review upheld, then `after` up to the end.
std::string report_then(const std::string& after) {
  std::string t = minimal_report(table3_rows(kZeros, kZeros, kZeros, kZeros, kZeros, kZeros),
                                 "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
  t = t.substr(0, t.find("五、存在的主要问题"));
  return t + after;
}

}  // namespace

TEST(ExtraTables, The2025FeeTableIsKeptApartFromTable4) {
  auto rec = extract_text(report_then(
      "五、信息处理费收取情况\n通知收取件数\t通知收取金额（元）\t实际收取金额（元）\n3\t150\t100\n"
      "六、存在的主要问题及改进措施\n无。\n七、其他需要报告的事项\n无。\n"));
  auto& review = rec["tables"]["review_litigation"]["review"];
  EXPECT_EQ(review["upheld"], 1);
  EXPECT_EQ(review["total"], 1);
  ASSERT_EQ(rec["tables"]["extra"].size(), 1u);
  auto& extra = rec["tables"]["extra"][0];
  EXPECT_NE(extra["heading"].get<std::string>().find("信息处理费收取情况"), std::string::npos);
  bool values = false;
  for (auto& row : extra["rows"])
    if (row["values"] == nlohmann::json::array({"3", "150", "100"})) values = true;
  EXPECT_TRUE(values) << extra.dump();
  // 六 and 七 are still the problems and the other matters.
  EXPECT_TRUE(rec["narrative"].contains("problems"));
  EXPECT_TRUE(rec["narrative"].contains("other"));
  for (auto& f : rec["findings"]) EXPECT_NE(f["kind"], "source") << f["message"];
}

TEST(ExtraTables, RunTogetherFeeTableNumbersNeverEnterTable4) {
  // As crawled text prints it: headings, digits and the next table run together.
  std::string t = report_then("");
  const std::string printed = "行政复议\t行政诉讼\n1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n";
  t.replace(t.find(printed), printed.size(), "行政复议行政诉讼100010000000000");
  t += "五、信息处理费收取情况通知收取件数通知收取金额（元）实际收取金额（元）000六、存在的主要问题及改进措施无。";
  auto rec = extract_text(t);
  EXPECT_EQ(rec["tables"]["review_litigation"]["review"]["upheld"], 1);
  EXPECT_EQ(rec["tables"]["review_litigation"]["litigation_after_review"]["total"], 0);
  ASSERT_EQ(rec["tables"]["extra"].size(), 1u);
}

TEST(ExtraTables, AnyOtherNumberedTableAfterTable4IsRecognisedByItsHeading) {
  auto rec = extract_text(report_then("五、政府信息公开专项经费情况\n项目\t金额（万元）\n培训\t12\n"
                                      "六、存在的主要问题及改进措施\n无。\n"));
  EXPECT_EQ(rec["tables"]["review_litigation"]["review"]["total"], 1);
  ASSERT_EQ(rec["tables"]["extra"].size(), 1u);
  EXPECT_NE(rec["tables"]["extra"][0]["heading"].get<std::string>().find("专项经费"), std::string::npos);
}

TEST(ExtraTables, HtmlFeeTableIsReadFromItsCells) {
  std::string html =
      "<html><body><p>洪泽区人民政府2025年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文。</p>"
      "<p>四、政府信息公开行政复议、行政诉讼情况</p><table><tr><td>行政复议</td><td>行政诉讼</td></tr>"
      "<tr><td>1</td><td>0</td><td>0</td><td>0</td><td>1</td><td>0</td><td>0</td><td>0</td><td>0</td><td>0</td>"
      "<td>0</td><td>0</td><td>0</td><td>0</td><td>0</td></tr></table>"
      "<p>五、信息处理费收取情况</p><table><tr><td>通知收取件数</td><td>通知收取金额（元）</td><td>实际收取金额（元）</td></tr>"
      "<tr><td>2</td><td>80</td><td>80</td></tr></table><p>六、存在的主要问题及改进措施</p><p>无。</p></body></html>";
  auto path = std::filesystem::temp_directory_path() / "gk_extra_fee.html";
  { std::ofstream(path) << html; }
  auto rec = extract_json(path.string());
  EXPECT_EQ(rec["tables"]["review_litigation"]["review"]["upheld"], 1);
  ASSERT_EQ(rec["tables"]["extra"].size(), 1u);
  bool values = false;
  for (auto& row : rec["tables"]["extra"][0]["rows"])
    if (row["values"] == nlohmann::json::array({"2", "80", "80"})) values = true;
  EXPECT_TRUE(values) << rec["tables"]["extra"].dump();
}
