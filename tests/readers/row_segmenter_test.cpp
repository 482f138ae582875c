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
