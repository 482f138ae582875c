#include "validation/hypotheses.h"

#include <algorithm>
#include <cmath>
#include <string_view>
#include <unordered_map>

#include "text/unicode.h"

namespace gongkai {
namespace {

struct Parsed {
  enum Kind { Number, Blank, Unread } kind = Blank;
  bool negative = false;
  std::string digits;  // integer digits
  std::string frac;    // decimal digits, without the point
  std::string unit;
  Slot::Unit unit_code = Slot::NoUnit;
  std::string raw;
  bool splittable = false;
};

// The leading number of a cell ("22（其中修订16件）" is 22, "251000元" is 251000 元),
// or a printed blank.
Parsed parse(const Token& t) {
  Parsed p;
  p.raw = t.raw;
  if (t.unread) {
    p.kind = Parsed::Unread;
    return p;
  }
  std::string s;
  for (char c : t.raw)
    if (c != ' ' && c != ',') s.push_back(c);
  size_t i = 0;
  // A sign printed with the number: 本年增/减 prints "-3" and also "+1".
  if (i + 1 < s.size() && (s[i] == '-' || s[i] == '+') && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    p.negative = s[i] == '-';
    ++i;
  }
  while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) p.digits.push_back(s[i++]);
  if (p.digits.empty()) return p;  // "-", "/", "无", "": printed blank
  p.kind = Parsed::Number;
  if (i + 1 < s.size() && s[i] == '.' && std::isdigit(static_cast<unsigned char>(s[i + 1]))) {
    ++i;
    while (i < s.size() && std::isdigit(static_cast<unsigned char>(s[i]))) p.frac.push_back(s[i++]);
  }
  std::string rest = s.substr(i);
  if (rest.rfind("万元", 0) == 0) p.unit = "万元", p.unit_code = Slot::Wanyuan;
  else if (rest.rfind("元", 0) == 0) p.unit = "元", p.unit_code = Slot::Yuan;
  p.splittable = !t.atomic && p.digits.size() > 1;
  // A number past 15 significant digits cannot be held exactly (a double, the
  // record's JSON number): its cell stays null like a blank — no identity may
  // fill it either, since the printed digits say otherwise — and a finding
  // quotes it (repair_findings.cpp). Before, 19 digits were recorded as
  // -9223372036854775808 with no finding.
  if (!p.splittable && p.digits.size() + p.frac.size() > 15) p.kind = Parsed::Blank;
  return p;
}

double number_of(bool negative, std::string_view digits, std::string_view frac) {
  // Digits are at most 9 before the point (the enumerator's limit) or come
  // from one printed cell: exact in a double either way. Called for every
  // way of splitting run-together digits, so no strtod.
  double v = 0;
  for (char c : digits) v = v * 10 + (c - '0');
  if (!frac.empty()) {
    double f = 0, scale = 1;
    for (char c : frac) f = f * 10 + (c - '0'), scale *= 10;
    v += f / scale;
  }
  return negative ? -v : v;
}

bool kind_accepts(ColumnKind k, bool negative, std::string_view frac) {
  if (negative && k != ColumnKind::SignedCount) return false;
  if (!frac.empty() && k != ColumnKind::Money) return false;
  return true;
}

// Branches tried in one enumeration, whatever the cap on readings: a long row
// of run-together digits can try far more splits than it keeps. With the
// identities pruning as it goes, the rows of 540 generated reports (seeds
// 7700 and 9100, drops 0–5 %) stayed within it.
constexpr size_t kMaxSteps = 400000;

struct Enumerator {
  const ReadUnit& u;
  std::vector<Parsed> toks;
  size_t cap;
  bool overflow = false;
  // Branches tried, not only readings made, are bounded: a long row of
  // run-together digits with a lost cell tries far more splits than it keeps.
  size_t steps = 0;
  const RowIdentities* fit = nullptr;
  std::vector<std::vector<size_t>> closes{};  // per column: the identities whose last cell it is

  void set_fit(const RowIdentities* identities) {
    fit = identities;
    if (!fit) return;
    closes.assign(u.cells.size(), {});
    for (size_t e = 0; e < fit->size(); ++e) {
      int last = -1;
      for (auto& [col, coef] : (*fit)[e]) last = std::max(last, col);
      if (last >= 0) closes[last].push_back(e);
    }
  }

  // The identities that cell c completes hold on what is read so far
  // (an identity with a lost or blank cell says nothing here).
  bool fits_so_far(size_t c) const {
    if (!fit || c >= closes.size()) return true;
    for (size_t e : closes[c]) {
      double sum = 0;
      bool checkable = true;
      for (auto& [col, coef] : (*fit)[e]) {
        if (cur[col].state != Slot::Known) checkable = false;
        else sum += coef * cur[col].value;
      }
      if (checkable && std::fabs(sum) > 1e-6) return false;
    }
    return true;
  }
  std::vector<Hypothesis> out{};
  Hypothesis cur{};

  void emit() {
    if (out.size() >= cap) {
      overflow = true;
      return;
    }
    out.push_back(cur);
  }

  bool out_of_steps() {
    if (++steps > kMaxSteps) overflow = true;
    return overflow;
  }

  // Without `fit`, what a call does depends only on its arguments: a call
  // that made no reading makes none again, in as many steps. Such calls are
  // remembered by their arguments and not made again, their steps counted
  // as if they were (so the step bound falls where it did). The unpruned
  // count of a row whose one fitting reading was not its only one took 7 ms
  // (seed 9100, 5 % drops); with this the 60 slowest generated reports of
  // seeds 9100 and 9200 took 5 % less in all and 20 % less at p99. Only
  // past kMemoAfter steps: most enumerations are short, and looking every
  // call up made them slower (+10 % at the median).
  static constexpr size_t kMemoAfter = 4096;
  std::unordered_map<uint64_t, size_t> dead{};  // arguments -> steps of a call that made no reading
  bool memo = false;                           // the arguments fit the key (rows under 128 cells)
  static uint64_t key(bool is_split, size_t t, size_t c, size_t from, size_t parts, int missing) {
    return (uint64_t(is_split) << 63) | (uint64_t(t & 0xffff) << 47) | (uint64_t(c & 0xffff) << 31) |
           (uint64_t(from & 0xffff) << 15) | (uint64_t(parts & 0xff) << 7) | uint64_t(missing & 0x7f);
  }
  bool remembering() const { return !fit && memo && steps >= kMemoAfter; }
  template <class Body>
  [[gnu::noinline]] void remembered(uint64_t k, Body body) {
    if (auto it = dead.find(k); it != dead.end()) {
      if ((steps += it->second) > kMaxSteps) overflow = true;
      return;
    }
    const size_t steps_before = steps, made_before = out.size();
    body();
    if (!overflow && out.size() == made_before) dead.emplace(k, steps - steps_before);
  }

  void split(size_t t, size_t c, size_t from, size_t parts, int missing) {
    if (!remembering()) return split_body(t, c, from, parts, missing);
    remembered(key(true, t, c, from, parts, missing), [&] { split_body(t, c, from, parts, missing); });
  }
  void rec(size_t t, size_t c, int missing) {
    if (!remembering()) return rec_body(t, c, missing);
    remembered(key(false, t, c, 0, 0, missing), [&] { rec_body(t, c, missing); });
  }

  // Cell `len` digits of token t from `from` on (the last part: with its
  // decimals and unit).
  Slot part(size_t t, size_t from, size_t len, bool last, double value) const {
    Slot s;
    s.state = Slot::Known;
    s.value = value;
    s.split = true;
    s.part_from = static_cast<unsigned short>(from);
    s.part_len = static_cast<unsigned char>(len);
    s.part_last = last;
    if (last) s.unit = toks[t].unit_code;
    s.token_index = static_cast<int>(t);
    return s;
  }

  // Splits the digits of token t from `from` on into `parts` cells starting at cell c.
  // A call of split() that would end at its first step whatever was read so
  // far: no cell left, or too few or too many digits for its parts. It is
  // counted, not made: a fifth of the calls of the 68 slowest generated
  // reports of seeds 9100, 9200 and 9300, and 3 % of their time.
  bool split_ends_at_once(size_t t, size_t c, size_t from, size_t parts) const {
    const size_t rest = toks[t].digits.size() - from;
    return c >= u.cells.size() || rest < parts || rest > 9 * parts;
  }

  void split_body(size_t t, size_t c, size_t from, size_t parts, int missing) {
    if (out_of_steps()) return;
    if (c > 0 && !fits_so_far(c - 1)) return;
    const Parsed& p = toks[t];
    const std::string_view digits = p.digits;
    if (c >= u.cells.size()) return;
    // Every part holds 1 to 9 digits: digits that cannot fill the parts left
    // end the branch here, not after trying every split of the rest (a row of
    // 60 run-together digits took 2.7 s end to end before this, 23 ms after).
    const size_t rest = digits.size() - from;
    if (rest < parts || rest > 9 * parts) return;
    // A cell lost from the middle of run-together digits leaves no trace:
    // a missing cell may sit between any two parts.
    if (missing > 0 && from > 0) {
      if (split_ends_at_once(t, c + 1, from, parts)) {
        if (out_of_steps()) return;
      } else {
        cur.push_back(Slot{});
        split(t, c + 1, from, parts, missing - 1);
        cur.pop_back();
        if (overflow) return;
      }
    }
    if (parts == 1) {
      if (rest > 1 && digits[from] == '0') return;
      if (rest > 9) return;
      bool neg = from == 0 && p.negative;
      if (!kind_accepts(u.kinds[c], neg, p.frac)) return;
      cur.push_back(part(t, from, rest, true, number_of(neg, digits.substr(from), p.frac)));
      rec(t + 1, c + 1, missing);
      cur.pop_back();
      return;
    }
    // The part's value grows a digit at a time, as number_of() makes it (the
    // same double): making it afresh for every length took 3 % of the 80
    // slowest generated reports' time (seeds 9100, 9200, 9300).
    double v = 0;
    for (size_t len = 1; from + len < digits.size() && len <= 9; ++len) {
      if (len > 1 && digits[from] == '0') break;
      bool neg = from == 0 && p.negative;
      if (!kind_accepts(u.kinds[c], neg, "")) return;
      v = v * 10 + (digits[from + len - 1] - '0');
      if (split_ends_at_once(t, c + 1, from + len, parts - 1)) {
        if (out_of_steps()) return;
        continue;
      }
      cur.push_back(part(t, from, len, false, neg ? -v : v));
      split(t, c + 1, from + len, parts - 1, missing);
      cur.pop_back();
      if (overflow) return;
    }
  }

  void rec_body(size_t t, size_t c, int missing) {
    if (out_of_steps()) return;
    if (c > 0 && !fits_so_far(c - 1)) return;
    const size_t n = u.cells.size();
    if (c == n) {
      if (t == toks.size() && missing == 0) emit();
      return;
    }
    if (n - c < (toks.size() - t) + static_cast<size_t>(missing)) return;
    if (missing > 0) {
      cur.push_back(Slot{});
      rec(t, c + 1, missing - 1);
      cur.pop_back();
    }
    if (t == toks.size()) return;
    const Parsed& p = toks[t];
    if (p.kind == Parsed::Unread || p.kind == Parsed::Blank) {
      // A token without a number fills one cell as printed: free (for the
      // identities to fill) when it could not be read, blank when it prints nothing.
      Slot s;
      if (p.kind == Parsed::Blank) s.state = Slot::Blank;
      s.token_index = static_cast<int>(t);
      cur.push_back(s);
      rec(t + 1, c + 1, missing);
      cur.pop_back();
      return;
    }
    size_t max_parts = p.splittable ? std::min(p.digits.size(), n - c) : 1;
    for (size_t k = 1; k <= max_parts; ++k) {
      if (k > 1) {
        if (split_ends_at_once(t, c, 0, k)) {
          if (out_of_steps()) return;
        } else {
          split(t, c, 0, k, missing);
        }
      } else {
        if (!kind_accepts(u.kinds[c], p.negative, p.frac)) continue;
        if (p.splittable && p.digits.size() > 1 && p.digits[0] == '0') continue;
        Slot s;
        s.state = Slot::Known;
        s.value = number_of(p.negative, p.digits, p.frac);
        s.unit = p.unit_code;
        s.token_index = static_cast<int>(t);
        cur.push_back(s);
        rec(t + 1, c + 1, missing);
        cur.pop_back();
      }
      if (overflow) return;
    }
  }
};

std::vector<Parsed> parse_all(const ReadUnit& u) {
  std::vector<Parsed> v;
  for (auto& t : u.tokens) v.push_back(parse(t));
  return v;
}

}  // namespace

int unread_count(const ReadUnit& u) {
  int n = 0;
  for (auto& t : u.tokens) n += t.unread;
  return n;
}

int min_missing(const ReadUnit& u) {
  auto toks = parse_all(u);
  size_t most = 0;
  for (auto& p : toks) most += p.splittable ? p.digits.size() : 1;
  if (toks.size() > u.cells.size()) return -1;
  return most >= u.cells.size() ? 0 : static_cast<int>(u.cells.size() - most);
}

int max_missing(const ReadUnit& u) {
  if (u.tokens.size() > u.cells.size()) return -1;
  return static_cast<int>(u.cells.size() - u.tokens.size());
}

std::string slot_raw(const ReadUnit& u, const Slot& s) {
  if (s.token_index < 0 || s.token_index >= static_cast<int>(u.tokens.size())) return "";
  const Token& t = u.tokens[s.token_index];
  if (s.part_len == 0) return t.raw;
  Parsed p = parse(t);
  std::string raw;
  if (s.part_from == 0 && p.negative) raw.push_back('-');
  raw.append(p.digits, s.part_from, s.part_len);
  if (s.part_last && !p.frac.empty()) raw.append(".").append(p.frac);
  if (s.part_last) raw.append(p.unit);
  return raw;
}

std::vector<Hypothesis> hypotheses(const ReadUnit& u, int missing, size_t cap, bool& overflow,
                                   const RowIdentities* fit) {
  Enumerator e{u, parse_all(u), cap};
  e.set_fit(fit);
  e.memo = u.cells.size() < 128;
  if (u.positional && u.tokens.size() == u.cells.size()) {
    if (missing != unread_count(u)) return {};
    Hypothesis h;
    for (size_t c = 0; c < e.toks.size(); ++c) {
      const Parsed& p = e.toks[c];
      Slot s;
      if (p.kind == Parsed::Unread) {
        s.state = Slot::Free;
      } else if (p.kind == Parsed::Blank) {
        s.state = Slot::Blank;
      } else {
        s.state = Slot::Known;
        s.value = number_of(p.negative, p.digits, p.frac);
        s.unit = p.unit_code;
      }
      s.token_index = static_cast<int>(c);
      h.push_back(s);
    }
    return {h};
  }
  e.rec(0, 0, missing);
  overflow = e.overflow;

  return e.out;
}

}  // namespace gongkai
