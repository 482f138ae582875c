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

namespace {

// UTF-16 code units of text in the Basic Multilingual Plane, in either byte order.
std::string utf16(std::string_view utf8, bool big_endian) {
  std::string out;
  for (char32_t c : to_u32(utf8)) {
    char high = static_cast<char>(c >> 8), low = static_cast<char>(c & 0xFF);
    out += big_endian ? std::string{high, low} : std::string{low, high};
  }
  return out;
}

const std::string kReportLines =
    "平潭综合实验区市场监督管理局2021年度政府信息公开工作年度报告\n三、收到和处理政府信息公开申请情况\n"
    "（一）予以公开\t3\t0\t0\t0\t0\t0\t3\n";

}  // namespace

TEST(Encoding, Utf16WithOrWithoutBomIsDecoded) {
  for (bool big_endian : {false, true}) {
    std::string bytes = utf16(kReportLines, big_endian);
    std::string bom = big_endian ? "\xFE\xFF" : "\xFF\xFE";
    for (const std::string& input : {bom + bytes, bytes}) {
      std::string enc;
      auto s = decode_text(input, enc);
      ASSERT_TRUE(s) << big_endian;
      EXPECT_EQ(*s, kReportLines) << big_endian << (input == bytes ? " without BOM" : " with BOM");
    }
    std::string enc;
    decode_text(bytes, enc);
    EXPECT_EQ(enc, big_endian ? "UTF-16BE" : "UTF-16LE");
  }
  // Han but for the line ends (一 is U+4E00: a NUL on the other side): the order still shows.
  std::string enc;
  auto han = decode_text(utf16("一一一二三四\n一\n", false), enc);
  ASSERT_TRUE(han);
  EXPECT_EQ(*han, "一一一二三四\n一\n");
}

TEST(Encoding, Big5IsDetectedAndReadInSimplifiedCharacters) {
  std::string enc;
  // "三、收到和處理政府資訊公開申請情況" in Big5: as short as a heading, uchardet names it.
  auto s = decode_text("\xa4\x54\xa1\x42\xa6\xac\xa8\xec\xa9\x4d\xb3\x42\xb2\x7a\xac\x46\xa9\xb2\xb8\xea"
                       "\xb0\x54\xa4\xbd\xb6\x7d\xa5\xd3\xbd\xd0\xb1\xa1\xaa\x70", enc);
  ASSERT_TRUE(s);
  EXPECT_EQ(enc, "Big5");
  EXPECT_EQ(*s, "三、收到和处理政府资讯公开申请情况");
  // The same in GB18030 stays GB18030, traditional characters and all.
  auto gb = decode_text("\xc8\xfd\xa1\xa2\xca\xd5\xb5\xbd\xba\xcd\xcc\x8e\xc0\xed\xd5\xfe\xb8\xae\xd9\x59"
                        "\xd3\x8d\xb9\xab\xe9\x5f\xc9\xea\xd5\x88\xc7\xe9\x9b\x72", enc);
  ASSERT_TRUE(gb);
  EXPECT_EQ(enc, "GB18030");
  EXPECT_EQ(*gb, "三、收到和處理政府資訊公開申請情況");
}

TEST(Encoding, TraditionalToSimplified) {
  EXPECT_EQ(to_simplified("規章 行政規範性文件 結轉下年度繼續辦理 （七）總計 2021年"),
            "规章 行政规范性文件 结转下年度继续办理 （七）总计 2021年");
}
