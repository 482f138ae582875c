// Corrections from the review page into the store: exactly the cells named
// change (beside what was read), and the identities are run again.
#include <gtest/gtest.h>
#include <sqlite3.h>

#include <filesystem>
#include <fstream>

#include "test_util.h"

using namespace gk_test;
namespace fs = std::filesystem;

namespace {

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("gongkai_apply_" + std::to_string(::getpid())) / name;
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

// The first column of every row of a query.
std::vector<std::string> query(const fs::path& db, const std::string& sql) {
  sqlite3* h = nullptr;
  std::vector<std::string> out;
  EXPECT_EQ(sqlite3_open(db.c_str(), &h), SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  EXPECT_EQ(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr), SQLITE_OK) << sql << ": " << sqlite3_errmsg(h);
  while (s && sqlite3_step(s) == SQLITE_ROW) {
    auto* t = sqlite3_column_text(s, 0);
    out.push_back(t ? reinterpret_cast<const char*>(t) : "NULL");
  }
  sqlite3_finalize(s);
  sqlite3_close(h);
  return out;
}

nlohmann::json corrections(const std::string& sha, nlohmann::json list) {
  return {{"format", "gongkai-review-corrections"}, {"version", 1},
          {"reports", {{{"sha256", sha}, {"file", "huaian-hongze-district-2023.pdf"}, {"corrections", list}}}}};
}

bool names(const nlohmann::json& findings, const std::string& rule, const std::string& row) {
  for (auto& f : findings)
    if (f["rule"] == rule)
      for (auto& c : f["cells"])
        if (c["row"] == row) return true;
  return false;
}

}  // namespace

TEST(ApplyReview, ChangesExactlyThatCellAndRerunsTheIdentities) {
  fs::path dir = fresh_dir("one");
  fs::path db = dir / "store.sqlite", corr = dir / "corrections.json";
  ASSERT_EQ(run_cli("extract --db " + db.string() + " " + sample("huaian-hongze-district-2023.pdf")).status, 0);
  auto before = nlohmann::json::parse(query(db, "SELECT record FROM reports").at(0));
  // As printed, 行政复议 10 + 1 + 0 + 0 ≠ 总计 0 (a source finding). A reviewer enters 11.
  ASSERT_TRUE(names(before["findings"], "review_litigation.group_total", "review"));
  std::ofstream(corr) << corrections(before["source"]["sha256"],
                                     {{{"table", "review_litigation"}, {"row", "review"}, {"col", "total"},
                                       {"action", "correct"}, {"read", 0}, {"reviewed", 11},
                                       {"reviewed_by", "测试员"}, {"reviewed_at", "2026-11-30T03:00:00Z"}}})
                                         .dump();
  auto r = run_cli("apply-review " + corr.string() + " --db " + db.string());
  ASSERT_EQ(r.status, 0) << r.out;
  auto after = nlohmann::json::parse(query(db, "SELECT record FROM reports").at(0));
  ASSERT_EQ(after["cells"].size(), before["cells"].size());
  int changed = 0;
  for (size_t i = 0; i < before["cells"].size(); ++i) {
    auto& a = after["cells"][i];
    auto& b = before["cells"][i];
    if (a == b) continue;
    ++changed;
    EXPECT_EQ(a["table"], "review_litigation");
    EXPECT_EQ(a["row"], "review");
    EXPECT_EQ(a["col"], "total");
    EXPECT_EQ(a["value"], 0);  // what was read stays
    EXPECT_EQ(a["reviewed"], 11);
    EXPECT_EQ(a["reviewed_by"], "测试员");
    EXPECT_EQ(a["reviewed_at"], "2026-11-30T03:00:00Z");
  }
  EXPECT_EQ(changed, 1);
  EXPECT_EQ(after["findings"], before["findings"]);  // the findings of what was read stay
  // Over the reviewed values the 行政复议 group adds up; 复议后起诉 (5 ≠ 0) still does not.
  EXPECT_FALSE(names(after["reviewed_findings"], "review_litigation.group_total", "review")) << after["reviewed_findings"];
  EXPECT_TRUE(names(after["reviewed_findings"], "review_litigation.group_total", "litigation_after_review"));
  EXPECT_EQ(query(db, "SELECT reviewed || ' ' || reviewed_by FROM reviews"), (std::vector<std::string>{"11.0 测试员"}));
  EXPECT_EQ(query(db, "SELECT value FROM cells WHERE tbl = 'review_litigation' AND row = 'review' AND col = 'total'"),
            (std::vector<std::string>{"0"}));
}

TEST(ApplyReview, AnUnknownReportACellOutsideTheTemplateOrAForeignFileIsNamed) {
  fs::path dir = fresh_dir("bad");
  fs::path db = dir / "store.sqlite", corr = dir / "corrections.json";
  ASSERT_EQ(run_cli("extract --db " + db.string() + " " + sample("huaian-hongze-district-2023.pdf")).status, 0);
  std::string sha = nlohmann::json::parse(query(db, "SELECT record FROM reports").at(0))["source"]["sha256"];
  std::ofstream(corr) << corrections(std::string(64, '0'), nlohmann::json::array()).dump();
  auto r = run_cli("apply-review " + corr.string() + " --db " + db.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("no record of this report"), std::string::npos) << r.out;
  std::ofstream(corr) << corrections(sha, {{{"table", "requests"}, {"row", "nonsense"}, {"col", "total"}, {"reviewed", 1}}}).dump();
  r = run_cli("apply-review " + corr.string() + " --db " + db.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("requests.nonsense.total"), std::string::npos) << r.out;
  std::ofstream(corr) << "{\"reports\": []}";
  r = run_cli("apply-review " + corr.string() + " --db " + db.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("gongkai-review-corrections"), std::string::npos) << r.out;
}
