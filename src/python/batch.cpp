#include "python/batch.h"

#include <algorithm>
#include <exception>
#include <new>

#include "pipeline/extract.h"
#include "writers/json_writer.h"

namespace gongkai {

namespace {

template <typename Read>
RecordOutcome guarded(Read read, ReadContext& context) {
  RecordOutcome out;
  try {
    out.record = to_json(read());
    return out;
  } catch (const ReadError& e) {
    out.error = *e.what() ? e.what() : "cannot be read";
    return out;
  } catch (const std::exception& e) {
    out.error = std::string("internal error: ") + e.what();
  } catch (...) {
    out.error = "internal error";
  }
  // An input that failed midway may leave its engines in any state: the
  // next input starts from a fresh context.
  context = ReadContext(context.options);
  return out;
}

}  // namespace

RecordOutcome extract_record(const std::string& path, ReadContext& context) {
  return guarded([&] { return extract_file(path, context); }, context);
}

RecordOutcome extract_record(std::string_view bytes, const std::string& name, ReadContext& context) {
  return guarded([&] { return extract_bytes(bytes, name, context); }, context);
}

RecordBatch::RecordBatch(std::vector<std::string> paths, int jobs, ReadOptions options)
    : paths_(std::move(paths)), options_(std::move(options)), done_(paths_.size()) {
  if (jobs <= 0) jobs = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  jobs = static_cast<int>(std::min<size_t>(static_cast<size_t>(jobs), std::max<size_t>(1, paths_.size())));
  // Two inputs per worker: a worker finishing early can start its next one
  // while the consumer still waits for a slower input before it.
  window_ = 2 * static_cast<size_t>(jobs);
  try {
    worker_cpu_.assign(static_cast<size_t>(jobs), 0.0);
    for (int i = 0; i < jobs; ++i) workers_.emplace_back([this, i] { work(static_cast<size_t>(i)); });
  } catch (...) {  // a thread that could not start: stop the ones that did
    stop_workers();
    throw;
  }
}

RecordBatch::~RecordBatch() { stop_workers(); }

void RecordBatch::stop_workers() {
  {
    std::lock_guard lk(mutex_);
    stop_ = true;
  }
  claimable_.notify_all();
  for (auto& w : workers_) w.join();
}

namespace {

double thread_cpu_seconds() {
  timespec ts{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
  return static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) / 1e9;
}

}  // namespace

std::vector<double> RecordBatch::worker_cpu_seconds() {
  std::lock_guard lk(mutex_);
  return worker_cpu_;
}

void RecordBatch::work(size_t worker) {
  ReadContext context(options_);
  for (;;) {
    size_t i;
    {
      std::unique_lock lk(mutex_);
      worker_cpu_[worker] = thread_cpu_seconds();
      claimable_.wait(lk, [&] { return stop_ || next_claim_ >= paths_.size() || next_claim_ < next_out_ + window_; });
      if (stop_ || next_claim_ >= paths_.size()) return;
      i = next_claim_++;
    }
    RecordOutcome outcome = extract_record(paths_[i], context);
    {
      std::lock_guard lk(mutex_);
      done_[i] = std::move(outcome);
      worker_cpu_[worker] = thread_cpu_seconds();
    }
    finished_.notify_all();
  }
}

std::optional<RecordOutcome> RecordBatch::next() {
  bool ready = false;
  std::optional<RecordOutcome> out;
  while (!ready) out = next_for(std::chrono::hours(1), ready);
  return out;
}

std::optional<RecordOutcome> RecordBatch::next_for(std::chrono::milliseconds timeout, bool& ready) {
  std::unique_lock lk(mutex_);
  ready = true;
  if (next_out_ >= paths_.size()) return std::nullopt;
  if (!finished_.wait_for(lk, timeout, [&] { return done_[next_out_].has_value(); })) {
    ready = false;
    return std::nullopt;
  }
  std::optional<RecordOutcome> out = std::move(done_[next_out_]);
  done_[next_out_].reset();
  ++next_out_;
  lk.unlock();
  claimable_.notify_all();
  return out;
}

}  // namespace gongkai
