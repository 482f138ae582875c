#include "validation/suspects.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

namespace gongkai {
namespace {

// lhs − rhs, or none when a cell is unread.
std::optional<double> imbalance(const Equation& e, const Report& r) {
  double d = 0;
  for (const auto* side : {&e.lhs, &e.rhs})
    for (auto& k : *side) {
      auto v = r.value(k.table, k.row, k.col);
      if (!v) return std::nullopt;
      d += side == &e.lhs ? *v : -*v;
    }
  return d;
}

bool contains(const std::vector<CellKey>& keys, const CellKey& k) {
  return std::find(keys.begin(), keys.end(), k) != keys.end();
}

struct Score {
  int explained = 0;  // broken identities one change of the cell sets right
  int breaks = 0;     // identities that hold and would break
};

}  // namespace

void rank_suspect_cells(const std::vector<Equation>& eqs, Report& report) {
  // The change each broken identity asks of each of its cells.
  std::map<CellKey, std::map<long long, int>> asks;  // cell -> change (×1000) -> identities
  std::map<CellKey, int> holding;
  for (auto& e : eqs) {
    auto d = imbalance(e, report);
    if (!d) continue;
    for (const auto* side : {&e.lhs, &e.rhs})
      for (auto& k : *side) {
        if (std::fabs(*d) < 1e-6) {
          ++holding[k];
          continue;
        }
        double change = side == &e.lhs ? -*d : *d;  // what the cell must become minus what it is
        ++asks[k][std::llround(change * 1000)];
      }
  }
  std::map<CellKey, Score> scores;
  for (auto& [k, by_change] : asks) {
    int best = 0;
    for (auto& [change, n] : by_change) best = std::max(best, n);
    if (best >= 2 && holding[k] == 0) scores[k] = {best, 0};
  }
  if (scores.empty()) return;
  for (auto& f : report.findings) {
    if (f.severity != Severity::Error || f.cells.empty()) continue;
    std::vector<CellKey> mine;
    for (auto& [k, s] : scores)
      if (contains(f.cells, k)) mine.push_back(k);
    std::stable_sort(mine.begin(), mine.end(),
                     [&](const CellKey& a, const CellKey& b) { return scores[a].explained > scores[b].explained; });
    f.suspect_cells = mine;
  }
}

}  // namespace gongkai
