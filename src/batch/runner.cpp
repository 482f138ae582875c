#include "batch/runner.h"

#include <poll.h>
#include <signal.h>

#include <chrono>
#include <ctime>
#include <deque>
#include <iostream>
#include <map>
#include <memory>
#include <optional>

#include "batch/worker.h"
#include "writers/sqlite_writer.h"

namespace gongkai {
namespace {

using Clock = std::chrono::steady_clock;

std::string utc_now() {
  std::time_t t = std::time(nullptr);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

// A worker and the inputs sent to it, the one it reads first. Inputs that
// are not images (text, HTML, PDF) are sent two at a time, so that a worker
// reads the next one while the supervisor parses and stores the last: on 108
// text PDFs on a quiet machine, -j 1 went from 1.75 s to 1.23 s and -j 2 from
// 1.06 s to 0.91 s (medians of 3; the supervisor's JSON parsing and store
// writes are about 0.4 of a core). Eight at a time measured the same as two
// (300 text reports, load 13). A scanned PDF may thus wait behind another
// input of its worker; an image (always OCR) is sent alone.
struct Slot {
  std::unique_ptr<WorkerProcess> worker;
  std::deque<size_t> jobs;  // indices into the run's work list
  Clock::time_point started;  // when the first of `jobs` began
};
constexpr size_t kInputsInFlight = 2;

// The store commits the reports of half a second at once, each whole or
// absent (ReportDb::group_commits). One commit per report wrote every page
// its ~200 cells touched in the cells(tbl, row, col) index, again for each
// report: 540 page writes per text report, a WAL checkpoint every two
// reports. 300 text reports, -j1: 1.94 s -> 1.22-1.41 s of wall.
constexpr std::chrono::milliseconds kStoreCommitWindow{500};

class Supervisor {
 public:
  Supervisor(const InputSet& set, const BatchOptions& options, const std::string& exe, const ResultSink& sink,
             BatchTotals& totals)
      : set_(set), options_(options), exe_(exe), sink_(sink), totals_(totals) {}

  int run();

 private:
  void plan();
  void dispatch();
  void collect(Slot& slot);
  void requeue_after_head(Slot& slot);
  void enforce_budgets(Slot& slot);
  void finish(size_t job, InputResult result);
  void store(const BatchInput& in, InputResult& result);
  void emit_in_order();
  void fail_input(const BatchInput& in, const std::string& reason);
  nlohmann::json worker_config() const {
    return {{"read", read_options_json(options_.read)},
            {"csv", options_.want_csv},
            {"printed", options_.want_printed},
            {"max_memory_mb", options_.max_memory_mb},
            {"english", options_.english}};
  }

  const InputSet& set_;
  const BatchOptions& options_;
  const std::string& exe_;
  const ResultSink& sink_;
  BatchTotals& totals_;
  std::unique_ptr<ReportDb> db_;
  std::string options_hash_;
  std::vector<const BatchInput*> work_;
  std::deque<size_t> queue_;
  std::map<size_t, InputResult> waiting_;  // finished, not yet handed to the sink
  size_t next_to_emit_ = 0, finished_ = 0;
  std::vector<Slot> slots_;
  bool stopped_ = false;
  int status_ = 0;
};

void Supervisor::fail_input(const BatchInput& in, const std::string& reason) {
  std::cerr << "gongkai: " << in.paths[0] << ": " << reason << "\n";
  totals_.failures.emplace_back(in.paths[0], reason);
  ++totals_.failed;
  status_ = 1;
}

// Which inputs to extract: all but those the store holds already.
void Supervisor::plan() {
  for (const BatchInput& in : set_.inputs) {
    if (db_ && !options_.force) {
      auto state = db_->state(in.sha256);
      if (state && state->status == "ok" && state->tool_version == kToolVersion &&
          state->options_hash == options_hash_) {
        db_->add_paths(in.sha256, in.paths);
        ++totals_.skipped;
        totals_.skipped_inputs.push_back(static_cast<size_t>(&in - set_.inputs.data()));
        continue;
      }
    }
    queue_.push_back(work_.size());
    work_.push_back(&in);
  }
}

bool sent_in_pairs(const BatchInput& in) { return in.kind == "text" || in.kind == "html" || in.kind == "pdf"; }

void Supervisor::dispatch() {
  for (Slot& slot : slots_) {
    while (!queue_.empty() && !stopped_) {
      size_t job = queue_.front();
      const BatchInput& in = *work_[job];
      if (!slot.jobs.empty() &&
          (slot.jobs.size() >= kInputsInFlight || !sent_in_pairs(in) || !sent_in_pairs(*work_[slot.jobs.front()])))
        break;
      if (!slot.worker) slot.worker = std::make_unique<WorkerProcess>(exe_, worker_config());
      if (!slot.worker->send({{"path", in.read_from}, {"name", in.name}, {"sha256", in.sha256}})) {
        // The worker is gone. With inputs sent to it, collect() reads what it
        // answered and then its end, which fails the one it was reading: a
        // worker replaced here would have been credited with its answers
        // (a killed worker's unread answer lost, the next input's record
        // stored under its hash, the run waiting forever for the last).
        if (!slot.jobs.empty()) break;
        slot.worker->kill();
        slot.worker.reset();
        continue;
      }
      queue_.pop_front();
      if (slot.jobs.empty()) slot.started = Clock::now();
      slot.jobs.push_back(job);
    }
  }
}

// The worker of `slot` is gone: the inputs sent to it after the one it was
// reading go back to the front of the queue, for a new worker.
void Supervisor::requeue_after_head(Slot& slot) {
  if (slot.worker) slot.worker->kill();
  slot.worker.reset();
  while (slot.jobs.size() > 1) {
    queue_.push_front(slot.jobs.back());
    slot.jobs.pop_back();
  }
}

void Supervisor::collect(Slot& slot) {
  InputResult answer;
  for (int got; !slot.jobs.empty() && (got = slot.worker->receive(answer)) != 0;) {
    size_t job = slot.jobs.front();
    InputResult result;
    if (got < 0) {
      result.error = "the worker reading it " + slot.worker->end() + "; it was replaced";
      slot.worker.reset();
      requeue_after_head(slot);
    } else {
      result = std::move(answer);
    }
    slot.jobs.pop_front();
    slot.started = Clock::now();
    finish(job, std::move(result));
    if (!slot.worker) return;
  }
}

void Supervisor::enforce_budgets(Slot& slot) {
  if (slot.jobs.empty() || !slot.worker) return;
  std::string reason;
  double seconds = std::chrono::duration<double>(Clock::now() - slot.started).count();
  if (seconds > options_.timeout_seconds)
    reason = "took longer than the time budget (--timeout " + std::to_string(static_cast<long>(options_.timeout_seconds)) + " s)";
  else if (long mb = slot.worker->resident_mb(); mb > options_.max_memory_mb)
    reason = "needed more memory than the budget (" + std::to_string(mb) + " MB > --max-memory " +
             std::to_string(options_.max_memory_mb) + " MB)";
  if (reason.empty()) return;
  requeue_after_head(slot);
  size_t job = slot.jobs.front();
  slot.jobs.pop_front();
  InputResult failed;
  failed.error = reason + "; its worker was stopped and replaced";
  finish(job, std::move(failed));
}

// Results are stored and handed on in the inputs' order, so that a store
// and the output are the same for any number of workers (row ids included).
void Supervisor::finish(size_t job, InputResult result) {
  ++finished_;
  waiting_.emplace(job, std::move(result));
  emit_in_order();
}

void Supervisor::store(const BatchInput& in, InputResult& result) {
  if (db_) {
    StoredReport r{in.sha256, result.ok ? "ok" : "failed", result.error, kToolVersion, options_hash_, utc_now(),
                   in.name, result.ok ? result.record : "", in.paths};
    try {
      db_->put(r);
    } catch (const std::exception& e) {
      if (result.ok) {
        result = InputResult{};
        result.error = e.what();
      }
    }
  }
  if (result.ok) {
    ++totals_.read;
    for (auto& [k, n] : result.findings_by_kind) totals_.findings[k] += n;
  } else {
    fail_input(in, result.error);
  }
}

void Supervisor::emit_in_order() {
  for (auto it = waiting_.find(next_to_emit_); it != waiting_.end(); it = waiting_.find(next_to_emit_)) {
    store(*work_[next_to_emit_], it->second);
    if (it->second.ok && !stopped_) {
      SinkStatus s = sink_(*work_[next_to_emit_], it->second);
      if (!s.error.empty()) fail_input(*work_[next_to_emit_], s.error);
      if (s.fatal) stopped_ = true;
    }
    waiting_.erase(it);
    ++next_to_emit_;
  }
}

int Supervisor::run() {
  auto start = Clock::now();
  if (!options_.db_path.empty()) {
    db_ = std::make_unique<ReportDb>(options_.db_path);
    db_->group_commits(kStoreCommitWindow);
  }
  options_hash_ = options_hash(options_.read);
  for (const InputError& e : set_.errors) {
    std::cerr << "gongkai: " << e.path << ": " << e.reason << "\n";
    totals_.failures.emplace_back(e.path, e.reason);
    ++totals_.failed;
    status_ = 1;
  }
  plan();
  if (db_) db_->defer_cell_index(work_.size());
  slots_.resize(std::min<size_t>(std::max(1u, options_.jobs), work_.size()));
  Progress progress(static_cast<long>(work_.size()), options_.progress && !options_.quiet);
  while (finished_ < work_.size() && !stopped_) {
    dispatch();
    std::vector<pollfd> fds;
    std::vector<Slot*> polled;
    for (Slot& s : slots_)
      if (!s.jobs.empty()) fds.push_back({s.worker->answer_fd(), POLLIN, 0}), polled.push_back(&s);
    ::poll(fds.data(), fds.size(), 100);
    for (size_t i = 0; i < fds.size(); ++i)
      if (fds[i].revents) collect(*polled[i]);
    for (Slot& s : slots_) enforce_budgets(s);
    if (db_) db_->commit_due();
    progress.update(static_cast<long>(finished_), totals_.failed);
  }
  progress.finish();
  slots_.clear();  // the workers are stopped
  if (db_) db_->build_cell_index();  // and commits
  totals_.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  return status_;
}

}  // namespace

int run_batch(const InputSet& set, const BatchOptions& options, const std::string& exe, const ResultSink& sink,
              BatchTotals& totals) {
  ::signal(SIGPIPE, SIG_IGN);  // a worker that died is seen at its pipe's end, not as a signal here
  totals.inputs = static_cast<long>(set.inputs.size());
  totals.paths = set.paths;
  totals.other_shards = set.other_shards;
  Supervisor s(set, options, exe, sink, totals);
  return s.run();
}

}  // namespace gongkai
