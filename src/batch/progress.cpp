#include "batch/progress.h"

#include <unistd.h>

#include <cstdio>
#include <iostream>
#include <sstream>

namespace gongkai {

std::map<std::string, int> findings_by_kind(const nlohmann::ordered_json& record) {
  std::map<std::string, int> by_kind;
  for (const auto& f : record.value("findings", nlohmann::ordered_json::array())) {
    std::string kind = f.value("kind", ""), severity = f.value("severity", "");
    // Info-level findings are progress notes, not problems; reader.note says how a
    // page was read (by OCR, turned), which every scanned page has (issue 16).
    if (severity == "info" || f.value("rule", "") == "reader.note") continue;
    by_kind[kind]++;
  }
  return by_kind;
}

std::string summary_line(const std::string& input, const nlohmann::ordered_json& record) {
  int read = 0, total = 0;
  for (const auto& c : record.value("cells", nlohmann::ordered_json::array())) {
    ++total;
    if (c.contains("value") && !c["value"].is_null()) ++read;
  }
  std::string kinds;
  for (auto& [k, n] : findings_by_kind(record)) kinds += " " + k + "=" + std::to_string(n);
  const auto meta = record.value("meta", nlohmann::ordered_json::object());
  auto text = [&](const char* key) {
    auto it = meta.find(key);
    return it == meta.end() || !it->is_string() || it->get<std::string>().empty() ? std::string("?")
                                                                                  : it->get<std::string>();
  };
  auto year = meta.find("year");
  return input + ": agency=" + text("agency") +
         " year=" + (year != meta.end() && year->is_number() ? std::to_string(year->get<int>()) : "?") +
         " format=" + text("template") + " cells=" + std::to_string(read) + "/" + std::to_string(total) +
         " findings:" + (kinds.empty() ? " none" : kinds);
}

Progress::Progress(long total, bool enabled, double period_seconds)
    : total_(total), enabled_(enabled), tty_(::isatty(STDERR_FILENO)), period_(period_seconds) {
  start_ = last_ = std::chrono::steady_clock::now();
}

void Progress::update(long done, long failed) {
  if (!enabled_) return;
  auto now = std::chrono::steady_clock::now();
  double since_last = std::chrono::duration<double>(now - last_).count();
  if (since_last < (tty_ ? 0.2 : period_) && done < total_) return;
  if (!tty_ && done >= total_ && !drawn_) return;  // a short run: its summary says it all
  last_ = now;
  double elapsed = std::chrono::duration<double>(now - start_).count();
  double rate = elapsed > 0 ? done / elapsed : 0;
  std::ostringstream line;
  line.precision(1);
  line << std::fixed << done << "/" << total_ << " reports, " << rate << "/s";
  if (rate > 0 && done < total_) line << ", ETA " << static_cast<long>((total_ - done) / rate) << " s";
  line << ", " << failed << " failed";
  if (tty_) std::cerr << "\r\033[K" << line.str() << std::flush;
  else std::cerr << "gongkai: " << line.str() << "\n";
  drawn_ = true;
}

void Progress::finish() {
  if (enabled_ && tty_ && drawn_) std::cerr << "\r\033[K" << std::flush;
}

void print_summary(const BatchTotals& t) {
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << "gongkai: " << t.inputs << " distinct inputs (" << t.paths << " paths): " << t.read << " read, "
    << t.failed << " failed, " << t.skipped << " skipped as already stored";
  if (t.other_shards) s << ", " << t.other_shards << " left to other shards";
  s << "; " << t.seconds << " s";
  if (t.read > 0 && t.seconds > 0) s << " (" << t.read / t.seconds << " reports/s)";
  s << "\n";
  if (!t.findings.empty()) {
    s << "gongkai: findings by kind:";
    for (auto& [k, n] : t.findings) s << " " << k << "=" << n;
    s << "\n";
  }
  for (auto& [path, reason] : t.failures) s << "gongkai: failed: " << path << ": " << reason << "\n";
  std::cerr << s.str();
}

}  // namespace gongkai
