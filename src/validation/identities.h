// The identities (勾稽关系 and totals) every report must satisfy, as equations
// sum(lhs) = sum(rhs) over the cells the report's layout has. The repair
// solver and the validator use the same list.
#pragma once
#include <string>
#include <vector>

#include "model/record.h"

namespace gongkai {

struct Equation {
  std::string rule;   // requests.balance, requests.outcome_sum, requests.row_total, review_litigation.group_total
  std::string scope;  // the column or row it applies to
  std::vector<CellKey> lhs, rhs;
};

std::vector<Equation> identities(const TableLayout& requests, const TableLayout& review);

}  // namespace gongkai
