// PDFs from producers other than office suites, made with the real tools by
// tools/make_producer_pdfs.py (tests/data/producers/README.md): Chromium's
// print-to-PDF (Type 3 fonts, every cell boxed on its own, empty cells),
// Ghostscript's outlined text, and a print whose fonts lost their ToUnicode.
#include <gtest/gtest.h>

#include "cli/score.h"
#include "test_util.h"

using namespace gk_test;

namespace {

std::string producers(const std::string& name) { return data("producers/" + name); }

void expect_same_cells(const nlohmann::json& expected, const nlohmann::json& actual) {
  auto s = gongkai::score_record(expected, actual);
  for (auto& w : s.wrong_cells) ADD_FAILURE() << "wrong " << w;
  for (auto& m : s.missing_cells) ADD_FAILURE() << "missing " << m;
  EXPECT_GT(s.correct, 180);
}

bool noted(const nlohmann::json& rec, const std::string& words) {
  for (auto& f : rec["findings"])
    if (f["message"].get<std::string>().find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

// The generator's values with some cells of tables 三 and 四 left empty (null):
// cellspacing 4 (each cell boxed, 3 pt between boxes) and border-collapse.
class BrowserPrint : public ::testing::TestWithParam<std::string> {};

TEST_P(BrowserPrint, EveryCellInItsPlaceAndEmptyCellsStayEmpty) {
  auto expected = load(producers(GetParam() + ".expected.json"));
  auto actual = extract_json(producers(GetParam() + ".browser.pdf"));
  EXPECT_EQ(actual["source"]["kind"], "pdf-text");
  expect_same_cells(expected, actual);
  // The blanks are there to be kept: a value sliding into one is wrong above.
  int blanks = 0;
  for (auto& [table, rows] : expected["tables"].items())
    for (auto& [row, cols] : rows.items())
      for (auto& [col, v] : cols.items()) blanks += v.is_null();
  EXPECT_GE(blanks, 10);
}

// s4242_0002_collapse breaks the page right after table 三's header: the
// first row on the new page keeps its label (一、本年新收…).
INSTANTIATE_TEST_SUITE_P(Producers, BrowserPrint,
                         ::testing::Values("0004_spacing4", "0002_collapse", "s4242_0002_collapse"));

TEST(BrowserPrint, RealHtmlSamplePrintedReadsAsTheHtml) {
  // The HTML source's own record is the reference (its cells are checked in
  // tests/pipeline/real_test.cpp); the PDF must give every one of them.
  auto html = extract_json(sample("shuyang-county-ndrc-2023.html"));
  auto pdf = extract_json(producers("shuyang-county-ndrc-2023.browser.pdf"));
  expect_same_cells(html, pdf);
  EXPECT_EQ(pdf["meta"]["agency"], "沭阳县发展和改革局");  // the <h1> wraps: its two lines are not interleaved
}

TEST(OutlinedText, ReadFromThePageImageLikeTheOriginal) {
  auto expected = load(producers("0002_collapse.expected.json"));
  auto actual = extract_json(producers("0002_collapse.outlined.pdf"));
  EXPECT_EQ(actual["source"]["kind"], "pdf-scan");
  EXPECT_TRUE(noted(actual, "drawn as outlines")) << actual["findings"].dump();
  expect_same_cells(expected, actual);
}

// An outlined LibreOffice report whose table 三 runs onto the next page:
// there a rule in one row only split (七)总计 (its 计's tail read as "-"),
// and on the first page the grid merged (一)予以公开's two columns, so that
// 三、本年度办理结果 spanned rows of single label cells. Table 三 was lost,
// 175 cells (eval_producers seed 63).
TEST(OutlinedText, ATableContinuedOnTheNextPageKeepsItsRows) {
  auto expected = load(producers("s63_0000.expected.json"));
  expected.erase("meta");  // pages 2-3 only: no title
  auto actual = extract_json(producers("s63_0000.outlined-p2-3.pdf"));
  auto s = gongkai::score_record(expected, actual);
  EXPECT_EQ(s.total(), 200);  // tables 二, 三 and 四
  EXPECT_EQ(s.correct, 200) << "of " << s.total();
  EXPECT_EQ(s.wrong, 0);
}

TEST(FontsWithoutToUnicode, PagesGoToOcrWithTheReason) {
  // Without OCR the reason is reported and no number is read from the codes.
  auto r = run_cli("extract --no-ocr " + producers("0002_collapse.nounicode.pdf"));
  ASSERT_EQ(r.status, 0) << r.out;
  auto rec = nlohmann::json::parse(r.out.substr(r.out.find('{')));
  EXPECT_TRUE(noted(rec, "ToUnicode")) << rec["findings"].dump();
  for (auto& c : rec["cells"]) EXPECT_TRUE(c["value"].is_null()) << c.dump();
}

TEST(OutlinedText, OnlyTheOutlinedPageIsOcredAndTheTablesJoinAcrossIt) {
  // Pages 1 and 3 of the browser print, page 2 of its outlined copy (qpdf
  // --pages): table 三 runs from a text page through the OCRed one.
  auto expected = load(producers("0002_collapse.expected.json"));
  auto actual = extract_json(producers("0002_collapse.mixed.pdf"));
  EXPECT_EQ(actual["source"]["kind"], "pdf-mixed");
  EXPECT_TRUE(noted(actual, "page 2 read by OCR: the text is drawn as outlines")) << actual["findings"].dump();
  EXPECT_FALSE(noted(actual, "page 1 read by OCR"));
  EXPECT_FALSE(noted(actual, "page 3 read by OCR"));
  expect_same_cells(expected, actual);
}
