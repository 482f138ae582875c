// The ways a printed row's tokens can fill its cells: which token is which
// cell, how digits that ran together split, which cells were lost.
#pragma once
#include <string>
#include <vector>

#include "model/read_unit.h"

namespace gongkai {

struct Slot {
  enum State { Known, Free, Blank } state = Free;
  double value = 0;
  std::string raw;       // the text this cell was read from (its part of a token)
  std::string unit;
  bool split = false;    // the token held several cells
  bool filled = false;   // a lost cell that the identities determined
  std::vector<double> candidates;
  int token_index = -1;  // which of the row's tokens this cell was read from (the whole
                         // token, when it was split; not copied into every reading)
};
using Hypothesis = std::vector<Slot>;

// A row's own identities by column index: terms (column, coefficient) that sum to zero.
using RowIdentities = std::vector<std::vector<std::pair<int, double>>>;

// Every hypothesis with exactly `missing` lost cells; `overflow` is set when
// there were more than `cap` of them (or far more branches were tried).
// With `fit`, a reading is dropped as soon as one of these identities, all of
// whose cells it has read, fails: the same readings the identities would
// leave afterwards, found without making the others (a table 四 row of 21
// run-together digits tries ~1M branches without this, ~1k with it).
std::vector<Hypothesis> hypotheses(const ReadUnit& u, int missing, size_t cap, bool& overflow,
                                   const RowIdentities* fit = nullptr);

// The fewest lost cells any hypothesis can have, or -1 when the row has more
// numbers than cells.
int min_missing(const ReadUnit& u);
// Tokens printed but not read (OCR doubt): cells for the identities to fill.
int unread_count(const ReadUnit& u);
int max_missing(const ReadUnit& u);

}  // namespace gongkai
