#include "cli/score.h"

#include <cmath>

namespace gongkai {
namespace {

bool equal_values(const nlohmann::json& a, const nlohmann::json& b) {
  if (a.is_null() || b.is_null()) return a.is_null() && b.is_null();
  if (a.is_number() && b.is_number()) return std::fabs(a.get<double>() - b.get<double>()) < 1e-6;
  return a == b;
}

void compare(const std::string& name, const nlohmann::json& e, const nlohmann::json* a, Score& s) {
  if (!a || a->is_null()) {
    if (e.is_null()) ++s.correct;
    else ++s.missing, s.missing_cells.push_back(name + " " + e.dump());
    return;
  }
  if (equal_values(e, *a)) ++s.correct;
  else ++s.wrong, s.wrong_cells.push_back(name + " " + e.dump() + "→" + a->dump());
}

}  // namespace

Score score_record(const nlohmann::json& expected, const nlohmann::json& actual) {
  Score s;
  if (expected.contains("tables"))
    for (auto& [table, rows] : expected["tables"].items())
      for (auto& [row, cols] : rows.items())
        for (auto& [col, value] : cols.items()) {
          const nlohmann::json* a = nullptr;
          if (actual.contains("tables") && actual["tables"].contains(table) && actual["tables"][table].contains(row) &&
              actual["tables"][table][row].contains(col))
            a = &actual["tables"][table][row][col];
          compare(table + "." + row + "." + col, value, a, s);
        }
  if (expected.contains("meta"))
    for (auto& [key, value] : expected["meta"].items()) {
      if (key != "year" && key != "template" && key != "agency") continue;
      const nlohmann::json* a = actual.contains("meta") && actual["meta"].contains(key) ? &actual["meta"][key] : nullptr;
      compare("meta." + key, value, a, s);
    }
  return s;
}

}  // namespace gongkai
