// The review site as files: cell states, box units, where a text input's
// cells are marked, what the writer does with a bad input. (Its behaviour in
// a browser: review_browser_test.py, run by ctest.)
#include <gtest/gtest.h>

#include <filesystem>

#include "review/record_view.h"
#include "review/site.h"
#include "review/source_text.h"
#include "test_util.h"

using namespace gk_test;
using namespace gongkai::review;
namespace fs = std::filesystem;

namespace {

Json cell(const std::string& row, const std::string& col, Json value, const std::string& raw) {
  return {{"table", "requests"}, {"row", row}, {"col", col}, {"value", value}, {"raw", raw}, {"page", 1}};
}

Json ref(const std::string& row, const std::string& col) {
  return {{"table", "requests"}, {"row", row}, {"col", col}};
}

fs::path fresh_dir(const std::string& name) {
  fs::path d = fs::temp_directory_path() / ("gongkai_review_" + std::to_string(::getpid())) / name;
  fs::remove_all(d);
  return d;
}

int count(const std::string& s, const std::string& what) {
  int n = 0;
  for (size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
  return n;
}

}  // namespace

TEST(ReviewStates, FlaggedWinsARepairedCellsOwnRepairFindingDoesNotFlagNullIsUnread) {
  Json repaired = cell("total", "total", 5, "");
  repaired["repaired"] = true;
  Json blank = cell("carried_over", "total", nullptr, "-");
  blank["printed_blank"] = true;
  Json rec = {{"cells", {cell("new_received", "total", 3, "3"), repaired, cell("granted", "total", nullptr, ""),
                         blank, cell("denied_state_secret", "total", 1, "1"), cell("carried_over", "natural_person", 3001, "3004")}},
              {"findings",
               {{{"rule", "repair.cells"}, {"severity", "warning"}, {"kind", "repair"}, {"cells", {ref("total", "total")}}},
                {{"rule", "repair.ocr_alternative"}, {"severity", "warning"}, {"kind", "repair"},
                 {"cells", {ref("carried_over", "natural_person")}}},
                {{"rule", "requests.balance"}, {"severity", "error"}, {"kind", "source"},
                 {"cells", {ref("new_received", "total"), ref("carried_forward", "total")}}},
                {{"rule", "note"}, {"severity", "info"}, {"kind", "extraction"},
                 {"cells", {ref("denied_state_secret", "total")}}}}}};
  auto v = cell_views(rec);
  EXPECT_EQ(v["requests.new_received.total"].state, CellState::Flagged);
  EXPECT_EQ(v["requests.total.total"].state, CellState::Repaired);  // its repair warning does not flag it
  EXPECT_EQ(v["requests.granted.total"].state, CellState::Unread);
  EXPECT_EQ(v["requests.carried_over.total"].state, CellState::Read);       // a printed blank was read
  EXPECT_EQ(v["requests.denied_state_secret.total"].state, CellState::Read);  // info does not flag
  EXPECT_EQ(v["requests.carried_over.natural_person"].state, CellState::Flagged);  // an OCR reading changed: look
  // A cell a finding names that the record does not hold is still listed, flagged, with no cell.
  EXPECT_EQ(v["requests.carried_forward.total"].state, CellState::Flagged);
  EXPECT_EQ(v["requests.carried_forward.total"].cell, nullptr);
  auto order = findings_in_order(rec);
  EXPECT_EQ(order, (std::vector<int>{2, 0, 1, 3}));  // error, warnings, info
}

TEST(ReviewBoxes, PixelUnitsBecomePointsUnknownUnitsNoBox) {
  Json c = cell("total", "total", 1, "1");
  c["bbox"] = {300, 600, 600, 900};
  c["bbox_unit"] = "px@300dpi";
  auto b = box_in_points(c);
  ASSERT_TRUE(b);
  EXPECT_DOUBLE_EQ(b->x0, 72);
  EXPECT_DOUBLE_EQ(b->y1, 216);
  c["bbox_unit"] = "furlongs";
  EXPECT_FALSE(box_in_points(c));
  c["bbox_unit"] = "pt";
  c["bbox"] = {10, 10, 5, 20};  // empty box
  EXPECT_FALSE(box_in_points(c));
}

TEST(ReviewText, MarksFollowTheTableNotTheNarrativeAndRunTogetherDigits) {
  // The narrative names the table and prints numbers before it; the table
  // prints a run-together row (71 3 0 → "7130") and a decimal.
  std::string text =
      "（一）主动公开政府信息情况 2023年共公开30条。\n二、主动公开政府信息情况\n行政许可 30\n"
      "三、收到和处理政府信息公开申请情况\n本年新收 7130\n上年结转 1.05 0\n";
  Json rec = {{"cells",
               {{{"table", "active"}, {"row", "licensing"}, {"col", "decisions"}, {"value", 30}, {"raw", "30"}},
                cell("new_received", "natural_person", 71, "71"), cell("new_received", "commercial", 3, "3"),
                cell("new_received", "research", 0, "0"), cell("carried_over", "natural_person", 0, "0")}}};
  auto marks = locate_cells(text, rec);
  ASSERT_EQ(marks.size(), 5u);
  EXPECT_EQ(marks[0].begin, text.find("行政许可 30") + std::string("行政许可 ").size());
  EXPECT_EQ(text.substr(marks[1].begin, 4), "7130");
  EXPECT_EQ(marks[2].begin, marks[1].end);
  EXPECT_EQ(marks[3].begin, marks[2].end);
  // The 0 of the decimal 1.05 (after a point) is not the cell: the 0 after it is.
  EXPECT_EQ(marks[4].begin, text.rfind("0"));
}

TEST(ReviewSite, WritesPagesBoxesAndIndexAndNamesAFileItCannotRead) {
  fs::path dir = fresh_dir("site");
  auto r = run_cli("review " + sample("huaian-hongze-district-2023.pdf") + " /nonexistent/report.pdf " +
                   sample("pingtan-2022.txt") + " --out " + dir.string());
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("/nonexistent/report.pdf"), std::string::npos) << r.out;
  std::string page = slurp((dir / "huaian-hongze-district-2023.html").string());
  auto rec = extract_json(sample("huaian-hongze-district-2023.pdf"));
  // Every cell with a box has one on the page, and a cell in the tables.
  int with_box = 0;
  for (auto& c : rec["cells"]) {
    std::string id = c["table"].get<std::string>() + "." + c["row"].get<std::string>() + "." + c["col"].get<std::string>();
    with_box += !c["bbox"].is_null();
    EXPECT_NE(page.find("<span class=\"box st-read\" data-cell=\"" + id + "\"") == std::string::npos &&
                  page.find("<span class=\"box st-flagged\" data-cell=\"" + id + "\"") == std::string::npos,
              !c["bbox"].is_null()) << id;
    EXPECT_NE(page.find("\" data-cell=\"" + id + "\" tabindex=\"0\""), std::string::npos) << id;
  }
  EXPECT_GT(with_box, 150);
  EXPECT_EQ(count(page, "<span class=\"box "), with_box);
  // The two source findings (table 四 does not add up as printed) come first and flag their cells.
  EXPECT_LT(page.find("review_litigation.group_total"), page.find("class=\"tables\""));
  EXPECT_NE(page.find("class=\"v st-flagged\" data-cell=\"review_litigation.review.total\""), std::string::npos);
  for (int p = 1; p <= rec["source"]["pages"].get<int>(); ++p)
    EXPECT_TRUE(fs::exists(dir / "huaian-hongze-district-2023" / ("p" + std::to_string(p) + ".jpg"))) << p;
  std::string text_page = slurp((dir / "pingtan-2022.html").string());
  EXPECT_NE(text_page.find("<mark class=\"box"), std::string::npos);
  EXPECT_FALSE(fs::exists(dir / "pingtan-2022"));  // no pictures for a text
  std::string index = slurp((dir / "index.html").string());
  EXPECT_EQ(count(index, "<tr data-agency"), 2);
  EXPECT_TRUE(fs::exists(dir / "assets" / "review.js"));
  EXPECT_TRUE(fs::exists(dir / "assets" / "review.css"));
}

TEST(ReviewSite, AnUnwritableDirectoryIsAClearError) {
  auto r = run_cli("review " + sample("pingtan-2022.txt") + " --out /proc/gongkai-review");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("/proc/gongkai-review"), std::string::npos) << r.out;
}

TEST(ReviewSite, FromAStoreEveryReportWithItsPages) {
  fs::path dir = fresh_dir("store");
  fs::create_directories(dir);
  fs::path db = dir / "store.sqlite", site = dir / "site";
  ASSERT_EQ(run_cli("extract --db " + db.string() + " " + sample("huaian-hongze-district-2023.pdf") + " " +
                    sample("pingtan-2022.txt")).status, 0);
  auto r = run_cli("review --db " + db.string() + " --out " + site.string());
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(count(slurp((site / "index.html").string()), "<tr data-agency"), 2);
  std::string page = slurp((site / "huaian-hongze-district-2023.html").string());
  EXPECT_EQ(count(page, "<span class=\"box "), 186);  // every cell of the three tables, on its page
  EXPECT_TRUE(fs::exists(site / "huaian-hongze-district-2023" / "p3.jpg"));
  EXPECT_NE(slurp((site / "pingtan-2022.html").string()).find("<mark class=\"box"), std::string::npos);
  r = run_cli("review --db " + (dir / "missing.sqlite").string() + " --out " + site.string());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("missing.sqlite: no such store"), std::string::npos) << r.out;
}

TEST(ReviewSite, AnExtractRunWritesTheSiteOfItsStore) {
  fs::path dir = fresh_dir("extract");
  fs::create_directories(dir);
  fs::path db = dir / "store.sqlite", site = dir / "site";
  auto r = run_cli("extract -q --db " + db.string() + " --review " + site.string() + " " +
                   sample("huaian-hongze-district-2024.pdf") + " " + sample("pingtan-2024.txt"));
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_EQ(count(slurp((site / "index.html").string()), "<tr data-agency"), 2);
  EXPECT_TRUE(fs::exists(site / "huaian-hongze-district-2024" / "p1.jpg"));
  r = run_cli("extract --review " + site.string() + " " + sample("pingtan-2024.txt"));
  EXPECT_EQ(r.status, 2);  // the site is written from the store: --review needs --db
  EXPECT_NE(r.out.find("--review requires --db"), std::string::npos) << r.out;
}
