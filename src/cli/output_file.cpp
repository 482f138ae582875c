#include "cli/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <vector>

namespace gongkai {
namespace {

// Every byte, through EINTR and short writes; false with errno set.
bool write_all(int fd, const std::string& body) {
  size_t done = 0;
  while (done < body.size()) {
    ssize_t n = ::write(fd, body.data() + done, body.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<size_t>(n);
  }
  return true;
}

std::string reason(const char* what) { return std::string(what) + ": " + std::strerror(errno); }

}  // namespace

std::string write_file_atomically(const std::string& path, const std::string& body) {
  // In the same folder, so that the rename is atomic (no copy across file
  // systems); a name no reader of *.json or *.csv picks up.
  std::string tmp_name = path + ".tmp.XXXXXX";
  std::vector<char> tmp(tmp_name.begin(), tmp_name.end());
  tmp.push_back('\0');
  int fd = ::mkstemp(tmp.data());
  if (fd < 0) return reason("cannot create a temporary file");
  std::string failed;
  if (!write_all(fd, body)) failed = reason("write failed");
  // fsync: a record renamed into place must be whole on disk even if the
  // machine stops right after (a batch killed by the cluster, a power cut).
  else if (::fsync(fd) != 0) failed = reason("flush to disk failed");
  if (::close(fd) != 0 && failed.empty()) failed = reason("close failed");
  if (failed.empty() && ::rename(tmp.data(), path.c_str()) != 0) failed = reason("cannot put the record in place");
  if (!failed.empty()) ::unlink(tmp.data());
  return failed;
}

std::string write_stdout(const std::string& body) {
  std::fflush(stdout);
  if (!write_all(STDOUT_FILENO, body)) return reason("cannot write to standard output");
  return "";
}

}  // namespace gongkai
