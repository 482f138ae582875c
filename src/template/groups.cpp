#include "template/groups.h"

#include <algorithm>
#include <vector>

#include "text/fuzzy.h"
#include "text/unicode.h"

namespace gongkai {

std::u32string group_of(const RowSpec& row) {
  return row.path.size() >= 2 ? han_only(row.path.back()) : std::u32string();
}

std::u32string group_named(const std::u32string& words, const TableSpec& spec) {
  std::vector<std::u32string> groups;
  for (auto& row : spec.rows)
    if (std::u32string g = group_of(row); !g.empty() && std::find(groups.begin(), groups.end(), g) == groups.end())
      groups.push_back(g);
  std::u32string best;
  int best_d = 0;
  bool tie = false;
  for (auto& g : groups) {
    int d = std::min(infix_distance(g, words), infix_distance(words, g));
    if (best.empty() || d < best_d) best = g, best_d = d, tie = false;
    else if (d == best_d) tie = true;
  }
  if (tie || best.empty() || 2 * best_d > static_cast<int>(std::min(best.size(), words.size()))) return U"";
  return best;
}

}  // namespace gongkai
