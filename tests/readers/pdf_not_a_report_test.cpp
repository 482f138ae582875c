// A PDF that is no report: an English manual's text layer read as
// "mis-encoded Chinese" sent every one of its pages to OCR (397 pages: over
// 60 s). The PDF is written here by hand: pages of English in Helvetica.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "test_util.h"

using namespace gk_test;

namespace {

// `pages` A4 pages of 40 lines of English each, as plain PDF syntax.
std::string english_pdf(int pages) {
  const char* sentences[] = {
      "This manual describes how to install and configure the printer driver on your computer.",
      "Before you begin, make sure that the device is connected to the network and switched on.",
      "The settings in this chapter apply to all models unless a note says otherwise.",
      "To change the paper size, open the control panel and select the tray that holds the paper."};
  std::vector<std::string> objects = {"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"};
  int pages_id = 2 + 2 * pages;  // the font, then a content stream and a page for each page
  std::string kids;
  for (int p = 0; p < pages; ++p) {
    std::string text;
    for (int i = 0; i < 40; ++i)
      text += "BT /F1 10 Tf 50 " + std::to_string(780 - 18 * i) + " Td (" + sentences[(p + i) % 4] + ") Tj ET\n";
    objects.push_back("<< /Length " + std::to_string(text.size()) + " >>\nstream\n" + text + "endstream");
    objects.push_back("<< /Type /Page /Parent " + std::to_string(pages_id) +
                      " 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 1 0 R >> >> /Contents " +
                      std::to_string(objects.size()) + " 0 R >>");
    kids += std::to_string(objects.size()) + " 0 R ";
  }
  objects.push_back("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(pages) + " >>");
  objects.push_back("<< /Type /Catalog /Pages " + std::to_string(pages_id) + " 0 R >>");
  return pdf_file(objects, objects.size());
}

}  // namespace

TEST(PdfNotAReport, EnglishManualIsNotOcredPageByPage) {
  auto t0 = std::chrono::steady_clock::now();
  auto rec = gongkai::to_json(gongkai::extract_bytes(english_pdf(60), "manual.pdf"));
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_EQ(rec["source"]["pages"], 60);
  EXPECT_EQ(rec["source"]["kind"], "pdf-text");  // no page went to OCR
  std::string why = finding_message(rec, "pdf.not_a_report");
  EXPECT_NE(why.find("pages 6-60 were not read"), std::string::npos) << rec["findings"].dump();
  EXPECT_NE(why.find("no page was OCRed"), std::string::npos) << why;
  EXPECT_TRUE(has_finding(rec, "mapping.no_tables", "extraction"));
  for (auto& f : rec["findings"])
    EXPECT_EQ(f["message"].get<std::string>().find("read by OCR"), std::string::npos) << f["message"];
  EXPECT_LT(seconds, 10);  // each page OCRed took about 0.2 s
}

TEST(PdfNotAReport, ReportsAreReadWhole) {
  // The real reports print their title on page 1: no finding, every page read.
  for (const char* name : {"huaian-city-2024.pdf", "huaian-hongze-district-2024.pdf"}) {
    auto rec = extract_json(sample(name));
    EXPECT_EQ(finding_message(rec, "pdf.not_a_report"), "") << name;
  }
  // A scanned report has no text to judge by: it is OCRed as before.
  gongkai::ReadOptions no_ocr;
  no_ocr.ocr = false;
  auto scan = gongkai::to_json(gongkai::extract_file(data("scans/huaian-city-2024-p3-5.scan.pdf"), no_ocr));
  EXPECT_EQ(finding_message(scan, "pdf.not_a_report"), "");
  EXPECT_TRUE(has_finding(scan, "pdf.needs_ocr", "extraction"));
}
