#include "review/apply_review.h"

#include <sqlite3.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <stdexcept>

#include "review/record_view.h"
#include "validation/identities.h"
#include "validation/validate.h"
#include "writers/json_writer.h"
#include "writers/sqlite_writer.h"

namespace gongkai::review {

namespace {

using OJson = nlohmann::ordered_json;

void store_reviews(const std::string& db_path, const std::string& sha256, const nlohmann::json& corrections) {
  sqlite3* db = nullptr;
  auto fail = [&](const char* what) {
    std::string why = std::string(what) + ": " + (db ? sqlite3_errmsg(db) : "cannot open");
    sqlite3_close(db);
    throw std::runtime_error(db_path + ": " + why);
  };
  if (sqlite3_open_v2(db_path.c_str(), &db, SQLITE_OPEN_READWRITE, nullptr) != SQLITE_OK) fail("open");
  sqlite3_busy_timeout(db, 10000);
  // Keyed by content, like the reports: a review outlives a re-extraction.
  if (sqlite3_exec(db,
                   "CREATE TABLE IF NOT EXISTS reviews (sha256 TEXT NOT NULL, tbl TEXT NOT NULL, row TEXT NOT NULL, "
                   "col TEXT NOT NULL, action TEXT, reviewed REAL, read REAL, reviewed_by TEXT, reviewed_at TEXT, "
                   "PRIMARY KEY (sha256, tbl, row, col))",
                   nullptr, nullptr, nullptr) != SQLITE_OK)
    fail("create reviews");
  sqlite3_stmt* s = nullptr;
  if (sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO reviews VALUES (?,?,?,?,?,?,?,?,?)", -1, &s, nullptr) != SQLITE_OK)
    fail("prepare");
  for (const auto& c : corrections) {
    sqlite3_bind_text(s, 1, sha256.c_str(), -1, SQLITE_TRANSIENT);
    int i = 2;
    for (const char* k : {"table", "row", "col", "action"})
      sqlite3_bind_text(s, i++, c.value(k, "").c_str(), -1, SQLITE_TRANSIENT);
    for (const char* k : {"reviewed", "read"}) {
      if (c.contains(k) && c[k].is_number()) sqlite3_bind_double(s, i++, c[k].get<double>());
      else sqlite3_bind_null(s, i++);
    }
    for (const char* k : {"reviewed_by", "reviewed_at"})
      sqlite3_bind_text(s, i++, c.value(k, "").c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(s) != SQLITE_DONE) {
      sqlite3_finalize(s);
      fail("insert");
    }
    sqlite3_reset(s);
  }
  sqlite3_finalize(s);
  sqlite3_close(db);
}

}  // namespace

OJson reviewed_findings(const OJson& record) {
  Report r = report_from_record(record, true);
  validate(identities(r.requests, r.review), r);
  return to_json(r)["findings"];
}

void apply_corrections(OJson& record, const nlohmann::json& corrections) {
  const Report shape = report_from_record(record);
  for (const auto& c : corrections) {
    std::string table = c.value("table", ""), row = c.value("row", ""), col = c.value("col", "");
    const TableLayout* layout = nullptr;
    for (TableId t : {TableId::Active, TableId::Requests, TableId::ReviewLitigation})
      if (table_key(t) == table) layout = &shape.layout(t);
    const RowSpec* spec_row = layout ? layout->spec->find_row(row) : nullptr;
    if (!spec_row || std::none_of(spec_row->columns.begin(), spec_row->columns.end(),
                                  [&](const ColumnSpec& k) { return k.key == col; }))
      throw std::runtime_error("the correction of " + table + "." + row + "." + col + " names no cell of the template");
    OJson* cell = nullptr;
    for (OJson& e : record["cells"])
      if (e.value("table", "") == table && e.value("row", "") == row && e.value("col", "") == col) cell = &e;
    if (!cell) {  // a cell nothing was read for: it is added, its value still null
      record["cells"].push_back({{"table", table}, {"row", row}, {"col", col}, {"value", nullptr}, {"raw", ""},
                                 {"page", 0}, {"bbox", nullptr}});
      cell = &record["cells"].back();
    }
    (*cell)["reviewed"] = c.contains("reviewed") ? c["reviewed"] : nlohmann::json(nullptr);
    (*cell)["reviewed_by"] = c.value("reviewed_by", "");
    (*cell)["reviewed_at"] = c.value("reviewed_at", "");
    (*cell)["review_action"] = c.value("action", "correct");
  }
  record["reviewed_findings"] = reviewed_findings(record);
}

int run_apply_review(const std::string& corrections_path, const std::string& db_path) {
  nlohmann::json doc;
  try {
    std::ifstream in(corrections_path);
    if (!in) throw std::runtime_error("cannot open the file");
    doc = nlohmann::json::parse(in);
    if (doc.value("format", "") != "gongkai-review-corrections" || !doc["reports"].is_array())
      throw std::runtime_error("not an export of the review page (format gongkai-review-corrections)");
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << corrections_path << ": " << e.what() << "\n";
    return 1;
  }
  int status = 0;
  try {
    ReportDb db(db_path);
    for (const auto& rep : doc["reports"]) {
      std::string sha = rep.value("sha256", ""), name = rep.value("file", sha);
      try {
        auto stored = db.get(sha);
        if (!stored || stored->status != "ok") throw std::runtime_error("no record of this report (sha256 " + sha + ") in " + db_path);
        OJson record = OJson::parse(stored->record);
        apply_corrections(record, rep["corrections"]);
        stored->record = record.dump();
        db.put(*stored);
        store_reviews(db_path, sha, rep["corrections"]);
        std::cout << name << ": " << rep["corrections"].size() << " reviewed cell(s); identities over the reviewed values: "
                  << record["reviewed_findings"].size() << " finding(s), as read: " << record["findings"].size() << "\n";
      } catch (const std::exception& e) {
        std::cerr << "gongkai: " << corrections_path << ": " << name << ": " << e.what() << "\n";
        status = 1;
      }
    }
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << e.what() << "\n";
    return 1;
  }
  return status;
}

}  // namespace gongkai::review
