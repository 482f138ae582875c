// What a batch run is asked to do, and how its read options travel to the
// worker processes and into the store (the options hash a rerun compares).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "readers/reader.h"

namespace gongkai {

// The tool's version, stored with every record (reports.tool_version). Bump it
// whenever a change can change a record: a rerun then extracts again what an
// older version stored, and a merge keeps the newer version's record.
inline constexpr const char* kToolVersion = "0.8.0";

// --shard I/N: this run takes the inputs whose content hash falls in share I of N.
struct Shard {
  unsigned index = 0, count = 1;
};
// "I/N" with 0 <= I < N; nullopt when malformed.
std::optional<Shard> parse_shard(const std::string& text);
// The share an input belongs to, from its sha256 (hex): the same for any run.
unsigned shard_of(const std::string& sha256, unsigned count);

struct BatchOptions {
  ReadOptions read;
  unsigned jobs = 1;              // worker processes
  double timeout_seconds = 900;   // per input; a scan of 100 pages takes about 300 s
  long max_memory_mb = 2048;      // per worker, resident memory
  bool force = false;             // extract again what the store already holds
  std::string db_path;            // the store ("" = none: no resume)
  std::optional<Shard> shard;
  bool want_csv = false;          // workers also render the record as CSV rows
  bool want_printed = false;      // workers also render the record indented (whole files)
  bool english = false;           // findings' messages in English (--lang en)
  bool quiet = false;             // no progress, no final summary
  bool progress = true;           // the live / periodic progress lines
  bool summary = true;            // the final summary
};

// The read options as the worker receives them (one JSON line), and back.
nlohmann::json read_options_json(const ReadOptions& o);
ReadOptions read_options_from_json(const nlohmann::json& j);
// A short hash of the options that can change a record (not where debug
// pictures go): a rerun with other options extracts again.
std::string options_hash(const ReadOptions& o);

}  // namespace gongkai
