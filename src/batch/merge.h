// gongkai merge OUT.sqlite SHARD.sqlite...: the stores of a sharded run (or of
// any runs) into one. Idempotent: merging a store twice changes nothing. A
// report both hold (same sha256) keeps the record of the newer tool version
// (at the same version, a read record over a failed one); paths are united.
#pragma once
#include <string>

namespace gongkai {

struct MergeCounts {
  long added = 0, replaced = 0, kept = 0;
};

// Merges the store at `from` into the one at `into` (created if need be), one
// transaction per report. Throws std::runtime_error naming the store and the
// reason (missing, not a store, an unknown schema).
MergeCounts merge_store(const std::string& into, const std::string& from);

}  // namespace gongkai
