// The text reader on reports in the encodings they are published in: UTF-16
// (with or without a byte-order mark) and Big5 are read, not refused or garbled.
#include <gtest/gtest.h>

#include <cstdlib>

#include "test_util.h"
#include "text/unicode.h"

using namespace gk_test;

namespace {

// `utf8` in another encoding, by iconv(1).
std::string encoded(const std::string& utf8, const std::string& to) {
  std::string in = testing::TempDir() + "/report_utf8.txt", out = testing::TempDir() + "/report_encoded.txt";
  std::ofstream(in, std::ios::binary) << utf8;
  if (std::system(("iconv -f UTF-8 -t " + to + " " + in + " > " + out).c_str()) != 0) return "";
  return slurp(out);
}

std::string report() {
  return minimal_report({{"一、本年新收政府信息公开申请数量", "5\t0\t0\t0\t0\t0\t5"},
                         {"（一）予以公开", "3\t0\t0\t0\t0\t0\t3"}},
                        "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
}

}  // namespace

TEST(TextReader, Utf16ReportIsReadWithOrWithoutBom) {
  for (std::string order : {"UTF-16LE", "UTF-16BE"}) {
    std::string bytes = encoded(report(), order);
    ASSERT_FALSE(bytes.empty());
    std::string bom = order == "UTF-16LE" ? "\xFF\xFE" : "\xFE\xFF";
    for (const std::string& input : {bytes, bom + bytes}) {
      auto rec = gongkai::to_json(gongkai::extract_bytes(input, "report.txt"));
      EXPECT_EQ(rec["tables"]["requests"]["new_received"]["natural_person"], 5) << order;
      EXPECT_EQ(rec["tables"]["requests"]["granted"]["total"], 3) << order;
      EXPECT_EQ(rec["meta"]["agency"], "洪泽区人民政府") << order;
    }
  }
}

TEST(TextReader, BinaryIsStillRefused) {
  // Not UTF-16 either: its NUL bytes decode to nothing readable.
  std::string junk = std::string("\x00\x01\x02\xff\xfe", 5) + std::string(1000, '\x03');
  EXPECT_THROW(gongkai::extract_bytes(junk, "junk.bin"), std::exception);
}

// A mainland report converted to traditional characters and published in Big5.
TEST(TextReader, Big5ReportIsReadNotGarbled) {
  std::string traditional =
      "平潭綜合實驗區市場監督管理局2021年度政府信息公開工作年度報告\n一、總體情況\n正文。\n"
      "二、主動公開政府信息情況\n信息內容\t本年制發件數\t本年廢止件數\t現行有效件數\n規章\t0\t0\t0\n"
      "行政規範性文件\t1\t0\t5\n行政許可\t3\n行政處罰\t4\n行政強制\t0\n"
      "三、收到和處理政府信息公開申請情況\n\t自然人\t商業企業\t科研機構\t社會公益組織\t法律服務機構\t其他\t總計\n"
      "一、本年新收政府信息公開申請數量\t5\t0\t0\t0\t0\t0\t5\n（一）予以公開\t3\t0\t0\t0\t0\t0\t3\n"
      "四、政府信息公開行政復議、行政訴訟情況\n0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\n"
      "五、存在的主要問題及改進情況\n無。\n";
  std::string big5 = encoded(traditional, "BIG5");
  ASSERT_FALSE(big5.empty());
  auto rec = gongkai::to_json(gongkai::extract_bytes(big5, "report.txt"));
  EXPECT_EQ(rec["source"]["encoding"], "Big5");
  EXPECT_EQ(rec["meta"]["agency"], "平潭综合实验区市场监督管理局");
  EXPECT_EQ(rec["tables"]["active"]["normative_documents"]["in_force"], 5);
  EXPECT_EQ(rec["tables"]["requests"]["new_received"]["total"], 5);
  EXPECT_EQ(rec["tables"]["requests"]["granted"]["natural_person"], 3);
}

TEST(TextReader, NearlyUtf8IsReadWithTheBadBytesReplacedAndSaid) {
  std::string bytes = gk_test::slurp(gk_test::sample("pingtan-2022.txt"));
  bytes.insert(bytes.find("二、"), "\xff");  // one corrupted byte before table 二
  auto rec = gongkai::to_json(gongkai::extract_bytes(bytes, "nearly.txt"));
  EXPECT_TRUE(gk_test::has_finding(rec, "text.invalid_bytes", "extraction"));
  EXPECT_EQ(rec["tables"]["requests"]["total"]["total"], 75);
}
