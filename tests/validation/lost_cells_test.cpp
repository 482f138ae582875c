// Cells lost from plain-text extractions: empty fields that say where, reports
// that lose cells in run-together rows, table 三's layout from its structure,
// a row spanning several rows in a ruled table.
#include <gtest/gtest.h>

#include "readers/row_segmenter.h"
#include "tables/table_rows.h"
#include "test_util.h"
#include "text/unicode.h"

using namespace gk_test;
using namespace gongkai;

namespace {

const char* const kOutcomeLabels[] = {
    "1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
    "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
    "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
    "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
    "5.要求行政机关确认或重新出具已获取信息",
    "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
    "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"};

// Consistent: 16+1 received, 15+1 handled (3+1 granted, 1 partly, 11 not held), 2 carried forward.
std::vector<std::pair<std::string, std::string>> rows() {
  std::vector<std::pair<std::string, std::string>> r = {
      {"一、本年新收政府信息公开申请数量", "16\t1\t0\t0\t0\t0\t17"},
      {"二、上年结转政府信息公开申请数量", "1\t0\t0\t0\t0\t0\t1"},
      {"(一)予以公开", "3\t1\t0\t0\t0\t0\t4"},
      {"(二)部分公开（区分处理的，只计这一情形，不计其他情形）", "1\t0\t0\t0\t0\t0\t1"}};
  for (auto l : kOutcomeLabels)
    r.push_back({l, std::string(l) == "1.本机关不掌握相关政府信息" ? "11\t0\t0\t0\t0\t0\t11" : "0\t0\t0\t0\t0\t0\t0"});
  r.push_back({"(七)总计", "15\t1\t0\t0\t0\t0\t16"});
  r.push_back({"四、结转下年度继续办理", "2\t0\t0\t0\t0\t0\t2"});
  return r;
}

const nlohmann::json& cell(const nlohmann::json& rec, const char* table, const char* row, const char* col) {
  return rec["tables"][table][row][col];
}

}  // namespace

TEST(LostCells, EmptyFieldsInsideARowAreKeptAsUnreadSlots) {
  auto r = segment_rows(to_u32("规章\t1\t\t5\n行政许可\t3\n"));
  ASSERT_EQ(r.size(), 2u);
  EXPECT_EQ(r[0].tokens.size(), 2u);  // what was printed
  ASSERT_EQ(r[0].slots.size(), 3u);   // and where: the middle field is empty
  EXPECT_TRUE(r[0].slots[1].unread);
  EXPECT_EQ(r[0].slots[2].raw, "5");
  EXPECT_TRUE(r[1].slots.empty());    // nothing empty, nothing to say
  // A trailing tab is not a field; one cell per line opens each line with a tab.
  EXPECT_TRUE(segment_rows(to_u32("规章\t1\t5\t\n"))[0].slots.empty());
  EXPECT_EQ(segment_rows(to_u32("\t规章\n\t1\n\t5\n"))[0].lead_empty, -1);
  EXPECT_EQ(segment_rows(to_u32("\t\t1\t5\n"))[0].lead_empty, 2);
}

TEST(LostCells, EmptyFieldsPlaceLostCellsOfTableFour) {
  // Review: upheld 1 of 1; both upheld (the line's first field) and the
  // second group's 结果纠正 were lost, their separators kept. Without their
  // places, 13 zeros and a 1 leave two lost cells anywhere: undecidable.
  auto rec = extract_text(minimal_report(rows(), "\t0\t0\t0\t1\t0\t\t0\t0\t0\t0\t0\t0\t0\t0"));
  EXPECT_EQ(cell(rec, "review_litigation", "review", "upheld"), 1);
  EXPECT_EQ(cell(rec, "review_litigation", "review", "total"), 1);
  EXPECT_EQ(cell(rec, "review_litigation", "litigation_direct", "corrected"), 0);
  EXPECT_TRUE(has_finding(rec, "repair.cells", "repair"));
}

TEST(LostCells, EmptyFieldInsideATableThreeRow) {
  auto r = rows();
  r[2].second = "3\t\t0\t0\t0\t0\t4";  // 予以公开 lost its 1, the tab stayed
  auto rec = extract_text(minimal_report(r, "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"));
  EXPECT_EQ(cell(rec, "requests", "granted", "commercial"), 1);
  EXPECT_EQ(cell(rec, "requests", "granted", "natural_person"), 3);
}

TEST(LostCells, RunTogetherRowInAReportThatLosesCellsIsNotSplitBlindly) {
  // "0000011" reads as seven single digits (0,0,0,0,0,1,1: its own total
  // holds), but 本机关不掌握 lost its 11 in front: 11,0,0,0,0,0,11. The
  // report certainly lost a cell elsewhere (予以公开 prints six digits for
  // seven cells), so the lost-cell reading must be weighed too: the column
  // totals then decide; whatever they do not decide stays null.
  auto r = rows();
  r[2].second = "310004";
  for (auto& [label, nums] : r)
    if (label == "1.本机关不掌握相关政府信息") nums = "0000011";
  auto rec = extract_text(minimal_report(r, "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"));
  const auto& np = cell(rec, "requests", "unavailable_not_held", "natural_person");
  const auto& other = cell(rec, "requests", "unavailable_not_held", "other");
  EXPECT_TRUE(np.is_null() || np == 11) << np;
  EXPECT_TRUE(other.is_null() || other == 0) << other;
  EXPECT_NE(cell(rec, "requests", "unavailable_not_held", "total"), 1);
}

TEST(LostCells, SixOtherRowsCountedWhenTheirLabelsAreUnreadable) {
  // OCR garbled the three （六） labels beyond recognition; three rows with
  // numbers between （五）5 and （七） still say the 2021 layout.
  auto r = rows();
  for (auto& [label, nums] : r) {
    if (label.rfind("1.申请人无正当", 0) == 0) label = "(六)其他处理1.甲请人无止当埋由通蓝个;机关不再处理其政府信息公正、行政申请";
    if (label.rfind("2.申请人逾期", 0) == 0) label = "市请入地期木这熙责还知安未顷列萎时清";
    if (label == "3.其他") label = "丙丁";
  }
  auto rec = extract_text(minimal_report(r, "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"));
  EXPECT_TRUE(rec["tables"]["requests"].contains("other_overdue_correction"));
  EXPECT_FALSE(rec["tables"]["requests"].contains("other"));
}

TEST(LostCells, NoTemplatePrintsAValueInACellSpanningRows) {
  // A scan's OCR read the tall 三、本年度办理结果 heading as "5".
  CellTable t;
  t.rows = 2;
  t.cols = 3;
  t.col_edges = {0, 40, 80, 120};
  auto add = [&](int r, int c, int rs, std::string s) {
    TableCell x;
    x.row = r, x.col = c, x.row_span = rs, x.text = std::move(s);
    t.cells.push_back(x);
  };
  add(0, 0, 2, "5");
  add(0, 1, 1, "(一)予以公开");
  add(0, 2, 1, "7");
  add(1, 1, 1, "(二)部分公开");
  add(1, 2, 1, "1");
  auto rows = rows_from_table(t);
  ASSERT_EQ(rows.size(), 2u);
  ASSERT_EQ(rows[0].tokens.size(), 1u);
  EXPECT_EQ(rows[0].tokens[0].raw, "7");
}
