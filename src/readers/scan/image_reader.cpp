// Image files (PNG, JPEG, TIFF with one page or many): every page through
// the scan reader, decoded one at a time.
#include "readers/reader.h"
#include "readers/scan/page_image.h"
#include "readers/scan/scan_reader.h"

namespace gongkai {

namespace {

// Pages of one image file that are read. A report prints some 10 pages; a
// file of hundreds of scans is an archive, not a report, and 2,000 blank
// pages took 65 s. The rest are named in a finding.
constexpr int kMaxImagePages = 300;

std::string page_list(const std::vector<int>& pages) {
  std::string out;
  for (size_t i = 0; i < pages.size(); ++i) {
    // Runs of pages as "3-7": a thousand damaged pages make one short line.
    size_t j = i;
    while (j + 1 < pages.size() && pages[j + 1] == pages[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += std::to_string(pages[i]);
    if (j > i) out += '-';
    if (j > i) out += std::to_string(pages[j]);
    i = j;
  }
  return out;
}

SourceDoc read_image(std::string_view bytes, ReadContext& context) {
  const ReadOptions& options = context.options;
  scan::ImageFile file(bytes);
  SourceDoc out;
  out.kind = "image";
  out.pages = file.pages();
  if (!options.ocr) throw ReadError("an image can only be read by OCR, which is switched off");
  int read = std::min(out.pages, kMaxImagePages);
  std::vector<PageLayout> pages;
  std::vector<int> unreadable;
  std::string why;
  for (int i = 0; i < read; ++i) {
    scan::PageImage image;
    try {
      image = file.page(i);
    } catch (const ReadError& e) {
      unreadable.push_back(i + 1);
      why = e.what();
      continue;
    }
    if (!image.dpi_known)
      out.notes.push_back("page " + std::to_string(i + 1) + ": the image records no resolution; assumed an A4 page (" +
                          std::to_string(static_cast<int>(image.dpi)) + " dpi)");
    pages.push_back(scan::scan_context(context).lay_out(image.grey, image.dpi, i + 1, context.name, image.seal));
  }
  if (pages.empty() && !unreadable.empty()) throw ReadError(why);  // nothing read: an error, not a finding
  if (!unreadable.empty())
    out.findings.push_back({"image.page_unreadable", "page(s) " + page_list(unreadable) + " could not be read: " + why,
                            false});
  if (read < out.pages)
    out.findings.push_back({"image.pages_skipped",
                            "pages " + std::to_string(read + 1) + "-" + std::to_string(out.pages) + " of " +
                                std::to_string(out.pages) + " were not read: a report has far fewer pages (at most " +
                                std::to_string(kMaxImagePages) + " are read)",
                            false});
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
