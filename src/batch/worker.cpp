#include "batch/worker.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <csignal>
#include <cstring>
#include <fstream>
#include <iostream>
#include <new>
#include <stdexcept>

#include "batch/progress.h"
#include "batch/run_options.h"
#include "pipeline/extract.h"
#include "writers/csv_writer.h"
#include "writers/json_writer.h"

namespace gongkai {
namespace {

bool write_all(int fd, const std::string& s) {
  size_t done = 0;
  while (done < s.size()) {
    ssize_t n = ::write(fd, s.data() + done, s.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

// How the worker renders what the supervisor writes (its config line).
struct Rendering {
  bool csv = false;      // CSV rows too
  bool printed = false;  // the record indented, as a file or a single stdout record holds it
  Lang lang = Lang::Zh;
};

std::string dump(const nlohmann::ordered_json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

WorkerAnswer serve(const nlohmann::json& request, ReadContext& context, const Rendering& how) {
  std::string bytes = read_input_file(request.at("path").get<std::string>());
  if (sha256_hex(bytes) != request.at("sha256").get<std::string>())
    throw ReadError("the file changed while the batch ran (its content is not what was hashed)");
  Report r = extract_bytes(bytes, request.at("name").get<std::string>(), context);
  nlohmann::ordered_json record = to_json(r, how.lang);
  WorkerAnswer answer;
  answer.ok = true;
  answer.record = dump(record, -1);
  if (how.printed) answer.printed = dump(record, 1);
  if (how.csv) answer.csv = to_csv(r, true);
  answer.findings_by_kind = findings_by_kind(record);
  auto key = record.value("/meta/agency_normalised"_json_pointer, nlohmann::ordered_json());
  if (key.is_string()) answer.agency = key.get<std::string>();
  return answer;
}

// The hard ceiling under the supervisor's --max-memory: the supervisor polls
// resident memory every 100 ms, and an input that allocates faster than that
// could overshoot the budget by any amount before it is stopped. The kernel
// refuses the allocation instead (RLIMIT_DATA: heap and private mappings;
// a scan worker's is within 6 % of its resident memory), at half again the
// budget, so that the poll, with its clear message, normally comes first.
// Not under AddressSanitizer, whose shadow memory is private mappings of
// terabytes.
void cap_memory(long budget_mb) {
#if defined(__SANITIZE_ADDRESS__)
  (void)budget_mb;
#else
  if (budget_mb <= 0) return;
  rlim_t cap = static_cast<rlim_t>(budget_mb) * 3 / 2 * 1024 * 1024;
  rlimit limit{cap, cap};
  ::setrlimit(RLIMIT_DATA, &limit);
#endif
}

}  // namespace

int run_worker() {
  // Answers go to the pipe that was stdout; anything a library prints goes to
  // stderr instead of into the protocol.
  int answers = ::dup(STDOUT_FILENO);
  ::dup2(STDERR_FILENO, STDOUT_FILENO);
  std::string line;
  if (!std::getline(std::cin, line)) return 0;
  nlohmann::json config = nlohmann::json::parse(line);
  long budget_mb = config.value("max_memory_mb", 0L);
  cap_memory(budget_mb);
  ReadContext context(read_options_from_json(config.at("read")));
  Rendering how{config.value("csv", false), config.value("printed", false),
                config.value("english", false) ? Lang::En : Lang::Zh};
  while (std::getline(std::cin, line)) {
    WorkerAnswer answer;
    try {
      answer = serve(nlohmann::json::parse(line), context, how);
    } catch (const ReadError& e) {
      answer.error = e.what();
    } catch (const std::bad_alloc&) {
      answer.error = "needed more memory than the budget allows (--max-memory " + std::to_string(budget_mb) + " MB)";
    } catch (const std::exception& e) {
      answer.error = std::string("internal error: ") + e.what();
    }
    if (!write_all(answers, frame_answer(answer))) return 1;
  }
  return 0;
}

WorkerProcess::WorkerProcess(const std::string& exe, const nlohmann::json& config) {
  int requests[2], answers[2];
  if (::pipe2(requests, O_CLOEXEC) != 0) throw std::runtime_error(std::string("cannot start a worker: ") + strerror(errno));
  if (::pipe2(answers, O_CLOEXEC) != 0) {
    ::close(requests[0]), ::close(requests[1]);
    throw std::runtime_error(std::string("cannot start a worker: ") + strerror(errno));
  }
  pid_ = ::fork();
  if (pid_ == 0) {
    ::prctl(PR_SET_PDEATHSIG, SIGKILL);  // a worker never outlives its supervisor
    ::dup2(requests[0], STDIN_FILENO);
    ::dup2(answers[1], STDOUT_FILENO);
    ::execl(exe.c_str(), exe.c_str(), "__worker", static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::close(requests[0]);
  ::close(answers[1]);
  to_ = requests[1];
  from_ = answers[0];
  ::fcntl(from_, F_SETFL, ::fcntl(from_, F_GETFL) | O_NONBLOCK);  // the supervisor polls every worker
  if (pid_ < 0) throw std::runtime_error(std::string("cannot start a worker: ") + strerror(errno));
  send(config);
}

WorkerProcess::~WorkerProcess() {
  if (pid_ > 0) kill();
  if (to_ >= 0) ::close(to_);
  if (from_ >= 0) ::close(from_);
}

bool WorkerProcess::send(const nlohmann::json& request) { return write_all(to_, request.dump() + "\n"); }

int WorkerProcess::receive(WorkerAnswer& answer) {
  char buf[1 << 16];
  for (;;) {
    if (take_answer(buffer_, answer)) return 1;
    ssize_t n = ::read(from_, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0 && errno == EAGAIN) return 0;
    if (n <= 0) return -1;
    buffer_.append(buf, static_cast<size_t>(n));
  }
}

long WorkerProcess::resident_mb() const {
  std::ifstream statm("/proc/" + std::to_string(pid_) + "/statm");
  long size = 0, resident = 0;
  if (!(statm >> size >> resident)) return 0;
  return resident * (::sysconf(_SC_PAGESIZE) / 1024) / 1024;
}

void WorkerProcess::kill() {
  if (pid_ <= 0) return;
  ::kill(pid_, SIGKILL);
  ::waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string WorkerProcess::end() {
  if (pid_ <= 0) return "ended";
  int status = 0;
  ::waitpid(pid_, &status, 0);
  pid_ = -1;
  if (WIFSIGNALED(status)) {
    int sig = WTERMSIG(status);
    const char* abbrev = sigabbrev_np(sig);
    return std::string("killed by signal SIG") + (abbrev ? abbrev : "?") + " (" + strsignal(sig) + ")";
  }
  return "exited with status " + std::to_string(WEXITSTATUS(status));
}

}  // namespace gongkai
