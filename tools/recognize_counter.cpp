// Counts Tesseract's recognitions in a process, by the language its engine
// was started with: preloaded (LD_PRELOAD) by tools/bench_scan_cost.sh, which
// builds it. After each recognition, the process's counts so far and the
// thread CPU time they took ("chi_sim eng other chi_sim_ms eng_ms other_ms")
// stand in the file $GK_RECOGNIZE_COUNTS.PID (written
// then, not at exit: a batch worker is killed when its supervisor ends).
// A measuring aid, never linked into gongkai.
#include <dlfcn.h>
#include <tesseract/baseapi.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <ctime>
#include <string>
#include <unistd.h>

namespace {

std::atomic<long> chinese{0}, english{0}, other{0};
std::atomic<long> chinese_us{0}, english_us{0}, other_us{0};

long thread_cpu_us() {
  timespec t{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return t.tv_sec * 1000000L + t.tv_nsec / 1000;
}
std::mutex writing;

void report() {
  const char* path = std::getenv("GK_RECOGNIZE_COUNTS");
  if (!path) return;
  std::lock_guard lock(writing);
  const std::string file = std::string(path) + "." + std::to_string(getpid());
  if (FILE* f = std::fopen(file.c_str(), "w")) {
    std::fprintf(f, "%ld %ld %ld %.1f %.1f %.1f\n", chinese.load(), english.load(), other.load(),
                 chinese_us.load() / 1000.0, english_us.load() / 1000.0, other_us.load() / 1000.0);
    std::fclose(f);
  }
}

}  // namespace

int tesseract::TessBaseAPI::Recognize(ETEXT_DESC* monitor) {
  using Real = int (*)(tesseract::TessBaseAPI*, ETEXT_DESC*);
  static const Real real =
      reinterpret_cast<Real>(dlsym(RTLD_NEXT, "_ZN9tesseract11TessBaseAPI9RecognizeEPNS_10ETEXT_DESCE"));
  const std::string lang = GetInitLanguagesAsString();
  const bool chi = lang.rfind("chi", 0) == 0, eng = lang.rfind("eng", 0) == 0;
  (chi ? chinese : eng ? english : other)++;
  const long start = thread_cpu_us();
  const int status = real(this, monitor);
  (chi ? chinese_us : eng ? english_us : other_us) += thread_cpu_us() - start;
  report();
  return status;
}
