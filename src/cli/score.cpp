#include "cli/score.h"

#include <cmath>
#include <set>

namespace gongkai {
namespace {

bool equal_values(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_number() && b.is_number()) return std::fabs(a.get<double>() - b.get<double>()) < 1e-6;
  return a == b;
}

void compare(const std::string& name, const nlohmann::json& e, const nlohmann::json* a, bool flagged, Score& s) {
  if (!a || a->is_null()) {
    if (e.is_null()) ++s.correct;
    else ++s.missing, s.missing_cells.push_back(name + " " + e.dump());
    return;
  }
  if (equal_values(e, *a)) {
    ++s.correct;
    return;
  }
  ++s.wrong;
  s.wrong_unflagged += !flagged;
  s.wrong_cells.push_back(name + " " + e.dump() + "→" + a->dump() + (flagged ? "" : " (no finding)"));
}

// Whether some finding of `actual` names the cell (or, for meta, is a meta.* finding).
bool flagged(const nlohmann::json& actual, const std::string& table, const std::string& row, const std::string& col) {
  if (!actual.contains("findings")) return false;
  for (auto& f : actual["findings"]) {
    if (table == "meta") {
      if (f.value("rule", "").rfind("meta.", 0) == 0) return true;
      continue;
    }
    if (!f.contains("cells")) continue;
    for (auto& c : f["cells"])
      if (c.value("table", "") == table && c.value("row", "") == row && c.value("col", "") == col) return true;
  }
  return false;
}

}  // namespace

Score score_record(const nlohmann::json& expected, const nlohmann::json& actual) {
  Score s;
  std::set<std::string> uncertain;
  if (expected.contains("uncertain"))
    for (auto& u : expected["uncertain"]) uncertain.insert(u.get<std::string>());
  if (expected.contains("tables"))
    for (auto& [table, rows] : expected["tables"].items())
      for (auto& [row, cols] : rows.items())
        for (auto& [col, value] : cols.items()) {
          if (uncertain.count(table + "." + row + "." + col)) {
            ++s.uncertain;
            continue;
          }
          const nlohmann::json* a = nullptr;
          if (actual.contains("tables") && actual["tables"].contains(table) && actual["tables"][table].contains(row) &&
              actual["tables"][table][row].contains(col))
            a = &actual["tables"][table][row][col];
          compare(table + "." + row + "." + col, value, a, a && flagged(actual, table, row, col), s);
        }
  if (expected.contains("meta"))
    for (auto& [key, value] : expected["meta"].items()) {
      if (key != "year" && key != "template" && key != "agency") continue;
      const nlohmann::json* a = actual.contains("meta") && actual["meta"].contains(key) ? &actual["meta"][key] : nullptr;
      compare("meta." + key, value, a, a && flagged(actual, "meta", key, ""), s);
    }
  return s;
}

}  // namespace gongkai
