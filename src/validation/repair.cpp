#include "validation/repair.h"

#include "validation/narrative_evidence.h"
#include "validation/record_cells.h"
#include "validation/repair_findings.h"
#include "validation/resolve.h"

namespace gongkai {

// Choosing, writing and telling are kept apart: other evidence (the report's
// narrative, other years) enters resolution, and the record and the
// messages follow from its decisions.
void resolve_cells(const std::vector<ReadUnit>& units, const std::vector<Equation>& eqs, Report& report,
                   const std::vector<Statement>& statements) {
  const Resolution res = resolve(units, eqs, statements);
  record_cells(units, res, report);
  add_repair_findings(units, res, report.findings);
  std::vector<StatementUse> used;
  for (auto& [row, s] : res.statements_used) used.push_back({row, s});
  add_narrative_findings(statements, used, units, report);
}

}  // namespace gongkai
