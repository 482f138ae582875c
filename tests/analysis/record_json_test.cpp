// A JSON record read back into memory gives the same record and the same
// spreadsheet: what a run whose records come back from workers as JSON needs.
#include <gtest/gtest.h>

#include <filesystem>

#include "analysis/record_json.h"
#include "test_util.h"
#include "writers/wide_csv_writer.h"

using namespace gk_test;
namespace fs = std::filesystem;

TEST(RecordJson, TablesMetaAndFindingsSurviveTheRoundTrip) {
  std::vector<gongkai::Report> direct, back;
  for (auto& e : fs::directory_iterator(data("real-archive")))
    if (e.path().extension() == ".txt") direct.push_back(gongkai::extract_file(e.path().string()));
  for (const char* s : {"huaian-hongze-district-2023.pdf", "shanghai-municipal-govoffice-2019.html", "pingtan-2020.txt"})
    direct.push_back(gongkai::extract_file(sample(s)));
  ASSERT_GT(direct.size(), 20u);
  for (auto& r : direct) {
    nlohmann::json j = gongkai::to_json(r);
    back.push_back(gongkai::record_from_json(j));
    nlohmann::json again = gongkai::to_json(back.back());
    for (const char* part : {"tables", "meta", "findings"}) EXPECT_EQ(again[part], j[part]) << r.source.file << " " << part;
  }
  std::vector<const gongkai::Report*> a, b;
  for (auto& r : direct) a.push_back(&r);
  for (auto& r : back) b.push_back(&r);
  EXPECT_EQ(gongkai::to_wide_csv(b), gongkai::to_wide_csv(a));
}

TEST(RecordJson, NotARecordIsAClearError) {
  EXPECT_THROW(gongkai::record_from_json(nlohmann::json::parse("{\"a\": 1}")), std::runtime_error);
  EXPECT_THROW(gongkai::record_from_json(nlohmann::json::parse(
                   R"({"source": {}, "meta": {}, "tables": {"nonsense": {"r": {"c": 1}}}})")),
               std::runtime_error);
}
