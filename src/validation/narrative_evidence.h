// The report's own sentences as evidence in resolution (evidence/statements.h
// finds them). A statement about a cell whose row reads several ways keeps
// only the readings that agree with it; a clean reading it contradicts is a
// `narrative` finding, and the table value is never changed for it.
#pragma once
#include <string>
#include <vector>

#include "evidence/statements.h"
#include "model/read_unit.h"
#include "validation/row_readings.h"

namespace gongkai {

// A statement that decided a row's reading.
struct StatementUse {
  size_t row = 0;         // index of the ReadUnit
  Statement statement;
};

// True when the statement's unit can state a value of a cell of this kind in
// `cell_unit` (counts: 件/条/个/份/项/起/宗; money: the same unit as the
// cell's, never converted).
bool unit_fits(const Statement& s, ColumnKind kind, const std::string& cell_unit);

// Narrows every row's readings (`opts`, one per unit) to those that agree with
// the statements about its cells, where some reading does and some does not.
// Returns the statements so used.
std::vector<StatementUse> decide_by_statements(const std::vector<Statement>& statements,
                                               const std::vector<ReadUnit>& units, std::vector<UnitOptions>& opts);

// Findings for the record: a `repair` finding quoting each sentence that
// decided a reading, and a `narrative` finding for each statement that a
// clean reading of its cell contradicts.
void add_narrative_findings(const std::vector<Statement>& statements, const std::vector<StatementUse>& used,
                            const std::vector<ReadUnit>& units, Report& report);

}  // namespace gongkai
