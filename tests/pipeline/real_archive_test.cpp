// The real archive's five hand-checked reports (tests/data/real-archive):
// no wrong cell, and every identity the printed tables break reported as a
// `source` finding — no more, no fewer. The breaks listed here were worked out
// by hand from the expected records (values as printed), not by the code.
#include <gtest/gtest.h>

#include <set>

#include "cli/score.h"
#include "test_util.h"

using namespace gk_test;

namespace {

struct ArchiveCase {
  std::string name;
  std::set<std::string> breaks;  // "rule [row or column]"
};

std::ostream& operator<<(std::ostream& os, const ArchiveCase& c) { return os << c.name; }

std::string archive(const std::string& rel) { return data("real-archive/" + rel); }

}  // namespace

class RealArchive : public ::testing::TestWithParam<ArchiveCase> {};

TEST_P(RealArchive, NoWrongCellAndEveryPrintedBreakIsASourceFinding) {
  const ArchiveCase& c = GetParam();
  auto expected = load(archive("expected/" + c.name + ".expected.json"));
  // The English messages name each identity's scope as [column] or [row].
  auto actual = gongkai::to_json(gongkai::extract_file(archive(c.name + ".txt")), gongkai::Lang::En);
  auto s = gongkai::score_record(expected, actual);
  for (auto& w : s.wrong_cells) ADD_FAILURE() << "wrong " << w;
  EXPECT_GE(s.correct, 0.98 * s.total()) << s.missing << " missing";
  std::set<std::string> reported;
  for (auto& f : actual["findings"]) {
    if (f["kind"] != "source") continue;
    std::string m = f["message"];
    reported.insert(f["rule"].get<std::string>() + " " + m.substr(m.find('['), m.find(']') - m.find('[') + 1));
  }
  EXPECT_EQ(reported, c.breaks);
}

INSTANTIATE_TEST_SUITE_P(
    Pingtan, RealArchive,
    ::testing::Values(
        ArchiveCase{"pingtan-czj-2024", {}},
        // （七）总计 printed 1000000 under rows of 0: natural person 1, total 0.
        ArchiveCase{"pingtan-htp-2021",
                    {"requests.row_total [total]", "requests.outcome_sum [natural_person]",
                     "requests.balance [natural_person]"}},
        // The 总计 column printed 0 in every row.
        ArchiveCase{"pingtan-htp-2024",
                    {"requests.row_total [new_received]", "requests.row_total [unavailable_not_held]",
                     "requests.row_total [unavailable_unclear]", "requests.row_total [other_overdue_correction]",
                     "requests.row_total [other_other]", "requests.row_total [total]",
                     "requests.outcome_sum [natural_person]"}},
        ArchiveCase{"pingtan-nyn-2025",
                    {"requests.row_total [new_received]", "requests.row_total [granted]",
                     "requests.row_total [unavailable_not_held]", "requests.row_total [total]",
                     "requests.outcome_sum [total]"}},
        ArchiveCase{"pingtan-scj-2021", {}}),
    [](const auto& info) {
      std::string n = info.param.name;
      for (auto& ch : n)
        if (ch == '-') ch = '_';
      return n;
    });

TEST(RealArchive, AllHandCheckedCellsTogetherAreAtLeast99PercentRight) {
  long correct = 0, total = 0;
  for (auto name : {"pingtan-czj-2024", "pingtan-htp-2021", "pingtan-htp-2024", "pingtan-nyn-2025", "pingtan-scj-2021"}) {
    auto s = gongkai::score_record(load(archive(std::string("expected/") + name + ".expected.json")),
                                   extract_json(archive(std::string(name) + ".txt")));
    correct += s.correct, total += s.total();
    EXPECT_EQ(s.wrong, 0) << name;
  }
  EXPECT_GE(correct, 0.99 * total);
}
