#include "mapping/meta.h"

#include <algorithm>
#include <vector>

#include "mapping/agency_check.h"
#include "mapping/region.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

bool is_digit(char32_t c) { return c >= U'0' && c <= U'9'; }

std::u32string trim_label(std::u32string s) {
  // Drop crawler prefixes ("标题:") and surrounding punctuation/space.
  for (std::u32string p : {U"标题:", U"标题：", U"名称:", U"#"}) {
    auto pos = s.find(p);
    if (pos != std::u32string::npos) s = s.substr(pos + p.size());
  }
  auto bad = [](char32_t c) { return !is_han(c) && c != U'(' && c != U')'; };
  while (!s.empty() && bad(s.front())) s.erase(s.begin());
  while (!s.empty() && bad(s.back())) s.pop_back();
  std::u32string out;
  for (char32_t c : s)
    if (c != U' ' && c != 0x3000 && c != U'\t') out.push_back(c);
  return out;
}

struct YearAt {
  int year = 0;
  size_t begin = 0, end = 0;  // end: past "年" / "年度"
};

// The first "20xx年" in s (spaces allowed around the year).
std::optional<YearAt> find_year(std::u32string_view s, size_t from = 0) {
  for (size_t i = from; i + 4 <= s.size(); ++i) {
    if (!(s[i] == U'2' && s[i + 1] == U'0' && is_digit(s[i + 2]) && is_digit(s[i + 3]))) continue;
    if (i > 0 && is_digit(s[i - 1])) continue;
    size_t j = i + 4;
    if (j < s.size() && is_digit(s[j])) continue;
    while (j < s.size() && s[j] == U' ') ++j;
    if (j < s.size() && s[j] == U'年') {
      YearAt y;
      y.year = (s[i + 2] - U'0') * 10 + (s[i + 3] - U'0') + 2000;
      y.begin = i;
      y.end = j + 1;
      if (y.end < s.size() && s[y.end] == U'度') ++y.end;
      return y;
    }
  }
  return std::nullopt;
}

// "淮安市洪泽区人民政府" is known as 洪泽区人民政府: a county-level
// government is named without its prefecture. Departments ("常州市武进区商务局")
// keep the full name, as they are printed and cited.
std::u32string county_government(const std::u32string& a) {
  static const std::u32string gov = U"人民政府";
  if (a.size() < gov.size() + 5 || a.compare(a.size() - gov.size(), gov.size(), gov) != 0) return a;
  size_t city = a.find(U'市');
  if (city == std::u32string::npos || city < 2 || city > 5) return a;
  std::u32string rest = a.substr(city + 1);
  size_t unit = rest.size() - gov.size();  // one past 区/县
  if (unit < 2 || unit > 5 || (rest[unit - 1] != U'区' && rest[unit - 1] != U'县')) return a;
  for (size_t i = 0; i < unit; ++i)
    if (!is_han(rest[i])) return a;
  return rest;
}

// A digit or two, or a stray mark, between two Han characters of a title is
// a speck that OCR read ("政府信息公8开", "政府信。息公开"): no title prints one
// there (its year has four digits, and is followed by 年).
std::u32string drop_stray_digits(const std::u32string& s) {
  auto speck = [](char32_t c) {
    return is_digit(c) || (!is_han(c) && c != U'(' && c != U')' && c != U'（' && c != U'）' && c != U' ');
  };
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    if (speck(s[i]) && !out.empty() && is_han(out.back())) {
      size_t j = i;
      while (j < s.size() && speck(s[j])) ++j;
      bool digits = std::all_of(s.begin() + i, s.begin() + j, is_digit);
      if (j - i <= 3 && j < s.size() && is_han(s[j]) && !(digits && s[j] == U'年')) {
        i = j;
        continue;
      }
      // A digit or two glued before a year by OCR: the year is the four
      // digits before 年 ("洪泽区人民政府52023年…", a scanned title, eval_scan
      // seed 80: the year was lost).
      if (digits && j < s.size() && s[j] == U'年' && j - i > 4 && j - i <= 6 && s[j - 4] == U'2' && s[j - 3] == U'0') {
        i = j - 4;
        continue;
      }
    }
    out.push_back(s[i++]);
  }
  return out;
}

// "…管理局关于2021年度政府信息公开工作年度报告" (pingtan-htp-2021): 关于
// ("on") ties the agency to the report's name and is no part of the agency.
std::u32string without_trailing_about(std::u32string s) {
  static const std::u32string about = U"关于";
  if (s.size() >= about.size() && s.compare(s.size() - about.size(), about.size(), about) == 0)
    s.resize(s.size() - about.size());
  return s;
}

}  // namespace

Meta read_meta(std::string_view head_text, std::string_view title_hint, bool title_by_ocr) {
  Meta m;
  std::u32string head = to_u32(nfkc(head_text));
  std::vector<std::u32string> lines;
  size_t start = 0;
  while (start < head.size() && lines.size() < 40) {
    size_t nl = head.find(U'\n', start);
    if (nl == std::u32string::npos) nl = head.size();
    std::u32string line = head.substr(start, nl - start);
    bool blank = true;
    for (char32_t c : line) blank = blank && (c == U' ' || c == U'\t' || c == U'\r' || c == 0x3000);
    if (!blank) lines.push_back(line);
    start = nl + 1;
  }
  // The title: the first line (or two joined) saying 政府信息公开 … 报告.
  std::u32string title_hint32 = to_u32(nfkc(title_hint));
  std::vector<std::u32string> candidates;
  if (!title_hint32.empty()) candidates.push_back(title_hint32);
  for (size_t i = 0; i < lines.size(); ++i) {
    candidates.push_back(lines[i]);
    if (i + 1 < lines.size()) candidates.push_back(lines[i] + lines[i + 1]);
  }
  for (auto& c : candidates) c = drop_stray_digits(c);
  for (size_t ci = 0; ci < candidates.size(); ++ci) {
    const std::u32string& line = candidates[ci];
    auto gk = line.find(U"政府信息公开");
    if (gk == std::u32string::npos) continue;
    auto rep = line.find(U"报告", gk);
    // The title the layout found (large type atop page 1) may have lost its
    // last characters to OCR ("…工作年度报"): it still names agency and year.
    if (rep == std::u32string::npos && ci == 0 && !title_hint32.empty() && line.size() <= 60)
      rep = line.size() - 2;
    if (rep == std::u32string::npos || line.size() > 200) continue;
    // A title ends at 报告 (a bracketed note may follow) and is short; a
    // sentence of the narrative that mentions the report is not one.
    // (The layout's title may run into the first line of the body when OCR
    // line heights blur the difference in type size: it ends at 报告 too.)
    if ((line.size() - (rep + 2) > 8 && !(ci == 0 && !title_hint32.empty())) || rep > 60) continue;
    std::u32string title = trim_label(line.substr(0, rep + 2));
    auto y = find_year(line);
    if (!y && title_by_ocr && ci == 0) {
      // OCR garbled the title's year ("29年"): the agency still stands
      // before it; the year is looked for elsewhere.
      size_t nian = line.rfind(U'年', gk);
      size_t d = nian;
      while (d != std::u32string::npos && d > 0 && is_digit(line[d - 1])) --d;
      if (nian != std::u32string::npos && d < nian) y = YearAt{0, d, nian + 1};
    }
    if (!y) continue;
    if (y->year) m.year = y->year;
    m.title = to_utf8(title);
    std::u32string before = without_trailing_about(trim_label(line.substr(0, y->begin)));
    std::u32string after =
        y->end < gk ? without_trailing_about(trim_label(line.substr(y->end, gk - y->end))) : U"";
    std::u32string agency = !before.empty() ? before : after;
    // "杭州市…办事处\n2021年政府信息公开工作年度报告": the agency sits on the line above.
    if (agency.empty() && ci > 0 && ci < candidates.size()) {
      for (size_t i = 0; i < lines.size(); ++i)
        if (lines[i] == line && i > 0) agency = trim_label(lines[i - 1]);
    }
    m.agency_printed = to_utf8(agency);
    if (!agency.empty()) {
      AgencyCheck check = check_agency(m.agency_printed);
      m.agency_check = check.note;
      if (title_by_ocr) {
        // OCR misreads: corrected where one known place fits, else left out.
        m.agency_corrected = check.changed;
        m.agency_doubtful = check.doubtful;
        agency = to_u32(check.agency);
      } else {
        // Printed text is kept as printed; an unknown place is only pointed out.
        m.agency_unknown_place = check.place_unknown;
      }
    }
    m.agency = to_utf8(county_government(agency));
    place_agency(m);
    break;
  }
  if (!m.year) {
    if (auto y = find_year(head)) m.year = y->year;
  }
  return m;
}

std::vector<Finding> meta_findings(const Meta& meta, const std::string& title, bool title_by_ocr) {
  std::vector<Finding> out;
  if (meta.agency_doubtful)
    out.push_back({"meta.agency_doubtful", Severity::Warning, FindingKind::Extraction,
                   "agency \"" + meta.agency_printed + "\" as read by OCR from the title is left out: " +
                       meta.agency_check,
                   {}});
  if (meta.agency_unknown_place)
    out.push_back({"meta.agency_unknown_place", Severity::Warning, FindingKind::Extraction,
                   "agency \"" + meta.agency_printed + "\" kept as printed: " + meta.agency_check, {}});
  if (meta.agency_corrected)
    out.push_back({"meta.agency_corrected", Severity::Info, FindingKind::Repair,
                   "agency read by OCR as \"" + meta.agency_printed + "\", corrected to \"" + meta.agency +
                       "\": " + meta.agency_check,
                   {}});
  if (title_by_ocr && (!meta.agency.empty() || meta.year))
    out.push_back({"meta.read_by_ocr", Severity::Info, FindingKind::Extraction,
                   (meta.agency.empty() ? std::string("no agency") : "agency \"" + meta.agency + "\"") +
                       " and year " + (meta.year ? std::to_string(*meta.year) : std::string("-")) +
                       " were read by OCR from the title \"" + title +
                       "\"; a name read by OCR may hold a misread character",
                   {}});
  return out;
}

}  // namespace gongkai
