// The raster fallback of the PDF reader finds the same grids in a page's
// image as the page's own vector drawing gives: checked on the real reports'
// table pages, where both exist.
#include <gtest/gtest.h>

#include "grid/grid.h"
#include "readers/pdf/pdf_document.h"
#include "readers/pdf/raster_fallback.h"
#include "test_util.h"

using namespace gongkai;

TEST(PdfRasterFallback, SameGridsAsTheVectorDrawing) {
  auto doc = pdf::PdfDocument::open(gk_test::slurp(gk_test::sample("huaian-city-2024.pdf")));
  int compared = 0;
  for (int p : {3, 4, 5}) {
    auto vec = grid::build_grids(grid::merge_rules(doc->page(p).rules, 2), 2);
    auto ras = grid::build_grids(grid::merge_rules(pdf::rules_from_image(*doc, p, 150), 2), 2);
    ASSERT_EQ(vec.size(), ras.size()) << "page " << p;
    for (size_t k = 0; k < vec.size(); ++k) {
      EXPECT_EQ(vec[k].rows(), ras[k].rows()) << "page " << p << " table " << k;
      ASSERT_EQ(vec[k].cols(), ras[k].cols()) << "page " << p << " table " << k;
      EXPECT_EQ(vec[k].cells.size(), ras[k].cells.size()) << "page " << p << " table " << k;
      for (int c = 0; c <= vec[k].cols(); ++c) EXPECT_NEAR(vec[k].xs[c], ras[k].xs[c], 1.5);
      ++compared;
    }
  }
  EXPECT_GE(compared, 4);
}
