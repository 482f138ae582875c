// Cutting a table section's text into labelled rows.
#include <gtest/gtest.h>

#include "readers/row_segmenter.h"
#include "test_util.h"
#include "text/unicode.h"

using namespace gk_test;
using namespace gongkai;

TEST(Segmenter, ListNumberOpensTheNextLabel) {
  auto rows = segment_rows(to_u32("1.属于国家秘密00000002.其他法律行政法规禁止公开0000000"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].tokens.size(), 1u);
  EXPECT_EQ(rows[0].tokens[0].raw, "0000000");
  EXPECT_EQ(rows[1].label, "2.其他法律行政法规禁止公开");
}

TEST(Segmenter, NotesAndFootersAreNotCells) {
  auto text = strip_non_cells(to_u32(nfkc("行政事业性收费（单位：万元，保留4位小数）\t7\n- 4 -\n规章\t22（其中修订16件）\t3\t5\n")));
  auto rows = segment_rows(text);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].tokens.size(), 1u);
  EXPECT_EQ(rows[0].tokens[0].raw, "7");
  ASSERT_EQ(rows[1].tokens.size(), 3u);
  EXPECT_EQ(rows[1].tokens[0].raw, "22");
}

TEST(Segmenter, TabCellsAreAtomicRunTogetherIsNot) {
  auto rows = segment_rows(to_u32("行政许可\t12\t3\n行政处罚3960181其他"));
  EXPECT_TRUE(rows[0].tokens[0].atomic);
  EXPECT_FALSE(rows[1].tokens[0].atomic);
}

namespace {

// A table section's text as the readers hand it to the segmenter.
std::vector<SourceRow> rows_of(const std::string& text) { return segment_rows(strip_non_cells(to_u32(nfkc(text)))); }

std::vector<std::string> raws(const SourceRow& row) {
  std::vector<std::string> out;
  for (auto& t : row.tokens) out.push_back(t.raw);
  return out;
}

using Raws = std::vector<std::string>;

}  // namespace

// （六）2 and 3 printed with their labels and no values, then （七）总计 with
// its numbers: the two rows stay, empty, and 总计 keeps its numbers.
TEST(Segmenter, RowPrintedEmptyKeepsItsPlaceInRunTogetherText) {
  // pingtan-scj-2021, as crawled.
  auto rows = rows_of("（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请0000000"
                      "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请3.其他（七）总计5000005"
                      "四、结转下年度继续办理0000000");
  ASSERT_EQ(rows.size(), 5u);
  EXPECT_EQ(rows[1].label, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
  EXPECT_TRUE(rows[1].tokens.empty());
  EXPECT_EQ(rows[2].label, "3.其他");
  EXPECT_TRUE(rows[2].tokens.empty());
  EXPECT_EQ(raws(rows[3]), Raws{"5000005"});
}

TEST(Segmenter, RowPrintedEmptyKeepsItsPlaceInTabsLinesAndMarkdown) {
  const std::string empty2 = "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请";
  for (const std::string& text : {
           // Tab-separated, with the empty fields printed, and without (总计 with no enumerator).
           empty2 + "\t\t\t\t\t\t\t\n3.其他\t\t\t\t\t\t\t\n总计\t5\t0\t0\t0\t0\t0\t5\n",
           empty2 + "\n3.其他\n（七）总计\t5\t0\t0\t0\t0\t0\t5\n",
           // One cell per line.
           empty2 + "\n3.其他\n（七）总计\n5\n0\n0\n0\n0\n0\n5\n",
           // Markdown.
           "| " + empty2 + " |  |  |  |  |  |  |  |\n| 3.其他 |  |  |  |  |  |  |  |\n| 总计 | 5 | 0 | 0 | 0 | 0 | 0 | 5 |\n",
       }) {
    auto rows = rows_of(text);
    ASSERT_EQ(rows.size(), 3u) << text;
    EXPECT_TRUE(rows[0].tokens.empty()) << text;
    EXPECT_EQ(rows[1].label, "3.其他") << text;
    EXPECT_TRUE(rows[1].tokens.empty()) << text;
    EXPECT_EQ(rows[2].tokens.size(), 7u) << text;
  }
}

TEST(Segmenter, GroupHeadingStillOpensItsFirstItem) {
  // "（三）不予公开" is no row of its own: item 1 continues it, as before.
  auto rows = rows_of("（三）不予公开1.属于国家秘密00000002.其他法律行政法规禁止公开0000000");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].label, "不予公开1.属于国家秘密");
  // Nor does a heading's fragment in the label column of a row's line end a row.
  auto md = rows_of("| （三）不 | 4.保护第三方合法权益 | 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n"
                    "| 予公开 | 5.属于三类内部事务信息 | 8 | 0 | 0 | 0 | 1 | 0 | 9 |\n");
  ASSERT_EQ(md.size(), 2u);
  EXPECT_EQ(md[0].label, "不4.保护第三方合法权益");
}

// A PDF converted to markdown (shanghai-municipal-govoffice-2025): a table
// line is one row, whatever the next line holds.
TEST(Segmenter, MarkdownLineIsOneWholeRow) {
  // （五）5's numbers on the line under （五）4's, its label printed elsewhere.
  auto rows = rows_of("| 予处理 | 4.无正当理由大量反复申请 | 1 | 0 | 0 | 0 | 0 | 0 | 1 |\n"
                      "| 0 | 0 | 0 | 0 | 0 | 0 | 0 |\n|---|---|---|---|---|---|---|\n");
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].tokens.size(), 7u);
  EXPECT_EQ(rows[1].tokens.size(), 7u);
  EXPECT_TRUE(rows[1].tokens[0].atomic);
  // Table 四's line, then the narrative that lost its heading 五.
  auto review = rows_of("| 维持 | 纠正 | 结果 | 审结 | 总计 | 总计 |\n|---|---|---|---|---|---|\n"
                        "| 40 | 0 | 10 | 5 | 55 | 2 | 0 | 4 | 6 | 12 | 6 | 0 | 9 | 7 | 22 |\n\n"
                        "（一）2024 年工作中存在问题的改进情况\n");
  ASSERT_GE(review.size(), 2u);
  EXPECT_EQ(review[0].tokens.size(), 15u);
  // Label text lines above a markdown row still label it ("（二）部分公开…" over "| 2 | 0 |…").
  auto labelled = rows_of("（二）部分公开（区分处理的，只计这一情\n形，不计其他情形）\n| 2 | 0 | 0 | 0 | 0 | 0 | 2 |\n");
  ASSERT_EQ(labelled.size(), 1u);
  EXPECT_EQ(labelled[0].tokens.size(), 7u);
}

// 2019's 本年增/减 (a signed count): the sign printed before a number is part of it.
TEST(Segmenter, SignTouchingANumberIsPartOfIt) {
  EXPECT_EQ(raws(rows_of("行政许可\t5\t+1\t3")[0]), (Raws{"5", "+1", "3"}));
  // "0+11" is 0, +1 and 1 run together: the digits after the sign stay one token to split.
  EXPECT_EQ(raws(rows_of("行政许可0+11其他对外管理服务事项000")[0]), (Raws{"0", "+11"}));
  // pingtan-nyn-2019: "16减12" is 16 and −12.
  EXPECT_EQ(raws(rows_of("行政事业性收费16减12第二十条")[0]), (Raws{"16", "-12"}));
  EXPECT_EQ(raws(rows_of("行政许可\t3\t增5\t7")[0]), (Raws{"3", "+5", "7"}));
  EXPECT_EQ(raws(rows_of("行政事业性收费 4 减3")[0]), (Raws{"4", "-3"}));
  // A word, not a sign: 增 after a Han character.
  auto words = rows_of("全年新增12个");
  ASSERT_FALSE(words.empty());
  EXPECT_EQ(words[0].label, "全年新增");
  EXPECT_EQ(raws(words[0]), Raws{"12"});
}
