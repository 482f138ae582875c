// Baseline for tools/bench_python.py: the median time of what gongkai.extract
// does in C++ — extract_file and the JSON writer (python/batch.h's
// extract_record) with one ReadContext kept between runs, as the Python
// module keeps one per thread — so that the figures show what the binding
// itself adds (GIL release, the dict).
//   build/bench_python_baseline FILE... [--repeat N]
// Prints one line per file: "FILE median_wall_ms median_cpu_ms" (CPU: this
// thread's, which the machine's other load barely changes; text and PDF
// inputs are read on the calling thread alone).
#include <algorithm>
#include <chrono>
#include <ctime>
#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "python/batch.h"

namespace {

double thread_cpu_ms() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v[v.size() / 2];
}

}  // namespace

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
    std::vector<double> wall, cpu;
    for (int r = 0; r < repeat; ++r) {
      double c0 = thread_cpu_ms();
      auto t0 = std::chrono::steady_clock::now();
      {  // the record is freed inside the timing, as the binding frees it
        gongkai::RecordOutcome o = gongkai::extract_record(f, context);
        if (!o.ok()) std::fprintf(stderr, "%s: %s\n", f.c_str(), o.error.c_str());
      }
      wall.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
      cpu.push_back(thread_cpu_ms() - c0);
    }
    std::printf("%s %.4f %.4f\n", f.c_str(), median(wall), median(cpu));
  }
  return 0;
}
