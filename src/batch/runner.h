// The archive runner: distinct inputs in, records out through supervised
// workers, the store kept by this process alone (one writer).
#pragma once
#include <functional>
#include <nlohmann/json.hpp>
#include <string>

#include "batch/answer.h"
#include "batch/inputs.h"
#include "batch/progress.h"
#include "batch/run_options.h"

namespace gongkai {

// One input's outcome as the caller's output sees it: rendered by the worker.
using InputResult = WorkerAnswer;

// What the caller's output did with a result: "" when written, else why not;
// `fatal` stops the run (nothing more can be written).
struct SinkStatus {
  std::string error;
  bool fatal = false;
};

// Called once per input extracted now, in the inputs' order (the same for any
// number of workers), after the store holds it.
using ResultSink = std::function<SinkStatus(const BatchInput&, const InputResult&)>;

// Runs the batch. `exe` is the gongkai binary the workers run. Inputs the
// store already holds with this tool version and options are skipped (their
// new paths recorded) unless `force`. Every failure is printed to stderr as
// "gongkai: PATH: reason" when it happens. Returns the exit status: 0 when
// every input was read, 1 otherwise.
int run_batch(const InputSet& set, const BatchOptions& options, const std::string& exe, const ResultSink& sink,
              BatchTotals& totals);

}  // namespace gongkai
