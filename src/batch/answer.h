// A worker's answer for one input, and how it travels down the pipe.
//
// The worker renders everything the supervisor writes (the record as stored,
// the record as printed, the CSV rows) and counts the findings, so that the
// supervisor, the run's one serial part, copies bytes instead of parsing and
// re-dumping JSON. Measured on 81 text PDFs (-j 1, perf, supervisor only):
// parsing each record and dumping it again was 45 % of the supervisor's CPU
// without a store; with a store, a second parse in the store's insert.
//
// On the pipe: one JSON header line ({"ok", "error", "findings", "agency",
// "sizes": [record, printed, csv]}), then the three parts' bytes, back to back.
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

namespace gongkai {

struct WorkerAnswer {
  bool ok = false;
  std::string error;                         // when not ok
  std::string record;                        // compact JSON: the store's form, one line of output
  std::string printed;                       // indented JSON (when the run prints whole files)
  std::string csv;                           // CSV rows with their header (when asked)
  std::map<std::string, int> findings_by_kind;
  std::string agency;                        // meta.agency_normalised ("" when none)

  // The record parsed, on first use (a spreadsheet or a summary line needs it).
  const nlohmann::ordered_json& parsed() const;

 private:
  mutable std::optional<nlohmann::ordered_json> parsed_;
};

// The bytes a worker writes for `answer`.
std::string frame_answer(const WorkerAnswer& answer);

// Takes one whole answer off the front of `buffer`: true with `answer` set,
// false when more bytes are needed. A header that cannot be read becomes a
// failed answer that says so.
bool take_answer(std::string& buffer, WorkerAnswer& answer);

}  // namespace gongkai
