// The division an agency's name determines, and the key that joins it across
// years and formats. Codes checked against the official list (民政部).
#include <gtest/gtest.h>

#include "mapping/region.h"
#include "test_util.h"

using gongkai::region_of;

TEST(Region, ACountyByItsName) {
  auto r = region_of("洪泽区人民政府");
  EXPECT_EQ(r.code, "320813");
  EXPECT_EQ(r.province, "江苏省");
  EXPECT_EQ(r.prefecture, "淮安市");
  EXPECT_EQ(r.county, "洪泽区");
  EXPECT_EQ(region_of("沭阳县发展和改革局").code, "321322");
}

TEST(Region, APrefectureAndAProvinceLevelCity) {
  EXPECT_EQ(region_of("淮安市人民政府").code, "320800");
  auto r = region_of("上海市人民政府办公厅");
  EXPECT_EQ(r.code, "310000");
  EXPECT_EQ(r.county, "");
  // 东城区 holds 城区 (a county of 山西 and others): the longer name stands.
  EXPECT_EQ(region_of("北京市东城区人民政府").code, "110101");
  EXPECT_EQ(region_of("东城区人民政府").code, "110101");
}

TEST(Region, AnAmbiguousNameIsLeftOpenWithItsCandidates) {
  auto r = region_of("鼓楼区人民政府");
  EXPECT_EQ(r.code, "");
  for (const char* c : {"320106", "320302", "350102", "410204"})
    EXPECT_NE(std::find(r.candidates.begin(), r.candidates.end(), c), r.candidates.end()) << c;
  // The prefecture the name also holds decides it.
  EXPECT_EQ(region_of("南京市鼓楼区人民政府").code, "320106");
  EXPECT_EQ(region_of("福州市鼓楼区人民政府").code, "350102");
}

TEST(Region, NoPlaceNoCode) {
  auto r = region_of("平潭综合实验区财政金融局");
  EXPECT_EQ(r.code, "");
  EXPECT_TRUE(r.candidates.empty());
  EXPECT_EQ(r.agency_normalised, "平潭综合实验区财政金融局");
}

TEST(Region, OneKeyForOneAgencyHoweverItIsWritten) {
  std::string key = region_of("洪泽区人民政府").agency_normalised;
  EXPECT_EQ(key, "320813:人民政府");
  EXPECT_EQ(region_of("淮安市洪泽区人民政府").agency_normalised, key);
  EXPECT_EQ(region_of("江苏省淮安市洪泽区人民政府").agency_normalised, key);
  EXPECT_EQ(region_of("洪泽区政府").agency_normalised, key);
  EXPECT_EQ(region_of("洪泽区 人民政府").agency_normalised, key);
  EXPECT_NE(region_of("洪泽区人民政府办公室").agency_normalised, key);
}

TEST(Region, RecordsOfOneAgencyAcrossYearsAndFormatsShareTheKey) {
  auto a = gk_test::extract_json(gk_test::sample("huaian-hongze-district-2023.pdf"));
  auto b = gk_test::extract_json(gk_test::sample("huaian-hongze-district-2024.pdf"));
  EXPECT_EQ(a["meta"]["division_code"], "320813");
  EXPECT_EQ(a["meta"]["agency_normalised"], b["meta"]["agency_normalised"]);
  auto html = gk_test::extract_json(gk_test::sample("shanghai-municipal-govoffice-2019.html"));
  auto md = gk_test::extract_json(gk_test::sample("shanghai-municipal-govoffice-2025.md"));
  EXPECT_EQ(html["meta"]["agency_normalised"], md["meta"]["agency_normalised"]);
  EXPECT_EQ(html["meta"]["division_code"], "310000");
}
