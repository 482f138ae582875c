// `gongkai check DB` over a store that holds several years of agencies.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>

#include "test_util.h"

using namespace gk_test;
namespace fs = std::filesystem;

TEST(CheckStore, CrossYearFindingsOverTheRealArchive) {
  fs::path d = fs::temp_directory_path() / ("gongkai_check_" + std::to_string(::getpid()));
  fs::create_directories(d);
  std::string db = (d / "store.sqlite").string();
  ASSERT_EQ(run_cli("extract -q --db " + db + " " + data("real-archive")).status, 0);
  auto r = run_cli("check " + db);
  EXPECT_EQ(r.status, 0) << r.out;
  // 24 reports and the folder's README.md (read: no tables). Checked by hand in the reports: 海坛片区 printed its 2021 tables in the 2019 format and
  // 2024's in the 2021 one; 财政金融局's 2024 行政规范性文件 现行有效 1 ≠ 2023's 8 + 0 − 2.
  EXPECT_NE(r.out.find("pingtan-htp-2021.txt\t2021\tcross_year.format_switch"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pingtan-htp-2024.txt\t2024\tcross_year.format_switch"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("pingtan-czj-2024.txt\t2024\tcross_year.in_force\tinfo\t"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("现行有效件数 1 ≠ 2023年（pingtan-czj-2023.txt） 现行有效件数 8 + 本年制发 0 − 本年废止 2 = 6"),
            std::string::npos);
  EXPECT_NE(r.out.find("25 reports, 4 cross-year findings"), std::string::npos) << r.out;
  // The findings are in the store too, on their reports, and a second check
  // replaces them instead of adding them twice.
  auto count = [&] {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h,
                       "SELECT COUNT(*) FROM findings f JOIN report_files r ON r.report_id = f.report_id "
                       "WHERE f.kind = 'cross_year' AND r.path LIKE '%pingtan-htp-202%'",
                       -1, &st, nullptr);
    long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
  };
  EXPECT_EQ(count(), 2);
  ASSERT_EQ(run_cli("check " + db).status, 0);
  EXPECT_EQ(count(), 2);
  EXPECT_EQ(run_cli("check " + (d / "none.sqlite").string()).status, 1);
  EXPECT_FALSE(fs::exists(d / "none.sqlite"));
  fs::remove_all(d);
}

TEST(CheckStore, AnArchiveRunChecksTheYearsOfTheAgenciesItRead) {
  fs::path d = fs::temp_directory_path() / ("gongkai_check_run_" + std::to_string(::getpid()));
  fs::create_directories(d / "in");
  std::string db = (d / "store.sqlite").string();
  // 海坛片区's 2021 report first (printed in the 2019 format), its 2024 one
  // (the 2021 format) in a later run: the second run finds the switch on both.
  fs::copy_file(data("real-archive/pingtan-htp-2021.txt"), d / "in/pingtan-htp-2021.txt");
  ASSERT_EQ(run_cli("extract -q --db " + db + " " + (d / "in").string()).status, 0);
  auto kinds = [&] {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    sqlite3_stmt* st = nullptr;
    sqlite3_prepare_v2(h, "SELECT COUNT(*) FROM findings WHERE rule = 'cross_year.format_switch'", -1, &st, nullptr);
    long n = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : -1;
    sqlite3_finalize(st);
    sqlite3_close(h);
    return n;
  };
  EXPECT_EQ(kinds(), 0);
  fs::copy_file(data("real-archive/pingtan-htp-2024.txt"), d / "in/pingtan-htp-2024.txt");
  auto r = run_cli("extract --db " + db + " " + (d / "in").string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("cross-year checks: 2 findings over 1 agencies"), std::string::npos) << r.out;
  EXPECT_EQ(kinds(), 2);
  fs::remove_all(d);
}
