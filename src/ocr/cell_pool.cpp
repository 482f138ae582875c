// CellOcrPool: a fixed set of CellReaders lent to oneTBB tasks, in an arena of
// as many threads. Each reader holds its own Tesseract engines (about 1.25 s
// and 100 MB to load), so the pool must never make more than it was asked
// for: a task borrows one of the `threads` readers for its range of cells,
// and the arena's concurrency (the caller plus threads - 1 workers) bounds the
// borrowers, so a reader is always free. (Engines per TBB thread, through
// enumerable_thread_specific, would grow with every pool thread that ever
// joined the arena: up to the machine's cores.)
#include <tbb/blocked_range.h>
#include <tbb/parallel_for.h>
#include <tbb/task_arena.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>

#include "ocr/cell_ocr.h"

namespace gongkai::ocr {

struct CellOcrPool::Impl {
  explicit Impl(int n) : arena(n), readers(n) {}
  tbb::task_arena arena;
  std::vector<std::unique_ptr<CellReader>> readers;
  std::mutex m;
  std::vector<CellReader*> idle;

  // One reader for the length of a task.
  class Lease {
   public:
    explicit Lease(Impl& pool) : pool_(pool) {
      std::lock_guard lk(pool_.m);
      if (pool_.idle.empty()) throw std::logic_error("CellOcrPool: more tasks than readers");
      reader_ = pool_.idle.back();
      pool_.idle.pop_back();
    }
    ~Lease() {
      std::lock_guard lk(pool_.m);
      pool_.idle.push_back(reader_);
    }
    CellReader* operator->() const { return reader_; }

   private:
    Impl& pool_;
    CellReader* reader_ = nullptr;
  };
};

CellOcrPool::CellOcrPool(const OcrOptions& options)
    : impl_(std::make_unique<Impl>(std::max(1, options.threads))) {
  auto& readers = impl_->readers;
  // The engines load side by side (1.25 s each); the first error is rethrown.
  impl_->arena.execute([&] {
    tbb::parallel_for(size_t{0}, readers.size(), [&](size_t i) { readers[i] = std::make_unique<CellReader>(options); });
  });
  for (auto& r : readers) impl_->idle.push_back(r.get());
}

CellOcrPool::~CellOcrPool() = default;

int CellOcrPool::threads() const { return static_cast<int>(impl_->readers.size()); }

std::vector<Reading> CellOcrPool::read_page(const cv::Mat& grey,
                                            const std::vector<std::pair<cv::Rect, CellKind>>& cells,
                                            const PageConditions& conditions) {
  if (!grey.empty() && grey.type() != CV_8UC1)
    throw std::invalid_argument("CellOcrPool::read_page: the page must be CV_8UC1 (grey)");
  std::vector<Reading> out(cells.size());
  if (cells.empty()) return out;
  Impl& s = *impl_;
  // Cells differ a lot in cost (a label read with chi_sim is about five
  // digit cells), so ranges are split down to single cells as threads idle.
  s.arena.execute([&] {
    tbb::parallel_for(tbb::blocked_range<size_t>(0, cells.size(), 1), [&](const tbb::blocked_range<size_t>& range) {
      Impl::Lease reader(s);
      reader->set_page(grey, conditions);
      for (size_t i = range.begin(); i != range.end(); ++i) out[i] = reader->read(cells[i].first, cells[i].second);
    });
  });
  return out;
}

}  // namespace gongkai::ocr
