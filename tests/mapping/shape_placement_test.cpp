// Rows of a scanned table 三 whose own labels were left unread (the scan
// reader reads the group's label, (三)不予公开, and not its eight numbered
// rows): placed by their order between rows placed by their labels, and only
// where what is known of them (their group's words) agrees.
#include <gtest/gtest.h>

#include "mapping/mapper.h"
#include "tables/table_rows.h"

using namespace gongkai;

namespace {

// One printed row: the group cell's words when the row opens a group ("" for
// none), its own label ("" when left unread), its total.
struct Printed {
  std::string group, label;
  int value;
};

// A ruled table as the scan reader gives it: column 0 the group cells
// (spanning their rows), column 1 the row labels (a row outside a group
// has one label cell over both columns), columns 2-8 the applicants.
CellTable scanned_requests(const std::vector<Printed>& rows) {
  CellTable t;
  t.rows = static_cast<int>(rows.size());
  t.cols = 9;
  for (int r = 0; r < t.rows; ++r) {
    const Printed& p = rows[r];
    if (!p.group.empty()) {
      int span = 1;
      while (r + span < t.rows && rows[r + span].group.empty() && rows[r + span].label.empty()) ++span;
      t.cells.push_back({r, 0, span, 1, p.group, false, false, {}});
    }
    bool in_group = !p.group.empty() || p.label.empty();
    if (in_group) t.cells.push_back({r, 1, 1, 1, p.label, false, p.label.empty(), {}});
    else t.cells.push_back({r, 0, 1, 2, p.label, false, false, {}});
    // The row's value in its total column; the first applicant left blank in
    // every other row of a group (not its first).
    for (int c = 0; c < 7; ++c) {
      std::string v = std::to_string(c == 6 ? p.value : 0);
      if (c == 0 && p.group.empty() && p.label.empty() && r % 2 == 0) v = "";
      t.cells.push_back({r, c + 2, 1, 1, v, false, false, {}});
    }
  }
  return t;
}

// The 2021 layout's table 三, each row's total its place (100 + row).
std::vector<Printed> layout_2021(const std::vector<int>& group_sizes = {8, 3, 5, 3}) {
  std::vector<Printed> rows = {{"", "一、本年新收政府信息公开申请数量", 100},
                               {"", "二、上年结转政府信息公开申请数量", 101},
                               {"", "（一）予以公开", 102},
                               {"", "（二）部分公开", 103}};
  const std::vector<std::string> groups = {"（三）不予公开", "（四）无法提供", "（五）不予处理", "（六）其他处理"};
  for (size_t g = 0; g < groups.size(); ++g)
    for (int k = 0; k < group_sizes[g]; ++k)
      rows.push_back({k == 0 ? groups[g] : "", "", static_cast<int>(100 + rows.size())});
  rows.push_back({"", "（七）总计", static_cast<int>(100 + rows.size())});
  rows.push_back({"", "四、结转下年度继续办理", static_cast<int>(100 + rows.size())});
  return rows;
}

Mapping map_scanned(const std::vector<Printed>& rows) {
  SourceDoc doc;
  doc.rows[Section::Requests] = rows_from_table(scanned_requests(rows));
  return map_tables(doc, 2024);
}

// The total the mapping gave template row `key` of table 三, or -1.
int first_value(const Mapping& m, const std::string& key) {
  for (auto& u : m.units)
    if (u.table == TableId::Requests && !u.cells.empty() && u.cells[0].row == key)
      return u.present && u.tokens.size() == 7 ? std::stoi(u.tokens[6].raw) : -1;
  return -2;
}

}  // namespace

TEST(ShapePlacement, AnUnreadLabelCellMarksItsRow) {
  auto rows = rows_from_table(scanned_requests(layout_2021()));
  ASSERT_EQ(rows.size(), 25u);
  EXPECT_FALSE(rows[3].label_unread);
  EXPECT_TRUE(rows[4].label_unread);
  EXPECT_NE(rows[4].label.find("不予公开"), std::string::npos);  // the group's words, not the row's own
  EXPECT_TRUE(rows[5].label_unread);
  EXPECT_EQ(rows[5].label, "");
  EXPECT_EQ(rows[5].tokens.size(), 7u);
  ASSERT_EQ(rows[6].tokens.size(), 7u);  // its blank is a printed blank, not layout before a label
  EXPECT_EQ(rows[6].tokens[0].raw, "");
}

TEST(ShapePlacement, SubRowsArePlacedByTheirOrder) {
  Mapping m = map_scanned(layout_2021());
  EXPECT_EQ(m.format, "2021");
  EXPECT_EQ(first_value(m, "partially_granted"), 103);
  EXPECT_EQ(first_value(m, "denied_state_secret"), 104);
  EXPECT_EQ(first_value(m, "denied_query_item"), 111);
  EXPECT_EQ(first_value(m, "unavailable_not_held"), 112);
  EXPECT_EQ(first_value(m, "rejected_complaint"), 115);
  EXPECT_EQ(first_value(m, "rejected_confirmation"), 119);
  EXPECT_EQ(first_value(m, "other_overdue_correction"), 120);
  EXPECT_EQ(first_value(m, "other_other"), 122);
  EXPECT_EQ(first_value(m, "total"), 123);
  // Said once, naming the rows so placed.
  int said = 0;
  for (auto& f : m.findings)
    if (f.rule == "mapping.rows_by_order") {
      ++said;
      EXPECT_NE(f.message.find("19 row(s)"), std::string::npos) << f.message;
      EXPECT_NE(f.message.find("8.属于行政查询事项"), std::string::npos) << f.message;
    }
  EXPECT_EQ(said, 1);
  // A table read with every label says nothing of the kind.
  auto labelled = layout_2021();
  for (auto& r : labelled)
    if (r.label.empty()) r.label = "x";
  for (auto& f : map_scanned(labelled).findings) EXPECT_NE(f.rule, "mapping.rows_by_order");
}

// As many rows as the template's, but two groups cut otherwise ((四) in four
// rows, (五) in four): those two are not placed by their order — unread,
// not misplaced —, the groups whose cells span the template's rows are.
TEST(ShapePlacement, GroupsCutOtherwiseAreNotPlaced) {
  Mapping m = map_scanned(layout_2021({8, 4, 4, 3}));
  EXPECT_EQ(first_value(m, "partially_granted"), 103);
  EXPECT_EQ(first_value(m, "total"), 123);
  for (const char* key : {"unavailable_not_held", "unavailable_unclear", "rejected_complaint", "rejected_confirmation"})
    EXPECT_EQ(first_value(m, key), -1) << key;
  EXPECT_EQ(first_value(m, "denied_state_secret"), 104);
  EXPECT_EQ(first_value(m, "denied_query_item"), 111);
  EXPECT_EQ(first_value(m, "other_overdue_correction"), 120);
  EXPECT_EQ(first_value(m, "other_other"), 122);
}

// One row too many in (六): its rows are not placed. The group's words
// "（六）其他处理" on a row whose own label is unread do not make it
// （六）3.其他 (alias 其他).
TEST(ShapePlacement, GroupWordsAreNotTheRowsLabel) {
  Mapping m = map_scanned(layout_2021({8, 3, 5, 4}));
  EXPECT_EQ(first_value(m, "other_other"), -1);
  EXPECT_EQ(first_value(m, "other_overdue_correction"), -1);
  EXPECT_EQ(first_value(m, "total"), 124);
}

// The group's words as OCR reads them: nearer their own group's name than
// any other's, they still say where the group starts; words that name
// another group ((三)'s cell read as 五不予处理) leave that group unplaced.
TEST(ShapePlacement, GroupWordsReadWithErrors) {
  auto rows = layout_2021();
  rows[4].group = "(三)不子公天";  // 2 edits from 三不予公开, 4 from 五不予处理
  rows[13].group = "法提供";       // the tail of (四)无法提供 cut by a page break
  Mapping m = map_scanned(rows);
  EXPECT_EQ(first_value(m, "denied_state_secret"), 104);
  EXPECT_EQ(first_value(m, "unavailable_needs_creation"), 113);
  rows[4].group = "(五)不予处理";
  rows[13].group = "";  // (四) in one cell again
  m = map_scanned(rows);
  EXPECT_EQ(first_value(m, "denied_state_secret"), -1);
  EXPECT_EQ(first_value(m, "denied_query_item"), -1);
  EXPECT_EQ(first_value(m, "unavailable_not_held"), 112);  // the groups after it stand alone
  EXPECT_EQ(first_value(m, "rejected_complaint"), 115);
}
