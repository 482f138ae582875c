// A section's running text made ready for reading statements: one line of
// NFKC text without layout (line breaks joined, page numbers dropped, spaces
// kept only where they part two digits), cut into sentences, each of which
// can still be quoted as printed.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

struct NarrativeText {
  // NFKC, without layout; '\n' where a paragraph ends. "（" is "(", "，" is ",".
  std::u32string norm;
  // The same text in its printed characters, lines joined, spaces squeezed.
  std::u32string printed;
  std::vector<uint32_t> printed_at;  // for each char of norm, where it stands in printed

  // The printed text of norm[begin, end), trimmed.
  std::string quote(size_t begin, size_t end) const;
};

NarrativeText prepare_narrative(std::string_view section_text);

struct SentenceSpan {
  size_t begin = 0, end = 0;  // norm[begin, end), without the full stop
  size_t quote_end = 0;       // end, or one past the full stop that closes it
};

// Sentences end at 。 ! ? and where a paragraph ends; a semicolon parts
// them into pieces (evidence/sentence_reader.h), not into sentences.
std::vector<SentenceSpan> sentences(const NarrativeText& text);

}  // namespace gongkai
