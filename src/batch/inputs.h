// The inputs of a batch: files, folders walked for reports, and lists of
// paths, turned into distinct reports by content (sha256). The same bytes
// under two paths are one input with two paths, extracted once.
#pragma once
#include <string>
#include <vector>

#include "batch/run_options.h"

namespace gongkai {

// One distinct input.
struct BatchInput {
  std::string sha256;
  std::vector<std::string> paths;  // as given or found, first seen first
  std::string read_from;           // the file a worker reads (the first path, or stdin's spool)
  std::string name;                // the record's file name (the first path's)
  std::string relative;            // the first path below the inputs' deepest common folder
  std::string kind;                // the reader's kind by sniffing: "pdf", "image", "html", "text"
};

// A path that could not become an input (not found, unreadable, too large).
struct InputError {
  std::string path, reason;
};

struct InputSet {
  std::vector<BatchInput> inputs;   // in the order first seen
  std::vector<InputError> errors;
  long paths = 0;                   // paths read (duplicates included)
  long other_shards = 0;            // distinct inputs left to other shards
};

struct InputRequest {
  std::vector<std::string> args;    // files, folders; "-" = stdin
  std::string files_from;           // a list of paths, one a line ("-" = stdin)
  std::vector<std::string> skip;    // the run's own outputs (out-dir, store) a walk must not read
  std::string spool_dir;            // where stdin's bytes are kept for the worker
};

// Reads and hashes every input (on all cores, one file per task), walks folders (sorted,
// hidden entries and `skip` left out, files taken by their content: PDF,
// image, HTML, or text named .txt/.md/.markdown/.text), groups by content and
// keeps the given shard's share.
InputSet collect_inputs(const InputRequest& request, const std::optional<Shard>& shard);

}  // namespace gongkai
