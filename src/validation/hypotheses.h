// The ways a printed row's tokens can fill its cells: which token is which
// cell, how digits that ran together split, which cells were lost.
#pragma once
#include <string>
#include <vector>

#include "model/read_unit.h"

namespace gongkai {

struct Slot {
  enum State : unsigned char { Known, Free, Blank } state = Free;
  // The unit printed with the number (parse() knows no others).
  enum Unit : unsigned char { NoUnit, Wanyuan, Yuan } unit = NoUnit;
  bool split = false;    // the token held several cells
  bool filled = false;   // a lost cell that the identities determined
  // Which digits of a split token this cell holds: [part_from, part_from +
  // part_len) of its integer digits, the last part with the decimals and the
  // unit. part_len 0: the whole token as printed.
  bool part_last = false;
  unsigned char part_len = 0;
  unsigned short part_from = 0;
  int token_index = -1;  // which of the row's tokens this cell was read from (-1: none)
  double value = 0;
  // No strings here: the enumerator copies a reading per branch that it keeps
  // (20000 of a long run-together row), and so do narrowing and the joint
  // search. With its text and unit as strings a Slot was 112 bytes, and the
  // 300 generated reports of seed 9100 (2 % and 5 % drops) took 2.8 s of CPU
  // (p99 25 ms); 2.4 s (p99 13 ms) without. The text is spelt out
  // (slot_raw) only for the cells decided.
  const char* unit_text() const { return unit == Wanyuan ? "万元" : unit == Yuan ? "元" : ""; }
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

// The text cell `s` of row `u` was read from (its part of a token, when split;
// "" for a lost cell).
std::string slot_raw(const ReadUnit& u, const Slot& s);

}  // namespace gongkai
