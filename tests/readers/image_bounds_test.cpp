// Images that exhausted memory: a multi-page TIFF decoded whole before any
// page was read (200 blank pages: 950 MB, 2,000: 7.7 GB and 65 s), and a
// pixel bomb (a 20000x20000 PNG of 440 KB: 1.2 GB). Each is built here.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <string>

#include "readers/reader.h"
#include "readers/scan/page_image.h"
#include "test_util.h"

using namespace gk_test;

namespace {

// `n` blank A4 pages at 200 dpi as a 1-bit G4 TIFF, as a scanner files them.
std::string blank_tiff(int n) {
  std::string path = ::testing::TempDir() + "/blank-" + std::to_string(n) + ".tif";
  PIX* pix = pixCreate(1654, 2339, 1);
  pixSetResolution(pix, 200, 200);
  for (int i = 0; i < n; ++i) pixWriteTiff(path.c_str(), pix, IFF_TIFF_G4, i == 0 ? "w" : "a");
  pixDestroy(&pix);
  return slurp(path);
}

std::string encoded(PIX* pix, l_int32 format) {
  l_uint8* data = nullptr;
  size_t size = 0;
  pixWriteMem(&data, &size, pix, format);
  std::string out(reinterpret_cast<char*>(data), size);
  lept_free(data);
  pixDestroy(&pix);
  return out;
}

// A blank page of w x h pixels, 1 bit deep: a bomb of little memory to make.
std::string blank_png(int w, int h) { return encoded(pixCreate(w, h, 1), IFF_PNG); }

}  // namespace

TEST(ImageBounds, PagesOfATiffAreCountedAndDecodedOneAtATime) {
  std::string tiff = blank_tiff(3);
  gongkai::scan::ImageFile file(tiff);
  ASSERT_EQ(file.pages(), 3);
  auto page = file.page(2);
  EXPECT_EQ(page.grey.cols, 1654);
  EXPECT_TRUE(page.dpi_known);
  EXPECT_THROW(file.page(3), gongkai::ReadError);
}

TEST(ImageBounds, TiffOfManyBlankPagesReadsThe300First) {
  auto rec = gongkai::to_json(gongkai::extract_bytes(blank_tiff(320), "archive.tif"));
  EXPECT_EQ(rec["source"]["pages"], 320);
  std::string skipped = finding_message(rec, "image.pages_skipped");
  EXPECT_NE(skipped.find("pages 301-320 of 320 were not read"), std::string::npos) << rec["findings"].dump();
  EXPECT_TRUE(rec["cells"].empty());
}

TEST(ImageBounds, PixelBombIsRefusedBeforeDecoding) {
  // The header's size is refused before any pixel is decoded (400 M of them).
  std::string png = blank_png(20000, 20000);
  std::string err = read_error(png, "bomb.png");
  EXPECT_NE(err.find("image too large: 20000x20000 pixels"), std::string::npos) << err;
}

TEST(ImageBounds, LargeJpegIsDecodedReduced) {
  // 12000x12000 (144 M pixels) at 600 dpi: read at half size, 300 dpi.
  PIX* pix = pixCreate(12000, 12000, 8);
  pixSetAllArbitrary(pix, 255);
  pixSetResolution(pix, 600, 600);
  std::string jpeg = encoded(pix, IFF_JFIF_JPEG);
  gongkai::scan::ImageFile file(jpeg);  // reads the bytes in place
  auto page = file.page(0, 100'000);
  EXPECT_EQ(page.grey.cols, 6000);
  EXPECT_NEAR(page.dpi, 300, 1);
}
