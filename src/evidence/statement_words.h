// The words a statement is read by: numbers with their units, the markers
// that disqualify a sentence (another year, a change, a plan, a subset) or
// qualify it (信息公开 before 行政复议), and backward matching of phrases.
// All text here is NFKC (evidence/narrative_text.h): "," for "，", "(" for "（".
#pragma once
#include <cstddef>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

enum class UnitKind { None, Count, Money, Times, Year, Month };

// A number as printed in running text, with the unit right after it.
struct PrintedNumber {
  size_t begin = 0, end = 0;  // the digits (and separators) in the sentence
  double value = 0;
  bool integer = true;
  std::u32string unit;  // "件", "万元", …; empty when none follows
  UnitKind kind = UnitKind::None;
  size_t after = 0;     // first position after the unit
  // The number stands alone: not part of a code, range, date part, phone
  // number, article number (第20条) or approximation (21件以上).
  bool standalone = true;
};

// The number whose first digit is at `at` (the character before is not a digit).
PrintedNumber read_number(std::u32string_view s, size_t at);

enum class MarkerKind {
  Neutral,        // words that contain a marker but are none (上年结转, 结转下一年度)
  OtherPeriod,    // 上年, 去年, 同比, 以来, 上半年, 累计 …: the sentence may be about another period
  ThisYear,       // 今年, 本年度, 全年, 全年累计: the report's own year again
  Change,         // 增长, 减少, 下降 …: a difference, not a level
  Plan,           // 拟, 计划, 正在 …: not done yet
  Part,           // 其中, 含, 包括: a part of something named before
  Disclosure,     // 政府信息公开, 依申请公开: what makes 行政复议 table 四's
  Outcome,        // 纠错, 维持, 败诉 …: a result of reviews, not their number
  Amendment,      // 废止, 修订, 失效: a count in force may be before or after them
  Application,    // 申请: what carry-over and 结转下年度 are about here (not funds, not projects)
  Organ,          // 受理, 审理, 办理 …: how a reviewing body speaks of others' reviews
  OtherAct,       // 变更, 撤回, 公示, 复议 …: something done to decisions, not their making
};

struct Marker {
  std::u32string_view word;
  MarkerKind kind;
};

// The longest marker that starts at s[at], if any.
std::optional<Marker> marker_at(std::u32string_view s, size_t at);

// Where one of `words` ends exactly at s[end) (the longest); npos when none.
size_t word_before(std::u32string_view s, size_t end, std::initializer_list<std::u32string_view> words);

// Strips from s[..end) as many of `words` as end there, one after another
// (at most `most`); returns the new end.
size_t strip_before(std::u32string_view s, size_t end, std::initializer_list<std::u32string_view> words,
                    int most = 4);

bool contains(std::u32string_view s, std::u32string_view w);

// Clause boundaries inside a sentence (after NFKC).
bool ends_clause(char32_t c);

}  // namespace gongkai
