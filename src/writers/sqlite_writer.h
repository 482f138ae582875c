// Records into one SQLite database: a whole archive of reports in one file
// that can be queried (which agencies' tables do not add up, every 予以公开
// count of 2023). The tables hold what the JSON record holds (the record
// itself too, as JSON), keyed by the input's path: extracting a file again
// replaces its rows.
//
//   reports (id, path UNIQUE, file, sha256, kind, pages, title, agency,
//            agency_printed, year, template, record)
//   cells   (report_id, tbl, row, col, value, raw, unit, page, x0, y0, x1, y1,
//            bbox_unit, via, confidence, repaired_from, printed_blank)
//   findings(report_id, rule, severity, kind, message, cells)
#pragma once
#include <memory>
#include <string>

#include "model/record.h"

namespace gongkai {

class ReportDb {
 public:
  // Opens or creates the database (throws std::runtime_error naming the path
  // and SQLite's reason).
  explicit ReportDb(const std::string& path);
  ~ReportDb();
  ReportDb(const ReportDb&) = delete;
  ReportDb& operator=(const ReportDb&) = delete;
  // Stores one record under `path`, in one transaction (throws like the constructor).
  void put(const std::string& path, const Report& r);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai
