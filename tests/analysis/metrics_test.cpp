// The derived metrics, computed by hand from the samples' checked records,
// and the store's SQL views giving the same.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <cmath>
#include <filesystem>
#include <map>

#include "analysis/metrics.h"
#include "test_util.h"
#include "writers/sqlite_writer.h"

using namespace gk_test;
namespace fs = std::filesystem;

namespace {

std::map<std::string, std::optional<double>> metrics_of(const gongkai::Report& r) {
  std::map<std::string, std::optional<double>> out;
  for (auto& m : gongkai::report_metrics(r)) out[m.key] = m.value;
  return out;
}

void expect_rate(std::optional<double> got, std::optional<double> want, const std::string& what) {
  ASSERT_EQ(got.has_value(), want.has_value()) << what;
  if (want) EXPECT_NEAR(*got, *want, 1e-12) << what;
}

}  // namespace

// The values are the checked expected records' (samples/*.expected.json),
// the sums worked out by hand.
TEST(Metrics, HuaianCity2024ByHand) {
  auto m = metrics_of(gongkai::extract_file(sample("huaian-city-2024.pdf")));
  // (1362 + 454) / (3050 − (62 + 25 + 0 + 0 + 1) − (71 + 6 + 110))
  expect_rate(m["disclosure_rate"], 1816.0 / 2775.0, "实质公开率");
  expect_rate(m["review_correction_rate"], 64.0 / (351 - 37), "复议纠错率");
  expect_rate(m["litigation_loss_rate_direct"], 4.0 / (26 - 1), "直接起诉败诉率");
  expect_rate(m["litigation_loss_rate_after_review"], 1.0 / (20 - 6), "复议后起诉败诉率");
  expect_rate(m["litigation_loss_rate"], 5.0 / (46 - 7), "诉讼败诉率");
}

TEST(Metrics, NullWhereTheDenominatorIsZero) {
  // Hongze 2023 prints every 总计 of table 四 as 0 (a finding of its own).
  auto m = metrics_of(gongkai::extract_file(sample("huaian-hongze-district-2023.pdf")));
  expect_rate(m["disclosure_rate"], (0.0 + 4) / (21 - 1), "实质公开率");
  expect_rate(m["review_correction_rate"], std::nullopt, "复议纠错率");
  expect_rate(m["litigation_loss_rate_direct"], std::nullopt, "直接起诉败诉率");
  expect_rate(m["litigation_loss_rate"], std::nullopt, "诉讼败诉率");
}

TEST(Metrics, GrowthNeedsTheYearBefore) {
  auto y2023 = gongkai::extract_file(sample("huaian-hongze-district-2023.pdf"));
  auto y2024 = gongkai::extract_file(sample("huaian-hongze-district-2024.pdf"));
  auto m = metrics_of(y2024);
  expect_rate(m["disclosure_rate"], (50.0 + 9) / (95 - 1), "实质公开率");
  expect_rate(m["review_correction_rate"], 1.0 / 2, "复议纠错率");
  expect_rate(m["litigation_loss_rate_after_review"], 0.0, "复议后起诉败诉率");
  expect_rate(gongkai::request_growth(y2024, y2023), 95.0 / 21 - 1, "依申请公开增长率");
  EXPECT_FALSE(gongkai::request_growth(y2023, y2024));  // the wrong way round
  y2023.meta.year = 2022;
  EXPECT_FALSE(gongkai::request_growth(y2024, y2023));  // not adjacent
}

TEST(Metrics, TheStoresViewsGiveTheSame) {
  fs::path db = fs::temp_directory_path() / ("gongkai_metrics_" + std::to_string(::getpid()) + ".sqlite");
  fs::remove(db);
  std::vector<std::string> names = {"huaian-city-2024.pdf", "huaian-hongze-district-2023.pdf",
                                    "huaian-hongze-district-2024.pdf", "pingtan-2019.txt", "pingtan-2020.txt",
                                    "shanghai-municipal-govoffice-2019.html", "003_07ea97a0e0dbb2b9.txt"};
  std::map<std::string, gongkai::Report> reports;
  {
    gongkai::ReportDb store(db.string());
    for (auto& n : names) {
      gongkai::Report& r = reports[sample(n)] = gongkai::extract_file(sample(n));
      gongkai::StoredReport stored;
      stored.sha256 = r.source.sha256;
      stored.file = r.source.file;
      stored.record = gongkai::to_json(r).dump();
      stored.paths = {sample(n)};
      store.put(stored);
    }
  }
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.string().c_str(), &h), SQLITE_OK);
  // The store carries the views itself (analysis/metrics_sql.h): nothing is loaded by hand.
  sqlite3_stmt* st = nullptr;
  ASSERT_EQ(sqlite3_prepare_v2(h,
                               "SELECT report_paths.path, disclosure_rate, review_correction_rate, "
                               "litigation_loss_rate_direct, litigation_loss_rate_after_review, litigation_loss_rate "
                               "FROM report_metrics JOIN reports ON reports.id = report_id "
                               "JOIN report_paths ON report_paths.sha256 = reports.sha256",
                               -1, &st, nullptr),
            SQLITE_OK);
  int rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    ++rows;
    std::string path = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    auto want = gongkai::report_metrics(reports.at(path));
    for (int i = 0; i < 5; ++i) {
      std::optional<double> got;
      if (sqlite3_column_type(st, i + 1) != SQLITE_NULL) got = sqlite3_column_double(st, i + 1);
      expect_rate(got, want[i].value, path + " " + want[i].key);
    }
  }
  sqlite3_finalize(st);
  EXPECT_EQ(rows, static_cast<int>(names.size()));
  ASSERT_EQ(sqlite3_prepare_v2(h, "SELECT year, request_growth FROM request_growth", -1, &st, nullptr), SQLITE_OK);
  int growth_rows = 0;
  while (sqlite3_step(st) == SQLITE_ROW) {
    if (sqlite3_column_int(st, 0) != 2024) continue;
    ++growth_rows;
    EXPECT_NEAR(sqlite3_column_double(st, 1), 95.0 / 21 - 1, 1e-12);
  }
  EXPECT_EQ(growth_rows, 1);
  sqlite3_finalize(st);
  sqlite3_close(h);
  fs::remove(db);
}
