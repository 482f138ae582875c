// Benchmark: time to read, map, validate and repair one text report, on one
// core. Prints the median and the 90th percentile per file and overall.
//   build/bench_text FILE... [--repeat N]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "pipeline/extract.h"

int main(int argc, char** argv) {
  int repeat = 50;
  std::vector<std::string> files;
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--repeat") == 0 && i + 1 < argc) repeat = std::atoi(argv[++i]);
    else files.push_back(argv[i]);
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: bench_text FILE... [--repeat N]\n");
    return 2;
  }
  std::vector<double> all;
  for (auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::vector<double> ms;
    for (int r = 0; r < repeat; ++r) {
      auto t0 = std::chrono::steady_clock::now();
      try {
        auto rep = gongkai::extract_bytes(bytes, f);
        (void)rep;
      } catch (const std::exception&) {
      }
      ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    all.insert(all.end(), ms.begin(), ms.end());
    if (files.size() <= 20) std::printf("%-60s median %.3f ms  p90 %.3f ms\n", f.c_str(), ms[ms.size() / 2], ms[ms.size() * 9 / 10]);
  }
  std::sort(all.begin(), all.end());
  // Per-report medians too: the p99 over files says how slow the slowest
  // kinds of report are, which repeats of one fast file would hide.
  std::printf("ALL %zu files x %d: median %.3f ms  p90 %.3f ms  p99 %.3f ms  max %.3f ms\n", files.size(), repeat,
              all[all.size() / 2], all[all.size() * 9 / 10], all[all.size() * 99 / 100], all.back());
  return 0;
}
