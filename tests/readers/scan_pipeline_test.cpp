// Scanned pages prepared on other threads while another page is read (what
// the PDF reader does: page N+1 rendered, cleaned and its grids found while
// page N is OCRed) read exactly as pages prepared and read one at a time.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <future>
#include <memory>
#include <vector>

#include "ocr/models.h"
#include "readers/pdf/pdf_document.h"
#include "readers/scan/scan_reader.h"
#include "test_util.h"

using namespace gk_test;
using gongkai::PageLayout;

namespace {

// Every table cell's text and doubt and every running-text line of `page`.
std::vector<std::string> what_was_read(const PageLayout& page) {
  std::vector<std::string> out;
  for (auto& t : page.tables)
    for (auto& c : t.cells)
      out.push_back(std::to_string(c.row) + "," + std::to_string(c.col) + " " + c.text + (c.unread ? " ?" : ""));
  for (auto& l : page.lines) out.push_back("line " + l.text);
  return out;
}

}  // namespace

TEST(ScanPipeline, PagesPreparedBesideTheReadingReadAsOneAtATime) {
  auto doc = gongkai::pdf::PdfDocument::open(slurp(data("scans/huaian-city-2024-p3-5.scan.pdf")));
  ASSERT_TRUE(doc);
  const double dpi = 200;  // the scan's own
  std::vector<cv::Mat> pages;
  for (int n = 1; n <= 2; ++n) pages.push_back(doc->render(n, dpi));
  gongkai::ReadOptions options;
  gongkai::scan::ScanContext context(options);

  std::vector<std::vector<std::string>> alone;
  for (int n = 1; n <= 2; ++n) alone.push_back(what_was_read(context.lay_out(pages[n - 1], dpi, n, "alone")));

  // Page 2 prepared on another thread while page 1 is read.
  auto first = context.prepare(pages[0], dpi, 1);
  auto second = std::async(std::launch::async, [&] { return context.prepare(pages[1], dpi, 2); });
  std::vector<std::vector<std::string>> pipelined;
  pipelined.push_back(what_was_read(context.lay_out(first, "pipelined")));
  pipelined.push_back(what_was_read(context.lay_out(second.get(), "pipelined")));

  for (int n = 0; n < 2; ++n) {
    EXPECT_GT(alone[n].size(), 20u) << "page " << n + 1;  // the pages hold tables and their heading lines
    EXPECT_EQ(pipelined[n], alone[n]) << "page " << n + 1;
  }
}

// The models load on other threads while the first page is prepared: a model
// file that is there but is not a model is still named, as the input's
// error, and the run does not crash or hang.
TEST(ScanPipeline, AModelTesseractCannotLoadIsNamed) {
  auto dir = std::filesystem::path(::testing::TempDir()) / "broken-model";
  std::filesystem::create_directories(dir);
  std::filesystem::remove(dir / "eng.traineddata");
  std::filesystem::create_symlink(gongkai::ocr::model_file(gongkai::ocr::locate_model("", "eng"), "eng"),
                                  dir / "eng.traineddata");
  std::ofstream(dir / "chi_sim.traineddata") << "not a model";
  auto r = run_cli("extract --tessdata " + dir.string() + " " + data("scans/huaian-city-2024-p3-5.scan.pdf"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("OCR is not available"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find((dir / "chi_sim.traineddata").string() + " could not be loaded"), std::string::npos) << r.out;
}
