#include "batch/run_options.h"

#include <cstdlib>

#include "pipeline/extract.h"

namespace gongkai {

std::optional<Shard> parse_shard(const std::string& text) {
  auto slash = text.find('/');
  if (slash == std::string::npos || slash == 0 || slash + 1 == text.size()) return std::nullopt;
  auto digits = [](const std::string& s) { return s.find_first_not_of("0123456789") == std::string::npos; };
  std::string i = text.substr(0, slash), n = text.substr(slash + 1);
  if (!digits(i) || !digits(n) || i.size() > 6 || n.size() > 6) return std::nullopt;
  Shard s{static_cast<unsigned>(std::stoul(i)), static_cast<unsigned>(std::stoul(n))};
  if (s.count == 0 || s.index >= s.count) return std::nullopt;
  return s;
}

unsigned shard_of(const std::string& sha256, unsigned count) {
  // The first 60 bits of the hash: uniform, so shares are even.
  unsigned long long h = std::strtoull(sha256.substr(0, 15).c_str(), nullptr, 16);
  return static_cast<unsigned>(h % count);
}

nlohmann::json read_options_json(const ReadOptions& o) {
  return {{"ocr", o.ocr},
          {"scan_dpi", o.scan_dpi},
          {"tessdata", o.tessdata},
          {"debug_dir", o.debug_dir},
          {"scan_narrative", o.scan_narrative}};
}

ReadOptions read_options_from_json(const nlohmann::json& j) {
  ReadOptions o;
  o.ocr = j.value("ocr", o.ocr);
  o.scan_dpi = j.value("scan_dpi", o.scan_dpi);
  o.tessdata = j.value("tessdata", o.tessdata);
  o.debug_dir = j.value("debug_dir", o.debug_dir);
  o.scan_narrative = j.value("scan_narrative", o.scan_narrative);
  return o;
}

std::string options_hash(const ReadOptions& o) {
  nlohmann::json j = read_options_json(o);
  j.erase("debug_dir");  // where pictures go does not change a record
  return sha256_hex(j.dump()).substr(0, 16);
}

}  // namespace gongkai
