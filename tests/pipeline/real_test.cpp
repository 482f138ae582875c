// Real published reports without expected files: their own identities and
// what the corpus notes say about them are the check.
#include <gtest/gtest.h>

#include "test_util.h"

using namespace gk_test;

static std::vector<long long> row(const nlohmann::json& rec, const std::string& key) {
  std::vector<long long> v;
  for (auto col : {"natural_person", "commercial", "research", "nonprofit", "legal_services", "other", "total"}) {
    auto& x = rec["tables"]["requests"][key][col];
    v.push_back(x.is_null() ? -1 : x.get<long long>());
  }
  return v;
}

TEST(Pingtan2022, RunTogetherDigitsSplitByTheIdentities) {
  auto rec = extract_json(sample("pingtan-2022.txt"));
  EXPECT_EQ(rec["meta"]["template"], "2021");
  EXPECT_EQ(rec["meta"]["year"], 2022);
  EXPECT_EQ(row(rec, "new_received"), (std::vector<long long>{71, 3, 0, 0, 0, 0, 74}));
  EXPECT_EQ(row(rec, "unavailable_not_held"), (std::vector<long long>{37, 0, 0, 0, 0, 0, 37}));
  EXPECT_EQ(row(rec, "other_other"), (std::vector<long long>{0, 2, 0, 0, 0, 0, 2}));
  EXPECT_EQ(row(rec, "total"), (std::vector<long long>{72, 3, 0, 0, 0, 0, 75}));
  EXPECT_EQ(rec["tables"]["review_litigation"]["review"]["total"], 2);
  EXPECT_EQ(rec["tables"]["active"]["licensing"]["decisions"], 10690);
  EXPECT_EQ(rec["tables"]["active"]["fees"]["amount"], 9116.36);
  // Every identity holds in this report, so none may fail in the record.
  for (auto& f : rec["findings"]) EXPECT_NE(f["kind"], "source") << f["message"];
}

TEST(Pingtan2020, TableThreeDoesNotAddUpAsPrinted) {
  auto rec = extract_json(sample("pingtan-2020.txt"));
  EXPECT_EQ(rec["meta"]["template"], "2019");
  EXPECT_EQ(row(rec, "new_received"), (std::vector<long long>{20, 0, 0, 0, 0, 1, 21}));
  EXPECT_EQ(row(rec, "granted"), (std::vector<long long>{6, 0, 0, 0, 0, 1, 7}));
  EXPECT_EQ(row(rec, "total"), (std::vector<long long>{20, 0, 0, 0, 0, 1, 21}));
  EXPECT_TRUE(has_finding(rec, "requests.outcome_sum", "source"));
  // The printed values are kept, not "fixed".
  EXPECT_EQ(rec["tables"]["requests"]["other"]["natural_person"], 4);
}

TEST(Pingtan2019, AmbiguousActiveRowsAreNullWithCandidates) {
  auto rec = extract_json(sample("pingtan-2019.txt"));
  EXPECT_EQ(row(rec, "new_received"), (std::vector<long long>{23, 0, 0, 0, 0, 0, 23}));
  // "行政许可3960181": no identity ties these three cells, so no split is invented.
  EXPECT_TRUE(rec["tables"]["active"]["licensing"]["decisions"].is_null());
  bool listed = false;
  for (auto& c : rec["cells"])
    if (c["row"] == "licensing" && c["col"] == "decisions" && c.contains("candidates")) listed = true;
  EXPECT_TRUE(listed);
  EXPECT_EQ(rec["tables"]["active"]["regulations"]["made"], 0);  // "规章000" has one reading
}

TEST(Shanghai2019Html, BlankIsNotZero) {
  auto rec = extract_json(sample("shanghai-municipal-govoffice-2019.html"));
  EXPECT_EQ(rec["meta"]["template"], "2019");
  EXPECT_EQ(row(rec, "new_received"), (std::vector<long long>{821, 35, -1, -1, 2, 1, 859}));
  EXPECT_TRUE(rec["tables"]["requests"]["granted"]["total"].is_null());
  EXPECT_EQ(rec["tables"]["requests"]["granted"]["natural_person"], 258);
  EXPECT_EQ(rec["tables"]["active"]["procurement"]["amount"], 251000);
  for (auto& f : rec["findings"]) EXPECT_NE(f["kind"], "repair") << "blank cells must not be repaired";
}

TEST(ShuyangNdrcHtml, VariantLabelsAndBlankOrganisations) {
  auto rec = extract_json(sample("shuyang-county-ndrc-2023.html"));
  EXPECT_EQ(rec["meta"]["template"], "2021");
  EXPECT_EQ(rec["tables"]["active"]["normative_documents"]["issued"], 8);  // printed as "规范性文件"
  EXPECT_EQ(rec["tables"]["active"]["normative_documents"]["in_force"], 18);
  EXPECT_EQ(rec["tables"]["requests"]["new_received"]["natural_person"], 26);
  EXPECT_TRUE(rec["tables"]["requests"]["new_received"]["commercial"].is_null());
  EXPECT_EQ(rec["meta"]["agency"], "沭阳县发展和改革局");
}
