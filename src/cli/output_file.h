// Writing a record where a reader of the folder never sees half of it: into
// a temporary file beside the target, flushed to disk, then renamed over it.
#pragma once
#include <string>

namespace gongkai {

// Writes `body` to `path` atomically. Returns "" on success, or the reason
// (the system's, from errno) it failed; no partial file is left either way.
std::string write_file_atomically(const std::string& path, const std::string& body);

// Writes `body` to standard output; returns "" or the reason it failed (a
// full disk, a closed pipe).
std::string write_stdout(const std::string& body);

}  // namespace gongkai
