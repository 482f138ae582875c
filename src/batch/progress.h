// What a batch says while it runs and when it ends.
#pragma once
#include <chrono>
#include <map>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

namespace gongkai {

// The findings of a record by kind, as the one-line summaries count them:
// warnings and errors of every kind, and repairs (info included: a value the
// identities chose is worth seeing).
std::map<std::string, int> findings_by_kind(const nlohmann::ordered_json& record);
// "PATH: agency=… year=… format=… cells=R/T findings: source=1 …"
std::string summary_line(const std::string& input, const nlohmann::ordered_json& record);

struct BatchTotals {
  long inputs = 0;        // distinct inputs of this run (this shard's)
  long paths = 0;         // paths read, duplicates included
  long read = 0;          // extracted now
  long failed = 0;
  long skipped = 0;       // already in the store with this version and options
  std::vector<size_t> skipped_inputs;  // which: indices into the InputSet's inputs
  long other_shards = 0;
  std::vector<std::pair<std::string, std::string>> failures;  // path, reason
  std::map<std::string, long> findings;                      // by kind, over the reports read
  double seconds = 0;
};

// Progress on stderr: on a terminal one line redrawn in place (done/total,
// reports per second, ETA, failures); elsewhere a plain line every
// `period` seconds (none for a run shorter than that).
class Progress {
 public:
  Progress(long total, bool enabled, double period_seconds = 10);
  void update(long done, long failed);
  void finish();  // clears the live line

 private:
  long total_;
  bool enabled_, tty_;
  double period_;
  std::chrono::steady_clock::time_point start_, last_;
  bool drawn_ = false;
};

// The final summary (stderr): read, failed (each with its reason), skipped as
// stored, findings by kind, time.
void print_summary(const BatchTotals& t);

}  // namespace gongkai
