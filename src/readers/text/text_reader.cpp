// Plain text and markdown: decode, normalise, find the sections, cut the
// table sections into rows.
#include <algorithm>

#include "readers/reader.h"
#include "readers/sections.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

// Text that is mostly control characters is not a report, whatever its bytes
// decode to.
bool looks_binary(std::string_view bytes) {
  size_t n = std::min<size_t>(bytes.size(), 1 << 16), ctrl = 0;
  for (size_t i = 0; i < n; ++i) {
    unsigned char c = static_cast<unsigned char>(bytes[i]);
    if (c == 0) return true;
    if (c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f') ++ctrl;
  }
  return ctrl * 50 > n;
}

}  // namespace

class TextReader final : public Reader {
 public:
  std::string_view kind() const override { return "text"; }
  // Anything can be text: the fallback, which refuses binary data when reading.
  double sniff(std::string_view, std::string_view) const override { return 0.1; }
  SourceDoc read(std::string_view bytes, ReadContext&) const override;
};

SourceDoc TextReader::read(std::string_view bytes, ReadContext&) const {
  if (bytes.empty()) throw ReadError("empty file");
  SourceDoc doc;
  doc.kind = "text";
  // Decoded first: UTF-16 text has NUL bytes (8 to 19% of a report's), so
  // whether it is binary is told by what it decodes to.
  size_t replaced = 0;
  auto decoded = decode_text(bytes, doc.encoding, &replaced);
  if (replaced > 0)
    doc.findings.push_back({"text.invalid_bytes",
                            std::to_string(replaced) + " byte(s) that are not UTF-8 were read as U+FFFD (�); a number "
                                                       "they touch may be cut",
                            false});
  if ((decoded && looks_binary(*decoded)) || (!decoded && looks_binary(bytes)))
    throw ReadError("binary data, not a text report");
  if (!decoded) throw ReadError("not valid text: neither UTF-8, UTF-16, Big5 nor GB18030");
  std::u32string text = to_u32(nfkc(*decoded));
  split_sections(text, doc);
  return doc;
}

const Reader& text_reader() {
  static const TextReader reader;
  return reader;
}

}  // namespace gongkai
