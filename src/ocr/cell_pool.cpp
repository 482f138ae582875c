// CellOcrPool: worker threads, each with its own CellReader, sharing the cells of a page.
#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <exception>
#include <mutex>
#include <stdexcept>
#include <thread>

#include "ocr/cell_ocr.h"

namespace gongkai::ocr {

struct CellOcrPool::Impl {
  OcrOptions opt;
  std::vector<std::thread> workers;
  std::mutex m;
  std::condition_variable wake, done;
  // Start-up.
  int ready = 0;
  std::exception_ptr init_error;
  // The current page.
  uint64_t generation = 0;
  bool stop = false;
  int busy = 0;
  const cv::Mat* page = nullptr;
  const std::vector<std::pair<cv::Rect, CellKind>>* cells = nullptr;
  std::vector<Reading>* out = nullptr;
  std::atomic<size_t> next{0};
  std::exception_ptr error;

  void run() {
    std::unique_ptr<CellReader> reader;
    try {
      reader = std::make_unique<CellReader>(opt);
    } catch (...) {
      std::lock_guard lk(m);
      if (!init_error) init_error = std::current_exception();
    }
    uint64_t seen = 0;
    {
      std::lock_guard lk(m);
      ++ready;
    }
    done.notify_all();
    if (!reader) return;
    for (;;) {
      {
        std::unique_lock lk(m);
        wake.wait(lk, [&] { return stop || generation != seen; });
        if (stop) return;
        seen = generation;
      }
      try {
        reader->set_page(*page);
        for (size_t i; (i = next.fetch_add(1)) < cells->size();)
          (*out)[i] = reader->read((*cells)[i].first, (*cells)[i].second);
      } catch (...) {
        std::lock_guard lk(m);
        if (!error) error = std::current_exception();
        next = cells->size();
      }
      {
        std::lock_guard lk(m);
        --busy;
      }
      done.notify_all();
    }
  }

  void shutdown() {
    {
      std::lock_guard lk(m);
      stop = true;
    }
    wake.notify_all();
    for (auto& t : workers)
      if (t.joinable()) t.join();
  }
};

CellOcrPool::CellOcrPool(const OcrOptions& options) : impl_(std::make_unique<Impl>()) {
  impl_->opt = options;
  const int n = std::max(1, options.threads);
  for (int i = 0; i < n; ++i) impl_->workers.emplace_back([this] { impl_->run(); });
  {
    std::unique_lock lk(impl_->m);
    impl_->done.wait(lk, [&] { return impl_->ready == n; });
  }
  if (impl_->init_error) {
    impl_->shutdown();
    std::rethrow_exception(impl_->init_error);
  }
}

CellOcrPool::~CellOcrPool() { impl_->shutdown(); }

int CellOcrPool::threads() const { return (int)impl_->workers.size(); }

std::vector<Reading> CellOcrPool::read_page(const cv::Mat& grey,
                                            const std::vector<std::pair<cv::Rect, CellKind>>& cells) {
  if (!grey.empty() && grey.type() != CV_8UC1)
    throw std::invalid_argument("CellOcrPool::read_page: the page must be CV_8UC1 (grey)");
  std::vector<Reading> out(cells.size());
  if (cells.empty()) return out;
  auto& s = *impl_;
  {
    std::unique_lock lk(s.m);
    s.page = &grey;
    s.cells = &cells;
    s.out = &out;
    s.next = 0;
    s.error = nullptr;
    s.busy = (int)s.workers.size();
    ++s.generation;
  }
  s.wake.notify_all();
  {
    std::unique_lock lk(s.m);
    s.done.wait(lk, [&] { return s.busy == 0; });
    s.page = nullptr;
    s.cells = nullptr;
    s.out = nullptr;
  }
  if (s.error) std::rethrow_exception(s.error);
  return out;
}

}  // namespace gongkai::ocr
