#include "validation/record_cells.h"

#include "validation/repair_findings.h"

namespace gongkai {
namespace {

Cell cell_of(const ReadUnit& u, const CellDecision& d) {
  Cell cell;
  cell.key = d.key;
  cell.where = u.where;
  const Token* own = d.token >= 0 ? &u.tokens[d.token] : nullptr;
  if (own && own->where.page > 0) cell.where = own->where;
  cell.read = u.present;
  cell.raw = d.raw;
  switch (d.outcome) {
    case CellDecision::Outcome::Blank:
      // Blank, or a number too long to hold (its digits are kept in raw).
      cell.printed_blank = u.present && !too_long_number(cell.raw);
      break;
    case CellDecision::Outcome::Value:
      cell.value = d.value;
      cell.unit = d.unit;
      if (d.repaired()) {
        // A filled cell keeps what was read there, if anything (a doubtful OCR reading).
        cell.repaired_from = d.filled ? (own ? own->raw : "") : d.split_token;
        cell.repaired = d.filled;
        cell.where.confidence = 0.9;
      } else if (d.split) {
        cell.where.confidence = 0.95;
      }
      break;
    case CellDecision::Outcome::Undecided:
      cell.candidates = d.candidates;
      break;
    case CellDecision::Outcome::None:
      break;
  }
  return cell;
}

}  // namespace

void record_cells(const std::vector<ReadUnit>& units, const Resolution& res, Report& report) {
  for (size_t i = 0; i < units.size(); ++i)
    for (const CellDecision& d : res.rows[i].cells) report.cells[d.key] = cell_of(units[i], d);
}

}  // namespace gongkai
