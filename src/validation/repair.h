// Turns what was read into cell values: splits digits that ran together,
// places the numbers of rows that lost cells, and fills a lost cell only where
// the identities leave exactly one possibility. Never changes a clean reading.
#pragma once
#include <vector>

#include "evidence/statements.h"
#include "model/read_unit.h"
#include "model/record.h"
#include "validation/identities.h"

namespace gongkai {

// `statements`: what the report's narrative says of its cells; a statement
// decides a reading the identities leave open, and a clean reading it
// contradicts is a `narrative` finding.
void resolve_cells(const std::vector<ReadUnit>& units, const std::vector<Equation>& eqs, Report& report,
                   const std::vector<Statement>& statements = {});

}  // namespace gongkai
