// A report's pages as pictures for the review page: PDFs rendered through
// the PDF reader's Poppler facade, images decoded as they are.
#pragma once
#include <filesystem>
#include <string>
#include <vector>

namespace gongkai::review {

struct PageImage {
  int number = 0;           // 1-based
  std::string file;         // relative to the site: NAME/pN.jpg
  int px_width = 0, px_height = 0;
  double width_pt = 0, height_pt = 0;  // the page in PDF points: the frame cell boxes are placed in
};

// Renders every page of `bytes` (a PDF, or an image whose cell boxes are in
// px@`image_dpi`) to DIR/REL/pN.jpg in grey at `dpi`, and a thumbnail of page
// `thumb_page` to DIR/REL/thumb.jpg (when thumb_page > 0). Empty for inputs
// without pages (text, HTML). Throws std::runtime_error naming the page that
// could not be rendered or written.
std::vector<PageImage> render_pages(const std::string& bytes, const std::string& kind,
                                    const std::filesystem::path& dir, const std::string& rel, double dpi,
                                    int jpeg_quality, double image_dpi);

// A smaller copy of a page already written, for the index.
void write_thumbnail(const std::filesystem::path& page_jpg, const std::filesystem::path& out, int width);

}  // namespace gongkai::review
