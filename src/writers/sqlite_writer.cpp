#include "writers/sqlite_writer.h"

#include <sqlite3.h>

#include <chrono>
#include <iostream>
#include <nlohmann/json.hpp>
#include <stdexcept>
#include <thread>

#include "analysis/metrics_sql.h"

namespace gongkai {
namespace {

constexpr const char* kSchema = R"(
CREATE TABLE reports (
  id INTEGER PRIMARY KEY, sha256 TEXT NOT NULL UNIQUE,
  status TEXT NOT NULL CHECK (status IN ('ok', 'failed')), error TEXT,
  tool_version TEXT NOT NULL, store_schema INTEGER NOT NULL, options_hash TEXT NOT NULL, extracted_at TEXT NOT NULL,
  file TEXT, kind TEXT, pages INTEGER, title TEXT, agency TEXT, agency_printed TEXT, year INTEGER, template TEXT,
  record TEXT);
CREATE TABLE report_paths (sha256 TEXT NOT NULL, path TEXT NOT NULL, PRIMARY KEY (sha256, path)) WITHOUT ROWID;
CREATE TABLE cells (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  tbl TEXT NOT NULL, row TEXT NOT NULL, col TEXT NOT NULL, value NUMERIC, raw TEXT, unit TEXT, page INTEGER,
  x0 REAL, y0 REAL, x1 REAL, y1 REAL, bbox_unit TEXT, via TEXT, confidence REAL, repaired_from TEXT,
  printed_blank INTEGER NOT NULL DEFAULT 0);
CREATE TABLE findings (
  report_id INTEGER NOT NULL REFERENCES reports(id) ON DELETE CASCADE,
  rule TEXT NOT NULL, severity TEXT, kind TEXT, message TEXT, cells TEXT);
CREATE INDEX cells_report ON cells(report_id);
CREATE INDEX cells_key ON cells(tbl, row, col);
CREATE INDEX findings_report ON findings(report_id);
CREATE INDEX reports_agency_year ON reports(agency, year);
CREATE INDEX report_paths_path ON report_paths(path);
-- Views: the queries analysts would otherwise write.
CREATE VIEW report_files AS
  SELECT r.id AS report_id, r.sha256, p.path, r.status, r.agency, r.year, r.template, r.kind
  FROM reports r JOIN report_paths p ON p.sha256 = r.sha256;
CREATE VIEW cell_values AS
  SELECT r.id AS report_id, r.sha256, r.agency, r.year, r.template, c.tbl, c.row, c.col, c.value, c.raw,
         c.repaired_from IS NOT NULL AS repaired, c.printed_blank
  FROM cells c JOIN reports r ON r.id = c.report_id;
CREATE VIEW failures AS
  SELECT r.sha256, r.error, r.tool_version, r.extracted_at,
         (SELECT group_concat(path, char(10)) FROM report_paths p WHERE p.sha256 = r.sha256) AS paths
  FROM reports r WHERE r.status = 'failed';
CREATE VIEW findings_by_rule AS
  SELECT kind, severity, rule, COUNT(*) AS findings, COUNT(DISTINCT report_id) AS reports
  FROM findings GROUP BY kind, severity, rule;
CREATE VIEW source_problems AS
  SELECT r.id AS report_id, r.agency, r.year, f.rule, f.message, f.cells
  FROM findings f JOIN reports r ON r.id = f.report_id WHERE f.kind = 'source';
)";

// "database is locked" (another process writing) is waited out this long
// before it is an error: a second writer of an archive store waits for the
// first's transaction, which lasts milliseconds per report.
constexpr auto kLockPatience = std::chrono::minutes(10);

struct Statement {
  sqlite3_stmt* s = nullptr;
  ~Statement() { sqlite3_finalize(s); }
  void done() {
    sqlite3_reset(s);
    sqlite3_clear_bindings(s);
  }
};

// Not named bind: with a temporary string argument, argument-dependent
// lookup preferred std::bind, which bound nothing, and every finding's cells
// were stored as NULL (StoreRows.ReplacedFindingsKeepTheirCells).
void bind_string(sqlite3_stmt* s, int i, const std::string& t) {
  sqlite3_bind_text(s, i, t.data(), static_cast<int>(t.size()), SQLITE_TRANSIENT);
}
void bind_text(sqlite3_stmt* s, int i, const nlohmann::ordered_json& v) {
  if (v.is_string()) bind_string(s, i, v.get_ref<const std::string&>());
  else if (v.is_null()) sqlite3_bind_null(s, i);
  else bind_string(s, i, v.dump());
}
void bind_number(sqlite3_stmt* s, int i, const nlohmann::ordered_json& v) {
  if (v.is_number_integer()) sqlite3_bind_int64(s, i, v.get<int64_t>());
  else if (v.is_number()) sqlite3_bind_double(s, i, v.get<double>());
  else sqlite3_bind_null(s, i);
}
const nlohmann::ordered_json& at(const nlohmann::ordered_json& j, const char* key) {
  static const nlohmann::ordered_json null;
  if (!j.is_object()) return null;
  auto it = j.find(key);
  return it == j.end() ? null : *it;
}
std::string column(sqlite3_stmt* s, int i) {
  auto* t = reinterpret_cast<const char*>(sqlite3_column_text(s, i));
  return t ? std::string(t, static_cast<size_t>(sqlite3_column_bytes(s, i))) : std::string();
}

}  // namespace

struct ReportDb::Impl {
  sqlite3* db = nullptr;
  std::string path;
  Statement del, rep, cell, finding, add_path, state, get, paths, hashes;
  ~Impl() {
    for (Statement* st : {&del, &rep, &cell, &finding, &add_path, &state, &get, &paths, &hashes}) {
      sqlite3_finalize(st->s);
      st->s = nullptr;
    }
    sqlite3_close(db);
  }

  [[noreturn]] void fail(const std::string& what) {
    throw std::runtime_error("database " + path + ": " + what + ": " + (db ? sqlite3_errmsg(db) : "cannot open"));
  }
  // Runs `sql`, waiting out a lock held by another process.
  void exec(const char* sql) {
    auto deadline = std::chrono::steady_clock::now() + kLockPatience;
    for (;;) {
      char* err = nullptr;
      int rc = sqlite3_exec(db, sql, nullptr, nullptr, &err);
      std::string e = err ? err : "";
      sqlite3_free(err);
      if (rc == SQLITE_OK) return;
      // Only another process's lock is waited out: SQLITE_LOCKED is this connection's own
      // pending statement, which no wait resolves (a DROP waited 10 minutes on one).
      if (rc == SQLITE_BUSY && std::chrono::steady_clock::now() < deadline) {
        std::this_thread::sleep_for(std::chrono::milliseconds(20));
        continue;
      }
      throw std::runtime_error("database " + path + ": " + e);
    }
  }
  void prepare(Statement& st, const char* sql) {
    if (sqlite3_prepare_v2(db, sql, -1, &st.s, nullptr) != SQLITE_OK) fail("prepare");
  }
  void step(Statement& st) {
    if (sqlite3_step(st.s) != SQLITE_DONE) fail("write");
    st.done();
  }
  int user_version() {
    Statement st;
    prepare(st, "PRAGMA user_version");
    return sqlite3_step(st.s) == SQLITE_ROW ? sqlite3_column_int(st.s, 0) : 0;
  }
  bool has_table(const char* name) {
    Statement st;
    prepare(st, "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?1");
    sqlite3_bind_text(st.s, 1, name, -1, SQLITE_STATIC);
    return sqlite3_step(st.s) == SQLITE_ROW;
  }
  // One write transaction (BEGIN IMMEDIATE: the lock is taken up front, so
  // two writers queue instead of failing on upgrade); rolled back on a throw.
  // While commits are grouped, a savepoint inside the group's transaction.
  void transaction(const std::function<void()>& body);
  void commit_group() {
    if (!group_open) return;
    group_open = false;
    exec("COMMIT");
  }
  void commit_due() {
    if (group_open && std::chrono::steady_clock::now() - group_started >= group_window) commit_group();
  }
  std::chrono::milliseconds group_window{0};
  bool group_open = false;
  std::chrono::steady_clock::time_point group_started;
  void create_or_check_schema();
  void put_rows(const StoredReport& r);
  // One finding (the JSON writer's object) of report `id`.
  void insert_finding(sqlite3_int64 id, const nlohmann::ordered_json& f) {
    sqlite3_bind_int64(finding.s, 1, id);
    bind_text(finding.s, 2, at(f, "rule"));
    bind_text(finding.s, 3, at(f, "severity"));
    bind_text(finding.s, 4, at(f, "kind"));
    bind_text(finding.s, 5, at(f, "message"));
    bind_text(finding.s, 6, at(f, "cells"));
    step(finding);
  }
};

void ReportDb::Impl::create_or_check_schema() {
  transaction([&] {
    int version = user_version();
    if (version == 0 && has_table("reports"))
      throw std::runtime_error(
          "database " + path +
          ": a store of an older gongkai (schema 0: reports keyed by the path as typed, no tool version); this "
          "version writes schema " + std::to_string(kStoreSchema) +
          " (reports keyed by content). Extract into a new store file; the old one can still be read with sqlite3");
    if (version > kStoreSchema)
      throw std::runtime_error("database " + path + ": store schema " + std::to_string(version) +
                               " was written by a newer gongkai; this version knows schema " +
                               std::to_string(kStoreSchema) + " and older");
    if (version == 0) {
      exec(kSchema);
      exec(("PRAGMA user_version = " + std::to_string(kStoreSchema)).c_str());
    }
    exec(metrics_views_sql());  // IF NOT EXISTS: also for stores made before the views
  });
}

ReportDb::ReportDb(const std::string& path) : impl_(std::make_unique<Impl>()) {
  Impl& d = *impl_;
  d.path = path;
  if (sqlite3_open_v2(path.c_str(), &d.db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK)
    d.fail("cannot open");
  sqlite3_busy_timeout(d.db, 2000);
  // WAL: readers never block the writer, and a killed writer leaves the last
  // committed report whole (the transaction is one report).
  d.exec("PRAGMA journal_mode = WAL");
  d.exec("PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON");
  d.create_or_check_schema();
  d.prepare(d.del, "DELETE FROM reports WHERE sha256 = ?1");
  d.prepare(d.rep,
            "INSERT INTO reports (sha256, status, error, tool_version, store_schema, options_hash, extracted_at, file, "
            "kind, pages, title, agency, agency_printed, year, template, record) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, "
            "?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16)");
  d.prepare(d.cell,
            "INSERT INTO cells (report_id, tbl, row, col, value, raw, unit, page, x0, y0, x1, y1, bbox_unit, via, "
            "confidence, repaired_from, printed_blank) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, "
            "?13, ?14, ?15, ?16, ?17)");
  d.prepare(d.finding,
            "INSERT INTO findings (report_id, rule, severity, kind, message, cells) VALUES (?1, ?2, ?3, ?4, ?5, ?6)");
  d.prepare(d.add_path, "INSERT OR IGNORE INTO report_paths (sha256, path) VALUES (?1, ?2)");
  d.prepare(d.state, "SELECT status, tool_version, options_hash FROM reports WHERE sha256 = ?1");
  d.prepare(d.get,
            "SELECT status, error, tool_version, options_hash, extracted_at, file, record FROM reports WHERE sha256 = ?1");
  d.prepare(d.paths, "SELECT path FROM report_paths WHERE sha256 = ?1 ORDER BY path");
  d.prepare(d.hashes, "SELECT sha256 FROM reports ORDER BY sha256");
}

ReportDb::~ReportDb() {
  try {
    impl_->commit_group();
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << e.what() << "\n";
  }
}

void ReportDb::group_commits(std::chrono::milliseconds window) {
  impl_->commit_group();
  impl_->group_window = window;
}

void ReportDb::commit() { impl_->commit_group(); }

void ReportDb::commit_due() { impl_->commit_due(); }

// Each report's ~200 cells land all over the cells(tbl, row, col) index, so
// keeping it while thousands of reports are added rewrote most of its pages
// for every commit; building it once at the end is a sort. 1,000 generated
// text reports, -j2: 7.0 -> 5.1 CPU s, 11.7 -> 7.9 s of wall.
void ReportDb::defer_cell_index(size_t reports_to_add) {
  Impl& d = *impl_;
  size_t stored = 0;
  {  // finalised before the DROP, which a pending read of this connection would lock out
    Statement count;
    d.prepare(count, "SELECT COUNT(*) FROM reports");
    if (sqlite3_step(count.s) == SQLITE_ROW) stored = static_cast<size_t>(sqlite3_column_int64(count.s, 0));
  }
  if (reports_to_add < 100 || reports_to_add * 4 < stored) return;
  d.commit_group();
  d.exec("DROP INDEX IF EXISTS cells_key");
}

void ReportDb::build_cell_index() {
  impl_->commit_group();
  impl_->exec("CREATE INDEX IF NOT EXISTS cells_key ON cells(tbl, row, col)");
}

void ReportDb::Impl::put_rows(const StoredReport& r) {
  bind_string(del.s, 1, r.sha256);
  step(del);
  nlohmann::ordered_json j = r.record.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json::parse(r.record);
  const auto& src = at(j, "source");
  const auto& meta = at(j, "meta");
  bind_string(rep.s, 1, r.sha256);
  bind_string(rep.s, 2, r.status);
  if (r.error.empty()) sqlite3_bind_null(rep.s, 3);
  else bind_string(rep.s, 3, r.error);
  bind_string(rep.s, 4, r.tool_version);
  sqlite3_bind_int(rep.s, 5, kStoreSchema);
  bind_string(rep.s, 6, r.options_hash);
  bind_string(rep.s, 7, r.extracted_at);
  bind_string(rep.s, 8, r.file);
  bind_text(rep.s, 9, at(src, "kind"));
  bind_number(rep.s, 10, at(src, "pages"));
  bind_text(rep.s, 11, at(meta, "title"));
  bind_text(rep.s, 12, at(meta, "agency"));
  bind_text(rep.s, 13, at(meta, "agency_printed"));
  bind_number(rep.s, 14, at(meta, "year"));
  bind_text(rep.s, 15, at(meta, "template"));
  if (r.record.empty()) sqlite3_bind_null(rep.s, 16);
  else bind_string(rep.s, 16, r.record);
  step(rep);
  sqlite3_int64 id = sqlite3_last_insert_rowid(db);
  for (const auto& c : at(j, "cells")) {
    sqlite3_bind_int64(cell.s, 1, id);
    bind_text(cell.s, 2, at(c, "table"));
    bind_text(cell.s, 3, at(c, "row"));
    bind_text(cell.s, 4, at(c, "col"));
    bind_number(cell.s, 5, at(c, "value"));
    bind_text(cell.s, 6, at(c, "raw"));
    bind_text(cell.s, 7, at(c, "unit"));
    bind_number(cell.s, 8, at(c, "page"));
    const auto& bbox = at(c, "bbox");
    for (int k = 0; k < 4; ++k) bind_number(cell.s, 9 + k, bbox.is_array() && bbox.size() == 4 ? bbox[k] : bbox);
    bind_text(cell.s, 13, at(c, "bbox_unit"));
    bind_text(cell.s, 14, at(c, "via"));
    bind_number(cell.s, 15, at(c, "confidence"));
    bind_text(cell.s, 16, at(c, "repaired_from"));
    sqlite3_bind_int(cell.s, 17, at(c, "printed_blank").is_boolean() && at(c, "printed_blank").get<bool>());
    step(cell);
  }
  for (const auto& f : at(j, "findings")) insert_finding(id, f);
  for (const std::string& p : r.paths) {
    bind_string(add_path.s, 1, r.sha256);
    bind_string(add_path.s, 2, p);
    step(add_path);
  }
}

void ReportDb::Impl::transaction(const std::function<void()>& body) {
  if (group_window.count() > 0) {
    if (!group_open) {
      exec("BEGIN IMMEDIATE");
      group_open = true;
      group_started = std::chrono::steady_clock::now();
    }
    exec("SAVEPOINT one");
    try {
      body();
      exec("RELEASE one");
    } catch (...) {
      sqlite3_exec(db, "ROLLBACK TO one; RELEASE one", nullptr, nullptr, nullptr);
      throw;
    }
    commit_due();
    return;
  }
  exec("BEGIN IMMEDIATE");
  try {
    body();
    exec("COMMIT");
  } catch (...) {
    sqlite3_exec(db, "ROLLBACK", nullptr, nullptr, nullptr);
    throw;
  }
}

void ReportDb::put(const StoredReport& r) {
  impl_->transaction([&] { impl_->put_rows(r); });
}

void ReportDb::add_paths(const std::string& sha256, const std::vector<std::string>& paths) {
  Impl& d = *impl_;
  d.transaction([&] {
    for (const std::string& p : paths) {
      bind_string(d.add_path.s, 1, sha256);
      bind_string(d.add_path.s, 2, p);
      d.step(d.add_path);
    }
  });
}

void ReportDb::replace_findings(const std::string& sha256, const std::string& kind,
                                const nlohmann::ordered_json& findings) {
  Impl& d = *impl_;
  d.transaction([&] {
    Statement id, drop;
    d.prepare(id, "SELECT id FROM reports WHERE sha256 = ?1");
    bind_string(id.s, 1, sha256);
    if (sqlite3_step(id.s) != SQLITE_ROW) throw std::runtime_error("database " + d.path + ": no report " + sha256);
    sqlite3_int64 report = sqlite3_column_int64(id.s, 0);
    d.prepare(drop, "DELETE FROM findings WHERE report_id = ?1 AND kind = ?2");
    sqlite3_bind_int64(drop.s, 1, report);
    bind_string(drop.s, 2, kind);
    d.step(drop);
    for (const auto& f : findings) d.insert_finding(report, f);
  });
}

std::optional<StoredState> ReportDb::state(const std::string& sha256) {
  Impl& d = *impl_;
  bind_string(d.state.s, 1, sha256);
  std::optional<StoredState> out;
  int rc = sqlite3_step(d.state.s);
  if (rc == SQLITE_ROW) out = StoredState{column(d.state.s, 0), column(d.state.s, 1), column(d.state.s, 2)};
  d.state.done();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) d.fail("read");
  return out;
}

std::optional<StoredReport> ReportDb::get(const std::string& sha256) {
  Impl& d = *impl_;
  bind_string(d.get.s, 1, sha256);
  std::optional<StoredReport> out;
  int rc = sqlite3_step(d.get.s);
  if (rc == SQLITE_ROW) {
    sqlite3_stmt* s = d.get.s;
    out = StoredReport{sha256, column(s, 0), column(s, 1), column(s, 2), column(s, 3), column(s, 4), column(s, 5),
                       column(s, 6), {}};
  }
  d.get.done();
  if (rc != SQLITE_ROW && rc != SQLITE_DONE) d.fail("read");
  if (!out) return out;
  bind_string(d.paths.s, 1, sha256);
  while ((rc = sqlite3_step(d.paths.s)) == SQLITE_ROW) out->paths.push_back(column(d.paths.s, 0));
  d.paths.done();
  if (rc != SQLITE_DONE) d.fail("read");
  return out;
}

std::vector<std::string> ReportDb::hashes() {
  Impl& d = *impl_;
  std::vector<std::string> out;
  int rc;
  while ((rc = sqlite3_step(d.hashes.s)) == SQLITE_ROW) out.push_back(column(d.hashes.s, 0));
  d.hashes.done();
  if (rc != SQLITE_DONE) d.fail("read");
  return out;
}

std::map<std::string, std::vector<std::string>> ReportDb::hashes_of_agencies(
    const std::set<std::string>& agency_keys) {
  auto all = hashes_by_agency();
  std::map<std::string, std::vector<std::string>> out;
  for (auto& [key, hashes] : all)
    if (agency_keys.count(key)) out[key] = std::move(hashes);
  return out;
}

std::map<std::string, std::vector<std::string>> ReportDb::hashes_by_agency() {
  Impl& d = *impl_;
  Statement st;
  d.prepare(st,
            "SELECT json_extract(record, '$.meta.agency_normalised'), sha256 FROM reports "
            "WHERE status = 'ok' ORDER BY sha256");
  std::map<std::string, std::vector<std::string>> out;
  int rc;
  while ((rc = sqlite3_step(st.s)) == SQLITE_ROW) {
    out[column(st.s, 0)].push_back(column(st.s, 1));
  }
  if (rc != SQLITE_DONE) d.fail("read");
  return out;
}

int compare_versions(const std::string& a, const std::string& b) {
  size_t i = 0, j = 0;
  while (i < a.size() || j < b.size()) {
    auto number = [](const std::string& s, size_t& k) {
      long n = 0;
      while (k < s.size() && s[k] >= '0' && s[k] <= '9') n = n * 10 + (s[k++] - '0');
      if (k < s.size()) ++k;  // the dot
      return n;
    };
    long x = number(a, i), y = number(b, j);
    if (x != y) return x < y ? -1 : 1;
  }
  return 0;
}

}  // namespace gongkai
