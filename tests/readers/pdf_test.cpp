// The PDF reader end to end: the real published PDFs (hand-checked expected
// files), provenance, narrative, and inputs that are not readable reports.
#include <gtest/gtest.h>

#include "cli/score.h"
#include "readers/reader.h"
#include "test_util.h"

using namespace gk_test;

namespace {
}  // namespace

class RealPdf : public ::testing::TestWithParam<std::string> {};

TEST_P(RealPdf, EveryCellEqualsExpected) {
  auto expected = load(sample(GetParam() + ".expected.json"));
  auto actual = extract_json(sample(GetParam() + ".pdf"));
  EXPECT_EQ(actual["source"]["kind"], "pdf-text");
  auto s = gongkai::score_record(expected, actual);
  for (auto& w : s.wrong_cells) ADD_FAILURE() << "wrong " << w;
  for (auto& m : s.missing_cells) ADD_FAILURE() << "missing " << m;
  EXPECT_GT(s.correct, 180);
  // Every cell carries its page and its box in points.
  for (auto& c : actual["cells"]) {
    EXPECT_GE(c["page"].get<int>(), 1);
    ASSERT_TRUE(c["bbox"].is_array());
    EXPECT_EQ(c["bbox_unit"], "pt");
    EXPECT_EQ(c["via"], "pdf-text");
    EXPECT_LT(c["bbox"][0].get<double>(), c["bbox"][2].get<double>());
  }
  // No repairs were needed: a text layer is read exactly.
  EXPECT_FALSE(has_finding(actual, "repair.cells", "repair"));
}

INSTANTIATE_TEST_SUITE_P(Huaian, RealPdf,
                         ::testing::Values("huaian-city-2024", "huaian-hongze-district-2023",
                                           "huaian-hongze-district-2024"));

TEST(RealPdfHongze2023, TableFourThatDoesNotAddUpIsASourceFinding) {
  auto rec = extract_json(sample("huaian-hongze-district-2023.pdf"));
  int source = 0;
  for (auto& f : rec["findings"])
    if (f["kind"] == "source") {
      ++source;
      EXPECT_EQ(f["rule"], "review_litigation.group_total");
    }
  EXPECT_EQ(source, 2);  // 复议 10+1+0+0 but 总计 0; 复议后起诉 5 but 总计 0
  // The printed values are kept, not "repaired".
  EXPECT_EQ(rec["tables"]["review_litigation"]["review"]["total"], 0);
  EXPECT_EQ(rec["tables"]["review_litigation"]["review"]["upheld"], 10);
}

TEST(RealPdfCity2024, TableThreeAcrossPagesKeepsThePagesOfItsCells) {
  auto rec = extract_json(sample("huaian-city-2024.pdf"));
  std::map<std::string, int> page;
  for (auto& c : rec["cells"])
    if (c["table"] == "requests" && c["col"] == "total") page[c["row"]] = c["page"];
  EXPECT_EQ(page["new_received"], 4);
  EXPECT_EQ(page["unavailable_not_held"], 4);
  EXPECT_EQ(page["unavailable_needs_creation"], 5);
  EXPECT_EQ(page["carried_forward"], 5);
}

TEST(RealPdfCity2024, NarrativeWithoutPageNumbersAndWithParagraphsJoined) {
  auto rec = extract_json(sample("huaian-city-2024.pdf"));
  std::string overview = rec["narrative"]["overview"];
  EXPECT_EQ(overview.find("-1-"), std::string::npos);
  EXPECT_EQ(overview.find("-2-"), std::string::npos);
  // "…新时代中国特色社会主义思想为" / "指导" wrap in print; one sentence in the record.
  EXPECT_NE(overview.find("思想为指导"), std::string::npos);
  // A sentence running over the page break (pp. 1–2) is joined too.
  EXPECT_NE(overview.find("“建设‘四最’一流营商环境"), std::string::npos);
  std::string other = rec["narrative"]["other"];
  EXPECT_NE(other.find("3940元"), std::string::npos);
  EXPECT_EQ(rec["meta"]["title"], "淮安市人民政府2024年政府信息公开工作年度报告");
}

TEST(RealPdfHongze2024, CountyGovernmentIsNamedWithoutItsCity) {
  auto rec = extract_json(sample("huaian-hongze-district-2024.pdf"));
  EXPECT_EQ(rec["meta"]["agency"], "洪泽区人民政府");
  EXPECT_EQ(rec["meta"]["agency_printed"], "淮安市洪泽区人民政府");
}

TEST(PdfBadInput, ClearErrors) {
  auto err = [](const std::string& rel) {
    try {
      gongkai::extract_file(data(rel));
    } catch (const gongkai::ReadError& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(err("pdf-bad/zeropages.pdf").find("no pages"), std::string::npos);
  EXPECT_NE(err("pdf-bad/headeronly.pdf").find("damaged or truncated"), std::string::npos);
  EXPECT_NE(err("pdf-bad/trunc2.pdf").find("damaged or truncated"), std::string::npos);
  EXPECT_NE(err("pdf-bad/encrypted.pdf").find("encrypted"), std::string::npos);
}

TEST(PdfBadInput, ScannedPdfWithoutOcrSaysItNeedsOcr) {
  gongkai::ReadOptions no_ocr;
  no_ocr.ocr = false;
  auto rec = gongkai::to_json(gongkai::extract_file(data("scans/huaian-city-2024-p3-5.scan.pdf"), no_ocr));
  ASSERT_TRUE(has_finding(rec, "pdf.needs_ocr", "extraction"));
  EXPECT_TRUE(rec["cells"].empty());
}

TEST(PdfBadInput, BatchGoesOnPastABadPdf) {
  auto r = run_cli("extract --summary --out-dir " + std::string(::testing::TempDir()) + "/pdfbatch " +
                   data("pdf-bad/encrypted.pdf") + " " + sample("huaian-hongze-district-2024.pdf"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("encrypted.pdf: encrypted PDF"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("huaian-hongze-district-2024.pdf: agency=洪泽区人民政府"), std::string::npos) << r.out;
}

TEST(PdfBadInput, PdfThatIsNotAReportIsReadWithNoTables) {
  auto rec = extract_json(data("pdf-bad/not-a-report.pdf"));
  EXPECT_TRUE(has_finding(rec, "mapping.no_tables", "extraction"));
  EXPECT_EQ(rec["source"]["pages"], 1);
}

// Reports generated from the official template (tools/gen_pdf_corpus.py,
// LibreOffice, six CJK fonts, table 三 broken over pages at different rows).
TEST(GeneratedPdf, EveryCellOfEveryReport) {
  long correct = 0, total = 0;
  for (int i = 0; i < 6; ++i) {
    std::string stem = data("generated-pdf/000" + std::to_string(i) + "_pdf_2021");
    auto s = gongkai::score_record(load(stem + ".expected.json"), extract_json(stem + ".pdf"));
    for (auto& w : s.wrong_cells) ADD_FAILURE() << stem << " wrong " << w;
    for (auto& m : s.missing_cells) ADD_FAILURE() << stem << " missing " << m;
    correct += s.correct;
    total += s.total();
  }
  EXPECT_EQ(correct, total);
  EXPECT_EQ(total, 6 * 203);
}

TEST(RealPdfCity2024, VectorGridsNeedNoRasterFallback) {
  // Every table page draws its grid; narrative pages are never rendered.
  auto rec = extract_json(sample("huaian-city-2024.pdf"));
  for (auto& f : rec["findings"])
    EXPECT_EQ(f["message"].get<std::string>().find("found in the page image"), std::string::npos) << f["message"];
}
