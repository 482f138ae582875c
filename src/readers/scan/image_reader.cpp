// Image files (PNG, JPEG, TIFF with one page or many): every page through
// the scan reader.
#include "readers/reader.h"
#include "readers/scan/page_image.h"
#include "readers/scan/scan_reader.h"

namespace gongkai {

namespace {

SourceDoc read_image(std::string_view bytes, ReadContext& context) {
  const ReadOptions& options = context.options;
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
        scan::scan_context(context).lay_out(images[i].grey, images[i].dpi, static_cast<int>(i) + 1, context.name));
    images[i].grey.release();  // one page in memory at a time beyond this point
  }
  assemble(pages, out);
  return out;
}

class ImageReader final : public Reader {
 public:
  std::string_view kind() const override { return "image"; }
  double sniff(std::string_view bytes, std::string_view) const override { return scan::is_image(bytes) ? 1 : 0; }
  SourceDoc read(std::string_view bytes, ReadContext& context) const override { return read_image(bytes, context); }
};

}  // namespace

const Reader& image_reader() {
  static const ImageReader reader;
  return reader;
}

}  // namespace gongkai
