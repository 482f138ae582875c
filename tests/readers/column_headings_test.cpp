// Column headings of a scanned table are read only as far as the table needs
// them to say which table it is (cell_reading.cpp, read_headings): table 三's
// row labels say it, table 四's first two heading rows do; table 二's are
// always read. The values are read either way.
#include <gtest/gtest.h>

#include "readers/pdf/pdf_document.h"
#include "readers/scan/scan_reader.h"
#include "test_util.h"

using namespace gk_test;
using gongkai::CellTable;
using gongkai::PageLayout;

namespace {

// All the text of a table's cells, and how many of them read as a number.
struct TableWords {
  std::string text;
  int numbers = 0;
};

TableWords words_of(const CellTable& t) {
  TableWords w;
  for (auto& c : t.cells) {
    w.text += c.text + "|";
    w.numbers += !c.text.empty() && c.text.find_first_not_of("0123456789.") == std::string::npos;
  }
  return w;
}

// The tables of page `n` of the 3-page test scan (淮安市 2024, pages 3-5).
std::vector<TableWords> tables_of_page(int n) {
  auto doc = gongkai::pdf::PdfDocument::open(slurp(data("scans/huaian-city-2024-p3-5.scan.pdf")));
  gongkai::ReadOptions options;
  gongkai::scan::ScanContext context(options);
  PageLayout page = context.lay_out(doc->render(n, 200), 200, n, "headings");
  std::vector<TableWords> out;
  for (auto& t : page.tables) out.push_back(words_of(t));
  return out;
}

bool has(const TableWords& w, const std::string& s) { return w.text.find(s) != std::string::npos; }

// The last table of page `n` holds every word of `read`, none of `unread`,
// and `numbers` numbers (at least, when `at_least`).
void expect_last_table(int n, const std::vector<std::string>& read, const std::vector<std::string>& unread,
                       int numbers, bool at_least) {
  auto tables = tables_of_page(n);
  ASSERT_FALSE(tables.empty());
  const TableWords& t = tables.back();
  for (auto& w : read) EXPECT_TRUE(has(t, w)) << w << " in " << t.text;
  for (auto& w : unread) EXPECT_FALSE(has(t, w)) << w << " in " << t.text;
  if (at_least) EXPECT_GE(t.numbers, numbers) << t.text;
  else EXPECT_EQ(t.numbers, numbers) << t.text;
}

}  // namespace

TEST(ColumnHeadings, TableThreesAreLeftUnreadItsRowLabelsSayWhichTableItIs) {
  expect_last_table(2, {"予以公开"}, {"商业企业", "申请人情况"}, 60, true);
}

TEST(ColumnHeadings, TableFoursFirstTwoRowsAreReadAndTheRestNot) {
  expect_last_table(3, {"行政复议", "行政诉讼"}, {"结果纠正"}, 15, false);
}

TEST(ColumnHeadings, TableTwosAreRead) {
  auto tables = tables_of_page(1);
  ASSERT_FALSE(tables.empty());
  bool headings = false;
  for (auto& t : tables) headings |= has(t, "本年制发件数");
  EXPECT_TRUE(headings);
}
