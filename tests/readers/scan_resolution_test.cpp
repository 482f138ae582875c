// The resolution scanned PDF pages are read at (pdf_reader.cpp): 200 dpi,
// or 300 (the scan's own when lower) for a page whose digits are under 18 px
// high at 200, and the document's later pages with it. The record says which:
// every cell's box is in pixels of the resolution its page was read at.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <set>
#include <string>
#include <unistd.h>

#include "pipeline/extract.h"
#include "writers/json_writer.h"
#include "test_util.h"

namespace gongkai {
namespace {

// The bbox units of `table`'s cells read from the page image.
std::set<std::string> units(const nlohmann::json& r, const std::string& table) {
  std::set<std::string> out;
  for (auto& c : r["cells"])
    if (c["table"] == table && c.contains("bbox_unit")) out.insert(c["bbox_unit"].get<std::string>());
  return out;
}

TEST(ScanResolution, SmallDigitsAreReadAtTheScansOwnResolution) {
  // 淮安市 2024's table 三 (pages 4-5), scanned at 238 dpi (eval_scan seed
  // 72): its digits are 15 px high at 200 dpi. Read at 200, the 0 of
  // （四）3 / 商业企业 with a speck beside it was read 6 with confidence.
  nlohmann::json r = to_json(extract_file(gk_test::data("scans/huaian-city-2024-p4-5-238dpi.scan.pdf")));
  EXPECT_EQ(units(r, "requests"), std::set<std::string>{"px@238dpi"});
  EXPECT_EQ(r["tables"]["requests"]["unavailable_unclear"]["commercial"], 0);
  EXPECT_EQ(r["tables"]["requests"]["unavailable_unclear"]["natural_person"], 1);
}

TEST(ScanResolution, DigitsLargeEnoughAreReadAt200Dpi) {
  // A generated report's table 二 scanned at 248 dpi: digits 21 px high at 200.
  nlohmann::json r = to_json(extract_file(gk_test::data("scans/generated-0001-p2-248dpi.scan.pdf")));
  EXPECT_EQ(units(r, "active"), std::set<std::string>{"px@200dpi"});
  EXPECT_EQ(r["tables"]["active"]["normative_documents"]["in_force"], 101);
}

TEST(ScanResolution, AGivenResolutionIsKept) {
  ReadOptions o;
  o.scan_dpi = 200;
  nlohmann::json r = to_json(extract_file(gk_test::data("scans/huaian-city-2024-p4-5-238dpi.scan.pdf"), o));
  EXPECT_EQ(units(r, "requests"), std::set<std::string>{"px@200dpi"});
  o.scan_dpi = 300;
  r = to_json(extract_file(gk_test::data("scans/generated-0001-p2-248dpi.scan.pdf"), o));
  EXPECT_EQ(units(r, "active"), std::set<std::string>{"px@248dpi"});
}

// A page with small digits, then one whose digits are large enough: the
// second is read at the fine resolution, as the document's later pages are,
// though its preparation may begin beside the first's, before the first's
// digits are measured (pdf_reader.cpp begins the next page beside a page
// and, while waiting, the one after). Begun together, it was read at 200 dpi
// until the rule was applied when the page comes to be read.
TEST(ScanResolution, APageAfterSmallDigitsIsReadFineWhateverTheTiming) {
  const std::filesystem::path pdf =
      std::filesystem::temp_directory_path() / ("gk-small-then-large-" + std::to_string(::getpid()) + ".pdf");
  const std::string qpdf = "qpdf --empty --pages " + gk_test::data("scans/huaian-city-2024-p4-5-238dpi.scan.pdf") +
                           " 1 " + gk_test::data("scans/generated-0001-p2-248dpi.scan.pdf") + " 1 -- " +
                           pdf.string() + " 2> /dev/null";
  // qpdf exits 3 for warnings (these scans' objects end without endobj).
  const int status = std::system(qpdf.c_str());
  ASSERT_TRUE(std::filesystem::exists(pdf)) << "qpdf (tools/setup.sh installs it) exited " << status;
  nlohmann::json r = to_json(extract_file(pdf.string()));
  std::filesystem::remove(pdf);
  std::set<std::string> second;
  for (auto& c : r["cells"])
    if (c["page"] == 2 && c.contains("bbox_unit")) second.insert(c["bbox_unit"].get<std::string>());
  EXPECT_EQ(second, std::set<std::string>{"px@248dpi"});
  EXPECT_EQ(units(r, "requests").count("px@238dpi"), 1u);
}

}  // namespace
}  // namespace gongkai
