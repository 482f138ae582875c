// Rows from a table's cells (HTML, PDF text layer, scan): signed changes.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "tables/table_rows.h"

using namespace gongkai;

TEST(TableRows, SignedChangeCellsAreTokensWithAsciiSigns) {
  std::vector<TableCell> cells = {{0, 0, 1, 1, "行政许可", false, false, {}},
                                  {0, 1, 1, 1, "3", false, false, {}},
                                  {0, 2, 1, 1, "增5", false, false, {}},
                                  {0, 3, 1, 1, "8", false, false, {}}};
  std::vector<const TableCell*> refs;
  for (auto& c : cells) refs.push_back(&c);
  SourceRow row = row_from_cells(refs);
  EXPECT_EQ(row.label, "行政许可");
  ASSERT_EQ(row.tokens.size(), 3u);
  EXPECT_EQ(row.tokens[1].raw, "+5");
}

// OCR's words in a value cell of a row that prints numbers are a number
// misread (a seal's stroke over （六）1's 3 read as 俊): the row keeps its
// seven cells, that one unread, rather than ending in label text. A header
// row's words, and a text layer's, stay label text.
TEST(TableRows, OcrWordsAmongTheNumbersAreACellNotRead) {
  auto table = [](const std::vector<std::string>& texts, const std::string& via) {
    CellTable t;
    t.rows = 2, t.cols = 8;
    Provenance where;
    where.via = via;
    t.cells.push_back({0, 0, 1, 1, "（六）其他处理", false, false, where});
    for (int c = 1; c < 8; ++c) t.cells.push_back({0, c, 1, 1, texts[c - 1], false, false, where});
    t.cells.push_back({1, 0, 1, 1, "（七）总计", false, false, where});
    for (int c = 1; c < 8; ++c) t.cells.push_back({1, c, 1, 1, "1", false, false, where});
    return t;
  };
  auto rows = rows_from_table(table({"67", "俊", "0", "0", "1", "0", "71"}, "ocr"));
  ASSERT_EQ(rows.size(), 2u);
  EXPECT_EQ(rows[0].label, "(六)其他处理");  // NFKC
  EXPECT_TRUE(rows[0].positional);
  ASSERT_EQ(rows[0].tokens.size(), 7u);
  EXPECT_TRUE(rows[0].tokens[1].unread);
  EXPECT_EQ(rows[0].tokens[1].raw, "");
  EXPECT_EQ(rows[0].tokens[6].raw, "71");
  // The same words from a text layer are the printer's: left as they were.
  rows = rows_from_table(table({"67", "俊", "0", "0", "1", "0", "71"}, "pdf-text"));
  EXPECT_FALSE(rows[0].positional);
  // A header row of words over the value columns stays a header.
  rows = rows_from_table(table({"自然人", "商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他", "总计"}, "ocr"));
  EXPECT_TRUE(rows[0].tokens.empty());
  EXPECT_NE(rows[0].label.find("自然人"), std::string::npos);
}

// A label cell split by a rule drawn a row too far: the tail of (七)总计's
// 计 read as "-" in the sub-row labels' column (an outlined generated
// report, eval_producers seed 63). A lone dash does not make that column a
// value column, so the labels spanning it stay labels; nor is it a token.
TEST(TableRows, ALoneDashInALabelColumnIsNoValueColumn) {
  CellTable t;
  t.rows = 3, t.cols = 4;
  Provenance where;
  where.via = "ocr";
  t.cells.push_back({0, 0, 1, 2, "一、本年新收政府信息公开申请数量", false, false, where});
  t.cells.push_back({0, 2, 1, 1, "176", false, false, where});
  t.cells.push_back({0, 3, 1, 1, "191", false, false, where});
  t.cells.push_back({1, 0, 1, 1, "（七）总", false, false, where});
  t.cells.push_back({1, 1, 1, 1, "-", false, false, where});
  t.cells.push_back({1, 2, 1, 1, "184", false, false, where});
  t.cells.push_back({1, 3, 1, 1, "197", false, false, where});
  t.cells.push_back({2, 0, 1, 2, "四、结转下年度继续办理", false, false, where});
  t.cells.push_back({2, 2, 1, 1, "6", false, false, where});
  t.cells.push_back({2, 3, 1, 1, "11", false, false, where});
  auto rows = rows_from_table(t);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[0].label, "一、本年新收政府信息公开申请数量");
  ASSERT_EQ(rows[0].tokens.size(), 2u);
  EXPECT_EQ(rows[0].tokens[0].raw, "176");
  EXPECT_EQ(rows[1].label, "(七)总");
  ASSERT_EQ(rows[1].tokens.size(), 2u);
  EXPECT_EQ(rows[1].tokens[0].raw, "184");
  // Two dashes in the column are values printed as dashes: it is a value
  // column, and the labels spanning it are read as cells of it.
  t.cells[0].text = "-";
  t.cells[0].col_span = 1;
  t.cells.insert(t.cells.begin() + 1, {0, 1, 1, 1, "-", false, false, where});
  rows = rows_from_table(t);
  ASSERT_EQ(rows.size(), 3u);
  EXPECT_EQ(rows[1].tokens.size(), 3u);
}

namespace {

// A table read by OCR, one cell per text, row by row.
CellTable ocr_table(int cols, const std::vector<std::vector<std::string>>& rows) {
  CellTable t;
  t.rows = static_cast<int>(rows.size()), t.cols = cols;
  Provenance ocr;
  ocr.via = "ocr";
  for (int r = 0; r < t.rows; ++r)
    for (int c = 0; c < static_cast<int>(rows[r].size()); ++c) t.cells.push_back({r, c, 1, 1, rows[r][c], false, false, ocr});
  return t;
}

}  // namespace

// Table 二's label column with 规章 read as "0" by the digit model (a
// photo, photo seed 211): one number among ten labels does not make it a
// value column. That row's label is taken as unread (its place is the
// table's shape); the other rows keep theirs. Its six values had been lost
// without a finding.
TEST(TableRows, ALabelReadAsANumberLeavesItsRowUnlabelled) {
  CellTable t = ocr_table(4, {{"信息内容", "本年制发件数", "本年废止件数", "现行有效件数"},
                              {"0", "0", "0", "0"},  // 规章, misread
                              {"行政规范性文件", "9", "0", "101"},
                              {"信息内容"},
                              {"行政许可"},
                              {"行政处罚"},
                              {"行政强制"},
                              {"行政事业性收费"}});
  auto rows = rows_from_table(t);
  ASSERT_GE(rows.size(), 3u);
  EXPECT_TRUE(rows[1].label_unread);
  EXPECT_EQ(rows[1].tokens.size(), 3u);
  EXPECT_EQ(rows[2].label, "行政规范性文件");
  EXPECT_FALSE(rows[2].label_unread);
  ASSERT_EQ(rows[2].tokens.size(), 3u);
  EXPECT_EQ(rows[2].tokens[2].raw, "101");
  // From a text layer the printed "0" is the printer's: a token, as before.
  for (auto& c : t.cells) c.where.via = "pdf-text";
  rows = rows_from_table(t);
  EXPECT_FALSE(rows[1].label_unread);
  EXPECT_EQ(rows[1].tokens.size(), 4u);
}

// A speck read as a number in a label column, beside a label that was read:
// the row keeps its label ((七)总计 of a curled photo, photo seed 214, had
// been left unmatched and its seven values lost).
TEST(TableRows, ASpeckReadAsANumberBesideALabelIsDropped) {
  CellTable t = ocr_table(4, {{"（六）其他处理", "1.申请人无正当理由逾期不补正", "0", "0"},
                              {"（六）其他处理", "2.申请人逾期未按收费通知要求缴纳费用", "0", "0"},
                              {"（六）其他处理", "3.其他", "34", "35"},
                              {"（七）总计", "1", "95", "95"}});
  auto rows = rows_from_table(t);
  ASSERT_EQ(rows.size(), 4u);
  EXPECT_EQ(rows[3].label, "(七)总计");
  EXPECT_FALSE(rows[3].label_unread);
  ASSERT_EQ(rows[3].tokens.size(), 2u);
  EXPECT_EQ(rows[3].tokens[0].raw, "95");
}
