// Records for the Python module: one input read to its JSON record or to the
// reason it could not be read, and many inputs read by worker threads and
// handed back in input order. Pure C++ (no Python here): the binding releases
// the interpreter's lock around these calls.
#pragma once
#include <chrono>
#include <condition_variable>
#include <ctime>
#include <cstddef>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "readers/reader.h"

namespace gongkai {

// What reading one input came to: the record exactly as the CLI writes it
// (writers/json_writer), or why the input could not be read (`error`, the
// reason the CLI prints after the file name).
struct RecordOutcome {
  nlohmann::ordered_json record;
  std::string error;
  bool ok() const { return error.empty(); }
};

// Never throws for a bad input: a ReadError gives its reason, anything else
// "internal error: …", as the CLI reports them.
RecordOutcome extract_record(const std::string& path, ReadContext& context);
RecordOutcome extract_record(std::string_view bytes, const std::string& name, ReadContext& context);

// Reads `paths` with `jobs` worker threads, each with its own ReadContext
// (the OCR engines are per context, so workers share nothing). Workers run at
// most `window` inputs ahead of the consumer, so an archive of any length
// holds only that many records at once.
class RecordBatch {
 public:
  RecordBatch(std::vector<std::string> paths, int jobs, ReadOptions options);
  // Stops the workers after their current input and joins them.
  ~RecordBatch();
  RecordBatch(const RecordBatch&) = delete;
  RecordBatch& operator=(const RecordBatch&) = delete;

  // The next input's outcome in input order (blocks until it is read);
  // nullopt after the last. One consumer thread.
  std::optional<RecordOutcome> next();
  // The same, giving up after `timeout` (`ready` is then false), so that a
  // waiting consumer can look at signals (Ctrl-C in Python) now and then.
  std::optional<RecordOutcome> next_for(std::chrono::milliseconds timeout, bool& ready);
  size_t size() const { return paths_.size(); }
  int jobs() const { return static_cast<int>(workers_.size()); }
  // CPU seconds each worker thread has used, for the benchmark: work split
  // evenly over the threads is what a shared machine's load cannot hide.
  std::vector<double> worker_cpu_seconds();

 private:
  void work(size_t worker);
  void stop_workers();  // after their current input

  std::vector<std::string> paths_;
  ReadOptions options_;
  size_t window_;
  std::vector<std::optional<RecordOutcome>> done_;
  size_t next_claim_ = 0, next_out_ = 0;
  bool stop_ = false;
  std::mutex mutex_;
  std::condition_variable claimable_, finished_;
  std::vector<std::thread> workers_;
  std::vector<double> worker_cpu_;
};

}  // namespace gongkai
