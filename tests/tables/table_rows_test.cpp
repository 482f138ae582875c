// Rows from a table's cells (HTML, PDF text layer, scan): signed changes.
#include <gtest/gtest.h>

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
