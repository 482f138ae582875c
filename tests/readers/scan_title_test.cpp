// The title of a scanned report: its lines read one by one at the scale that
// suits the title's large type, and told from body type by the height of
// their ink (tests/data/scans/README.md: a copy whose title's first line was
// misread, and the agency lost, when the band was read whole).
#include <gtest/gtest.h>

#include "test_util.h"

using namespace gk_test;

TEST(ScanTitle, TheAgencyAndYearOfAScannedTitlePage) {
  const auto expected = load(sample("huaian-hongze-district-2023.expected.json"));
  const auto rec = extract_json(data("scans/huaian-hongze-district-2023-p1-277dpi.scan.pdf"));
  EXPECT_EQ(rec["meta"]["agency"], expected["meta"]["agency"]);
  EXPECT_EQ(rec["meta"]["year"], expected["meta"]["year"]);
  // The title's two lines, not a line of the body below them.
  const std::string title = rec["meta"]["title"];
  EXPECT_EQ(title.find("洪泽区人民政府"), 0u) << title;
  EXPECT_NE(title.find("2023年政府信息公开工作年度报告"), std::string::npos) << title;
  EXPECT_EQ(title.find("本报告"), std::string::npos) << title;
}
