#include "writers/sqlite_writer.h"

#include <sqlite3.h>

#include <stdexcept>

#include "writers/json_writer.h"

namespace gongkai {
namespace {

constexpr const char* kSchema = R"(
PRAGMA journal_mode = WAL;
PRAGMA synchronous = NORMAL;
PRAGMA foreign_keys = ON;
CREATE TABLE IF NOT EXISTS reports (
  id INTEGER PRIMARY KEY, path TEXT NOT NULL UNIQUE, file TEXT, sha256 TEXT, kind TEXT, pages INTEGER,
  title TEXT, agency TEXT, agency_printed TEXT, year INTEGER, template TEXT, record TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS cells (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  tbl TEXT NOT NULL, row TEXT NOT NULL, col TEXT NOT NULL, value NUMERIC, raw TEXT, unit TEXT, page INTEGER,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL, bbox_unit TEXT, via TEXT, confidence REAL, repaired_from TEXT,
  printed_blank INTEGER NOT NULL DEFAULT 0);
CREATE TABLE IF NOT EXISTS findings (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  rule TEXT NOT NULL, severity TEXT, kind TEXT, message TEXT, cells TEXT);
CREATE INDEX IF NOT EXISTS cells_report ON cells(report_id);
CREATE INDEX IF NOT EXISTS cells_key ON cells(tbl, row, col);
CREATE INDEX IF NOT EXISTS findings_report ON findings(report_id);
CREATE INDEX IF NOT EXISTS reports_agency_year ON reports(agency, year);
)";

struct Statement {
  sqlite3_stmt* s = nullptr;
  ~Statement() { sqlite3_finalize(s); }
};

}  // namespace

struct ReportDb::Impl {
  sqlite3* db = nullptr;
  std::string path;
  Statement del, rep, cell, finding;
  ~Impl() {
    for (Statement* st : {&del, &rep, &cell, &finding}) {
      sqlite3_finalize(st->s);
      st->s = nullptr;
    }
    sqlite3_close(db);
  }

  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("database " + path + ": " + what + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
  }
  void exec(const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
      std::string e = err ? err : "";
      sqlite3_free(err);
      throw std::runtime_error("database " + path + ": " + e);
    }
  }
  void prepare(Statement& st, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &st.s, nullptr) != SQLITE_OK) fail("prepare");
  }
};

ReportDb::ReportDb(const std::string& path) : impl_(std::make_unique<Impl>()) {
  impl_->path = path;
  if (sqlite3_open_v2(path.c_str(), &impl_->db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    impl_->fail("cannot open");
  sqlite3_busy_timeout(impl_->db, 5000);
  impl_->exec(kSchema);
  impl_->prepare(impl_->del, "DELETE FROM reports WHERE path = ?1");
  impl_->prepare(impl_->rep,
                 "INSERT INTO reports (path, file, sha256, kind, pages, title, agency, agency_printed, year, template, "
                 "record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
  impl_->prepare(impl_->cell,
                 "INSERT INTO cells (report_id, tbl, row, col, value, raw, unit, page, x0, y0, x1, y1, bbox_unit, via, "
                 "confidence, repaired_from, printed_blank) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
                 "?13, ?14, ?15, ?16, ?17)");
  impl_->prepare(impl_->finding,
                 "INSERT INTO findings (report_id, rule, severity, kind, message, cells) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
}

ReportDb::~ReportDb() = default;

namespace {

void bind_text(sqlite3_stmt* s, int i, const nlohmann::ordered_json& v) {
  if (v.is_string()) {
    const std::string& t = v.get_ref<const std::string&>();
    sqlite3_bind_text(s, i, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
  } else if (v.is_null()) {
    sqlite3_bind_null(s, i);
  } else {
    std::string t = v.dump();
    sqlite3_bind_text(s, i, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
  }
}
void bind_number(sqlite3_stmt* s, int i, const nlohmann::ordered_json& v) {
  if (v.is_number_integer()) sqlite3_bind_int64(s, i, v.get<int64_t>());
  else if (v.is_number()) sqlite3_bind_double(s, i, v.get<double>());
  else sqlite3_bind_null(s, i);
}
const nlohmann::ordered_json& at(const nlohmann::ordered_json& j, const char* key) {
  static const nlohmann::ordered_json null;
  auto it = j.find(key);
  return it == j.end() ? null : *it;
}

}  // namespace

void ReportDb::put(const std::string& path, const Report& r) {
  auto j = to_json(r);
  Impl& d = *impl_;
  d.exec("BEGIN IMMEDIATE");
  try {
    auto step = [&](Statement& st) {
      if (sqlite3_step(st.s) != SQLITE_DONE) d.fail("write");
      sqlite3_reset(st.s);
      sqlite3_clear_bindings(st.s);
    };
    sqlite3_bind_text(d.del.s, 1, path.data(), static_cast<int>(path.size()), SQLITE_TRANSIENT);
    step(d.del);
    const auto& src = at(j, "source");
    const auto& meta = at(j, "meta");
    std::string record = j.dump();
    sqlite3_bind_text(d.rep.s, 1, path.data(), static_cast<int>(path.size()), SQLITE_TRANSIENT);
    bind_text(d.rep.s, 2, at(src, "file"));
    bind_text(d.rep.s, 3, at(src, "sha256"));
    bind_text(d.rep.s, 4, at(src, "kind"));
    bind_number(d.rep.s, 5, at(src, "pages"));
    bind_text(d.rep.s, 6, at(meta, "title"));
    bind_text(d.rep.s, 7, at(meta, "agency"));
    bind_text(d.rep.s, 8, at(meta, "agency_printed"));
    bind_number(d.rep.s, 9, at(meta, "year"));
    bind_text(d.rep.s, 10, at(meta, "template"));
    sqlite3_bind_text(d.rep.s, 11, record.data(), static_cast<int>(record.size()), SQLITE_TRANSIENT);
    step(d.rep);
    sqlite3_int64 id = sqlite3_last_insert_rowid(d.db);
    for (const auto& c : at(j, "cells")) {
      sqlite3_bind_int64(d.cell.s, 1, id);
      bind_text(d.cell.s, 2, at(c, "table"));
      bind_text(d.cell.s, 3, at(c, "row"));
      bind_text(d.cell.s, 4, at(c, "col"));
      bind_number(d.cell.s, 5, at(c, "value"));
      bind_text(d.cell.s, 6, at(c, "raw"));
      bind_text(d.cell.s, 7, at(c, "unit"));
      bind_number(d.cell.s, 8, at(c, "page"));
      const auto& bbox = at(c, "bbox");
      for (int k = 0; k < 4; ++k) bind_number(d.cell.s, 9 + k, bbox.is_array() && bbox.size() == 4 ? bbox[k] : bbox);
      bind_text(d.cell.s, 13, at(c, "bbox_unit"));
      bind_text(d.cell.s, 14, at(c, "via"));
      bind_number(d.cell.s, 15, at(c, "confidence"));
      bind_text(d.cell.s, 16, at(c, "repaired_from"));
      sqlite3_bind_int(d.cell.s, 17, at(c, "printed_blank").is_boolean() && at(c, "printed_blank").get<bool>());
      step(d.cell);
    }
    for (const auto& f : at(j, "findings")) {
      sqlite3_bind_int64(d.finding.s, 1, id);
      bind_text(d.finding.s, 2, at(f, "rule"));
      bind_text(d.finding.s, 3, at(f, "severity"));
      bind_text(d.finding.s, 4, at(f, "kind"));
      bind_text(d.finding.s, 5, at(f, "message"));
      bind_text(d.finding.s, 6, at(f, "cells"));
      step(d.finding);
    }
    d.exec("COMMIT");
  } catch (...) {
    sqlite3_exec(d.db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

}  // namespace gongkai
