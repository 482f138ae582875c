// The layout readers' assembly step: tables placed in sections, continued
// tables stitched, but not tables that say they are different ones.
#include <gtest/gtest.h>

#include "readers/page_layout.h"

using namespace gongkai;

namespace {

CellTable one_row_table(int page, double top, const std::vector<std::string>& texts, int cols) {
  CellTable t;
  t.page = page;
  t.rows = 1;
  t.cols = cols;
  for (int c = 0; c <= cols; ++c) t.col_edges.push_back(50 + 500.0 * c / cols);
  t.top = top;
  t.bottom = top + 20;
  t.page_height = 800;
  for (int c = 0; c < cols; ++c) {
    TableCell cell;
    cell.col = c;
    cell.text = c < static_cast<int>(texts.size()) ? texts[c] : "0";
    cell.where.page = page;
    t.cells.push_back(cell);
  }
  return t;
}

PageLayout page_with(int number, CellTable t, const std::string& heading = "") {
  PageLayout p;
  p.number = number;
  p.height = 800;
  if (!heading.empty()) {
    TextLine l;
    l.text = heading;
    l.box = {50, t.top - 30, 400, t.top - 15};
    l.font_size = 12;
    p.lines.push_back(l);
  }
  p.tables.push_back(std::move(t));
  mark_page_furniture(p);
  return p;
}

}  // namespace

TEST(Assemble, TableFourAfterTableThreeIsNotStitchedToIt) {
  // Table 三 ends page 2; table 四 opens page 3 without its first header row
  // (行政复议 | 行政诉讼) and with its heading unread: the edges line up, but
  // its own words (复议后起诉, 结果维持) say it is table 四.
  std::vector<PageLayout> pages;
  pages.push_back(page_with(2, one_row_table(2, 700, {"四、结转下年度继续办理", "0", "0", "0", "0", "0", "0", "0"}, 8),
                            "三、收到和处理政府信息公开申请情况"));
  pages[0].tables[0].cells[0].text = "一、本年新收政府信息公开申请数量 自然人";
  pages.push_back(page_with(3, one_row_table(3, 60, {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计",
                                                      "未经复议直接起诉", "复议后起诉", "结果维持"}, 8)));
  SourceDoc doc;
  doc.kind = "pdf-scan";
  doc.pages = 3;
  assemble(pages, doc);
  ASSERT_TRUE(doc.rows.count(Section::Review));
  EXPECT_FALSE(doc.rows[Section::Review].empty());
  for (auto& r : doc.rows[Section::Requests]) EXPECT_EQ(r.label.find("复议"), std::string::npos) << r.label;
}

TEST(Assemble, ContinuedTableIsStitched) {
  // The same layout with a continuation that names no other table: one table.
  std::vector<PageLayout> pages;
  pages.push_back(page_with(2, one_row_table(2, 700, {"一、本年新收政府信息公开申请数量 自然人", "1"}, 8),
                            "三、收到和处理政府信息公开申请情况"));
  pages.push_back(page_with(3, one_row_table(3, 60, {"四、结转下年度继续办理", "2"}, 8)));
  SourceDoc doc;
  doc.kind = "pdf-scan";
  assemble(pages, doc);
  EXPECT_EQ(doc.rows[Section::Requests].size(), 2u);
  EXPECT_FALSE(doc.rows.count(Section::Review) && !doc.rows[Section::Review].empty());
}
