// The readers: one per kind of input, all yielding a SourceDoc.
#pragma once
#include <stdexcept>
#include <string>
#include <string_view>

#include "model/source.h"

namespace gongkai {

// An input that cannot be read at all (not found, empty, not text, encrypted…).
// The message names the problem; the caller adds the file name.
struct ReadError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// How scanned pages are read.
struct ReadOptions {
  bool ocr = true;             // read image pages by OCR (else: a needs-OCR finding)
  double scan_dpi = 300;       // resolution image-only PDF pages are rendered at
  std::string tessdata;        // OCR models; "" = TESSDATA_PREFIX or Debian's default
  std::string debug_dir;       // when set, per-page pictures of the grid and readings
  bool scan_narrative = false; // OCR all running text of scanned pages, not only headings
};

// Plain text or markdown in UTF-8, UTF-16 or GB18030.
SourceDoc read_text(std::string_view bytes);
// An HTML page: tables with rowspan/colspan, narrative from the rest.
SourceDoc read_html(std::string_view bytes);

// A PDF with a text layer: ruled tables from its geometry, narrative text.
SourceDoc read_pdf(std::string_view bytes, const ReadOptions& options = {}, const std::string& name = "");
// An image file (PNG, JPEG, TIFF with several pages…): read by OCR.
SourceDoc read_image(std::string_view bytes, const ReadOptions& options = {}, const std::string& name = "");

// Picks the reader by content (and the file name's extension as a hint).
SourceDoc read_any(std::string_view bytes, std::string_view filename, const ReadOptions& options = {});

}  // namespace gongkai
