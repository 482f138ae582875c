// Tables continued over a page break.
#include <gtest/gtest.h>

#include "tables/stitch.h"
#include "tables/table_rows.h"

using namespace gongkai;

namespace {

// A table from rows of cell texts; "^" continues the cell above (a row span),
// "<" the cell to the left (a column span).
CellTable table(int page, const std::vector<std::vector<std::string>>& rows) {
  CellTable t;
  t.page = page;
  t.rows = static_cast<int>(rows.size());
  t.cols = static_cast<int>(rows[0].size());
  for (int c = 0; c <= t.cols; ++c) t.col_edges.push_back(50 + 40.0 * c);
  for (int r = 0; r < t.rows; ++r)
    for (int c = 0; c < t.cols; ++c) {
      const std::string& s = rows[r][c];
      if (s == "^") {
        for (auto& cell : t.cells)
          if (cell.col == c && cell.row + cell.row_span == r) cell.row_span++;
        continue;
      }
      if (s == "<") {
        t.cells.back().col_span++;
        continue;
      }
      TableCell cell;
      cell.row = r;
      cell.col = c;
      cell.text = s;
      cell.where.page = page;
      t.cells.push_back(cell);
    }
  return t;
}

std::vector<std::string> labels(const CellTable& t) {
  std::vector<std::string> out;
  for (auto& r : rows_from_table(t)) out.push_back(r.label);
  return out;
}

}  // namespace

TEST(Stitch, OnlyTheNextPageWithNothingBetween) {
  auto a = table(4, {{"1.甲", "1", "2"}});
  auto b = table(5, {{"2.乙", "3", "4"}});
  EXPECT_TRUE(continues(a, b, 3));
  auto later = table(6, {{"2.乙", "3", "4"}});
  EXPECT_FALSE(continues(a, later, 3));
  auto a2 = a;
  a2.text_after = true;  // a paragraph after the table on page 4
  EXPECT_FALSE(continues(a2, b, 3));
  auto narrow = b;
  for (auto& x : narrow.col_edges) x *= 0.8;
  EXPECT_FALSE(continues(a, narrow, 3));
}

TEST(Stitch, SpanningLabelCutByTheBreakIsOneCellAgain) {
  // WPS: "（四）无" at the foot of page 4, "法提供" at the head of page 5.
  auto a = table(4, {{"（三）不予公开", "8.属于行政查询事项", "105"}, {"（四）无", "1.本机关不掌握相关政府信息", "769"}});
  auto b = table(5, {{"法提供", "2.没有现成信息需要另行制作", "11"}, {"^", "3.补正后申请内容仍不明确", "1"}});
  ASSERT_TRUE(continues(a, b, 3));
  stitch_into(a, b);
  EXPECT_EQ(a.rows, 4);
  auto rows = rows_from_table(a);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].label, "(四)无法提供1.本机关不掌握相关政府信息");
  EXPECT_EQ(rows[2].label, "2.没有现成信息需要另行制作");
  EXPECT_EQ(rows[3].tokens.at(0).raw, "1");
  EXPECT_EQ(rows[3].tokens.at(0).where.page, 5);
}

TEST(Stitch, IntactRowsAreNotJoined) {
  auto a = table(4, {{"1.甲", "1", "2"}});
  auto b = table(5, {{"2.乙", "3", "4"}});
  stitch_into(a, b);
  EXPECT_EQ(a.rows, 2);
  EXPECT_EQ(labels(a), (std::vector<std::string>{"1.甲", "2.乙"}));
}

TEST(Stitch, RowCutByTheBreakIsJoined) {
  // The label wraps over the break; the numbers stand on the first part.
  auto a = table(4, {{"1.甲", "1", "2"}, {"2.申请人逾期未按收费通知要求", "3", "4"}});
  auto b = table(5, {{"缴纳费用", "", ""}, {"3.其他", "5", "6"}});
  stitch_into(a, b);
  EXPECT_EQ(labels(a), (std::vector<std::string>{"1.甲", "2.申请人逾期未按收费通知要求缴纳费用", "3.其他"}));
  // Or the numbers fall on the second part.
  auto c = table(4, {{"2.申请人逾期未按收费通知要求", "", ""}});
  auto d = table(5, {{"缴纳费用", "3", "4"}});
  stitch_into(c, d);
  auto rows = rows_from_table(c);
  ASSERT_EQ(rows.size(), 1u);
  EXPECT_EQ(rows[0].label, "2.申请人逾期未按收费通知要求缴纳费用");
  ASSERT_EQ(rows[0].tokens.size(), 2u);
  EXPECT_EQ(rows[0].tokens[0].raw, "3");
}

TEST(Stitch, RepeatedHeaderIsDropped) {
  auto a = table(4, {{"", "自然人", "总计"}, {"一、本年新收", "1", "1"}});
  auto b = table(5, {{"", "自然人", "总计"}, {"二、上年结转", "2", "2"}});
  stitch_into(a, b);
  EXPECT_EQ(a.rows, 3);
  EXPECT_EQ(labels(a), (std::vector<std::string>{"自然人总计", "一、本年新收", "二、上年结转"}));
}

TEST(Stitch, ContinuationWithFewerColumnEdges) {
  // The next page holds only the last row, whose label spans every label
  // column: its grid has fewer column edges, which must line up with the first.
  auto a = table(4, {{"（七）总计", "<", "5", "6"}});
  a.cells[0].text = "（七）总计";
  CellTable b;
  b.page = 5;
  b.rows = 1;
  b.cols = 3;
  b.col_edges = {50, 130, 170, 210};
  b.cells = {{0, 0, 1, 1, "四、结转下年度继续办理", false, {}}, {0, 1, 1, 1, "7", false, {}}, {0, 2, 1, 1, "8", false, {}}};
  ASSERT_TRUE(continues(a, b, 3));
  stitch_into(a, b);
  auto rows = rows_from_table(a);
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[1].label, "四、结转下年度继续办理");
  ASSERT_EQ(rows[1].tokens.size(), 2u);
  EXPECT_EQ(rows[1].tokens[1].raw, "8");
}

TEST(TableRows, EmptyCellsOutsideValueColumnsAreLayout) {
  // "（六）其他处理" in a 2021 grid whose item column this row leaves empty.
  auto t = table(1, {{"（五）不予处理", "1.信访举报投诉类申请", "1", "2"}, {"（六）其他处理", "", "0", ""}});
  auto rows = rows_from_table(t);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[1].tokens.size(), 2u);  // the empty value cell stays a blank
  EXPECT_EQ(rows[1].tokens[0].raw, "0");
  EXPECT_EQ(rows[1].tokens[1].raw, "");
}

TEST(Stitch, HeaderRowBeforeTheBreakIsNotARowCutByIt) {
  // Table 二's first small table: its header at the foot of page 2, 规章 on page 3.
  auto a = table(2, {{"第二十条第（一）项", "<", "<", "<"}, {"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"}});
  auto b = table(3, {{"规章", "5", "2", "72"}, {"行政规范性文件", "0", "9", "41"}});
  stitch_into(a, b);
  auto rows = rows_from_table(a);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[2].label, "规章");
  EXPECT_EQ(rows[2].tokens.size(), 3u);
}

TEST(Stitch, RowCutInsideASpanningGroupWhoseLabelStayedBehind) {
  // （六）其他处理 printed whole on page 2; its cell runs on, empty, over page 3.
  auto a = table(2, {{"（五）不予处理", "5.要求行政机关确认", "0", "0"},
                     {"（六）其他处理", "1.申请人无正当理由逾期不补正、", "1", "1"}});
  auto b = table(3, {{"", "行政机关不再处理其政府信息公开申请", "", ""},
                     {"^", "2.申请人逾期未按收费通知要求缴纳费用", "2", "2"},
                     {"^", "3.其他", "3", "3"}});
  stitch_into(a, b);
  auto rows = rows_from_table(a);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[1].label, "(六)其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请");
  EXPECT_EQ(rows[1].tokens.size(), 2u);
  EXPECT_EQ(rows[2].label, "2.申请人逾期未按收费通知要求缴纳费用");
}

TEST(Stitch, RepeatedHeaderReadSlightlyDifferentlyIsStillDropped) {
  // OCR read 勾稽 as 色移 on the second page's copy of the header.
  auto a = table(3, {{"（本列数据的勾稽关系为：第一项加第二项之和）", "自然人", "总计"}, {"一、本年新收", "1", "1"}});
  auto b = table(4, {{"（本列数据的色移关系为：第一项加第二项之和）", "自然人", "总计"}, {"二、上年结转", "2", "2"}});
  stitch_into(a, b);
  EXPECT_EQ(a.rows, 3);
  auto rows = rows_from_table(a);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[2].label, "二、上年结转");
}

TEST(Stitch, RepeatedHeaderCutIntoOtherRowsThenACutRow) {
  // The first page prints the header in one row; the scan of the second
  // page finds it as two rows, then the tail of a label cut by the break,
  // beside the empty rest of the spanning 三、本年度办理结果 cell.
  auto a = table(2, {{"申请人情况商业企业科研机构", "自然人", "总计"},
                     {"三、本年度办理结果", "1.甲", "1"},
                     {"^", "2.申请人逾期未按收费通知要求缴", "0"}});
  auto b = table(3, {{"申请人情况", "<", "<"},
                     {"商业企业科研机构", "自然人", "总计"},
                     {"", "纳费用、行政机关不再处理其政府信息公开申请", ""},
                     {"^", "3.其他", "0"}});
  ASSERT_TRUE(continues(a, b, 3));
  stitch_into(a, b);
  auto rows = rows_from_table(a);
  std::vector<std::string> got;
  for (auto& r : rows) got.push_back(r.label);
  ASSERT_EQ(rows.size(), 4u) << ::testing::PrintToString(got);
  EXPECT_EQ(rows[2].label, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请");
  ASSERT_EQ(rows[2].tokens.size(), 1u);
  EXPECT_EQ(rows[2].tokens[0].raw, "0");
  EXPECT_EQ(rows[3].label, "3.其他");
}
