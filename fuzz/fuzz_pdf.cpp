// PDFs (OCR off): Poppler's parser, glyphs and ruling lines, grids, the
// raster fallback for pages that print table headings without lines, then
// the pipeline. Inputs without "%PDF-" in their first KB get it prepended so
// that every input reaches the PDF reader.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = gk_fuzz::view(data, size);
  std::string owned;
  if (bytes.substr(0, 1024).find("%PDF-") == std::string_view::npos) {
    owned = "%PDF-";
    owned.append(bytes);
    bytes = owned;
  }
  gk_fuzz::extract(bytes, "x.pdf");
  return 0;
}
