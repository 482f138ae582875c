// The yardstick: compares expected and actual records cell by cell.
#pragma once
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

namespace gongkai {

struct Score {
  long correct = 0, wrong = 0, missing = 0;
  // Wrong cells that no finding of the actual record names: the ones a user
  // has no way to distrust (a table cell no finding lists; meta without a
  // meta.* finding).
  long wrong_unflagged = 0;
  // Cells the expected record lists as `uncertain` (a digit run whose split
  // nothing in the report decides): counted apart, neither right nor wrong.
  long uncertain = 0;
  std::vector<std::string> wrong_cells, missing_cells;  // "table.row.col expected→actual"
  long total() const { return correct + wrong + missing; }
};

// Every cell of expected["tables"] (and meta.year / meta.template / meta.agency
// when expected has them) against actual. A null expected cell is correct only
// when actual is null too. A wrong cell that no finding names is listed with
// "(no finding)". Cells listed in expected["uncertain"] ("table.row.col") are
// counted as uncertain only.
Score score_record(const nlohmann::json& expected, const nlohmann::json& actual);

}  // namespace gongkai
