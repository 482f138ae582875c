// Image files (PNG, JPEG, TIFF with one page or many): every page through
// the scan reader.
#include "readers/reader.h"
#include "readers/scan/page_image.h"
#include "readers/scan/scan_reader.h"

namespace gongkai {

SourceDoc read_image(std::string_view bytes, const ReadOptions& options, const std::string& name) {
  auto images = scan::decode_image(bytes);
  SourceDoc out;
  out.kind = "image";
  out.pages = static_cast<int>(images.size());
  if (!options.ocr) throw ReadError("an image can only be read by OCR, which is switched off");
  std::vector<PageLayout> pages;
  for (size_t i = 0; i < images.size(); ++i) {
    if (!images[i].dpi_known)
      out.notes.push_back("page " + std::to_string(i + 1) + ": the image records no resolution; assumed an A4 page (" +
                          std::to_string(static_cast<int>(images[i].dpi)) + " dpi)");
    pages.push_back(
        scan::scan_context(options).lay_out(images[i].grey, images[i].dpi, static_cast<int>(i) + 1, name));
    images[i].grey.release();  // one page in memory at a time beyond this point
  }
  assemble(pages, out);
  return out;
}

}  // namespace gongkai
