#include "text/fuzzy.h"

#include <algorithm>
#include <vector>

namespace gongkai {

int infix_distance(std::u32string_view p, std::u32string_view t) {
  const size_t m = p.size(), n = t.size();
  if (m == 0) return 0;
  if (n == 0) return static_cast<int>(m);
  // One column per pattern prefix; a free start anywhere in the text.
  std::vector<int> col(m + 1);
  for (size_t i = 0; i <= m; ++i) col[i] = static_cast<int>(i);
  int best = col[m];
  for (size_t j = 1; j <= n; ++j) {
    int diag = col[0];  // D[i-1][j-1]
    col[0] = 0;
    for (size_t i = 1; i <= m; ++i) {
      int up = col[i];  // D[i][j-1]
      int v = std::min({diag + (p[i - 1] == t[j - 1] ? 0 : 1), up + 1, col[i - 1] + 1});
      diag = up;
      col[i] = v;
    }
    best = std::min(best, col[m]);
  }
  return best;
}

double label_match_score(std::u32string_view pattern, std::u32string_view text) {
  if (pattern.empty() || text.empty()) return 0;
  int d = infix_distance(pattern, text);
  const double m = static_cast<double>(pattern.size());
  if (pattern.size() <= 3) return d == 0 ? m : 0;
  if (pattern.size() <= 5) return d <= 1 ? m - d : 0;
  if (d > static_cast<int>(m * 0.35)) return 0;
  return m - d;
}

}  // namespace gongkai
