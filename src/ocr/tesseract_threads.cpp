#include "ocr/tesseract_threads.h"

#include <dlfcn.h>

#include <cstdlib>

namespace gongkai::ocr {

// ---------------------------------------------------------------------------------------------
// OpenMP. Debian's libtesseract is built with OpenMP: the LSTM runs its gates on
// `#pragma omp parallel for num_threads(4)`. On a cell a few hundred pixels wide the
// threads cost far more in start-up and synchronisation than they save (measured on
// 20 number and 8 label cells: 18 vs 6 ms per number cell, 157 vs 62 ms per label, and
// they would fight with our own worker threads). The documented switch is
// OMP_THREAD_LIMIT=1, but libgomp reads its environment once, in a constructor that runs
// when the library is loaded — before main() when libtesseract is linked in, so setting
// it from here is too late for that case (measured: still 17.5 ms per number cell).
// What works at run time is the
// max-active-levels ICV: with 0 active levels every parallel region runs on one thread.
// Since GCC 11 that ICV belongs to the calling thread's data environment, so it is set in
// every thread that runs Tesseract. The function is looked up with dlsym so that we do
// not link libgomp ourselves (and nothing happens if Tesseract was built without it).
// The environment variable is still set (if unset) for a libgomp loaded later (dlopen)
// and for child processes.
void serialise_openmp_in_this_thread() {
  static const auto set_levels = [] {
    setenv("OMP_THREAD_LIMIT", "1", 0);
    return reinterpret_cast<void (*)(int)>(dlsym(RTLD_DEFAULT, "omp_set_max_active_levels"));
  }();
  thread_local bool done = false;
  if (!done) {
    if (set_levels) set_levels(0);
    done = true;
  }
}

}  // namespace gongkai::ocr
