// Lines from glyphs, and page furniture.
#include <gtest/gtest.h>

#include "readers/pdf/layout.h"

using namespace gongkai::pdf;

namespace {
Glyph g(char32_t c, double x, double y, double size = 10) { return {c, {x, y, x + size, y + size}, size}; }
}  // namespace

TEST(Layout, GlyphsInAnyOrderMakeLinesInReadingOrder) {
  // WPS draws the second line before the first, and digits out of order.
  std::vector<Glyph> gs = {g(U'丙', 50, 120), g(U'乙', 60, 100.5), g(U'甲', 50, 100), g(U'丁', 60, 119.6)};
  std::vector<const Glyph*> ptrs;
  for (auto& x : gs) ptrs.push_back(&x);
  auto lines = group_lines(ptrs);
  ASSERT_EQ(lines.size(), 2u);
  EXPECT_EQ(lines[0].text, "甲乙");
  EXPECT_EQ(lines[1].text, "丙丁");
  EXPECT_EQ(cell_text(ptrs), "甲乙丙丁");
}

TEST(Layout, WideGapIsASpace) {
  std::vector<Glyph> gs = {g(U'2', 50, 100), g(U'0', 60, 100), g(U'年', 80, 100)};
  std::vector<const Glyph*> ptrs;
  for (auto& x : gs) ptrs.push_back(&x);
  EXPECT_EQ(group_lines(ptrs).at(0).text, "20 年");
}
