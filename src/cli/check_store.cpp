#include "cli/check_store.h"

#include <filesystem>
#include <iostream>

#include "analysis/cross_year.h"
#include "analysis/record_json.h"
#include "writers/json_writer.h"
#include "writers/sqlite_writer.h"

namespace gongkai {
namespace {

// Stored reports read whole, with their sha256 (the store's key).
struct Loaded {
  std::vector<Report> reports;
  std::vector<std::string> hashes;
};

void load(ReportDb& store, const std::vector<std::string>& hashes, Loaded& out) {
  for (const std::string& sha : hashes) {
    auto stored = store.get(sha);
    if (!stored || stored->status != "ok" || stored->record.empty()) continue;
    out.reports.push_back(record_from_json(nlohmann::json::parse(stored->record)));
    out.hashes.push_back(sha);
  }
}

// Runs the checks across years over `loaded`; returns, per report, where its
// new findings begin.
std::vector<size_t> check(Loaded& loaded) {
  std::vector<size_t> before;
  std::vector<Report*> all;
  for (Report& r : loaded.reports) all.push_back(&r), before.push_back(r.findings.size());
  add_cross_year_findings(all);
  return before;
}

// Into the store, beside each report's own findings (the views count them):
// a check run again replaces them rather than adding them twice. Only the
// findings the check added are rendered: the whole record rendered again was
// a sixth of the supervisor's CPU on an archive run (perf, 81 text PDFs).
void write_back(ReportDb& store, const Loaded& loaded, const std::vector<size_t>& before, Lang lang) {
  for (size_t i = 0; i < loaded.reports.size(); ++i) {
    const Report& r = loaded.reports[i];
    nlohmann::ordered_json cross = nlohmann::ordered_json::array();
    for (size_t k = before[i]; k < r.findings.size(); ++k)
      if (r.findings[k].kind == FindingKind::CrossYear) cross.push_back(finding_json(r, r.findings[k], lang));
    store.replace_findings(loaded.hashes[i], "cross_year", cross);
  }
}

long new_findings(const Loaded& loaded, const std::vector<size_t>& before) {
  long n = 0;
  for (size_t i = 0; i < loaded.reports.size(); ++i) n += loaded.reports[i].findings.size() - before[i];
  return n;
}

}  // namespace

// Each new finding of `loaded`, one a line: file, year, rule, severity, message.
void print_findings(const Loaded& loaded, const std::vector<size_t>& before, Lang lang) {
  for (size_t i = 0; i < loaded.reports.size(); ++i) {
    const Report& r = loaded.reports[i];
    for (size_t k = before[i]; k < r.findings.size(); ++k) {
      const Finding& f = r.findings[k];
      std::cout << r.source.file << "\t" << (r.meta.year ? std::to_string(*r.meta.year) : "?") << "\t" << f.rule
                << "\t" << severity_key(f.severity) << "\t" << finding_message(f, lang) << "\n";
    }
  }
}

int check_store(const std::string& db_path, Lang lang) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {  // never create an empty store to check
    std::cerr << "gongkai check: " << db_path << ": no such store\n";
    return 1;
  }
  long reports = 0, found = 0;
  try {
    ReportDb store(db_path);
    store.group_commits(std::chrono::milliseconds(500));  // as an archive run's writes (batch/runner.cpp)
    // One agency at a time, as an archive run checks them: the whole store
    // loaded at once held 150 MB for 1,010 reports, 15 GB for an archive of
    // 100,000.
    for (const auto& [key, hashes] : store.hashes_by_agency()) {
      reports += static_cast<long>(hashes.size());
      if (hashes.size() < 2) continue;  // nothing to compare it with
      Loaded loaded;
      load(store, hashes, loaded);
      auto before = check(loaded);
      print_findings(loaded, before, lang);
      found += new_findings(loaded, before);
      write_back(store, loaded, before, lang);
    }
  } catch (const std::exception& e) {
    std::cerr << "gongkai check: " << db_path << ": " << e.what() << "\n";
    return 1;
  }
  std::cerr << "gongkai check: " << reports << " reports, " << found << " cross-year findings\n";
  return 0;
}

long check_agencies(const std::string& db_path, const std::set<std::string>& agency_keys, Lang lang) {
  ReportDb store(db_path);
  store.group_commits(std::chrono::milliseconds(500));  // as the run's own writes (batch/runner.cpp)
  long found = 0;
  // One agency at a time: only its years are held, so an archive of any size
  // is checked in the memory of its largest agency.
  for (const auto& [key, hashes] : store.hashes_of_agencies(agency_keys)) {
    Loaded loaded;
    load(store, hashes, loaded);
    if (loaded.reports.size() < 2) continue;
    auto before = check(loaded);
    found += new_findings(loaded, before);
    write_back(store, loaded, before, lang);
  }
  return found;
}

}  // namespace gongkai
