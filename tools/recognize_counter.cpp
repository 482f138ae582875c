// Counts Tesseract's recognitions in a process, by the language its engine
// was started with: preloaded (LD_PRELOAD) by tools/bench_scan_cost.sh, which
// builds it. After each recognition, the process's counts so far
// ("chi_sim eng other") stand in the file $GK_RECOGNIZE_COUNTS.PID (written
// then, not at exit: a batch worker is killed when its supervisor ends).
// A measuring aid, never linked into gongkai.
#include <dlfcn.h>
#include <tesseract/baseapi.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <mutex>
#include <string>
#include <unistd.h>

namespace {

std::atomic<long> chinese{0}, english{0}, other{0};
std::mutex writing;

void report() {
  const char* path = std::getenv("GK_RECOGNIZE_COUNTS");
  if (!path) return;
  std::lock_guard lock(writing);
  const std::string file = std::string(path) + "." + std::to_string(getpid());
  if (FILE* f = std::fopen(file.c_str(), "w")) {
    std::fprintf(f, "%ld %ld %ld\n", chinese.load(), english.load(), other.load());
    std::fclose(f);
  }
}

}  // namespace

int tesseract::TessBaseAPI::Recognize(ETEXT_DESC* monitor) {
  using Real = int (*)(tesseract::TessBaseAPI*, ETEXT_DESC*);
  static const Real real =
      reinterpret_cast<Real>(dlsym(RTLD_NEXT, "_ZN9tesseract11TessBaseAPI9RecognizeEPNS_10ETEXT_DESCE"));
  const std::string lang = GetInitLanguagesAsString();
  (lang.rfind("chi", 0) == 0 ? chinese : lang.rfind("eng", 0) == 0 ? english : other)++;
  const int status = real(this, monitor);
  report();
  return status;
}
