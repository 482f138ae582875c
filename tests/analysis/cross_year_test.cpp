// Cross-year checks on generated agencies: chains of consistent years, some
// with a carry-over or a count broken on purpose.
#include <gtest/gtest.h>

#include <random>

#include "analysis/cross_year.h"
#include "test_util.h"

using namespace gk_test;

namespace {

struct Year {
  int year;
  std::vector<int> new_received, carried_over, carried_forward;  // six applicant columns each
  int issued, repealed, in_force;                                 // 行政规范性文件
};

std::string row_text(const std::vector<int>& v) {
  std::string s;
  int total = 0;
  for (int x : v) s += std::to_string(x) + "\t", total += x;
  return s + std::to_string(total);
}

// A 2021-format report that adds up within itself: everything handled was
// granted (（七）总计 = 新收 + 结转 − 结转下年度).
gongkai::Report report_of(const std::string& agency, const Year& y) {
  std::vector<int> handled(6);
  for (int i = 0; i < 6; ++i) handled[i] = y.new_received[i] + y.carried_over[i] - y.carried_forward[i];
  auto rows = table3_rows(row_text(y.new_received), row_text(y.carried_over), row_text(handled),
                          row_text({0, 0, 0, 0, 0, 0}), row_text(handled), row_text(y.carried_forward));
  std::string text = minimal_report(rows, "1\t0\t0\t0\t1\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
  text.replace(text.find("洪泽区人民政府2022年"), std::string("洪泽区人民政府2022年").size(),
               agency + std::to_string(y.year) + "年");
  std::string docs = "行政规范性文件\t1\t0\t5";
  text.replace(text.find(docs), docs.size(),
               "行政规范性文件\t" + std::to_string(y.issued) + "\t" + std::to_string(y.repealed) + "\t" +
                   std::to_string(y.in_force));
  gongkai::Report r = gongkai::extract_bytes(text, agency + std::to_string(y.year) + ".txt");
  return r;
}

// `count` consecutive years from 2021, each carrying over what the year
// before carried forward and counting its documents on from it.
std::vector<Year> consistent_years(std::mt19937& rng, int count) {
  std::uniform_int_distribution<int> small(0, 9);
  std::vector<Year> out;
  std::vector<int> carried(6, 0);
  int in_force = small(rng) + 10;
  for (int i = 0; i < count; ++i) {
    Year y{2021 + i, {}, carried, {}, small(rng), small(rng) % 3, 0};
    for (int c = 0; c < 6; ++c) {
      y.new_received.push_back(small(rng));
      y.carried_forward.push_back(std::min(small(rng) % 3, y.new_received[c] + carried[c]));
    }
    in_force += y.issued - y.repealed;
    y.in_force = in_force;
    carried = y.carried_forward;
    out.push_back(y);
  }
  return out;
}

int count(const std::vector<gongkai::Finding>& fs, const std::string& rule) {
  int n = 0;
  for (auto& f : fs) n += f.rule == rule && f.kind == gongkai::FindingKind::CrossYear;
  return n;
}

}  // namespace

TEST(CrossYear, ConsistentChainsHaveNoFindingAndBrokenLinksAreFoundOnBothReports) {
  std::mt19937 rng(16);
  int broken_pairs = 0, consistent_pairs = 0;
  for (int agency = 0; agency < 6; ++agency) {
    std::vector<Year> years = consistent_years(rng, 4);
    int broken = agency % 2 == 1 ? 1 + agency % 3 : -1;  // the year whose carry-over is wrong
    if (broken > 0) years[broken].carried_over[agency % 6] += 1 + agency;
    const std::string name = std::vector<std::string>{"洪泽区", "淮安区", "沭阳县", "东城区", "西湖区", "鄞州区"}[agency] +
                             "人民政府";
    std::vector<gongkai::Report> reports;
    for (auto& y : years) reports.push_back(report_of(name, y));
    for (size_t i = 0; i + 1 < reports.size(); ++i) {
      auto f = gongkai::cross_year_findings(reports[i], reports[i + 1]);
      bool want = static_cast<int>(i + 1) == broken;
      (want ? broken_pairs : consistent_pairs)++;
      EXPECT_EQ(count(f.earlier, "cross_year.carry_over"), want ? 1 : 0) << name << " " << years[i].year;
      EXPECT_EQ(count(f.later, "cross_year.carry_over"), want ? 1 : 0) << name << " " << years[i + 1].year;
      EXPECT_EQ(count(f.later, "cross_year.in_force"), 0);
      EXPECT_EQ(count(f.later, "cross_year.format_switch"), 0);
      if (want) {
        EXPECT_EQ(f.later[0].cells.size(), 2u);  // the column broken and 总计
        EXPECT_EQ(f.later[0].cells[1].col, "total");
        EXPECT_EQ(f.later[0].cells[0].row, "carried_over");
        EXPECT_EQ(f.earlier[0].cells[0].row, "carried_forward");
        EXPECT_NE(f.later[0].message_zh.find("上年结转"), std::string::npos);
      }
    }
  }
  EXPECT_EQ(broken_pairs, 3);
  EXPECT_EQ(consistent_pairs, 15);
}

TEST(CrossYear, InForceThatDoesNotFollowIsANote) {
  std::mt19937 rng(7);
  std::vector<Year> years = consistent_years(rng, 2);
  years[1].in_force += 2;
  auto a = report_of("洪泽区人民政府", years[0]), b = report_of("洪泽区人民政府", years[1]);
  auto f = gongkai::cross_year_findings(a, b);
  ASSERT_EQ(count(f.later, "cross_year.in_force"), 1);
  EXPECT_EQ(count(f.earlier, "cross_year.in_force"), 1);
  for (auto& x : f.later)
    if (x.rule == "cross_year.in_force") EXPECT_EQ(x.severity, gongkai::Severity::Info);
}

TEST(CrossYear, YearsApartAreNotComparedForCarryOverAndOtherAgenciesNotAtAll) {
  std::mt19937 rng(3);
  std::vector<Year> years = consistent_years(rng, 3);
  years[2].carried_over[0] += 5;  // against 2022's, but 2022 is missing
  auto y2021 = report_of("洪泽区人民政府", years[0]), y2023 = report_of("洪泽区人民政府", years[2]);
  auto f = gongkai::cross_year_findings(y2021, y2023);
  EXPECT_TRUE(f.earlier.empty());
  EXPECT_TRUE(f.later.empty());
  auto other = report_of("淮安区人民政府", years[1]);
  years[1].carried_over[0] += 5;
  auto g = gongkai::cross_year_findings(y2021, report_of("洪泽区人民政府", years[1]));
  EXPECT_EQ(count(g.later, "cross_year.carry_over"), 1);
  auto h = gongkai::cross_year_findings(y2021, other);  // 淮安区, not 洪泽区
  EXPECT_TRUE(h.later.empty());
}

TEST(CrossYear, AFormatSwitchAtTheWrongYear) {
  std::mt19937 rng(5);
  std::vector<Year> years = consistent_years(rng, 2);
  auto a = report_of("洪泽区人民政府", years[0]), b = report_of("洪泽区人民政府", years[1]);
  b.meta.template_format = "2019";  // 2022 in the old format, after 2021 in the new one
  auto f = gongkai::cross_year_findings(a, b);
  EXPECT_EQ(count(f.earlier, "cross_year.format_switch"), 1);
  EXPECT_EQ(count(f.later, "cross_year.format_switch"), 1);
  // 2020 in the old format and 2021 in the new one is the switch as it should be.
  a.meta.year = 2020, a.meta.template_format = "2019", b.meta.year = 2021, b.meta.template_format = "2021";
  EXPECT_EQ(count(gongkai::cross_year_findings(a, b).later, "cross_year.format_switch"), 0);
}

TEST(CrossYear, ARunOfSeveralYearsComparesEachWithTheNearestEarlier) {
  std::mt19937 rng(11);
  std::vector<Year> years = consistent_years(rng, 4);
  years[3].carried_over[2] += 1;
  std::vector<gongkai::Report> reports;
  for (int i : {3, 0, 2, 1}) reports.push_back(report_of("沭阳县人民政府", years[i]));  // any order
  std::vector<gongkai::Report*> all;
  for (auto& r : reports) all.push_back(&r);
  gongkai::add_cross_year_findings(all);
  std::map<int, int> by_year;
  for (auto& r : reports) by_year[*r.meta.year] = count(r.findings, "cross_year.carry_over");
  EXPECT_EQ(by_year, (std::map<int, int>{{2021, 0}, {2022, 0}, {2023, 1}, {2024, 1}}));
}
