// The readers: one per kind of input, each yielding a SourceDoc, behind one
// interface (Camelot's registry of parsers over one table model). Which
// reader reads an input is decided by sniffing its bytes (readers/registry).
#pragma once
#include <memory>
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
  // Resolution image-only PDF pages are read at (a scan's own when lower).
  // 0, the default: 200 dpi, or 300 for a page whose digits are small at 200
  // (pdf_reader.cpp, kSmallDigitPx). Read at 200 throughout (--dpi 200), a
  // 238 dpi scan read two small 0s as 6 with confidence (eval_scan seed 72).
  double scan_dpi = 0;
  std::string tessdata;        // OCR models; "" = TESSDATA_PREFIX or Debian's default
  std::string debug_dir;       // when set, per-page pictures of the grid and readings
  bool scan_narrative = false; // OCR all running text of scanned pages, not only headings
};

namespace scan {
class ScanContext;
}

// What a read is given besides the bytes: the options, the input's name (for
// messages and debug pictures) and the OCR engines. The engines load on the
// first scanned page (about 1.25 s) and stay with the context, so a caller
// that reads many inputs keeps one context; nothing is process-wide.
struct ReadContext {
  ReadOptions options;
  std::string name;
  std::shared_ptr<scan::ScanContext> scan;  // created by the scan reader when first needed

  ReadContext() = default;
  explicit ReadContext(ReadOptions o) : options(std::move(o)) {}
};

// One kind of input.
class Reader {
 public:
  virtual ~Reader() = default;
  // "pdf", "image", "html", "text": what the registry and messages call it.
  virtual std::string_view kind() const = 0;
  // How sure this reader is that the bytes are its kind (0: not at all, 1:
  // certainly). `name` is the file name, a hint only.
  virtual double sniff(std::string_view bytes, std::string_view name) const = 0;
  // Throws ReadError when the input cannot be read at all.
  virtual SourceDoc read(std::string_view bytes, ReadContext& context) const = 0;
};

}  // namespace gongkai
