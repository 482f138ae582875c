#include "batch/inputs.h"

#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <set>

#include <tbb/parallel_for.h>

#include "pipeline/extract.h"
#include "readers/registry.h"

namespace gongkai {
namespace {

namespace fs = std::filesystem;

std::string lower_extension(const fs::path& p) {
  std::string e = p.extension().string();
  std::transform(e.begin(), e.end(), e.begin(), [](unsigned char c) { return std::tolower(c); });
  return e;
}

// Named as a report would be: a text, PDF, HTML or image file.
bool named_like_report(const fs::path& p) {
  static const std::set<std::string> names = {".txt", ".md",  ".markdown", ".text", ".pdf", ".html", ".htm",
                                              ".jpg", ".jpeg", ".png",     ".tif",  ".tiff", ".bmp"};
  return names.count(lower_extension(p)) > 0;
}


// A path to read, in the order the inputs name it.
struct Candidate {
  std::string path;
  bool found_in_folder = false;  // else named by the user: an unreadable one is an error
  bool is_stdin = false;
};

// What reading one candidate gave: its hash and kind, or why it is no input.
struct Digest {
  std::string sha256, kind, error;
  bool is_report = false;
};

Digest digest(const Candidate& c) {
  Digest d;
  std::string bytes;
  try {
    bytes = read_input_file(c.path);
  } catch (const std::exception& e) {
    d.error = e.what();
    return d;
  }
  d.kind = reader_for(std::string_view(bytes).substr(0, 1 << 16), fs::path(c.path).filename().string()).kind();
  // A file found in a folder is a report when its bytes are a PDF, an image
  // or HTML, whatever its name, or when it is named as one: text has no
  // signature, and an empty or damaged report.pdf must be named with its
  // reason, not passed over in silence.
  d.is_report = !c.found_in_folder || d.kind != "text" || named_like_report(c.path);
  if (d.is_report) d.sha256 = sha256_hex(bytes);
  return d;
}

struct Collector {
  const InputRequest& request;
  std::vector<fs::path> skip;  // absolute, normalised
  std::vector<Candidate> candidates;
  std::map<std::string, size_t> by_sha;
  InputSet set;

  bool skipped(const fs::path& p) const {
    fs::path a = fs::absolute(p).lexically_normal();
    for (const fs::path& s : skip) {
      auto [si, ai] = std::mismatch(s.begin(), s.end(), a.begin(), a.end());
      if (si == s.end()) return true;  // s itself or below it
    }
    return false;
  }
  void add(const std::string& path, const std::string& sha, const std::string& kind, const std::string& read_from) {
    ++set.paths;
    auto [it, fresh] = by_sha.emplace(sha, set.inputs.size());
    if (!fresh) {
      auto& paths = set.inputs[it->second].paths;
      if (std::find(paths.begin(), paths.end(), path) == paths.end()) paths.push_back(path);
      return;
    }
    BatchInput in;
    in.sha256 = sha;
    in.paths = {path};
    in.read_from = read_from;
    in.name = path == "-" ? "stdin" : fs::path(path).filename().string();
    in.kind = kind;
    set.inputs.push_back(std::move(in));
  }
  void walk(const std::string& folder) {
    std::vector<fs::path> files;
    std::error_code ec;
    fs::recursive_directory_iterator it(folder, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) set.errors.push_back({folder, "cannot read the folder: " + ec.message()});
    for (; !ec && it != end; it.increment(ec)) {
      const fs::path& p = it->path();
      bool hidden = p.filename().string().rfind('.', 0) == 0;
      if (hidden || skipped(p)) {
        if (it->is_directory()) it.disable_recursion_pending();
        continue;
      }
      if (it->is_regular_file()) files.push_back(p);
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& f : files) candidates.push_back({f.string(), true, false});
  }
  void add_stdin() {
    std::string bytes((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
    std::string spool = (fs::path(request.spool_dir) / "stdin").string();
    std::ofstream(spool, std::ios::binary) << bytes;
    add("-", sha256_hex(bytes), std::string(reader_for(std::string_view(bytes).substr(0, 1 << 16), "stdin").kind()), spool);
  }
  void add_arg(const std::string& arg) {
    if (arg == "-") return candidates.push_back({arg, false, true});
    std::error_code ec;
    if (fs::is_directory(arg, ec)) return walk(arg);
    candidates.push_back({arg, false, false});
  }
  // Every candidate read and hashed on all cores (the run's serial start: on
  // 81 text PDFs, a third of the supervisor's CPU when read one at a time),
  // then added in the inputs' order.
  void read_candidates() {
    std::vector<Digest> digests(candidates.size());
    tbb::parallel_for(size_t(0), candidates.size(), [&](size_t i) {
      if (!candidates[i].is_stdin) digests[i] = digest(candidates[i]);
    });
    for (size_t i = 0; i < candidates.size(); ++i) {
      const Candidate& c = candidates[i];
      const Digest& d = digests[i];
      if (c.is_stdin) add_stdin();
      else if (!d.error.empty()) {
        if (!c.found_in_folder || named_like_report(c.path)) set.errors.push_back({c.path, d.error});
      } else if (d.is_report) {
        add(c.path, d.sha256, d.kind, c.path);
      }
    }
  }
};

std::vector<std::string> read_list(const std::string& list, std::vector<InputError>& errors) {
  std::vector<std::string> out;
  std::ifstream file;
  if (list != "-") {
    file.open(list);
    if (!file) {
      errors.push_back({list, "cannot open the list of inputs"});
      return out;
    }
  }
  std::istream& in = list == "-" ? std::cin : file;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

// Each input's first path below the deepest folder they all share, so that
// --out-dir can mirror it: a/report.pdf and b/report.pdf stay apart.
void set_relative_paths(std::vector<BatchInput>& inputs) {
  std::vector<fs::path> folders;
  for (auto& in : inputs)
    if (in.paths[0] != "-") folders.push_back(fs::absolute(in.paths[0]).lexically_normal().parent_path());
  fs::path common = folders.empty() ? fs::path() : folders[0];
  for (const fs::path& f : folders) {
    fs::path shared;
    for (auto a = common.begin(), b = f.begin(); a != common.end() && b != f.end() && *a == *b; ++a, ++b)
      shared /= *a;
    common = shared;
  }
  for (auto& in : inputs)
    in.relative = in.paths[0] == "-" ? "stdin"
                                     : fs::absolute(in.paths[0]).lexically_normal().lexically_relative(common).string();
}

}  // namespace

InputSet collect_inputs(const InputRequest& request, const std::optional<Shard>& shard) {
  Collector c{request, {}, {}, {}, {}};
  for (const std::string& s : request.skip)
    if (!s.empty()) c.skip.push_back(fs::absolute(s).lexically_normal());
  for (const std::string& a : request.args) c.add_arg(a);
  if (!request.files_from.empty())
    for (const std::string& p : read_list(request.files_from, c.set.errors)) c.add_arg(p);
  c.read_candidates();
  InputSet set = std::move(c.set);
  set_relative_paths(set.inputs);  // before the shard's share: the same names in every shard
  if (shard) {
    auto mine = [&](const BatchInput& in) { return shard_of(in.sha256, shard->count) == shard->index; };
    auto keep = std::stable_partition(set.inputs.begin(), set.inputs.end(), mine);
    set.other_shards = set.inputs.end() - keep;
    set.inputs.erase(keep, set.inputs.end());
  }
  return set;
}

}  // namespace gongkai
