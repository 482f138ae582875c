// Supervised workers and the store under faults: the same output for any
// number of workers, an input that hangs, blows up or crashes its worker
// (failed with the reason, the others written), kill -9 mid-run, two writers.
#include <gtest/gtest.h>

#include <chrono>
#include <random>
#include <thread>

#include "batch_test_util.h"

using namespace gk_batch_test;
using gk_test::data;
using gk_test::run_cli;
using gk_test::sample;

namespace {

// A scanned report: its worker loads the OCR models (about 1.25 s, 200 MB).
std::string scan() { return data("scans/huaian-city-2024-p3-5.scan.pdf"); }

}  // namespace

TEST(Workers, SameOutputForAnyNumberOfWorkers) {
  fs::path d = fresh_dir("any_n");
  auto inputs = joined(write_reports(d / "in", 0, 8)) + " " + sample("pingtan-2020.txt") + " " +
                sample("huaian-hongze-district-2024.pdf") + " " + sample("003_07ea97a0e0dbb2b9.txt");
  auto one = run_cli("extract -q -j 1" + inputs);
  auto three = run_cli("extract -q -j 3" + inputs);
  EXPECT_EQ(one.status, 0) << one.out;
  EXPECT_EQ(std::count(one.out.begin(), one.out.end(), '\n'), 11);
  EXPECT_EQ(one.out, three.out);  // the same JSON bytes, in the same order
  // The same record as the library gives in-process.
  auto lines = std::vector<std::string>();
  for (size_t at = 0, nl; (nl = one.out.find('\n', at)) != std::string::npos; at = nl + 1)
    lines.push_back(one.out.substr(at, nl - at));
  EXPECT_EQ(lines[8], gongkai::to_json(gongkai::extract_file(sample("pingtan-2020.txt"))).dump());
  std::string a = (d / "a.sqlite").string(), b = (d / "b.sqlite").string();
  run_cli("extract -q -j 1 --db " + a + inputs);
  run_cli("extract -q -j 3 --db " + b + inputs);
  EXPECT_EQ(Store(a).rows("SELECT id, sha256, record FROM reports ORDER BY id"),
            Store(b).rows("SELECT id, sha256, record FROM reports ORDER BY id"));
  EXPECT_EQ(content(a), content(b));
}

TEST(Workers, AnInputPastTheTimeBudgetFailsAndTheOthersAreWritten) {
  fs::path d = fresh_dir("timeout");
  std::string db = (d / "s.sqlite").string();
  auto reports = write_reports(d / "in", 0, 2);
  auto r = run_cli("extract -j 1 --timeout 1 --db " + db + " " + reports[0] + " " + scan() + " " + reports[1]);
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("huaian-city-2024-p3-5.scan.pdf: took longer than the time budget"), std::string::npos) << r.out;
  Store s(db);
  EXPECT_EQ(s.rows("SELECT status, file FROM reports ORDER BY file"),
            "failed|huaian-city-2024-p3-5.scan.pdf\nok|r000.txt\nok|r001.txt\n");
  EXPECT_NE(s.rows("SELECT error FROM failures").find("--timeout"), std::string::npos);
  // A rerun tries the failed input again, and only it.
  auto again = run_cli("extract -j 1 --timeout 1 --db " + db + " " + reports[0] + " " + scan() + " " + reports[1]);
  EXPECT_NE(again.out.find("0 read, 1 failed, 2 skipped"), std::string::npos) << again.out;
}

TEST(Workers, AnInputPastTheMemoryBudgetFailsAndTheOthersAreWritten) {
  fs::path d = fresh_dir("memory");
  auto reports = write_reports(d / "in", 0, 2);
  fs::copy_file(scan(), d / "in/scan.pdf");
  // 200 MB lies between the two kinds of worker in either build (peak
  // resident memory, /usr/bin/time): one reading these two text reports holds
  // 30 MB (Release) or 145 MB (ASan, tools/sanitize.sh); one OCRing the scan
  // 296 MB (Release) and more under ASan (killed past 300 MB).
  auto r = run_cli("extract -j 1 --max-memory 200 --out-dir " + (d / "out").string() + " " + (d / "in/scan.pdf").string() +
                   joined(reports));
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("scan.pdf: needed more memory than the budget"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::exists(d / "out/r000.json"));
  EXPECT_TRUE(fs::exists(d / "out/r001.json"));
  EXPECT_FALSE(fs::exists(d / "out/scan.json"));
}

// Under the polled budget, the kernel refuses a worker's allocations past
// half again the budget (RLIMIT_DATA), so that an input allocating faster
// than the poll cannot overshoot by any amount.
TEST(Workers, TheKernelCapsAWorkersDataAtHalfAgainTheBudget) {
#if defined(__SANITIZE_ADDRESS__)
  GTEST_SKIP() << "no cap under AddressSanitizer (its shadow memory is terabytes of private mappings)";
#endif
  fs::path d = fresh_dir("cap");
  // A scan: its worker reads for seconds, long enough to be looked at.
  pid_t run = start_cli({"extract", "-q", "-j", "1", "--max-memory", "1000", "--out-dir", (d / "out").string(), scan()});
  std::vector<pid_t> workers = wait_for_workers(run);
  ASSERT_EQ(workers.size(), 1u);
  // The worker sets it once it has read its configuration from the supervisor.
  std::string data;
  for (int i = 0; i < 100 && (data.empty() || data.find("unlimited") != std::string::npos); ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    std::ifstream limits("/proc/" + std::to_string(workers[0]) + "/limits");
    for (std::string line; std::getline(limits, line);)
      if (line.rfind("Max data size", 0) == 0) data = line;
  }
  EXPECT_NE(data.find(std::to_string(1500LL * 1024 * 1024)), std::string::npos) << data;
  ::kill(run, SIGKILL);  // its worker follows it (PR_SET_PDEATHSIG)
  wait_exit(run);
}

TEST(Workers, ACrashedWorkerIsReplacedAndTheBatchGoesOn) {
  fs::path d = fresh_dir("crash");
  std::string db = (d / "s.sqlite").string();
  auto reports = write_reports(d / "in", 0, 3);
  pid_t run = start_cli({"extract", "-j", "1", "--db", db, scan(), reports[0], reports[1], reports[2]});
  // The scan is first; its worker loads the OCR models for about a second.
  // A real crash of that worker (SIGSEGV from outside, no hidden trigger).
  std::vector<pid_t> workers = wait_for_workers(run);
  ASSERT_EQ(workers.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(200));
  ::kill(workers[0], SIGSEGV);
  EXPECT_EQ(wait_exit(run), 1);
  Store s(db);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM reports WHERE status = 'ok'"), 3);
  std::string error = s.rows("SELECT error FROM failures");
  EXPECT_NE(error.find("killed by signal SIGSEGV"), std::string::npos) << error;
  EXPECT_NE(error.find("replaced"), std::string::npos) << error;
}

TEST(Workers, ACrashAmidQuickInputsCostsOnlyTheOneBeingRead) {
  // Text reports are sent two at a time: a worker that dies holds one it was
  // reading and maybe one it had not begun; only the first is failed.
  fs::path d = fresh_dir("crash_quick");
  std::string db = (d / "s.sqlite").string();
  write_reports(d / "in", 0, 150);
  pid_t run = start_cli({"extract", "-j", "1", "--db", db, (d / "in").string()});
  std::vector<pid_t> workers = wait_for_workers(run);
  ASSERT_EQ(workers.size(), 1u);
  std::this_thread::sleep_for(std::chrono::milliseconds(150));
  ::kill(workers[0], SIGSEGV);
  int status = wait_exit(run);
  Store s(db);
  long failed = s.number("SELECT COUNT(*) FROM reports WHERE status = 'failed'");
  EXPECT_LE(failed, 1);
  EXPECT_EQ(status, failed ? 1 : 0);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM reports"), 150);
  if (failed) EXPECT_NE(s.rows("SELECT error FROM failures").find("SIGSEGV"), std::string::npos);
}

TEST(Workers, KillNineAtFiveMomentsThenRerunLeavesOneWholeRecordPerInput) {
  fs::path d = fresh_dir("kill9");
  std::string db = (d / "s.sqlite").string();
  write_reports(d / "in", 0, 60);
  write_file(d / "in/copy/r005.txt", numbered_report(5));  // 61 paths, 60 distinct inputs
  std::random_device seed;
  unsigned s0 = seed();
  std::mt19937 rng(s0);
  SCOPED_TRACE("seed " + std::to_string(s0));
  auto whole = [&](const Store& s) {
    EXPECT_EQ(s.rows("PRAGMA integrity_check"), "ok\n");
    // Every stored report is whole: as many cell rows as its record has cells.
    EXPECT_EQ(s.number("SELECT COUNT(*) FROM reports r WHERE status = 'ok' AND json_array_length(record, '$.cells') "
                       "!= (SELECT COUNT(*) FROM cells c WHERE c.report_id = r.id)"), 0);
    EXPECT_EQ(s.number("SELECT COUNT(*) FROM cells WHERE report_id NOT IN (SELECT id FROM reports)"), 0);
  };
  for (int i = 0; i < 5; ++i) {
    pid_t run = start_cli({"extract", "-j", "2", "--force", "--db", db, (d / "in").string()});
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution<int>(50, 700)(rng)));
    ::kill(run, SIGKILL);
    wait_exit(run);
    if (fs::exists(db)) whole(Store(db));  // (a kill before the store was created leaves none)
  }
  auto r = run_cli("extract -j 2 --db " + (db) + " " + (d / "in").string());
  EXPECT_EQ(r.status, 0) << r.out;
  Store s(db);
  whole(s);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM reports WHERE status = 'ok'"), 60);
  EXPECT_EQ(s.number("SELECT COUNT(DISTINCT sha256) FROM reports"), 60);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM report_paths"), 61);
}

TEST(Workers, TwoWritersOnOneStoreBothFinish) {
  fs::path d = fresh_dir("two_writers");
  std::string db = (d / "s.sqlite").string();
  auto first = write_reports(d / "in", 0, 40);
  std::vector<std::string> a{"extract", "-q", "-j", "1", "--db", db}, b = a;
  for (int i = 0; i < 30; ++i) a.push_back(first[i]);
  for (int i = 10; i < 40; ++i) b.push_back(first[i]);  // 20 inputs in both
  pid_t pa = start_cli(a), pb = start_cli(b);
  EXPECT_EQ(wait_exit(pa), 0);
  EXPECT_EQ(wait_exit(pb), 0);
  Store s(db);
  EXPECT_EQ(s.rows("PRAGMA integrity_check"), "ok\n");
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM reports WHERE status = 'ok'"), 40);
  EXPECT_EQ(s.number("SELECT COUNT(*) FROM report_paths"), 40);
}

TEST(Store, AnOldPathKeyedStoreIsRefusedWithAClearMessage) {
  fs::path d = fresh_dir("old_store");
  std::string db = (d / "old.sqlite").string();
  {
    sqlite3* h = nullptr;
    sqlite3_open(db.c_str(), &h);
    sqlite3_exec(h, "CREATE TABLE reports (id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, record TEXT)", nullptr,
                 nullptr, nullptr);
    sqlite3_close(h);
  }
  auto r = run_cli("extract --db " + db + " " + sample("pingtan-2020.txt"));
  EXPECT_EQ(r.status, 3);  // the run cannot start: not "some input failed"
  EXPECT_NE(r.out.find(db + ": a store of an older gongkai (schema 0"), std::string::npos) << r.out;
  auto v = run_cli("--version");
  EXPECT_EQ(v.status, 0);
  EXPECT_NE(v.out.find("store schema 1"), std::string::npos) << v.out;
}

TEST(Store, StdinIsAnInputToo) {
  auto r = run_cli("extract - < " + sample("pingtan-2020.txt"));
  EXPECT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(nlohmann::json::parse(r.out)["source"]["file"], "stdin");
}
