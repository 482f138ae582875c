// The scan reader end to end: print-and-scan copies (tools/scanify) of the
// real report's table pages, read cell by cell, against its hand-checked values.
#include <gtest/gtest.h>

#include "cli/score.h"
#include "test_util.h"

using namespace gk_test;

TEST(ScanReader, RealReportTablePagesFromAScannedCopy) {
  auto expected = load(sample("huaian-city-2024.expected.json"));
  // The copy holds pages 3–5 only: no title page, so no agency or year to read.
  expected["meta"].erase("agency");
  expected["meta"].erase("year");
  auto rec = extract_json(data("scans/huaian-city-2024-p3-5.scan.pdf"));
  EXPECT_EQ(rec["source"]["kind"], "pdf-scan");
  auto s = gongkai::score_record(expected, rec);
  EXPECT_GE(s.correct, 198) << "of " << s.total();
  EXPECT_EQ(s.wrong, 0);
  for (auto& w : s.wrong_cells) ADD_FAILURE() << "wrong " << w;
  // No agency invented from the narrative of a report without its title page.
  EXPECT_TRUE(rec["meta"]["agency"].is_null());
  for (auto& c : rec["cells"]) {
    EXPECT_EQ(c["via"], "ocr");
    EXPECT_EQ(c["bbox_unit"], "px@200dpi");  // the scan's own resolution
    EXPECT_GT(c["confidence"].get<double>(), 0.0);
  }
}
