#include "validation/ocr_correction.h"

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>

#include "text/unicode.h"

namespace gongkai {
namespace {

using Overrides = std::map<CellKey, double>;

std::optional<double> value_of(const Report& r, const CellKey& k, const Overrides& o) {
  if (auto it = o.find(k); it != o.end()) return it->second;
  auto it = r.cells.find(k);
  if (it == r.cells.end()) return std::nullopt;
  return it->second.value;
}

// lhs - rhs, or nullopt when a cell has no value.
std::optional<double> imbalance(const Equation& e, const Report& r, const Overrides& o) {
  double d = 0;
  for (auto& k : e.lhs) {
    auto v = value_of(r, k, o);
    if (!v) return std::nullopt;
    d += *v;
  }
  for (auto& k : e.rhs) {
    auto v = value_of(r, k, o);
    if (!v) return std::nullopt;
    d -= *v;
  }
  return d;
}

bool holds(const Equation& e, const Report& r, const Overrides& o) {
  auto d = imbalance(e, r, o);
  return !d || std::abs(*d) < 1e-6;
}

bool uses(const Equation& e, const CellKey& k) {
  for (auto& x : e.lhs)
    if (x == k) return true;
  for (auto& x : e.rhs)
    if (x == k) return true;
  return false;
}

std::optional<double> parse_count(const std::string& text) {
  std::string s = squeeze_space(text);
  if (s.empty() || s.size() > 12) return std::nullopt;
  size_t i = s[0] == '-' ? 1 : 0;
  if (i >= s.size()) return std::nullopt;
  for (size_t k = i; k < s.size(); ++k)
    if (s[k] < '0' || s[k] > '9') return std::nullopt;
  return std::stod(s);
}

struct Fix {
  CellKey cell;
  std::string reading;
  double value;
  std::set<size_t> fixes;  // failing equations it makes hold
};

std::string key_name(const CellKey& k) { return k.row + "." + k.col; }

std::string fmt(double v) {
  std::string s = std::to_string(v);
  s.erase(s.find_last_not_of('0') + 1);
  if (!s.empty() && s.back() == '.') s.pop_back();
  return s;
}

}  // namespace

int correct_from_alternatives(const std::vector<Equation>& eqs, Report& report) {
  std::set<size_t> failing;
  for (size_t i = 0; i < eqs.size(); ++i)
    if (!holds(eqs[i], report, {})) failing.insert(i);
  if (failing.empty()) return 0;

  std::vector<Fix> fixes;
  for (auto& [key, cell] : report.cells) {
    if (cell.where.alternatives.empty() || !cell.value) continue;
    std::vector<size_t> mine;
    bool touches_failing = false;
    for (size_t i = 0; i < eqs.size(); ++i)
      if (uses(eqs[i], key)) {
        mine.push_back(i);
        touches_failing |= failing.count(i) > 0;
      }
    if (!touches_failing) continue;
    for (auto& alt : cell.where.alternatives) {
      // Counts only: money cells take no part in the identities.
      auto v = parse_count(alt);
      if (!v || *v == *cell.value || *v < 0) continue;
      Overrides o{{key, *v}};
      bool all = true;
      for (size_t i : mine) all = all && holds(eqs[i], report, o);
      if (!all) continue;
      Fix f{key, alt, *v, {}};
      for (size_t i : mine)
        if (failing.count(i)) f.fixes.insert(i);
      fixes.push_back(std::move(f));
    }
  }

  // A choice is taken when it is the only one that mends each failing
  // identity it touches. Identities nothing mends are left to validation;
  // they do not stop the others from being mended.
  std::vector<const Fix*> chosen;
  for (auto& f : fixes) {
    bool sole = !f.fixes.empty();
    for (size_t i : f.fixes)
      for (auto& g : fixes)
        if (&g != &f && g.fixes.count(i)) sole = false;
    if (sole) chosen.push_back(&f);
  }
  std::set<CellKey> seen;
  Overrides all;
  for (auto* f : chosen) {
    if (!seen.insert(f->cell).second) return 0;  // two readings for one cell
    all[f->cell] = f->value;
  }
  // Together they must break nothing that held.
  for (size_t i = 0; i < eqs.size(); ++i)
    if (!failing.count(i) && !holds(eqs[i], report, all)) return 0;

  for (auto* f : chosen) {
    Cell& c = report.cells[f->cell];
    std::string first = c.raw;
    c.repaired_from = first;
    c.value = f->value;
    c.raw = f->reading;
    std::string names;
    for (size_t i : f->fixes) names += (names.empty() ? "" : ", ") + eqs[i].rule + " [" + eqs[i].scope + "]";
    report.findings.push_back({"repair.ocr_alternative", Severity::Warning, FindingKind::Repair,
                               key_name(f->cell) + ": read as " + first + " (confidence " +
                                   fmt(std::round(c.where.confidence * 100) / 100) + "), corrected to " +
                                   fmt(f->value) + ", the only other reading that makes " + names + " hold",
                               {f->cell}});
  }
  return static_cast<int>(chosen.size());
}

}  // namespace gongkai
