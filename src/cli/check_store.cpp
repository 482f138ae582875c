#include "cli/check_store.h"

#include <filesystem>
#include <iostream>

#include "analysis/cross_year.h"
#include "analysis/record_json.h"
#include "writers/json_writer.h"
#include "writers/sqlite_writer.h"

namespace gongkai {

int check_store(const std::string& db_path, Lang lang) {
  std::vector<Report> reports;
  std::vector<std::string> hashes;  // of `reports`, in the same order
  std::error_code ec;
  if (!std::filesystem::is_regular_file(db_path, ec)) {  // never create an empty store to check
    std::cerr << "gongkai check: " << db_path << ": no such store\n";
    return 1;
  }
  try {
    ReportDb store(db_path);
    for (const std::string& sha : store.hashes()) {
      auto stored = store.get(sha);
      if (!stored || stored->status != "ok" || stored->record.empty()) continue;
      reports.push_back(record_from_json(nlohmann::json::parse(stored->record)));
      hashes.push_back(sha);
    }
  } catch (const std::exception& e) {
    std::cerr << "gongkai check: " << db_path << ": " << e.what() << "\n";
    return 1;
  }
  std::vector<size_t> before;
  std::vector<Report*> all;
  for (Report& r : reports) all.push_back(&r), before.push_back(r.findings.size());
  add_cross_year_findings(all);
  long found = 0;
  for (size_t i = 0; i < reports.size(); ++i)
    for (size_t k = before[i]; k < reports[i].findings.size(); ++k, ++found) {
      const Finding& f = reports[i].findings[k];
      std::cout << reports[i].source.file << "\t" << (reports[i].meta.year ? std::to_string(*reports[i].meta.year) : "?")
                << "\t" << f.rule << "\t" << severity_key(f.severity) << "\t" << finding_message(f, lang) << "\n";
    }
  std::cerr << "gongkai check: " << reports.size() << " reports, " << found << " cross-year findings\n";
  // Into the store, beside each report's own findings (the views count them):
  // a check run again replaces them rather than adding them twice.
  try {
    ReportDb store(db_path);
    for (size_t i = 0; i < reports.size(); ++i) {
      nlohmann::ordered_json cross = nlohmann::ordered_json::array();
      const nlohmann::ordered_json record = to_json(reports[i], lang);
      for (const auto& f : record["findings"])
        if (f.value("kind", "") == "cross_year") cross.push_back(f);
      store.replace_findings(hashes[i], "cross_year", cross);
    }
  } catch (const std::exception& e) {
    std::cerr << "gongkai check: " << db_path << ": " << e.what() << "\n";
    return 3;
  }
  return 0;
}

}  // namespace gongkai
