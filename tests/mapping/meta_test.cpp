// Agency and year from the title, including titles OCR read imperfectly.
#include <gtest/gtest.h>

#include "mapping/agency_check.h"
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

TEST(Meta, OcrTitleWithADigitGluedBeforeItsYear) {
  // A scanned title (eval_scan seed 80): the 5 is a speck read as a digit.
  auto m = read_meta("", "洪泽区人民政府52023年政府信息公开工作年度报告", true);
  EXPECT_EQ(m.year, 2023);
  EXPECT_EQ(m.agency, "洪泽区人民政府");
  // A number that is no year stays no year.
  EXPECT_FALSE(read_meta("", "洪泽区人民政府52923年政府信息公开工作年度报告", true).year);
}

TEST(Meta, AboutBetweenAgencyAndYearIsNoPartOfTheAgency) {
  // pingtan-htp-2021's title, as the page's title and as the first two lines of its text.
  for (auto [head, title] : {std::pair<const char*, const char*>{"", "平潭综合实验区海坛片区管理局关于2021年度政府信息公开工作年度报告"},
                             {"平潭综合实验区海坛片区管理局\n关于2021年度政府信息公开工作年度报告\n正文", ""}}) {
    Meta m = read_meta(head, title);
    EXPECT_EQ(m.agency, "平潭综合实验区海坛片区管理局") << head << title;
    EXPECT_EQ(m.year, 2021);
  }
}

TEST(AgencyCheck, KnownPlacesAndOrgansPass) {
  for (const char* a : {"天坛街道办事处", "平潭综合实验区管委会", "淮安经济技术开发区管委会", "邳州市城市管理局",
                        "杭州市西湖区文化广电旅游局", "淮安市洪泽区人民政府", "上海市人民政府办公厅",
                        "宿迁市生态环境局", "沭阳县发展和改革局", "深圳市福田区政务服务数据管理局"}) {
    auto c = check_agency(a);
    EXPECT_EQ(c.agency, a);
    EXPECT_FALSE(c.changed || c.doubtful) << a << ": " << c.note;
  }
}

TEST(AgencyCheck, MisreadPlacesAreCorrectedOnlyWhenOneKnownNameFits) {
  // Within its prefecture, one district is a character from 部州区.
  auto a = check_agency("宁波市部州区市场监督管理局");
  EXPECT_EQ(a.agency, "宁波市鄞州区市场监督管理局");
  EXPECT_TRUE(a.changed);
  // Four cities are a character from 范湖市; one holds 鸠江区.
  EXPECT_EQ(check_agency("范湖市鸠江区交通运输局").agency, "芜湖市鸠江区交通运输局");
  // Many counties are a character from 涉阳县: no guess, no agency.
  auto b = check_agency("涉阳县发展和改革局");
  EXPECT_TRUE(b.doubtful);
  EXPECT_TRUE(b.agency.empty());
  EXPECT_NE(b.note.find("涉阳县 is no known place"), std::string::npos) << b.note;
  // A speck read after the organ's name.
  EXPECT_EQ(check_agency("洪泽区人民政府本").agency, "洪泽区人民政府");
  // An organ a character from one common organ: 类民政府 is 人民政府 (its
  // tail is as near 民政局, but the longer name says more).
  EXPECT_EQ(check_agency("淮安市洪泽区类民政府").agency, "淮安市洪泽区人民政府");
  // Both at once: the speck goes before the organ is checked (a scanned
  // title read 淮安市大民政府和, eval_scan seed 96).
  EXPECT_EQ(check_agency("淮安市大民政府和").agency, "淮安市人民政府");
  // A people's government names its place: 淮芝 is none (淮安市 misread),
  // a township's is not in the gazetteer but is one.
  auto c = check_agency("淮芝人民政府");
  EXPECT_TRUE(c.doubtful);
  EXPECT_TRUE(c.agency.empty());
  EXPECT_EQ(check_agency("淮安市洪泽区高良涧镇人民政府").agency, "淮安市洪泽区高良涧镇人民政府");
  EXPECT_EQ(check_agency("洪泽区人民政府").agency, "洪泽区人民政府");
  // No organ at the end: not a name read right.
  EXPECT_TRUE(check_agency("人人民玫有").doubtful);
}

TEST(AgencyCheck, OnlyOcrTitlesAreChecked) {
  auto ocr = read_meta("", "宣兴市水利局2022年政府信息公开工作年度报告", true);
  EXPECT_TRUE(ocr.agency.empty());
  EXPECT_TRUE(ocr.agency_doubtful);
  EXPECT_EQ(ocr.agency_printed, "宣兴市水利局");
  EXPECT_EQ(ocr.year, 2022);
  auto text = read_meta("", "宣兴市水利局2022年政府信息公开工作年度报告", false);
  EXPECT_EQ(text.agency, "宣兴市水利局");  // a text layer is what the report prints
}

TEST(AgencyCheck, PrintedUnknownPlaceIsPointedOutNotChanged) {
  auto m = read_meta("", "沐阳县人民政府2025年政府信息公开工作年度报告", false);
  EXPECT_EQ(m.agency, "沐阳县人民政府");
  EXPECT_TRUE(m.agency_unknown_place);
  EXPECT_NE(m.agency_check.find("沐阳县 is no known place"), std::string::npos);
}
