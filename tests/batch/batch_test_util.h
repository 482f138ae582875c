// Helpers of the archive tests: fresh folders of distinct reports, the CLI
// started in the background, and questions to a store.
#pragma once
#include <fcntl.h>
#include <signal.h>
#include <sqlite3.h>
#include <sys/wait.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "test_util.h"

namespace gk_batch_test {

namespace fs = std::filesystem;

inline fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("gongkai_batch_" + std::to_string(::getpid()) + "_" + name);
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

inline void write_file(const fs::path& p, const std::string& s) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << s;
}

// Report number `i`: a real 2021-format report whose table 三 adds up, with
// numbers of its own, so that every i is a distinct input.
inline std::string numbered_report(int i) {
  std::string n = std::to_string(i), total = std::to_string(i + 2);
  return gk_test::minimal_report(
      gk_test::table3_rows(n + "\t0\t0\t0\t0\t0\t" + n, "2\t0\t0\t0\t0\t0\t2", n + "\t0\t0\t0\t0\t0\t" + n,
                           "2\t0\t0\t0\t0\t0\t2", total + "\t0\t0\t0\t0\t0\t" + total, "0\t0\t0\t0\t0\t0\t0"),
      "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
}

// Writes reports first..last-1 as DIR/rNNN.txt; returns their paths.
inline std::vector<std::string> write_reports(const fs::path& dir, int first, int last) {
  std::vector<std::string> out;
  for (int i = first; i < last; ++i) {
    char name[32];
    std::snprintf(name, sizeof name, "r%03d.txt", i);
    write_file(dir / name, numbered_report(i));
    out.push_back((dir / name).string());
  }
  return out;
}

inline std::string joined(const std::vector<std::string>& paths) {
  std::string s;
  for (auto& p : paths) s += " " + p;
  return s;
}

// Starts the CLI with `args` (its output to /dev/null); returns its pid.
// The tests crash its workers with SIGSEGV sent from outside. Under ASan
// (tools/sanitize.sh) the sanitizer's SEGV handler would catch that signal,
// print a report and exit 1; handle_segv=0 lets the worker die by the
// signal, as in a build without sanitizers (the variable means nothing there).
inline pid_t start_cli(const std::vector<std::string>& args) {
  const char* asan = std::getenv("ASAN_OPTIONS");
  std::string asan_options = "ASAN_OPTIONS=" + std::string(asan ? asan : "") + ":handle_segv=0";
  std::vector<char*> envp;
  for (char** e = environ; *e; ++e)
    if (std::string_view(*e).rfind("ASAN_OPTIONS=", 0) != 0) envp.push_back(*e);
  envp.push_back(asan_options.data());
  envp.push_back(nullptr);
  std::vector<char*> argv{const_cast<char*>(GONGKAI_BINARY)};
  for (auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
  argv.push_back(nullptr);
  pid_t pid = ::fork();
  if (pid == 0) {
    int null = ::open("/dev/null", O_WRONLY);
    ::dup2(null, 1);
    ::dup2(null, 2);
    ::execve(GONGKAI_BINARY, argv.data(), envp.data());
    ::_exit(127);
  }
  return pid;
}

inline int wait_exit(pid_t pid) {
  int status = 0;
  ::waitpid(pid, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : -WTERMSIG(status);
}

// The pids of `parent`'s children that run `gongkai __worker`.
inline std::vector<pid_t> worker_pids(pid_t parent) {
  std::vector<pid_t> out;
  for (auto& e : fs::directory_iterator("/proc")) {
    std::string name = e.path().filename().string();
    if (name.find_first_not_of("0123456789") != std::string::npos) continue;
    std::ifstream stat(e.path() / "stat");
    std::string line;
    std::getline(stat, line);
    auto close = line.rfind(')');
    if (close == std::string::npos) continue;
    int ppid = 0;
    char state;
    if (std::sscanf(line.c_str() + close + 2, "%c %d", &state, &ppid) != 2 || ppid != parent) continue;
    std::string cmd = gk_test::slurp((e.path() / "cmdline").string());
    if (cmd.find("__worker") != std::string::npos) out.push_back(std::stoi(name));
  }
  return out;
}

// The workers of `parent` once it has started one (none after 2 s).
inline std::vector<pid_t> wait_for_workers(pid_t parent) {
  std::vector<pid_t> workers;
  for (int i = 0; i < 100 && workers.empty(); ++i) {
    ::usleep(20'000);
    workers = worker_pids(parent);
  }
  return workers;
}

// One store, asked questions.
class Store {
 public:
  explicit Store(const std::string& path) { sqlite3_open_v2(path.c_str(), &db_, SQLITE_OPEN_READWRITE, nullptr); }
  bool exec(const std::string& sql) { return sqlite3_exec(db_, sql.c_str(), nullptr, nullptr, nullptr) == SQLITE_OK; }
  ~Store() { sqlite3_close(db_); }
  // The rows of `sql`, each as its columns joined by '|', one a line.
  std::string rows(const std::string& sql) const {
    sqlite3_stmt* s = nullptr;
    if (sqlite3_prepare_v2(db_, sql.c_str(), -1, &s, nullptr) != SQLITE_OK) return std::string("ERROR ") + sqlite3_errmsg(db_);
    std::string out;
    while (sqlite3_step(s) == SQLITE_ROW) {
      for (int i = 0; i < sqlite3_column_count(s); ++i) {
        auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
        out += (i ? "|" : "") + std::string(t ? t : "NULL");
      }
      out += "\n";
    }
    sqlite3_finalize(s);
    return out;
  }
  long number(const std::string& sql) const {
    std::string r = rows(sql);
    return r.empty() || r.rfind("ERROR", 0) == 0 ? -1 : std::stol(r);
  }

 private:
  sqlite3* db_ = nullptr;
};

// A store's content that does not depend on when or in how many processes it
// was written: every report (sha256, status, tool version, options, record),
// every path, every cell and finding by report.
inline std::string content(const std::string& db) {
  Store s(db);
  return s.rows("SELECT sha256, status, error, tool_version, options_hash, file, record FROM reports ORDER BY sha256") +
         s.rows("SELECT sha256, path FROM report_paths ORDER BY 1, 2") +
         s.rows("SELECT r.sha256, c.tbl, c.row, c.col, c.value, c.raw, c.repaired_from FROM cells c JOIN reports r ON "
                "r.id = c.report_id ORDER BY 1, 2, 3, 4") +
         s.rows("SELECT r.sha256, f.rule, f.kind, f.message FROM findings f JOIN reports r ON r.id = f.report_id "
                "ORDER BY 1, 2, 4");
}

}  // namespace gk_batch_test
