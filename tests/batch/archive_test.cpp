// The archive runner through the CLI: content identity, folders and lists,
// --out-dir mirroring, the store, resume, shards and merge, any -j.
#include <gtest/gtest.h>

#include "batch/run_options.h"
#include "batch_test_util.h"

using namespace gk_batch_test;
using gk_test::run_cli;
using gk_test::sample;

TEST(Archive, SameContentUnderTwoPathsIsOneReportWithBothPaths) {
  fs::path d = fresh_dir("dup");
  write_file(d / "a/report.txt", numbered_report(7));
  write_file(d / "b/report.txt", numbered_report(7));
  write_file(d / "b/copy-of-report.txt", numbered_report(7));
  write_file(d / "c/other.txt", numbered_report(8));
  std::string db = (d / "s.sqlite").string();
  auto r = run_cli("extract --db " + db + " " + (d / "a").string() + " " + (d / "b").string() + " " +
                   (d / "c/other.txt").string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("2 distinct inputs (4 paths): 2 read"), std::string::npos) << r.out;
  Store s(db);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM reports"), 2);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM report_paths"), 4);
  EXPECT_EQ(s.number("SELECT COUNT(DISTINCT path) FROM report_files WHERE path LIKE '%report.txt'"), 3);
  // A SUM over the archive counts the copies once: 7 + 8 new requests.
  EXPECT_EQ(s.number("SELECT SUM(value) FROM cell_values WHERE tbl = 'requests' AND row = 'new_received' AND "
                     "col = 'total'"), 15);
}

TEST(Archive, SameNameInTwoFoldersGivesTwoRecordsNeverAnOverwrite) {
  fs::path d = fresh_dir("names");
  write_file(d / "in/a/report.txt", numbered_report(11));
  write_file(d / "in/b/report.txt", numbered_report(12));
  auto r = run_cli("extract --out-dir " + (d / "out").string() + " " + (d / "in/a/report.txt").string() + " " +
                   (d / "in/b/report.txt").string());
  EXPECT_EQ(r.status, 0) << r.out;
  auto a = gk_test::load((d / "out/a/report.json").string());
  auto b = gk_test::load((d / "out/b/report.json").string());
  EXPECT_EQ(a["tables"]["requests"]["new_received"]["total"], 11);
  EXPECT_EQ(b["tables"]["requests"]["new_received"]["total"], 12);
  // report.md and report.txt of one folder would share report.json: the
  // second is an error naming both, and the first record stays as written.
  write_file(d / "in/c/report.md", numbered_report(13));
  write_file(d / "in/c/report.txt", numbered_report(14));
  auto c = run_cli("extract --out-dir " + (d / "out2").string() + " " + (d / "in/c").string());
  EXPECT_EQ(c.status, 1) << c.out;
  EXPECT_NE(c.out.find("report.txt: not written: its record would be"), std::string::npos) << c.out;
  EXPECT_NE(c.out.find("already holds the record of " + (d / "in/c/report.md").string()), std::string::npos) << c.out;
  EXPECT_EQ(gk_test::load((d / "out2/report.json").string())["tables"]["requests"]["new_received"]["total"], 13);
}

TEST(Archive, FolderIsWalkedForReportsByContent) {
  fs::path d = fresh_dir("walk");
  write_file(d / "archive/2021/county/r1.txt", numbered_report(21));
  write_file(d / "archive/.cache/r2.txt", numbered_report(22));     // hidden folder
  write_file(d / "archive/.r3.txt", numbered_report(23));           // hidden file
  write_file(d / "archive/notes.json", "{\"schema_version\": 1}");  // not a report
  write_file(d / "archive/out/old.txt", numbered_report(24));       // inside the run's --out-dir
  fs::copy_file(sample("huaian-hongze-district-2024.pdf"), d / "archive/scan.dat");  // a PDF by content
  std::string db = (d / "archive/store.sqlite").string();
  auto r = run_cli("extract --summary --db " + db + " --out-dir " + (d / "archive/out").string() + " " +
                   (d / "archive").string());
  EXPECT_EQ(r.status, 0) << r.out;
  Store s(db);
  EXPECT_EQ(s.rows("SELECT path FROM report_paths ORDER BY path"),
            (d / "archive/2021/county/r1.txt").string() + "\n" + (d / "archive/scan.dat").string() + "\n");
  EXPECT_EQ(s.rows("SELECT kind FROM reports ORDER BY kind"), "pdf-text\ntext\n");
  EXPECT_TRUE(fs::exists(d / "archive/out/2021/county/r1.json"));
  EXPECT_TRUE(fs::exists(d / "archive/out/scan.json"));
  // A list of paths, one a line, is an input too; a rerun of the same
  // folder reads nothing again (its own outputs are not inputs).
  write_file(d / "list", (d / "archive/2021/county/r1.txt").string() + "\n\n" + (d / "archive/.r3.txt").string() + "\n");
  auto l = run_cli("extract --db " + db + " --files-from " + (d / "list").string());
  EXPECT_NE(l.out.find("2 distinct inputs (2 paths): 1 read, 0 failed, 1 skipped"), std::string::npos) << l.out;
  auto again = run_cli("extract --db " + db + " --out-dir " + (d / "archive/out").string() + " " + (d / "archive").string());
  // A folder with no report in it is said to be so.
  fs::create_directories(d / "empty/.hidden");
  write_file(d / "empty/.hidden/r.txt", numbered_report(1));
  auto none = run_cli("extract " + (d / "empty").string());
  EXPECT_EQ(none.status, 1);
  EXPECT_NE(none.out.find("no report among the inputs"), std::string::npos) << none.out;
  EXPECT_NE(again.out.find("2 distinct inputs (2 paths): 0 read, 0 failed, 2 skipped"), std::string::npos) << again.out;
}

TEST(Archive, RerunExtractsOnlyTheNewInputs) {
  fs::path d = fresh_dir("resume");
  std::string db = (d / "s.sqlite").string();
  write_reports(d / "in", 0, 6);
  EXPECT_EQ(run_cli("extract -q --db " + db + " " + (d / "in").string()).status, 0);
  write_reports(d / "in", 6, 8);                                 // two new reports
  write_file(d / "in/sub/r001-copy.txt", numbered_report(1));  // and a copy of r001
  auto r = run_cli("extract --db " + db + " " + (d / "in").string());
  EXPECT_NE(r.out.find("8 distinct inputs (9 paths): 2 read, 0 failed, 6 skipped as already stored"),
            std::string::npos) << r.out;
  Store s(db);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM reports"), 8);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM report_paths WHERE path LIKE '%r001-copy.txt'"), 1);
  auto forced = run_cli("extract --force --db " + db + " " + (d / "in").string());
  EXPECT_NE(forced.out.find("8 read, 0 failed, 0 skipped"), std::string::npos) << forced.out;
  EXPECT_EQ(Store(db).number("SELECT COUNT(*) FROM reports"), 8);
}

TEST(Archive, ShardsMergedEqualOneProcessRun) {
  fs::path d = fresh_dir("shards");
  auto inputs = joined(write_reports(d / "in", 0, 12)) + " " + sample("pingtan-2020.txt") + " " +
                sample("003_07ea97a0e0dbb2b9.txt");
  ASSERT_EQ(run_cli("extract -q -j 1 --db " + (d / "one.sqlite").string() + inputs).status, 0);
  long shares = 0;
  std::string shards;
  for (int i = 0; i < 3; ++i) {
    std::string db = (d / ("shard" + std::to_string(i) + ".sqlite")).string();
    auto r = run_cli("extract --shard " + std::to_string(i) + "/3 --db " + db + inputs);
    ASSERT_EQ(r.status, 0) << r.out;
    shares += Store(db).number("SELECT COUNT(*) FROM reports");
    shards += " " + db;
  }
  EXPECT_EQ(shares, 14);  // every input in exactly one share
  std::string merged = (d / "merged.sqlite").string();
  ASSERT_EQ(run_cli("merge " + merged + shards).status, 0);
  EXPECT_EQ(content(merged), content((d / "one.sqlite").string()));
  auto again = run_cli("merge " + merged + shards);  // idempotent
  EXPECT_EQ(again.out.find(" 1 added"), std::string::npos) << again.out;
  EXPECT_EQ(content(merged), content((d / "one.sqlite").string()));
  EXPECT_EQ(run_cli("extract --shard 3/3 x.txt").status, 2);
  auto missing = run_cli("merge " + merged + " " + (d / "no-such.sqlite").string());
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.out.find("no-such.sqlite: not found"), std::string::npos) << missing.out;
}

TEST(Archive, MergeKeepsTheNewerToolVersion) {
  fs::path d = fresh_dir("versions");
  std::string a = (d / "a.sqlite").string(), b = (d / "b.sqlite").string(), out = (d / "out.sqlite").string();
  auto inputs = joined(write_reports(d / "in", 0, 2));
  ASSERT_EQ(run_cli("extract -q --db " + a + inputs).status, 0);
  ASSERT_EQ(run_cli("extract -q --db " + b + inputs).status, 0);
  // b's first report by a newer version (its record marked so), its second by an older one.
  Store(b).exec("UPDATE reports SET tool_version = '99.0.0', record = json_set(record, '$.meta.title', 'newer') "
                "WHERE id = 1; UPDATE reports SET tool_version = '0.0.1', record = json_set(record, '$.meta.title', "
                "'older') WHERE id = 2");
  ASSERT_EQ(run_cli("merge " + out + " " + a).status, 0);
  auto r = run_cli("merge " + out + " " + b);
  EXPECT_NE(r.out.find("0 added, 1 replaced (newer version), 1 kept"), std::string::npos) << r.out;
  EXPECT_EQ(Store(out).rows("SELECT tool_version, json_extract(record, '$.meta.title') = 'newer' FROM reports "
                            "ORDER BY tool_version"),
            std::string(gongkai::kToolVersion) + "|0\n99.0.0|1\n");
}

// A spreadsheet is the whole run's: a rerun that skips what the store holds
// still lists every input, in the inputs' order, the skipped ones from the store.
TEST(Archive, RerunSpreadsheetListsTheSkippedInputsToo) {
  fs::path d = fresh_dir("sheet");
  auto first = write_reports(d / "in", 0, 2);
  auto later = write_reports(d / "in", 2, 3);
  std::string db = (d / "s.sqlite").string();
  ASSERT_EQ(run_cli("extract -q --db " + db + joined(first)).status, 0);
  auto r = run_cli("extract --db " + db + " --format wide-csv --out-dir " + (d / "out").string() + " " +
                   (d / "in").string());
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("1 read, 0 failed, 2 skipped"), std::string::npos) << r.out;
  std::ifstream csv(d / "out/reports.csv");
  std::vector<std::string> files;
  for (std::string line; std::getline(csv, line);) files.push_back(line.substr(0, line.find(',')));
  ASSERT_EQ(files.size(), 4u);  // the header and one row per report
  EXPECT_EQ(std::vector<std::string>(files.begin() + 1, files.end()),
            (std::vector<std::string>{"r000.txt", "r001.txt", "r002.txt"}));
}

// In a folder, a file named as a report is an input even when its bytes are
// not one: an empty or damaged report.pdf is named with its reason, never
// passed over in silence. Other files that are no report are still skipped.
TEST(Archive, AFolderFileNamedAsAReportIsNamedWhenItCannotBeRead) {
  fs::path d = fresh_dir("named");
  write_file(d / "in/good.txt", numbered_report(31));
  write_file(d / "in/empty.pdf", "");
  write_file(d / "in/binary.pdf", std::string("\x01\x02\x03\x04\xff\xfe binary", 14));
  write_file(d / "in/notes.json", "{\"schema_version\": 1}");
  auto r = run_cli("extract --out-dir " + (d / "out").string() + " " + (d / "in").string());
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find((d / "in/empty.pdf").string() + ": empty file"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find((d / "in/binary.pdf").string() + ": "), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("notes.json"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(d / "out/good.json"));
}
