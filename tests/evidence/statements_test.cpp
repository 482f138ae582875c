// The narrative's statements about table cells (evidence/statements.h).
// Expected values are read off the sentences by hand.
#include <gtest/gtest.h>

#include <chrono>
#include <cstdio>
#include <string>
#include <vector>

#include "evidence/statements.h"

using namespace gongkai;

namespace {

std::vector<Statement> read(const std::string& text, const std::string& format = "2021",
                            std::optional<int> year = 2021, Section section = Section::Overview) {
  return narrative_statements({{section, text}}, format, year);
}

const Statement* find(const std::vector<Statement>& all, TableId table, const std::string& row,
                      const std::string& col) {
  for (const auto& s : all)
    if (s.cell == CellKey{table, row, col}) return &s;
  return nullptr;
}

// The one statement a sentence makes, as "table.row.col=value unit".
std::string only(const std::vector<Statement>& all) {
  if (all.size() != 1) return "statements: " + std::to_string(all.size());
  const Statement& s = all.front();
  char value[32];
  std::snprintf(value, sizeof value, "%.10g", s.value);
  return std::string(table_key(s.cell.table)) + "." + s.cell.row + "." + s.cell.col + "=" + value + " " + s.unit;
}

// The sentences (each read alone, 2021 format and year) that state something.
std::string stating(std::initializer_list<const char*> sentences) {
  std::string out;
  for (const char* s : sentences)
    if (!read(s).empty()) out += std::string(s) + " → " + only(read(s)) + "\n";
  return out;
}

}  // namespace

// ---- what is read, 2021 format ------------------------------------------

TEST(NarrativeStatements, NormativeDocumentsIssuedRepealedInForce2021) {
  EXPECT_EQ(only(read("本年度制发规范性文件22件。")), "active.normative_documents.issued=22 件");
  EXPECT_EQ(only(read("2021年,我局制发行政规范性文件22件,均已备案。")), "active.normative_documents.issued=22 件");
  EXPECT_EQ(only(read("动态更新本年度制发的规范性文件88件。")), "active.normative_documents.issued=88 件");
  EXPECT_EQ(only(read("全区现行有效规范性文件45件。")), "active.normative_documents.in_force=45 件");
  EXPECT_EQ(only(read("全面梳理了我局现行有效的规范性文件16件。")), "active.normative_documents.in_force=16 件");
  EXPECT_EQ(only(read("2021年,我局废止规范性文件3件。")), "active.normative_documents.repealed=3 件");
  EXPECT_EQ(only(read("本年度制定规章2件。")), "active.regulations.issued=2 件");
}

TEST(NarrativeStatements, InForceClauseAfterIssuedNamesTheSameDocuments) {
  // sample 003: the second clause names no document; the first one did.
  auto all = read("经梳理,2021年制发行政规范性文件5个,现行有效54件。");
  ASSERT_EQ(all.size(), 2u);
  const Statement* issued = find(all, TableId::Active, "normative_documents", "issued");
  const Statement* in_force = find(all, TableId::Active, "normative_documents", "in_force");
  ASSERT_TRUE(issued && in_force);
  EXPECT_EQ(issued->value, 5);
  EXPECT_EQ(issued->unit, "个");
  EXPECT_EQ(in_force->value, 54);
  EXPECT_EQ(in_force->unit, "件");
}

TEST(NarrativeStatements, DecisionsAndFees2021) {
  auto all = read("全年作出行政许可决定120件、行政处罚决定35件、行政强制决定2件。");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(find(all, TableId::Active, "licensing", "decisions")->value, 120);
  EXPECT_EQ(find(all, TableId::Active, "penalty", "decisions")->value, 35);
  EXPECT_EQ(find(all, TableId::Active, "enforcement", "decisions")->value, 2);
  EXPECT_EQ(only(read("立案查处各类违法行为并作出行政处罚决定753起,全部予以公开。")),
            "active.penalty.decisions=753 起");
  // The unit as printed: 万元 is not turned into 元, nor 元 into 万元.
  EXPECT_EQ(only(read("本年度行政事业性收费金额5.42万元。")), "active.fees.amount=5.42 万元");
  EXPECT_EQ(only(read("本年度行政事业性收费共计5,419,886元。")), "active.fees.amount=5419886 元");
}

TEST(NarrativeStatements, Requests) {
  EXPECT_EQ(only(read("本年新收政府信息公开申请21件。")), "requests.new_received.total=21 件");
  EXPECT_EQ(only(read("2021年,我局共收到政府信息公开申请0件。")), "requests.new_received.total=0 件");
  // shuyang 2025: the 749 are new + carried over, the 31 carried forward.
  EXPECT_EQ(only(read("全年共受理政府信息公开申请749件;共办理 718 件,结转下一年 31 件。")),
            "requests.carried_forward.total=31 件");
  // shanghai 2025: received, then handled with the carry-over as its part.
  auto all = read("市政府共受理政府信息公开申请 1295 件,办结 1191 件(含上年结转 189 件),均在法定期限内答复。",
                  "2021", 2025);
  ASSERT_EQ(all.size(), 2u);
  EXPECT_EQ(find(all, TableId::Requests, "new_received", "total")->value, 1295);
  EXPECT_EQ(find(all, TableId::Requests, "carried_over", "total")->value, 189);
  all = read("本年度新收政府信息公开申请20件,上年结转2件,结转下年度继续办理1件。");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(find(all, TableId::Requests, "new_received", "total")->value, 20);
  EXPECT_EQ(find(all, TableId::Requests, "carried_over", "total")->value, 2);
  EXPECT_EQ(find(all, TableId::Requests, "carried_forward", "total")->value, 1);
}

TEST(NarrativeStatements, ReviewAndLitigation) {
  EXPECT_EQ(only(read("本年度因政府信息公开被申请行政复议2件。")), "review_litigation.review.total=2 件");
  EXPECT_EQ(only(read("因依申请公开引发行政复议1起、行政诉讼1起。")), "review_litigation.review.total=1 起");
  // A zero for 行政诉讼 says both groups are zero.
  auto all = read("本年度因政府信息公开被申请行政复议1件,未出现被纠错的情况,行政诉讼0件。");
  ASSERT_EQ(all.size(), 3u);
  EXPECT_EQ(find(all, TableId::ReviewLitigation, "review", "total")->value, 1);
  EXPECT_EQ(find(all, TableId::ReviewLitigation, "litigation_direct", "total")->value, 0);
  EXPECT_EQ(find(all, TableId::ReviewLitigation, "litigation_after_review", "total")->value, 0);
  // In section 四 the reviews are information disclosure's without saying so.
  EXPECT_EQ(only(read("本年度被申请行政复议1件。", "2021", 2021, Section::Review)),
            "review_litigation.review.total=1 件");
}

// ---- 2019 format ----------------------------------------------------------

TEST(NarrativeStatements, Format2019Columns) {
  EXPECT_EQ(only(read("2019年制发规范性文件22件。", "2019", 2019)), "active.normative_documents.made=22 件");
  EXPECT_EQ(only(read("作出行政处罚决定35件。", "2019", 2019)), "active.penalty.decisions=35 件");
  EXPECT_EQ(only(read("本年新收政府信息公开申请21件。", "2019", 2019)), "requests.new_received.total=21 件");
  EXPECT_EQ(only(read("因政府信息公开被申请行政复议2件。", "2019", 2020)), "review_litigation.review.total=2 件");
  // Table 二 of 2019 has no 废止, 现行有效 or 收费金额 column.
  EXPECT_TRUE(read("现行有效规范性文件45件,本年废止规范性文件3件。", "2019", 2019).empty());
  EXPECT_TRUE(read("行政事业性收费金额5.42万元。", "2019", 2019).empty());
}

// ---- what is recorded ------------------------------------------------------

TEST(NarrativeStatements, SentenceAndSectionAsPrinted) {
  auto all = read("一、总体情况\n2021年，我局制发行政规范性文件２２件；收到来信3封。其他。", "2021", 2021);
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(all[0].value, 22);                 // full-width digits read
  EXPECT_EQ(all[0].sentence, "一、总体情况2021年，我局制发行政规范性文件２２件；");  // printed characters
  EXPECT_EQ(all[0].section, Section::Overview);
  auto other = read("2021年本机关现行有效规范性文件12件。", "2021", 2021, Section::Other);
  ASSERT_EQ(other.size(), 1u);
  EXPECT_EQ(other[0].section, Section::Other);
}

TEST(NarrativeStatements, LineBreaksAndPageNumbersInsideASentence) {
  // shanghai 2025 (markdown from a PDF): a sentence broken over lines and a page footer.
  auto all = read("全年制发行\n政规范性文件 34\n— 2 —\n件,其他文件84件。", "2021", 2025);
  EXPECT_EQ(only(all), "active.normative_documents.issued=34 件");
  EXPECT_EQ(all[0].sentence, "全年制发行政规范性文件 34件,其他文件84件。");
}

TEST(NarrativeStatements, UnitsRecordedAsPrinted) {
  EXPECT_EQ(only(read("制发规范性文件22条。")), "active.normative_documents.issued=22 条");
  EXPECT_EQ(only(read("本年度收到依申请公开事项0项。")), "requests.new_received.total=0 项");
  EXPECT_EQ(only(read("我局共收到政府信息公开申请0份。")), "requests.new_received.total=0 份");
}

// ---- what is not read: each class of false statement seen before ------------

TEST(NarrativeStatements, AnotherYearStatesNothing) {
  EXPECT_EQ(stating({"2020年新收政府信息公开申请15件。", "与2021年相比,2020年制发规范性文件20件。",
                     "上年制发规范性文件20件。", "上一年度新收政府信息公开申请15件。",
                     "去年同期新收政府信息公开申请15件。", "2021年1-6月新收政府信息公开申请8件。",
                     "上半年制发规范性文件3件。", "2008年以来累计制发规范性文件300件。"}),
            "");
  // ... unless it is the report's year, named or meant.
  EXPECT_EQ(only(read("与上年相比,2021年新收政府信息公开申请21件。")), "requests.new_received.total=21 件");
  EXPECT_EQ(only(read("2021年1月1日至2021年12月31日,新收政府信息公开申请21件。")), "requests.new_received.total=21 件");
  EXPECT_EQ(only(read("全年累计制发规范性文件6件。")), "active.normative_documents.issued=6 件");
  // With no year known, a sentence that names one states nothing.
  EXPECT_TRUE(read("2021年新收政府信息公开申请21件。", "2021", std::nullopt).empty());
  EXPECT_EQ(only(read("本年度新收政府信息公开申请21件。", "2021", std::nullopt)), "requests.new_received.total=21 件");
}

TEST(NarrativeStatements, ChangesAreNotLevels) {
  EXPECT_EQ(stating({"新收政府信息公开申请同比增长5件。", "新收政府信息公开申请较上年增加3件。",
                     "制发规范性文件减少2件。", "新收政府信息公开申请数量下降3件。", "行政事业性收费提高1.5万元。"}),
            "");
  // A level followed by its change is still a level.
  EXPECT_EQ(only(read("新收政府信息公开申请21件,同比增长5%。")), "requests.new_received.total=21 件");
}

TEST(NarrativeStatements, OtherUnitsAndMeasuresStateNothing) {
  EXPECT_EQ(stating({"新收政府信息公开申请21件次。", "新收政府信息公开申请21人次。", "新收政府信息公开申请21次。",
                     "行政事业性收费5次。",            // a count is no amount
                     "制发规范性文件5.5件。",          // nor a fraction a count
                     "废止1个行政处罚规范性文件。"}),  // 个 counts what follows it
            "");
  // 信息处理费 (section 六) is not 行政事业性收费, and a bare 收取费用 names neither.
  EXPECT_EQ(stating({"全年收取政府信息公开信息处理费380元。", "依申请提供政府信息收取费用5419886元。"}), "");
  // Published items counted by category are not decisions (pingtan nyn 2019:
  // "行政许可77条" beside a table of 0 decisions).
  EXPECT_EQ(stating({"主动公开政府信息90条,其中行政许可77条。", "公示行政许可信息599条、行政处罚信息67条。",
                     "行政许可类信息3条。"}),
            "");
}

TEST(NarrativeStatements, PercentagesDatesCodesPhonesAndPagesStateNothing) {
  EXPECT_EQ(stating({"新收政府信息公开申请占比21%。", "按照国办公开办函〔2021〕30号要求,现行有效规范性文件〔2021〕3号。",
                     "依据《条例》规范性文件第20条规定办理。", "依照规章第20条,废止规范性文件第5条。",
                     "受理政府信息公开申请咨询电话:0591-23157559。", "制发规范性文件3-5件。",
                     "印发《2021年度清理规范性文件5件工作方案》。",
                     "制发规范性文件1 2件。"}),  // digits a space apart are two numbers
            "");
  // A page footer between phrase and number is not the number (it is dropped).
  EXPECT_EQ(only(read("本年度制发规范性文件\n- 3 -\n22件。")), "active.normative_documents.issued=22 件");
}

TEST(NarrativeStatements, ApproximationsAndPlansStateNothing) {
  EXPECT_EQ(stating({"制发规范性文件20余件。", "制发规范性文件约20件。", "制发规范性文件20件以上。",
                     "拟废止规范性文件3件。", "计划制定规范性文件5件。", "正在制定规范性文件2件。"}),
            "");
}

TEST(NarrativeStatements, PartsAreNotTheWhole) {
  EXPECT_EQ(stating({"共收到政府信息公开申请21件,其中自然人申请15件。", "共发布文件50件,其中制发规范性文件3件。",
                     "因政府信息公开引起行政诉讼2件。"}),  // 行政诉讼 is two cells of 四: N > 0 is their sum
            "");
  // The carry-over is the template's own part of what was handled.
  EXPECT_EQ(only(read("收到政府信息公开申请21件(其中上年结转3件)。")), "requests.carried_over.total=3 件");
}

TEST(NarrativeStatements, ReceivedIsNewOnlyWhenTheNarrativeSaysSo) {
  // shuyang 2025: "受理…749件" is 713 new + 36 carried over; pingtan 2022:
  // "收到…75件" is 74 + 1. Without 新收 or a carry-over counted apart the
  // number may be either; with the carry-over as its part it is both.
  auto new_received = [](const std::string& text) {
    return find(read(text), TableId::Requests, "new_received", "total") != nullptr;
  };
  for (const char* text : {"全县全年共受理政府信息公开申请749件,其中自然人申请741件。",
                           "2021年,全区收到政府信息公开申请75件,均已答复。",
                           "共收到政府信息公开申请21件(含上年结转3件)。", "共收到政府信息公开申请21件,上年结转3件。",
                           "共收到政府信息公开申请21件,其中自然人申请15件,上年结转3件。",
                           "本年新收政府信息公开申请21件(含上年结转2件)。"})  // 新收 contradicting itself
    EXPECT_FALSE(new_received(text)) << text;
  // A carry-over of funds or projects is none of table 三's; applications
  // for review or complaints are not disclosure applications.
  EXPECT_EQ(stating({"上年结转项目5个,结转下年度项目3个。", "本年度新收行政复议申请3件。",
                     "本年度新收政府信息公开投诉申请3件。"}),
            "");
}

TEST(NarrativeStatements, ReviewsOfOthersAndResultsStateNothing) {
  EXPECT_EQ(stating({
                "本年度受理政府信息公开行政复议申请15件。",  // a reviewing body counts others' cases
                "办理因政府信息公开引起的行政复议1件。",      // either side (pingtan htp 2024; left out)
                "本年度行政复议3件,其中涉及政府信息公开1件。",  // qualifier after: the 3 are all reviews
                "因政府信息公开被纠错的行政复议0件。",          // a result, not the number of reviews
                "本年度办理行政复议案件12件。",                 // not said to be about disclosure
                "依据《政府信息公开条例》行政复议12件。",       // a title is no qualifier
                "按照政府信息公开工作要求,全年行政复议12件。",  // it qualifies another clause
                "依法做好相关行政复议、行政诉讼案件的应诉工作,全县共办理相关案件74件。",
            }),
            "");
}

TEST(NarrativeStatements, ActsOnDecisionsAreNotDecisions) {
  EXPECT_EQ(stating({"依法撤销行政许可决定3件。", "变更行政处罚决定2件。", "在信用网站公示行政处罚决定753件。",
                     "行政处罚决定被复议纠正1件。"}),
            "");
}

TEST(NarrativeStatements, InForceBesideARepealIsLeftOpen) {
  // Before or after the repeal? The sentence does not say.
  auto all = read("清理现行有效规范性文件45件,废止规范性文件3件。");
  ASSERT_EQ(all.size(), 1u);
  EXPECT_EQ(only(all), "active.normative_documents.repealed=3 件");
}

TEST(NarrativeStatements, ACellStatedTwoWaysIsNotStated) {
  EXPECT_TRUE(read("本年度制发规范性文件22件。本年度制发规范性文件20件。").empty());
  // The same value twice, or the same sum in two units, is no contradiction.
  EXPECT_EQ(read("本年度制发规范性文件22件。全年制发规范性文件22件。").size(), 2u);
  EXPECT_EQ(read("行政事业性收费5.42万元。行政事业性收费共计54200元。").size(), 2u);
  // The same sentence twice is one statement.
  EXPECT_EQ(read("本年度制发规范性文件22件。\n\n本年度制发规范性文件22件。").size(), 1u);
}

TEST(NarrativeStatements, LongNarrativeStaysLinear) {
  // A paragraph with a dozen numbers, most of them no statement, repeated to
  // over 1 MB; one sentence differs in every copy, so the text is no single
  // paragraph repeated verbatim.
  std::string text;
  size_t copies = 0;
  while (text.size() < (1u << 20)) {
    text += "2021年,主动公开政府信息1136条,其中政策文件52条;新收政府信息公开申请21件,同比增长12.5%。"
            "召开新闻发布会12场,接待来访群众" + std::to_string(copies) + "人次,联系电话0591-23157559。"
            "本年度制发规范性文件22件,现行有效45件。\n";
    ++copies;
  }
  auto start = std::chrono::steady_clock::now();
  auto all = read(text);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Three statements per copy, in sentences that repeat: one each remains.
  EXPECT_EQ(all.size(), 3u);
  EXPECT_LT(seconds, 2.0) << copies << " copies";  // measured: about 35 ms for this 1 MB (Release)
}
