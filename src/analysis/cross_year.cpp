#include "analysis/cross_year.h"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace gongkai {
namespace {

std::string num(double v) {
  std::ostringstream os;
  if (std::fabs(v - std::round(v)) < 1e-9) os << static_cast<long long>(std::llround(v));
  else os << v;
  return os.str();
}

std::string year_text(const Report& r) { return std::to_string(*r.meta.year); }
std::string zh_year(const Report& r) { return year_text(r) + "年（" + r.source.file + "）"; }
std::string en_year(const Report& r) { return year_text(r) + " (" + r.source.file + ")"; }


// A finding for each side, the message naming the other report.
void both(CrossYearFindings& out, const std::string& rule, Severity sev, const std::string& zh, const std::string& en,
          std::vector<CellKey> earlier_cells, std::vector<CellKey> later_cells) {
  out.earlier.push_back({rule, sev, FindingKind::CrossYear, en, std::move(earlier_cells), zh, {}});
  out.later.push_back({rule, sev, FindingKind::CrossYear, en, std::move(later_cells), zh, {}});
}

void carry_over(const Report& earlier, const Report& later, CrossYearFindings& out) {
  if (!earlier.requests.found || !later.requests.found || !later.requests.spec) return;
  std::string zh, en;
  std::vector<CellKey> e_cells, l_cells;
  for (auto& col : later.requests.spec->rows.front().columns) {
    auto now = later.value(TableId::Requests, "carried_over", col.key);
    auto before = earlier.value(TableId::Requests, "carried_forward", col.key);
    if (!now || !before || std::fabs(*now - *before) < 1e-9) continue;
    zh += (zh.empty() ? "" : "；") + col.label + " " + num(*now) + " ≠ " + num(*before);
    en += (en.empty() ? "" : "; ") + col.key + " " + num(*now) + " ≠ " + num(*before);
    e_cells.push_back({TableId::Requests, "carried_forward", col.key});
    l_cells.push_back({TableId::Requests, "carried_over", col.key});
  }
  if (zh.empty()) return;
  both(out, "cross_year.carry_over", Severity::Warning,
       zh_year(later) + " 三 二、上年结转政府信息公开申请数量 与 " + zh_year(earlier) +
           " 四、结转下年度继续办理 不符：" + zh,
       en_year(later) + " requests.carried_over differs from " + en_year(earlier) + " requests.carried_forward: " + en,
       e_cells, l_cells);
}

void in_force(const Report& earlier, const Report& later, CrossYearFindings& out) {
  if (earlier.meta.template_format != "2021" || later.meta.template_format != "2021") return;
  for (const char* row : {"regulations", "normative_documents"}) {
    auto before = earlier.value(TableId::Active, row, "in_force");
    auto now = later.value(TableId::Active, row, "in_force");
    auto issued = later.value(TableId::Active, row, "issued");
    auto repealed = later.value(TableId::Active, row, "repealed");
    if (!before || !now || !issued || !repealed) continue;
    double expected = *before + *issued - *repealed;
    if (std::fabs(expected - *now) < 1e-9) continue;
    std::string label = std::string(row) == "regulations" ? "规章" : "行政规范性文件";
    both(out, "cross_year.in_force", Severity::Info,
         zh_year(later) + " 二 " + label + " 现行有效件数 " + num(*now) + " ≠ " + zh_year(earlier) + " 现行有效件数 " +
             num(*before) + " + 本年制发 " + num(*issued) + " − 本年废止 " + num(*repealed) + " = " + num(expected),
         en_year(later) + " active." + row + ".in_force " + num(*now) + " ≠ " + en_year(earlier) + " in_force " +
             num(*before) + " + issued " + num(*issued) + " − repealed " + num(*repealed) + " = " + num(expected),
         {{TableId::Active, row, "in_force"}},
         {{TableId::Active, row, "in_force"}, {TableId::Active, row, "issued"}, {TableId::Active, row, "repealed"}});
  }
}

std::string expected_format(int year) { return year >= 2021 ? "2021" : "2019"; }

void format_switch(const Report& earlier, const Report& later, CrossYearFindings& out) {
  const std::string& a = earlier.meta.template_format;
  const std::string& b = later.meta.template_format;
  if (a.empty() || b.empty() || a == b) return;
  bool backwards = a == "2021" && b == "2019";
  if (!backwards && a == expected_format(*earlier.meta.year) && b == expected_format(*later.meta.year)) return;
  both(out, "cross_year.format_switch", Severity::Warning,
       zh_year(earlier) + " 用" + a + "年格式，" + zh_year(later) + " 用" + b +
           "年格式：2021年格式（国办公开办函〔2021〕30号）用于2021年度起的报告" + (backwards ? "，格式不应退回" : ""),
       en_year(earlier) + " uses the " + a + " template, " + en_year(later) + " the " + b +
           " template: the 2021 template is for reports on 2021 onward" + (backwards ? "; it never goes back" : ""),
       {}, {});
}

}  // namespace

bool same_agency(const Report& a, const Report& b) {
  const std::string& ka = a.meta.agency_normalised.empty() ? a.meta.agency : a.meta.agency_normalised;
  const std::string& kb = b.meta.agency_normalised.empty() ? b.meta.agency : b.meta.agency_normalised;
  if (ka.empty() || ka != kb) return false;
  return a.meta.division_code.empty() || b.meta.division_code.empty() || a.meta.division_code == b.meta.division_code;
}

CrossYearFindings cross_year_findings(const Report& earlier, const Report& later) {
  CrossYearFindings out;
  if (!earlier.meta.year || !later.meta.year || *earlier.meta.year >= *later.meta.year) return out;
  if (!same_agency(earlier, later)) return out;
  if (*later.meta.year == *earlier.meta.year + 1) {
    carry_over(earlier, later, out);
    in_force(earlier, later, out);
  }
  format_switch(earlier, later, out);
  return out;
}

void add_cross_year_findings(std::vector<Report*>& reports) {
  // Each report against the nearest earlier year the same agency has (every
  // report of that year: a PDF and its scan are both checked), so that a
  // chain of years is compared link by link, never across a link.
  for (Report* later : reports) {
    if (!later->meta.year) continue;
    int nearest = 0;
    for (Report* r : reports)
      if (r->meta.year && *r->meta.year < *later->meta.year && same_agency(*r, *later))
        nearest = std::max(nearest, *r->meta.year);
    if (nearest == 0) continue;
    for (Report* earlier : reports) {
      if (!earlier->meta.year || *earlier->meta.year != nearest || !same_agency(*earlier, *later)) continue;
      CrossYearFindings f = cross_year_findings(*earlier, *later);
      earlier->findings.insert(earlier->findings.end(), f.earlier.begin(), f.earlier.end());
      later->findings.insert(later->findings.end(), f.later.begin(), f.later.end());
    }
  }
}

}  // namespace gongkai
