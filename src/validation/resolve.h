// Choosing cell values from what was read: how each printed row's tokens fill
// its cells (splitting digits that ran together, placing the numbers of rows
// that lost cells), which readings of the rows can stand together under the
// identities, and which lost cells the identities leave exactly one value.
// Never changes a clean reading. The outcome is a decision per cell with the
// evidence it rests on; writing the record (record_cells.h) and the findings'
// texts (repair_findings.h) work from the decisions alone.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "evidence/statements.h"
#include "model/read_unit.h"
#include "model/record.h"
#include "validation/identities.h"

namespace gongkai {

// What resolution decided for one cell, and on what evidence.
struct CellDecision {
  CellKey key;
  enum class Outcome {
    None,       // the row is not printed and nothing determined the cell
    Blank,      // printed blank (nothing, a dash, a slash): no value, not zero
    Value,      // every reading that fits the identities gives it this value
    Undecided,  // the readings leave several values, or none fits
  } outcome = Outcome::None;
  std::optional<double> value;     // Value
  std::vector<double> candidates;  // Undecided: the values still possible, ascending

  // The evidence. A Value that is neither filled nor split_chosen is the
  // printed reading itself.
  int token = -1;             // the row's token every reading takes the cell from, or -1
  std::string raw;            // the text it was read from: Blank, Value (when the
                              // readings agree on it), Undecided (its own token's)
  std::string unit;           // Value: the unit printed with the number (万元 / 元)
  bool filled = false;        // a lost cell the identities determined
  bool split = false;         // its token held several cells (digits run together)
  bool split_chosen = false;  // ... and the row reads more than one way: the identities chose the split
  std::string split_token;    // the whole token, when split

  bool repaired() const { return filled || split_chosen; }
};

// The decisions for one ReadUnit (one printed or template row).
struct RowDecision {
  std::vector<CellDecision> cells;  // in the unit's cell order
  bool too_many = false;            // more numbers than cells: the row is not read
  bool inconsistent = false;        // no reading satisfies the row's own identities
  bool overflow = false;            // more readings than the budget: left unread
  bool lossy_doubt = false;         // inconsistent, and the report certainly lost cells elsewhere
};

struct Resolution {
  std::vector<RowDecision> rows;       // one per ReadUnit, in order
  bool no_consistent_reading = false;  // no joint reading satisfies the identities
  bool search_cut = false;             // too many joint readings to search them all
  // The report's sentences that decided a row's reading (narrative_evidence.h).
  std::vector<std::pair<size_t, Statement>> statements_used;

  bool any_undecided() const;
};

// `statements`: what the report's narrative says of its cells (may be empty).
Resolution resolve(const std::vector<ReadUnit>& units, const std::vector<Equation>& eqs,
                   const std::vector<Statement>& statements = {});

}  // namespace gongkai
