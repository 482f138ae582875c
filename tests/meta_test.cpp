// Agency and year from the title, including titles OCR read imperfectly.
#include <gtest/gtest.h>

#include "mapping/meta.h"

using namespace gongkai;

TEST(Meta, TitleOnOneOrTwoLines) {
  auto m = read_meta("淮安市人民政府\n2024年政府信息公开工作年度报告\n本报告由……", "");
  EXPECT_EQ(m.agency, "淮安市人民政府");
  EXPECT_EQ(m.year, 2024);
  auto county = read_meta("", "淮安市洪泽区人民政府2024年政府信息公开工作年度报告");
  EXPECT_EQ(county.agency, "洪泽区人民政府");  // a county-level government without its prefecture
  EXPECT_EQ(county.agency_printed, "淮安市洪泽区人民政府");
}

TEST(Meta, OcrTitleWithASpeckOrItsEndLost) {
  // A speck read as a digit inside 公开; the last character of 报告 lost.
  auto m = read_meta("", "平潭综合实验区管委会2021年政府信息公8开工作年度报告");
  EXPECT_EQ(m.agency, "平潭综合实验区管委会");
  EXPECT_EQ(m.year, 2021);
  auto cut = read_meta("", "天坛街道办事处2025年政府信息公开工作年度报");
  EXPECT_EQ(cut.agency, "天坛街道办事处");
  EXPECT_EQ(cut.year, 2025);
  // Not a title: narrative that mentions the report has no agency to give.
  auto prose = read_meta("本机关2023年按照要求编制了政府信息公开工作年度报告，现予公布，欢迎社会各界监督指正并提出宝贵意见建议。", "");
  EXPECT_TRUE(prose.agency.empty());
}
