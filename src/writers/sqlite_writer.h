// The store: records of a whole archive in one SQLite file that can be
// queried (which agencies' tables do not add up, every 予以公开 count of 2023).
// A report is identified by the sha256 of its bytes: the same report found
// under five paths is one row of `reports` and five rows of `report_paths`,
// so a SUM counts it once. The schema (README "The store") is versioned with
// PRAGMA user_version = kStoreSchema.
//
//   reports      (id, sha256 UNIQUE, status 'ok'|'failed', error, tool_version,
//                 store_schema, options_hash, extracted_at, file, kind, pages,
//                 title, agency, agency_printed, year, template, record)
//   report_paths (sha256, path)        every path the content was seen at
//   cells        (report_id, tbl, row, col, value, raw, unit, page, x0, y0,
//                 x1, y1, bbox_unit, via, confidence, repaired_from, printed_blank)
//   findings     (report_id, rule, severity, kind, message, cells)
//   views: report_files, cell_values, failures, findings_by_rule, source_problems
#pragma once
#include <map>
#include <set>
#include <nlohmann/json.hpp>
#include <chrono>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace gongkai {

inline constexpr int kStoreSchema = 1;

// One report as the store holds it. `record` is the JSON record (compact) for
// status "ok", empty for "failed" (then `error` says why).
struct StoredReport {
  std::string sha256;
  std::string status = "ok";
  std::string error;
  std::string tool_version;
  std::string options_hash;
  std::string extracted_at;  // UTC, ISO 8601
  std::string file;          // the record's file name (of the first path)
  std::string record;
  std::vector<std::string> paths;
};

// What a rerun needs to know to skip an input.
struct StoredState {
  std::string status, tool_version, options_hash;
};

class ReportDb {
 public:
  // Opens or creates the store. Throws std::runtime_error naming the path and
  // the reason: SQLite's, or a schema this version does not know (an older
  // store keyed by path, or a newer one).
  explicit ReportDb(const std::string& path);
  ~ReportDb();
  ReportDb(const ReportDb&) = delete;
  ReportDb& operator=(const ReportDb&) = delete;

  // Groups the transactions of put, add_paths and replace_findings into one
  // commit per `window` (0: one commit each, the default). Each report is
  // still whole or absent (a savepoint each): a killed run loses at most the
  // reports of its last window, which a rerun extracts again. commit() and the
  // destructor commit what is pending; commit_due() what is older than the
  // window (for a writer that waits between reports).
  void group_commits(std::chrono::milliseconds window);
  void commit();
  void commit_due();
  // For a run about to add `reports_to_add` reports: when they are many (at
  // least 100, and a quarter of what the store holds), the cells(tbl, row,
  // col) index is dropped, to be built once by build_cell_index() at the
  // end. A run killed in between leaves the store without it (queries work,
  // slower) until a later run ends.
  void defer_cell_index(size_t reports_to_add);
  void build_cell_index();

  std::optional<StoredState> state(const std::string& sha256);
  // Stores one report in one transaction: any earlier row of the same sha256
  // (and its cells and findings) is replaced; its paths are added to the ones
  // already known. "database is locked" is waited out, not fatal.
  void put(const StoredReport& r);
  // Records more paths of a stored report (a rerun that found a copy).
  void add_paths(const std::string& sha256, const std::vector<std::string>& paths);
  // The whole stored report, paths included.
  std::optional<StoredReport> get(const std::string& sha256);
  // Every stored sha256, sorted.
  std::vector<std::string> hashes();
  // The sha256 of every report read whole whose record's agency key
  // (meta.agency_normalised) is one of `agency_keys`, by key, each sorted.
  // One pass over the store, however many keys.
  std::map<std::string, std::vector<std::string>> hashes_of_agencies(const std::set<std::string>& agency_keys);
  // The same for every agency key the store holds ("" for records without one).
  std::map<std::string, std::vector<std::string>> hashes_by_agency();
  // Replaces the findings of one kind of a stored report by `findings` (the
  // JSON writer's finding objects), in one transaction: what `gongkai check`
  // finds across years lands beside what extraction found, and a second check
  // does not add them twice. The stored record itself is left as extracted.
  void replace_findings(const std::string& sha256, const std::string& kind, const nlohmann::ordered_json& findings);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// -1, 0 or 1 as tool version a is older than, the same as or newer than b
// ("0.9.2" < "0.10.0": numbers compared as numbers).
int compare_versions(const std::string& a, const std::string& b);

}  // namespace gongkai
