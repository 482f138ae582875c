// Image files (PNG, TIFF, JPEG, BMP… through Leptonica). Every image is
// decoded; an image no larger than kOcrPixels (every page) is also read with
// OCR on (grid search, cell and text OCR with Tesseract, one engine set kept
// for the whole run), so the scan reader runs on odd pages too. Larger images
// are read with OCR off, which decodes them and stops there.
// GONGKAI_FUZZ_IMAGE_OCR=0 in the environment switches OCR off for all.
#include <cstdlib>
#include <memory>

#include "harness.h"
#include "readers/scan/page_image.h"

namespace {

// About 160×160 pixels: large enough for a few ruled cells, small enough
// that OCR costs milliseconds rather than seconds.
constexpr long kOcrPixels = 160 * 160;
constexpr size_t kOcrPages = 2;

bool ocr_wanted() {
  const char* env = std::getenv("GONGKAI_FUZZ_IMAGE_OCR");
  return !env || std::string_view(env) != "0";
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = gk_fuzz::view(data, size);
  const std::string name = "x.png";
  if (!gongkai::scan::is_image(bytes)) return gk_fuzz::kReject;
  static const bool ocr = ocr_wanted();
  bool small = false;
  if (ocr) {
    try {
      const gongkai::scan::ImageFile file(bytes);
      small = file.pages() <= kOcrPages;
      for (int n = 0; small && n < file.pages(); ++n)
        small = static_cast<long>(file.page(n).grey.total()) <= kOcrPixels;
    } catch (const gongkai::ReadError&) {
      return 0;  // cannot be decoded: nothing more to read
    }
  }
  if (small) {
    // The engines load once (about 1.25 s) and serve every input after.
    static gongkai::ReadContext* context = new gongkai::ReadContext(gongkai::ReadOptions{});
    gk_fuzz::extract(bytes, name, *context);
  } else {
    gk_fuzz::extract(bytes, name, /*ocr=*/false);
  }
  return 0;
}
