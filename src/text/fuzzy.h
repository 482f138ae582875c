// Approximate label matching: how well does a template label occur inside a
// printed (possibly garbled, possibly glued-to-a-header) label?
#pragma once
#include <string_view>

namespace gongkai {

// Fewest edits turning `pattern` into some substring of `text` (semi-global
// edit distance). 0 when the pattern occurs verbatim.
int infix_distance(std::u32string_view pattern, std::u32string_view text);

// A score for `pattern` found in `text`: the number of pattern characters
// matched, or 0 when the match is too poor to trust. Short patterns must
// match exactly, longer ones may lose about a third of their characters.
double label_match_score(std::u32string_view pattern, std::u32string_view text);

}  // namespace gongkai
