#pragma once
#include <cstdio>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "model/record.h"
#include "pipeline/extract.h"
#include "writers/json_writer.h"

namespace gk_test {

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string data(const std::string& rel) { return std::string(GONGKAI_TEST_DATA) + "/" + rel; }

inline nlohmann::json load(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

inline nlohmann::json extract_json(const std::string& path) { return gongkai::to_json(gongkai::extract_file(path)); }

inline nlohmann::json extract_text(const std::string& text) {
  return gongkai::to_json(gongkai::extract_bytes(text, "inline.txt"));
}

inline bool has_finding(const nlohmann::json& rec, const std::string& rule, const std::string& kind) {
  for (auto& f : rec["findings"])
    if (f["rule"] == rule && f["kind"] == kind) return true;
  return false;
}

struct RunResult {
  int status;
  std::string out;
};

// Runs the built CLI; stderr is merged into out.
inline RunResult run_cli(const std::string& args) {
  std::string cmd = std::string(GONGKAI_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  return {WEXITSTATUS(st), out};
}

}  // namespace gk_test
