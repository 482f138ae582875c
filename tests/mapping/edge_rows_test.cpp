// A table's first or last row whose label could not be read (a photographed
// 规章 read as nothing): placed by its order when the table's start (end) and
// the first (last) row placed by its label leave room for it alone and it is
// exactly as wide as the template's row; said with a finding. Otherwise lost,
// never guessed.
#include <gtest/gtest.h>

#include "mapping/mapper.h"
#include "tables/table_rows.h"
#include "test_util.h"

using namespace gk_test;
using namespace gongkai;

namespace {

// One printed row of table 二 (2021 format): its label ("" when unread) and
// its values; a row of one value prints it across the three value columns.
using Printed = std::pair<std::string, std::vector<std::string>>;

CellTable active_table(const std::vector<Printed>& rows) {
  CellTable t;
  t.rows = static_cast<int>(rows.size());
  t.cols = 4;
  for (int r = 0; r < t.rows; ++r) {
    t.cells.push_back({r, 0, 1, 1, rows[r].first});
    const auto& v = rows[r].second;
    if (v.size() == 1) t.cells.push_back({r, 1, 1, 3, v[0]});
    else
      for (size_t c = 0; c < v.size(); ++c) t.cells.push_back({r, static_cast<int>(c) + 1, 1, 1, v[c]});
  }
  return t;
}

std::vector<Printed> printed_2021() {
  return {{"规章", {"5", "0", "72"}},   {"行政规范性文件", {"0", "9", "41"}},
          {"行政许可", {"2900"}},       {"行政处罚", {"132"}},
          {"行政强制", {"7"}},          {"行政事业性收费", {"4.6"}}};
}

nlohmann::json record_of(const std::vector<Printed>& rows) {
  SourceDoc doc;
  doc.section_text[Section::Active] = "二、主动公开政府信息情况";
  doc.rows[Section::Active] = rows_from_table(active_table(rows));
  return to_json(build_report(doc));
}

int said(const nlohmann::json& rec, const std::string& rule, const std::string& words) {
  int n = 0;
  for (auto& f : rec["findings"])
    if (f["rule"] == rule && f["message"].get<std::string>().find(words) != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST(EdgeRows, FirstRowWithItsLabelUnreadIsPlacedByItsOrderAndSaidSo) {
  auto rows = printed_2021();
  rows[0].first = "";
  auto rec = record_of(rows);
  EXPECT_EQ(rec["tables"]["active"]["regulations"]["issued"], 5);
  EXPECT_EQ(rec["tables"]["active"]["regulations"]["in_force"], 72);
  EXPECT_EQ(rec["tables"]["active"]["normative_documents"]["in_force"], 41);
  EXPECT_EQ(said(rec, "mapping.rows_at_edge", "规章"), 1);
}

TEST(EdgeRows, LastRowWithItsLabelUnreadIsPlacedToo) {
  auto rows = printed_2021();
  rows[5].first = "";
  auto rec = record_of(rows);
  EXPECT_EQ(rec["tables"]["active"]["fees"]["amount"], 4.6);
  EXPECT_EQ(said(rec, "mapping.rows_at_edge", "行政事业性收费"), 1);
}

TEST(EdgeRows, ATableReadWholeSaysNothingOfIt) {
  auto rec = record_of(printed_2021());
  EXPECT_EQ(rec["tables"]["active"]["regulations"]["issued"], 5);
  EXPECT_EQ(said(rec, "mapping.rows_at_edge", ""), 0);
}

// Two unlabelled rows where the template has one: which is 规章 is not
// known, so neither is read.
TEST(EdgeRows, MoreRowsThanRoomForThemAreNotPlaced) {
  auto rows = printed_2021();
  rows[0].first = "";
  rows.insert(rows.begin(), Printed{"", {"1", "2", "3"}});
  auto rec = record_of(rows);
  EXPECT_TRUE(rec["tables"]["active"]["regulations"]["issued"].is_null());
  EXPECT_TRUE(rec["tables"]["active"]["regulations"]["in_force"].is_null());
  EXPECT_EQ(rec["tables"]["active"]["normative_documents"]["in_force"], 41);
  EXPECT_EQ(said(rec, "mapping.rows_at_edge", ""), 0);
}

// A row of another width is not the template's row: two values where 规章
// prints three.
TEST(EdgeRows, ARowOfAnotherWidthIsNotPlaced) {
  auto rows = printed_2021();
  rows[0] = {"", {"5", "72"}};
  auto rec = record_of(rows);
  EXPECT_TRUE(rec["tables"]["active"]["regulations"]["issued"].is_null());
  EXPECT_EQ(said(rec, "mapping.rows_at_edge", ""), 0);
}
