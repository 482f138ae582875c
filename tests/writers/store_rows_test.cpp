// The store's rows of a record written by hand: what each column holds for
// each kind of field (text, whole and decimal numbers, null, a box, a flag,
// a finding's cells), taken out of the record by SQLite's JSON functions.
#include <gtest/gtest.h>
#include <sqlite3.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "writers/sqlite_writer.h"

namespace fs = std::filesystem;

namespace {

// A record as the JSON writer lays it out, cut down to what the store reads.
const char* kRecord = R"({"source":{"file":"r.pdf","kind":"pdf","pages":3},
 "meta":{"title":"某局2023年政府信息公开工作年度报告","agency":"某局","agency_printed":"某  局","year":2023,
         "template":"2021"},
 "cells":[
  {"table":"requests","row":"new_received","col":"total","value":74,"raw":"74","unit":"件","page":2,
   "bbox":[10.5,20,30.25,40],"bbox_unit":"pt","via":"pdf-text","confidence":1},
  {"table":"active","row":"fees","col":"amount","value":7730.28,"raw":"7730.28","unit":"万元","page":1,
   "bbox":null,"via":"pdf-text","repaired_from":"7730.2B","printed_blank":false},
  {"table":"requests","row":"granted","col":"total","value":null,"raw":"","printed_blank":true}],
 "findings":[
  {"rule":"requests.row_total","severity":"warning","kind":"source","message":"三 合计：印刷为 74",
   "cells":[{"table":"requests","row":"new_received","col":"total","row_label":"一、本年新收","col_label":"总计"}]},
  {"rule":"reader.note","severity":"info","kind":"extraction","message":"read as text"}]})";

struct Store {
  fs::path path = fs::temp_directory_path() / ("gongkai_rows_" + std::to_string(::getpid()) + ".sqlite");
  sqlite3* h = nullptr;
  Store() { fs::remove(path); }
  ~Store() {
    sqlite3_close(h);
    for (const char* s : {"", "-wal", "-shm"}) fs::remove(path.string() + s);
  }
  // The first column of every row of `sql`.
  std::vector<std::string> rows(const std::string& sql) {
    if (!h) sqlite3_open(path.string().c_str(), &h);
    std::vector<std::string> out;
    sqlite3_stmt* st = nullptr;
    EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &st, nullptr), SQLITE_OK) << sqlite3_errmsg(h);
    while (sqlite3_step(st) == SQLITE_ROW) out.push_back(reinterpret_cast<const char*>(sqlite3_column_text(st, 0)));
    sqlite3_finalize(st);
    return out;
  }
};

// "quote(a) || '|' || quote(b) ...": every column as sqlite3 quote() prints it
// (texts in '', NULL as NULL), so that a type shows.
std::string quoted(const std::vector<std::string>& columns) {
  std::string sql;
  for (const auto& c : columns) sql += (sql.empty() ? "" : " || '|' || ") + ("quote(" + c + ")");
  return sql;
}

gongkai::StoredReport stored(const std::string& record) {
  gongkai::StoredReport r;
  r.sha256 = std::string(64, 'a');
  r.tool_version = "test";
  r.options_hash = "h";
  r.extracted_at = "2026-11-30T00:00:00Z";
  r.file = "r.pdf";
  r.record = record;
  r.paths = {"in/r.pdf"};
  return r;
}

}  // namespace

TEST(StoreRows, EachFieldLandsInItsColumnWithItsType) {
  Store s;
  gongkai::ReportDb(s.path.string()).put(stored(kRecord));
  EXPECT_EQ(s.rows("SELECT " + quoted({"kind", "pages", "title", "agency", "agency_printed", "year", "template"}) +
                   " FROM reports"),
            std::vector<std::string>{"'pdf'|3|'某局2023年政府信息公开工作年度报告'|'某局'|'某  局'|2023|'2021'"});
  EXPECT_EQ(s.rows("SELECT " +
                   quoted({"tbl", "row", "col", "value", "raw", "unit", "page", "x0", "y0", "x1", "y1", "bbox_unit",
                           "via", "confidence", "repaired_from", "printed_blank"}) +
                   " FROM cells ORDER BY rowid"),
            (std::vector<std::string>{
                "'requests'|'new_received'|'total'|74|'74'|'件'|2|10.5|20.0|30.25|40.0|'pt'|'pdf-text'|1.0|NULL|0",
                "'active'|'fees'|'amount'|7730.28|'7730.28'|'万元'|1|NULL|NULL|NULL|NULL|NULL|'pdf-text'|NULL|'7730.2B'|0",
                "'requests'|'granted'|'total'|NULL|''|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|NULL|1"}));
  EXPECT_EQ(s.rows("SELECT " + quoted({"rule", "severity", "kind", "message", "cells"}) + " FROM findings ORDER BY rowid"),
            (std::vector<std::string>{
                "'requests.row_total'|'warning'|'source'|'三 合计：印刷为 74'|'[{\"table\":\"requests\",\"row\":"
                "\"new_received\",\"col\":\"total\",\"row_label\":\"一、本年新收\",\"col_label\":\"总计\"}]'",
                "'reader.note'|'info'|'extraction'|'read as text'|NULL"}));
  EXPECT_EQ(s.rows("SELECT path FROM report_paths"), std::vector<std::string>{"in/r.pdf"});
}

TEST(StoreRows, AFailedReportHasNoRecordAndNoRows) {
  Store s;
  auto r = stored("");
  r.status = "failed";
  r.error = "not a PDF";
  gongkai::ReportDb(s.path.string()).put(r);
  EXPECT_EQ(s.rows("SELECT " + quoted({"status", "error", "kind", "record"}) + " FROM reports"),
            std::vector<std::string>{"'failed'|'not a PDF'|NULL|NULL"});
  EXPECT_EQ(s.rows("SELECT COUNT(*) FROM cells"), std::vector<std::string>{"0"});
  EXPECT_EQ(s.rows("SELECT COUNT(*) FROM findings"), std::vector<std::string>{"0"});
}

TEST(StoreRows, ARecordThatIsNotJsonIsRefusedAndLeavesNothing) {
  Store s;
  gongkai::ReportDb db(s.path.string());
  EXPECT_THROW(db.put(stored("{\"cells\": [")), std::exception);
  EXPECT_EQ(s.rows("SELECT COUNT(*) FROM reports"), std::vector<std::string>{"0"});
}

TEST(StoreRows, ReplacedFindingsKeepTheirCells) {
  Store s;
  gongkai::ReportDb db(s.path.string());
  db.put(stored(kRecord));
  auto cross = nlohmann::ordered_json::parse(R"([{"rule":"cross_year.carried_over","severity":"warning",
    "kind":"cross_year","message":"上年结转","cells":[{"table":"requests","row":"carried_over","col":"total"}]}])");
  db.replace_findings(std::string(64, 'a'), "cross_year", cross);
  db.replace_findings(std::string(64, 'a'), "cross_year", cross);  // a second check does not add them twice
  EXPECT_EQ(s.rows("SELECT " + quoted({"rule", "cells"}) + " FROM findings WHERE kind = 'cross_year'"),
            std::vector<std::string>{
                "'cross_year.carried_over'|'[{\"table\":\"requests\",\"row\":\"carried_over\",\"col\":\"total\"}]'"});
  EXPECT_EQ(s.rows("SELECT COUNT(*) FROM findings"), std::vector<std::string>{"3"});
}

// Grouped commits: a report that cannot be written is rolled back alone; the
// reports before and after it in the same group are committed.
TEST(StoreRows, AFailedReportInAGroupLeavesTheOthersOfTheGroup) {
  Store s;
  {
    gongkai::ReportDb db(s.path.string());
    db.group_commits(std::chrono::hours(1));
    auto a = stored(kRecord);
    db.put(a);
    auto bad = stored("{\"cells\": [");
    bad.sha256 = std::string(64, 'b');
    EXPECT_THROW(db.put(bad), std::exception);
    auto c = stored(kRecord);
    c.sha256 = std::string(64, 'c');
    db.put(c);
    // Not committed yet: another connection sees none of them.
    EXPECT_EQ(s.rows("SELECT COUNT(*) FROM reports"), std::vector<std::string>{"0"});
    sqlite3_close(s.h);
    s.h = nullptr;
  }  // the destructor commits
  EXPECT_EQ(s.rows("SELECT substr(sha256, 1, 1) FROM reports ORDER BY 1"), (std::vector<std::string>{"a", "c"}));
  EXPECT_EQ(s.rows("SELECT COUNT(*) FROM cells"), std::vector<std::string>{"6"});
}

// A bulk run drops the cells(tbl, row, col) index; it is built again at the end.
TEST(StoreRows, TheCellIndexIsDeferredForABulkRunAndBuiltAtItsEnd) {
  Store s;
  gongkai::ReportDb db(s.path.string());
  auto indexes = [&] { return s.rows("SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'cells_key'"); };
  db.defer_cell_index(10);  // few reports: kept
  EXPECT_EQ(indexes().size(), 1u);
  db.defer_cell_index(100);
  EXPECT_EQ(indexes().size(), 0u);
  db.put(stored(kRecord));
  db.build_cell_index();
  EXPECT_EQ(indexes().size(), 1u);
  EXPECT_EQ(s.rows("SELECT COUNT(*) FROM cells INDEXED BY cells_key WHERE tbl = 'requests'"),
            std::vector<std::string>{"2"});
}
