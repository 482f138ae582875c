// The CLI contract and bad inputs.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

using namespace gk_test;
namespace fs = std::filesystem;

static fs::path tmpdir() {
  fs::path d = fs::temp_directory_path() / ("gongkai_cli_" + std::to_string(::getpid()));
  fs::create_directories(d);
  return d;
}

static void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

TEST(Cli, SingleInputGoesToStdout) {
  auto r = run_cli("extract " + sample("001_f113ad9132274b61.txt"));
  EXPECT_EQ(r.status, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["schema_version"], 1);
  EXPECT_EQ(j["source"]["kind"], "text");
  EXPECT_EQ(j["tables"]["requests"]["new_received"]["total"], 2);
}

TEST(Cli, OutDirNamesAndExitOneWhenAFileIsMissing) {
  auto d = tmpdir() / "out";
  auto r = run_cli("extract --out-dir " + d.string() + " " + sample("000_074bf0adc45c12ee.txt") +
                   " /nonexistent/report.txt " + sample("003_07ea97a0e0dbb2b9.txt"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("/nonexistent/report.txt: file not found"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(d / "000_074bf0adc45c12ee.json"));
  EXPECT_TRUE(fs::exists(d / "003_07ea97a0e0dbb2b9.json"));
}

TEST(Cli, UsageErrorIsTwoHelpIsZero) {
  EXPECT_EQ(run_cli("extract").status, 2);
  EXPECT_EQ(run_cli("frobnicate x").status, 2);
  EXPECT_EQ(run_cli("extract --format xml a.txt").status, 2);
  auto h = run_cli("extract --help");
  EXPECT_EQ(h.status, 0);
  EXPECT_NE(h.out.find("--out-dir"), std::string::npos);
}

TEST(Cli, CsvIsLongFormat) {
  auto r = run_cli("extract --format csv " + sample("003_07ea97a0e0dbb2b9.txt"));
  EXPECT_EQ(r.status, 0);
  // A byte-order mark first: Excel on a Chinese Windows reads the file as UTF-8 only then.
  EXPECT_EQ(r.out.rfind("\xEF\xBB\xBF" "file,agency,year,table,row,col,value,row_label,col_label", 0), 0u);
  EXPECT_NE(r.out.find(",requests,granted,natural_person,2,"), std::string::npos);
}

TEST(BadInput, EmptyBinaryAndDirectoryAreErrorsNamingTheFile) {
  auto d = tmpdir();
  write(d / "empty.txt", "");
  write(d / "junk.bin", std::string("\x00\x01\x02\xff\xfe", 5) + std::string(1000, '\x03'));
  auto r = run_cli("extract --out-dir " + (d / "o").string() + " " + (d / "empty.txt").string() + " " +
                   (d / "junk.bin").string() + " " + d.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("empty.txt: empty file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("junk.bin: binary data"), std::string::npos) << r.out;
  // A folder is an input (issue 14): walked, not refused. Its empty.txt is the
  // same content as the one given, so it is one input named once; junk.bin is
  // neither a PDF, an image, HTML nor named as text, so the walk leaves it.
  EXPECT_EQ(r.out.find("is a directory"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2 failed"), std::string::npos) << r.out;
}

TEST(BadInput, NotAReportIsReadWithAFinding) {
  auto d = tmpdir();
  write(d / "poem.txt", "床前明月光，疑是地上霜。\n举头望明月，低头思故乡。2024\n");
  auto r = run_cli("extract " + (d / "poem.txt").string());
  EXPECT_EQ(r.status, 0);
  auto j = nlohmann::json::parse(r.out);
  EXPECT_TRUE(has_finding(j, "mapping.no_tables", "extraction"));
  EXPECT_TRUE(j["tables"]["requests"].empty());
}

TEST(BadInput, GbkTextAndInvalidUtf8) {
  auto d = tmpdir();
  // Seed 001 re-encoded as GBK must read exactly like the UTF-8 original.
  std::ifstream in(sample("001_f113ad9132274b61.txt"), std::ios::binary);
  std::string utf8((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  write(d / "utf8.txt", utf8);
  ASSERT_EQ(std::system(("iconv -f UTF-8 -t GB18030 " + (d / "utf8.txt").string() + " > " + (d / "gbk.txt").string()).c_str()), 0);
  auto r = run_cli("extract " + (d / "gbk.txt").string());
  ASSERT_EQ(r.status, 0) << r.out;
  auto j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j["source"]["encoding"], "GB18030");
  EXPECT_EQ(j["tables"]["requests"]["unavailable_not_held"]["natural_person"], 3);
  // Latin-1 bytes in an otherwise ASCII file: decodes as GB18030 or fails cleanly, never crashes.
  write(d / "bad.txt", "abc \xe9\xe8\xff\xfe def");
  auto b = run_cli("extract " + (d / "bad.txt").string());
  EXPECT_TRUE(b.status == 0 || b.status == 1) << b.out;
}

TEST(BadInput, TruncatedPdfIsNamedWithTheProblem) {
  auto d = tmpdir();
  write(d / "x.pdf", "%PDF-1.4\n%truncated");
  auto r = run_cli("extract " + (d / "x.pdf").string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("x.pdf: damaged or truncated PDF"), std::string::npos) << r.out;
}

TEST(Score, CountsCorrectWrongMissing) {
  auto d = tmpdir();
  write(d / "e.json", R"({"tables":{"active":{"licensing":{"decisions":3}},"requests":{"total":{"total":5,"other":1}}}})");
  write(d / "a.json", R"({"tables":{"active":{"licensing":{"decisions":3}},"requests":{"total":{"total":6,"other":null}}}})");
  auto r = run_cli("score " + (d / "e.json").string() + " " + (d / "a.json").string());
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.out.find("correct=1\twrong=1\tmissing=1"), std::string::npos) << r.out;
}

TEST(Score, WrongCellsWithoutAFindingAreCounted) {
  auto d = tmpdir();
  write(d / "e.json", R"({"meta":{"agency":"宜兴市水利局"},"tables":{"requests":{"total":{"total":5,"other":1}}}})");
  // total is wrong and a finding names it; other is wrong and nothing says so;
  // the agency is wrong and a meta finding warns of it.
  write(d / "a.json", R"({"meta":{"agency":"宣兴市水利局"},"tables":{"requests":{"total":{"total":6,"other":2}}},
    "findings":[{"rule":"requests.outcome_sum","kind":"source","cells":[{"table":"requests","row":"total","col":"total"}]},
                {"rule":"meta.read_by_ocr","kind":"extraction","cells":[]}]})");
  auto r = run_cli("score " + (d / "e.json").string() + " " + (d / "a.json").string() + " -v");
  EXPECT_NE(r.out.find("wrong=3"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("wrong_without_finding=1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("requests.total.other 1→2 (no finding)"), std::string::npos) << r.out;
}

TEST(Cli, DatabaseHoldsEveryRecordAndSkipsItOnRerun) {
  auto d = tmpdir();
  std::string db = (d / "reports.sqlite").string();
  std::string a = sample("003_07ea97a0e0dbb2b9.txt");
  std::string b = sample("pingtan-2020.txt");
  auto r = run_cli("extract --db " + db + " " + a + " " + b + " " + (d / "missing.txt").string());
  EXPECT_EQ(r.status, 1);  // the missing file; the others are still stored
  EXPECT_EQ(r.out.find("\"schema_version\""), std::string::npos) << "records go to the database, not stdout";
  auto again = run_cli("extract --db " + db + " " + a);  // again: skipped, not added
  EXPECT_NE(again.out.find("0 read, 0 failed, 1 skipped as already stored"), std::string::npos) << again.out;
  sqlite3* h = nullptr;
  ASSERT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  auto count = [&](const char* sql) {
    sqlite3_stmt* s = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(h, sql, -1, &s, nullptr), SQLITE_OK) << sql;
    long n = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
    sqlite3_finalize(s);
    return n;
  };
  // The missing file has no content, so no record; the other two are read.
  EXPECT_EQ(count("SELECT COUNT(*) FROM reports WHERE status = 'ok'"), 2);
  EXPECT_EQ(count("PRAGMA user_version"), 1);
  EXPECT_EQ(count("SELECT COUNT(*) FROM cells WHERE report_id NOT IN (SELECT id FROM reports)"), 0);
  // 003's 予以公开 total is 2 (one cell of the row lost and repaired).
  EXPECT_EQ(count("SELECT c.value FROM cells c JOIN report_files r ON r.report_id = c.report_id WHERE r.path LIKE '%003_%' "
                  "AND c.tbl = 'requests' AND c.row = 'granted' AND c.col = 'total'"), 2);
  EXPECT_EQ(count("SELECT COUNT(*) FROM cells c JOIN report_files r ON r.report_id = c.report_id WHERE r.path LIKE '%003_%' "
                  "AND c.repaired_from IS NOT NULL"), 2);
  // pingtan-2020's table 三 does not add up as printed: a source finding.
  EXPECT_GE(count("SELECT COUNT(*) FROM findings f JOIN report_files r ON r.report_id = f.report_id WHERE r.path LIKE "
                  "'%pingtan-2020%' AND f.kind = 'source'"), 1);
  sqlite3_close(h);
  auto bad = run_cli("extract --db " + (d / "no/such/dir/x.sqlite").string() + " " + a);
  EXPECT_EQ(bad.status, 3) << bad.out;  // the run cannot start (README: exit 3), not "some input failed"
  EXPECT_NE(bad.out.find("x.sqlite"), std::string::npos) << bad.out;
}
