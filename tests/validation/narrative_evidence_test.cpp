// The report's sentences as evidence in resolution: a statement decides a
// split the identities leave open; a clean reading it contradicts is a
// narrative finding and keeps its printed value.
#include <gtest/gtest.h>

#include "mapping/mapper.h"
#include "readers/registry.h"
#include "test_util.h"
#include "validation/identities.h"
#include "validation/repair.h"
#include "writers/json_writer.h"

using namespace gk_test;
using namespace gongkai;

namespace {

// The record of a minimal report resolved with the given statements (as the
// narrative reader would give them; made by hand here).
nlohmann::json resolve_with(const std::string& text, const std::vector<Statement>& statements) {
  ReadContext context;
  context.name = "inline.txt";
  SourceDoc doc = read_document(text, context);
  Report r;
  Mapping m = map_tables(doc, 2022);
  r.meta.template_format = m.format;
  r.active = m.active, r.requests = m.requests, r.review = m.review;
  auto eqs = identities(r.requests, r.review);
  resolve_cells(m.units, eqs, r, statements);
  return to_json(r);
}

Statement said(const std::string& row, const std::string& col, double value, const std::string& unit) {
  Statement s;
  s.cell = {TableId::Active, row, col};
  s.value = value;
  s.unit = unit;
  s.sentence = "本年度制发规范性文件" + std::to_string(static_cast<int>(value)) + unit;
  return s;
}

std::string report_with_active_row(const std::string& normative) {
  const std::string zeros = "0\t0\t0\t0\t0\t0\t0";
  std::string t = minimal_report(table3_rows(zeros, zeros, zeros, zeros, zeros, zeros),
                                 "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0");
  t.replace(t.find("行政规范性文件\t1\t0\t5"), std::string("行政规范性文件\t1\t0\t5").size(), normative);
  return t;
}

bool has_rule(const nlohmann::json& rec, const std::string& rule) {
  for (auto& f : rec["findings"])
    if (f["rule"] == rule) return true;
  return false;
}

}  // namespace

TEST(NarrativeEvidence, ASentenceDecidesASplitTheIdentitiesLeaveOpen) {
  // "22045" for issued / repealed / in force reads 2,20,45 or 22,0,45 or
  // 220,4,5 …; "制发规范性文件22件" leaves 22,0,45.
  auto rec = resolve_with(report_with_active_row("行政规范性文件22045"), {said("normative_documents", "issued", 22, "件")});
  auto& row = rec["tables"]["active"]["normative_documents"];
  EXPECT_EQ(row["issued"], 22);
  EXPECT_EQ(row["repealed"], 0);
  EXPECT_EQ(row["in_force"], 45);
  EXPECT_TRUE(has_rule(rec, "repair.narrative"));
}

TEST(NarrativeEvidence, WithoutTheSentenceTheSplitStaysOpen) {
  auto rec = resolve_with(report_with_active_row("行政规范性文件22045"), {});
  EXPECT_TRUE(rec["tables"]["active"]["normative_documents"]["issued"].is_null());
}

TEST(NarrativeEvidence, AnotherUnitDecidesNothing) {
  // 次 is not a count of documents.
  auto rec = resolve_with(report_with_active_row("行政规范性文件22045"), {said("normative_documents", "issued", 22, "次")});
  EXPECT_TRUE(rec["tables"]["active"]["normative_documents"]["issued"].is_null());
}

TEST(NarrativeEvidence, ACleanReadingThatDisagreesKeepsItsValueAndIsANarrativeFinding) {
  auto rec = resolve_with(report_with_active_row("行政规范性文件\t21\t0\t45"),
                          {said("normative_documents", "issued", 22, "件")});
  EXPECT_EQ(rec["tables"]["active"]["normative_documents"]["issued"], 21);
  bool found = false;
  for (auto& f : rec["findings"])
    if (f["rule"] == "narrative.disagrees") {
      found = true;
      EXPECT_EQ(f["kind"], "narrative");
      EXPECT_NE(f["message"].get<std::string>().find("制发规范性文件22件"), std::string::npos);
      EXPECT_NE(f["message"].get<std::string>().find("21"), std::string::npos);
    }
  EXPECT_TRUE(found);
}

TEST(NarrativeEvidence, AnAgreeingSentenceSaysNothing) {
  auto rec = resolve_with(report_with_active_row("行政规范性文件\t22\t0\t45"),
                          {said("normative_documents", "issued", 22, "件")});
  EXPECT_FALSE(has_rule(rec, "narrative.disagrees"));
  EXPECT_FALSE(has_rule(rec, "repair.narrative"));
}
