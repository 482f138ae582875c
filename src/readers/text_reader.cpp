// Plain text and markdown: decode, normalise, find the sections, cut the
// table sections into rows.
#include <algorithm>

#include "readers/reader.h"
#include "readers/row_segmenter.h"
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

// Fills the sections of `doc` from a whole text. Shared by the text reader
// and by readers whose narrative arrives as text.
void split_sections(std::u32string_view text, SourceDoc& doc) {
  auto starts = find_sections(text);
  size_t head_end = starts.empty() ? std::min<size_t>(text.size(), 3000) : starts.front().begin;
  doc.head_text = to_utf8(text.substr(0, std::min<size_t>(head_end, 6000)));
  for (size_t k = 0; k < starts.size(); ++k) {
    size_t end = k + 1 < starts.size() ? starts[k + 1].begin : text.size();
    auto whole = text.substr(starts[k].begin, end - starts[k].begin);
    doc.section_text[starts[k].section] = to_utf8(whole);
    Section s = starts[k].section;
    if (s == Section::Active || s == Section::Requests || s == Section::Review) {
      auto body = text.substr(starts[k].body, end - starts[k].body);
      // A table section longer than any real table is narrative that lost its
      // next heading; reading all of it would only find stray numbers.
      constexpr size_t kMaxTableChars = 60000;
      if (body.size() > kMaxTableChars) {
        doc.notes.push_back("section " + std::to_string(static_cast<int>(s)) +
                            " is longer than any table; only its first part was read");
        body = body.substr(0, kMaxTableChars);
      }
      doc.rows[s] = segment_rows(strip_non_cells(body));
    }
  }
}

SourceDoc read_text(std::string_view bytes) {
  if (bytes.empty()) throw ReadError("empty file");
  if (looks_binary(bytes)) throw ReadError("binary data, not a text report");
  SourceDoc doc;
  doc.kind = "text";
  auto decoded = decode_text(bytes, doc.encoding);
  if (!decoded) throw ReadError("not valid text: neither UTF-8, UTF-16 nor GB18030");
  std::u32string text = to_u32(nfkc(*decoded));
  split_sections(text, doc);
  return doc;
}

}  // namespace gongkai
