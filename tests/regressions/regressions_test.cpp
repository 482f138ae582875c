// Inputs that once crashed, hung, blew up memory or threw something other
// than ReadError (found by the fuzzers of fuzz/, or by hand), kept so that
// they stay fixed. Every file of tests/data/regressions/ goes through the
// whole pipeline with OCR off and must give a record or throw ReadError: no
// crash, no other exception, in bounded time and memory. The file's name is
// the input's name (its extension is a hint for the reader: the HTML harness
// names its inputs "x.html", so its findings are kept as .html files).
//
// tests/data/regressions/open/ holds inputs that src/ still fails on: they
// run only in a DISABLED_ test (--gtest_also_run_disabled_tests), each one
// described in tests/data/regressions/README.md. Once fixed, a file moves up
// a folder. One test loops over a folder (rather than a test per file), so
// that a new file needs no rebuild: each file's name is printed before it is
// read, so a crash names it.
#include <gtest/gtest.h>
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <typeinfo>
#include <vector>

#include "test_util.h"

using namespace gk_test;
namespace fs = std::filesystem;

namespace {

// Generous: the slowest input takes well under a second in a Release build;
// a sanitizer build is several times slower.
constexpr double kSecondsPerInput = 60;
// Growth of the process's peak memory while reading one input. Reports need
// tens of MB; the bound is far above that and far below what the machine has.
constexpr long kPeakGrowthMb = 2048;

// The files of `folder`; with GONGKAI_REGRESSION_ONLY set, only those whose
// name holds it (one open input at a time: a crash ends the test binary).
std::vector<std::string> inputs(const std::string& folder) {
  std::vector<std::string> out;
  const char* only = std::getenv("GONGKAI_REGRESSION_ONLY");
  std::error_code ec;
  for (auto& e : fs::directory_iterator(data(folder), ec)) {
    std::string name = e.path().filename().string();
    if (only && name.find(only) == std::string::npos) continue;
    if (e.is_regular_file() && name != "README.md" && name[0] != '.') out.push_back(name);
  }
  std::sort(out.begin(), out.end());
  return out;
}

long peak_rss_mb() {
  rusage u{};
  getrusage(RUSAGE_SELF, &u);
  return u.ru_maxrss / 1024;
}

// Returns or throws ReadError; anything else fails (a crash ends the test).
void reads_cleanly(const std::string& folder, const std::string& file) {
  std::cerr << "[regression] " << folder << "/" << file << std::endl;
  std::string bytes = slurp(data(folder + "/" + file));
  gongkai::ReadOptions options;
  options.ocr = false;
  long peak_before = peak_rss_mb();
  auto start = std::chrono::steady_clock::now();
  try {
    gongkai::extract_bytes(bytes, file, options);
  } catch (const gongkai::ReadError&) {
    // An expected outcome for input that cannot be read.
  } catch (const std::exception& e) {
    ADD_FAILURE() << file << ": threw " << typeid(e).name() << ": " << e.what();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_LT(seconds, kSecondsPerInput) << file;
  EXPECT_LT(peak_rss_mb() - peak_before, kPeakGrowthMb) << file << ": peak memory grew by that many MB";
}

}  // namespace

TEST(Regressions, EveryInputReturnsOrThrowsReadError) {
  auto files = inputs("regressions");
  EXPECT_FALSE(files.empty());
  for (auto& f : files) reads_cleanly("regressions", f);
}

// Still failing in src/ (see tests/data/regressions/README.md): run by hand,
//   GONGKAI_REGRESSION_ONLY=NAME gongkai_tests --gtest_also_run_disabled_tests --gtest_filter='Regressions.DISABLED_*'
TEST(Regressions, DISABLED_OpenInputsReturnOrThrowReadError) {
  for (auto& f : inputs("regressions/open")) reads_cleanly("regressions/open", f);
}
