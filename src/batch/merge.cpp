#include "batch/merge.h"

#include <filesystem>
#include <stdexcept>

#include "writers/sqlite_writer.h"

namespace gongkai {

MergeCounts merge_store(const std::string& into, const std::string& from) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::is_regular_file(from, ec)) throw std::runtime_error("store " + from + ": not found");
  if (fs::exists(into, ec) && fs::equivalent(into, from, ec)) throw std::runtime_error("store " + from + ": is the output itself");
  ReportDb out(into);
  ReportDb shard(from);
  MergeCounts counts;
  for (const std::string& sha : shard.hashes()) {
    auto incoming = shard.get(sha);
    if (!incoming) continue;
    auto current = out.state(sha);
    bool take = !current;
    if (current) {
      int newer = compare_versions(incoming->tool_version, current->tool_version);
      take = newer > 0 || (newer == 0 && current->status == "failed" && incoming->status == "ok");
    }
    if (take) {
      out.put(*incoming);  // paths already known stay: put adds to them
      ++(current ? counts.replaced : counts.added);
    } else {
      out.add_paths(sha, incoming->paths);
      ++counts.kept;
    }
  }
  return counts;
}

}  // namespace gongkai
