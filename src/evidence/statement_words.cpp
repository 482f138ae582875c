#include "evidence/statement_words.h"

#include <algorithm>
#include <unordered_map>
#include <vector>

#include "text/unicode.h"

namespace gongkai {

namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }
bool is_latin(char32_t c) { return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z'); }

bool starts_with(std::u32string_view s, size_t at, std::u32string_view w) {
  return at <= s.size() && s.size() - at >= w.size() && s.substr(at, w.size()) == w;
}

struct UnitWord {
  std::u32string_view word;
  UnitKind kind;
};

// Longest first. 件次 and 人次 count visits or handlings, not cells: a
// sentence "接待群众来访120人次" states no cell.
constexpr UnitWord kUnits[] = {
    {U"人次", UnitKind::Times}, {U"件次", UnitKind::Times}, {U"万元", UnitKind::Money},
    {U"亿元", UnitKind::Money}, {U"千元", UnitKind::Money}, {U"元", UnitKind::Money},
    {U"件", UnitKind::Count},   {U"个", UnitKind::Count},   {U"份", UnitKind::Count},
    {U"项", UnitKind::Count},   {U"条", UnitKind::Count},   {U"篇", UnitKind::Count},
    {U"起", UnitKind::Count},   {U"宗", UnitKind::Count},   {U"次", UnitKind::Times},
    {U"年", UnitKind::Year},    {U"月", UnitKind::Month},
};

// Marks before a number that make it part of something else: a code
// (〔2021〕30号), an article (第20条), a phone number (0591-23157559), a
// version or decimal run (1.5.3), a range's second end (3-5件, 3至5件).
bool joined_before(std::u32string_view s, size_t at) {
  if (at == 0) return false;
  char32_t p = s[at - 1];
  if (is_latin(p)) return true;
  for (char32_t c : std::u32string_view(U".-/:~_#+*×〔〕[]第—–－号~"))
    if (p == c) return true;
  bool digit_before = at >= 2 && is_digit(s[at - 2]);
  return digit_before && (p == U' ' || p == U',' || p == U'至' || p == U'到' || p == U'、');
}

// Marks after a number or its unit that make it something else than a
// level: a percentage, a range, a code, an approximation (21件以上), a
// classifier of what follows (1个行政处罚 counts penalties, not documents).
bool joined_after(std::u32string_view s, const PrintedNumber& n) {
  if (n.unit.empty()) {
    if (n.end >= s.size()) return false;
    char32_t c = s[n.end];
    return is_latin(c) || c == U'.' || c == U'-' || c == U'/' || c == U':' || c == U'%' || c == U'‰' ||
           c == U'~' || c == U'至' || c == U'到';
  }
  for (std::u32string_view w : {U"以上", U"以下", U"左右", U"之多", U"余", U"多", U"至", U"到", U"-", U"~"})
    if (starts_with(s, n.after, w)) return true;
  if (n.unit == U"个" && n.after < s.size() && is_han(s[n.after])) return true;
  return false;
}

}  // namespace

PrintedNumber read_number(std::u32string_view s, size_t at) {
  PrintedNumber n;
  n.begin = at;
  size_t i = at;
  while (i < s.size() && is_digit(s[i])) ++i;
  std::string digits(s.begin() + at, s.begin() + i);
  // Thousands groups ("5,419,886元"): a comma then exactly three digits.
  if (i - at <= 3) {
    while (i + 3 < s.size() && s[i] == U',' && is_digit(s[i + 1]) && is_digit(s[i + 2]) && is_digit(s[i + 3]) &&
           (i + 4 >= s.size() || !is_digit(s[i + 4]))) {
      digits.append(s.begin() + i + 1, s.begin() + i + 4);
      i += 4;
    }
  }
  if (i + 1 < s.size() && s[i] == U'.' && is_digit(s[i + 1])) {
    n.integer = false;
    digits += '.';
    for (++i; i < s.size() && is_digit(s[i]); ++i) digits += static_cast<char>(s[i]);
  }
  n.end = i;
  n.value = digits.size() > 15 ? -1 : std::stod(digits);
  n.after = i;
  for (const auto& u : kUnits) {
    if (starts_with(s, i, u.word)) {
      n.unit = u.word;
      n.kind = u.kind;
      n.after = i + u.word.size();
      break;
    }
  }
  n.standalone = n.value >= 0 && !joined_before(s, at) && !joined_after(s, n);
  return n;
}

namespace {

using K = MarkerKind;

struct MarkerGroup {
  MarkerKind kind;
  std::vector<std::u32string_view> words;
};

const std::vector<MarkerGroup>& marker_groups() {
  static const std::vector<MarkerGroup> groups = {
      // Cell phrases that hold a period word, and set phrases that are none.
      {K::Neutral,
       {U"上年结转", U"上年度结转", U"上一年结转", U"上一年度结转", U"结转下年", U"结转下年度", U"结转下一年",
        U"结转下一年度", U"结转至下年", U"结转至下年度", U"结转至下一年", U"结转至下一年度", U"结转到下年",
        U"结转到下年度", U"结转到下一年", U"结转到下一年度", U"一直以来", U"长期以来"}},
      // Another period, or part of this one.
      {K::OtherPeriod,
       {U"上年", U"上年度", U"上一年", U"上一年度", U"去年", U"前年", U"往年", U"历年", U"同期", U"同比", U"环比",
        U"以来", U"此前", U"下年", U"下年度", U"下一年", U"下一年度", U"明年", U"累计", U"上半年", U"下半年",
        U"半年", U"季度", U"近年", U"多年", U"近几年", U"近三年", U"近五年"}},
      // The report's own year.
      {K::ThisYear,
       {U"今年", U"本年", U"本年度", U"全年", U"年内", U"当年", U"全年累计", U"本年累计", U"本年度累计",
        U"年内累计", U"今年累计", U"当年累计", U"今年以来", U"本年以来", U"本年度以来"}},
      {K::Change,
       {U"增长", U"增加", U"减少", U"下降", U"提高", U"上升", U"回落", U"降低", U"增幅", U"降幅", U"减幅",
        U"新增", U"翻番", U"持平", U"多出", U"相比", U"相较", U"对比", U"变化", U"增减", U"净增", U"净减"}},
      {K::Plan,
       {U"拟", U"计划", U"预计", U"准备", U"正在", U"将于", U"力争", U"争取", U"建议", U"有待", U"待", U"即将",
        U"目标", U"打算", U"预期"}},
      {K::Part, {U"其中", U"含", U"包括", U"包含", U"涉及"}},
      {K::Disclosure, {U"政府信息公开", U"信息公开", U"依申请公开", U"政府信息"}},
      {K::Outcome,
       {U"纠错", U"纠正", U"维持", U"撤销", U"败诉", U"胜诉", U"驳回", U"确认违法", U"审结", U"结案", U"尚未",
        U"被纠"}},
      {K::Amendment, {U"废止", U"修订", U"修改", U"失效"}},
      {K::Application, {U"申请"}},
      // A reviewing body's verbs: it receives, hears and handles reviews of
      // others. "办理因政府信息公开引起的行政复议1件" (pingtan htp 2024) may be
      // either side, so 办理 goes too.
      {K::Organ, {U"受理", U"审理", U"收到", U"接收", U"接到", U"审查", U"办理", U"办结", U"作出", U"做出"}},
      // Acts on decisions already made.
      {K::OtherAct, {U"变更", U"撤回", U"听证", U"送达", U"公示", U"公布", U"公开", U"复议", U"诉讼"}},
  };
  return groups;
}

const std::unordered_map<char32_t, std::vector<Marker>>& markers_by_first_char() {
  static const auto index = [] {
    std::unordered_map<char32_t, std::vector<Marker>> m;
    for (const MarkerGroup& group : marker_groups())
      for (std::u32string_view word : group.words) m[word.front()].push_back({word, group.kind});
    for (auto& [c, v] : m)
      std::stable_sort(v.begin(), v.end(), [](const Marker& a, const Marker& b) { return a.word.size() > b.word.size(); });
    return m;
  }();
  return index;
}

}  // namespace

std::optional<Marker> marker_at(std::u32string_view s, size_t at) {
  const auto& index = markers_by_first_char();
  auto it = index.find(s[at]);
  if (it == index.end()) return std::nullopt;
  for (const Marker& m : it->second)
    if (starts_with(s, at, m.word)) return m;
  return std::nullopt;
}

size_t word_before(std::u32string_view s, size_t end, std::initializer_list<std::u32string_view> words) {
  size_t best = std::u32string_view::npos, best_len = 0;
  for (auto w : words) {
    if (w.size() > end || w.size() <= best_len) continue;
    if (s.substr(end - w.size(), w.size()) == w) best = end - w.size(), best_len = w.size();
  }
  return best;
}

size_t strip_before(std::u32string_view s, size_t end, std::initializer_list<std::u32string_view> words, int most) {
  for (int i = 0; i < most; ++i) {
    size_t at = word_before(s, end, words);
    if (at == std::u32string_view::npos) break;
    end = at;
  }
  return end;
}

bool contains(std::u32string_view s, std::u32string_view w) { return s.find(w) != std::u32string_view::npos; }

bool ends_clause(char32_t c) {
  switch (c) {
    case U',': case U'、': case U':': case U'(': case U')': case U'|': case U'[': case U']':
    case U'【': case U'】': case U'。': case U';': case U'!': case U'?': case U'\n':
      return true;
    default:
      return false;
  }
}

}  // namespace gongkai
