// Text primitives: label matching and decoding.
#include <gtest/gtest.h>

#include "test_util.h"
#include "text/fuzzy.h"
#include "text/unicode.h"

using namespace gk_test;
using namespace gongkai;

TEST(Fuzzy, GarbledLabelsStillMatch) {
  EXPECT_GT(label_match_score(U"予以公开", han_only("三、本\t(一) 予以\t以公开")), 0);
  EXPECT_GT(label_match_score(han_only("其他法律行政法规禁止公开"), han_only("2.其他法律行政止公开")), 0);
  EXPECT_EQ(label_match_score(U"其他", U"其他处理"), 2);
  EXPECT_EQ(label_match_score(U"总计", U"合计"), 0);
}

TEST(Encoding, Gb18030IsDetected) {
  std::string enc;
  auto s = decode_text("\xB9\xE6\xD5\xC2", enc);  // "规章" in GBK
  ASSERT_TRUE(s);
  EXPECT_EQ(*s, "规章");
  EXPECT_EQ(enc, "GB18030");
}
