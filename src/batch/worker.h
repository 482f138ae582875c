// Supervised worker processes. Each input is read in a child process (the
// gongkai binary itself, run as `gongkai __worker`) that keeps its
// ReadContext, and so its OCR engines, from one input to the next. A crash,
// a hang or a memory blow-up then costs that input alone: the supervisor
// records it as failed with the reason and starts a new worker.
//
// Protocol: the supervisor first sends the read options and what to render
// ({"read": {...}, "csv": bool, "printed": bool, "english": bool}), then one
// request per input ({"path", "name", "sha256"}), each a JSON line; the
// worker answers each with a framed WorkerAnswer (answer.h).
#pragma once
#include <sys/types.h>

#include <nlohmann/json.hpp>
#include <string>

#include "batch/answer.h"

namespace gongkai {

// The worker's side: serves requests on stdin until it closes. Returns the exit status.
int run_worker();

// The supervisor's handle on one worker.
class WorkerProcess {
 public:
  // Starts `exe __worker` and sends it `config` (throws std::runtime_error).
  WorkerProcess(const std::string& exe, const nlohmann::json& config);
  ~WorkerProcess();  // kills the worker if it still runs
  WorkerProcess(const WorkerProcess&) = delete;
  WorkerProcess& operator=(const WorkerProcess&) = delete;

  // Sends one request; false when the worker is gone.
  bool send(const nlohmann::json& request);
  int answer_fd() const { return from_; }
  // Reads what is available. Returns 1 with `answer` set when an answer is
  // complete, 0 when more is to come, -1 when the worker closed its end
  // (it died: ask end() why).
  int receive(WorkerAnswer& answer);
  // Resident memory in MB (0 when it cannot be read).
  long resident_mb() const;
  // Kills the worker (SIGKILL) and reaps it.
  void kill();
  // Reaps a worker that closed its end; says how it ended ("killed by signal
  // SIGSEGV (Segmentation fault)", "exited with status 3").
  std::string end();

 private:
  pid_t pid_ = -1;
  int to_ = -1, from_ = -1;
  std::string buffer_;
};

}  // namespace gongkai
