// A small exact-enough solver for the repair problem: integer unknowns (lost
// cells), linear equations with ±1 coefficients (the identities), bounds
// (counts are ≥ 0). It answers which unknowns the equations determine and,
// for the others, which values remain possible.
#pragma once
#include <limits>
#include <optional>
#include <utility>
#include <vector>

namespace gongkai {

struct LinearEquation {
  std::vector<std::pair<int, double>> terms;  // (variable, coefficient)
  double rhs = 0;
};

struct VarBounds {
  double lo = 0;
  double hi = std::numeric_limits<double>::infinity();
  bool integer = true;
};

struct LinearSolution {
  bool feasible = true;
  std::vector<std::optional<double>> value;      // determined values
  std::vector<std::vector<double>> candidates;   // possible values of undetermined ones (may be empty: unbounded)
};

LinearSolution solve_linear(int nvars, const std::vector<LinearEquation>& eqs,
                            const std::vector<VarBounds>& bounds);

}  // namespace gongkai
