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

// Plain text or markdown in UTF-8, UTF-16 or GB18030.
SourceDoc read_text(std::string_view bytes);
// An HTML page: tables with rowspan/colspan, narrative from the rest.
SourceDoc read_html(std::string_view bytes);

// A PDF with a text layer: ruled tables from its geometry, narrative text.
SourceDoc read_pdf(std::string_view bytes);

// Picks the reader by content (and the file name's extension as a hint).
SourceDoc read_any(std::string_view bytes, std::string_view filename);

}  // namespace gongkai
