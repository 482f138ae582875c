// What printed text means: blanks, values, page numbers (text/printed).
#include <gtest/gtest.h>

#include "text/printed.h"

using namespace gongkai;

TEST(Printed, PageNumbersInTheMargin) {
  auto is_page_number = [](const char* s) { return gongkai::is_page_number(s, PageNumberPlace::Margin); };
  for (const char* s : {"-1-", "— 3 —", "－ 12 －", "第 3 页", "3/6", "5"}) EXPECT_TRUE(is_page_number(s)) << s;
  for (const char* s : {"2024年", "一、总体情况", "3119", "-", ""}) EXPECT_FALSE(is_page_number(s)) << s;
}

TEST(Printed, PageNumbersAmidTextAreOnlyTheDecoratedForms) {
  auto footer = [](const char* s) { return gongkai::is_page_number(s, PageNumberPlace::InText); };
  for (const char* s : {"- 4 -", "— 12 —", "第 4 页", "第4页 共5页"}) EXPECT_TRUE(footer(s)) << s;
  // A bare number amid text is a cell's value; a dash before it, a negative one.
  for (const char* s : {"5", "3/6", "-5", "4 -", "— 1234 —", "第页", ""}) EXPECT_FALSE(footer(s)) << s;
}

TEST(Printed, BlankMarksAndValueText) {
  for (const char32_t* s : {U"-", U"—", U"--", U"——", U"/", U"无", U"–"}) EXPECT_TRUE(is_blank_mark(s));
  for (const char32_t* s : {U"---", U"0", U"无无", U""}) EXPECT_FALSE(is_blank_mark(s));
  for (const char32_t* s : {U"447228", U"96171.6", U"-", U"", U"251000元", U"22（其中修订16件）"})
    EXPECT_TRUE(is_value_text(s));
  for (const char32_t* s : {U"1.属于国家秘密", U"1本机关不掌握相关政府信息", U"5,于三类内部事务"})
    EXPECT_FALSE(is_value_text(s));
}

TEST(Printed, SignedChangesAreValues) {
  // 2019's 本年增/减 prints signs, also as words.
  for (const char32_t* s : {U"+1", U"-3", U"增5", U"减12", U"＋2"}) EXPECT_TRUE(is_value_text(s));
  for (const char32_t* s : {U"增加", U"减少3件以上", U"新增"}) EXPECT_FALSE(is_value_text(s));
  EXPECT_EQ(with_ascii_sign(U"增5"), U"+5");
  EXPECT_EQ(with_ascii_sign(U"减12"), U"-12");
  EXPECT_EQ(with_ascii_sign(U"新增"), U"新增");
}

// A comma in a number groups thousands, or the number is misread: OCR of a
// scanned 67676.62 gave "67676,62", recorded as 6767662 with no finding.
TEST(Printed, CommasGroupThousandsOrTheNumberIsMisread) {
  for (const char* ok : {"447228", "1,234", "1,234,567", "12,345.67", "-12,000", "+1,000", "96171.6", "1 234",
                         "3,119件", "", "-", "22（其中修订16件）"})
    EXPECT_TRUE(commas_group_thousands(ok)) << ok;
  for (const char* bad : {"67676,62", "1,23", "1234,567", ",123", "1,2345", "12,34.5", "1,234,56", "5,"})
    EXPECT_FALSE(commas_group_thousands(bad)) << bad;
}
