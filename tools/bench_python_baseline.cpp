// Baseline for tools/bench_python.py: the median time of what gongkai.extract
// does in C++ — extract_file and the JSON writer (python/batch.h's
// extract_record) with one ReadContext kept between runs, as the Python
// module keeps one per thread — so that the figures show what the binding
// itself adds (GIL release, the dict).
//   build/bench_python_baseline FILE... [--repeat N]
// Prints one line per file: "FILE median_ms".
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "python/batch.h"

int main(int argc, char** argv) {
  int repeat = 20;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = std::max(1, std::atoi(argv[++i]));
    else files.push_back(argv[i]);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: bench_python_baseline FILE... [--repeat N]\n");
    return 2;
  }
  gongkai::ReadContext context;
  for (const std::string& f : files) {
    std::vector<double> ms;
    for (int r = 0; r < repeat; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      gongkai::RecordOutcome o = gongkai::extract_record(f, context);
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      if (!o.ok()) std::fprintf(stderr, "%s: %s\n", f.c_str(), o.error.c_str());
    }
    std::sort(ms.begin(), ms.end());
    std::printf("%s %.4f\n", f.c_str(), ms[ms.size() / 2]);
  }
  return 0;
}
