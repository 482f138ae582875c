// One narrow facade over Poppler: open a PDF from memory and give, page by
// page, what the table reader needs — every glyph with its box, the ruling
// lines the page draws, and how much of it is images. Poppler's own classes
// stay behind this header.
#pragma once
#include <memory>

#include <opencv2/core.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "grid/rules.h"

namespace gongkai::pdf {

// One character as drawn, in PDF points with the origin at the page's top left.
struct Glyph {
  char32_t ch = 0;
  grid::Box box;
  double font_size = 0;
};

struct PageContent {
  int number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<Glyph> glyphs;      // in Poppler's reading order
  grid::Rules rules;              // raw ruling lines (stroked paths, thin filled rectangles)
  std::vector<grid::Box> shades;  // filled areas larger than a line: shaded cells
  double image_fraction = 0;      // share of the page area covered by images
  double image_dpi = 0;           // resolution of the largest image on the page (a scan's dpi)
  int outline_glyphs = 0;         // character-sized filled outlines (text drawn as paths)
  bool in_colour = true;          // anything visible drawn in a colour other than a grey
};

class PdfDocument {
 public:
  // Throws ReadError naming the problem (encrypted, damaged, no pages).
  static std::unique_ptr<PdfDocument> open(std::string_view bytes);
  ~PdfDocument();
  int pages() const;
  // 1-based. Throws ReadError when the page cannot be read.
  PageContent page(int number) const;
  // The page rendered in grey at `dpi` (in memory), for pages read by OCR or
  // whose tables draw no vector lines. Throws ReadError when it cannot be.
  // `seal`, when given, is set to where a red seal's ink lies on it
  // (scan::seal_ink; empty when it has none). A page whose PageContent is
  // not `in_colour` may be rendered in grey at once: it can hold no seal.
  cv::Mat render(int number, double dpi, cv::Mat* seal = nullptr, bool in_colour = true) const;

 private:
  PdfDocument();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai::pdf
