// The groups of table 三's rows, and the group words read from a scanned
// group cell name (src/template/groups.h).
#include "template/groups.h"

#include <gtest/gtest.h>

using namespace gongkai;

TEST(Groups, WordsReadFromAGroupCellNameItsGroup) {
  const TableSpec& t = requests_table("2021");
  EXPECT_EQ(group_named(U"三不予公开", t), U"三不予公开");
  EXPECT_EQ(group_named(U"三不子公天", t), U"三不予公开");  // misread: 2 edits
  EXPECT_EQ(group_named(U"予公开", t), U"三不予公开");      // continued on a new page
  EXPECT_EQ(group_named(U"四无去提供", t), U"四无法提供");
  EXPECT_EQ(group_named(U"六其他处理", t), U"六其他处理");
}

// The column heading over every group, and the rows that stand in none,
// name no group: the scan reader reads the labels of the rows under them.
TEST(Groups, TheColumnHeadingAndUngroupedRowsNameNone) {
  const TableSpec& t = requests_table("2021");
  EXPECT_EQ(group_named(U"三本年度办理结果", t), U"");
  EXPECT_EQ(group_named(U"一本年度办理结果", t), U"");
  int grouped = 0;
  for (const RowSpec& row : t.rows) grouped += !group_of(row).empty();
  EXPECT_EQ(grouped, 8 + 3 + 5 + 3);
}
