#include <gtest/gtest.h>
#include "text/fuzzy.h"
TEST(Fuzzy, ExactInfix) { EXPECT_EQ(gongkai::infix_distance(U"予以公开", U"三本年度办理结果予以公开"), 0); }
