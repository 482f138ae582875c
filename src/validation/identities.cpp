#include "validation/identities.h"

namespace gongkai {

std::vector<Equation> identities(const TableLayout& requests, const TableLayout& review) {
  std::vector<Equation> out;
  if (requests.found && requests.spec) {
    const TableSpec& t = *requests.spec;
    const auto& columns = t.rows.front().columns;
    auto cell = [](const std::string& row, const std::string& col) {
      return CellKey{TableId::Requests, row, col};
    };
    // 本列数据的勾稽关系：第一项加第二项之和，等于第三项加第四项之和.
    for (auto& c : columns)
      out.push_back({"requests.balance", c.key,
                     {cell("new_received", c.key), cell("carried_over", c.key)},
                     {cell("total", c.key), cell("carried_forward", c.key)}});
    // （七）总计 is the sum of every outcome row (（一） … （六）).
    for (auto& c : columns) {
      Equation e{"requests.outcome_sum", c.key, {cell("total", c.key)}, {}};
      for (auto& r : t.rows)
        if (!r.path.empty() && r.key != "total") e.rhs.push_back(cell(r.key, c.key));
      out.push_back(std::move(e));
    }
    // 总计 column: the six applicant columns added up.
    for (auto& r : t.rows) {
      Equation e{"requests.row_total", r.key, {cell(r.key, "total")}, {}};
      for (auto& c : columns)
        if (c.key != "total") e.rhs.push_back(cell(r.key, c.key));
      out.push_back(std::move(e));
    }
  }
  if (review.found && review.spec) {
    for (auto& r : review.spec->rows) {
      Equation e{"review_litigation.group_total", r.key, {{TableId::ReviewLitigation, r.key, "total"}}, {}};
      for (auto& c : r.columns)
        if (c.key != "total") e.rhs.push_back({TableId::ReviewLitigation, r.key, c.key});
      out.push_back(std::move(e));
    }
  }
  return out;
}

}  // namespace gongkai
