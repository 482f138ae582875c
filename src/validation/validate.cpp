#include "validation/validate.h"

#include <cmath>
#include <set>

#include "validation/finding_text.h"
#include "validation/suspects.h"

namespace gongkai {
namespace {

std::string side(const std::vector<CellKey>& keys, const Report& r, double& sum) {
  std::string s;
  sum = 0;
  for (auto& k : keys) {
    double v = *r.cells.at(k).value;
    sum += v;
    s += (s.empty() ? "" : " + ") + cell_name(k) + " " + number_text(v);
  }
  return s;
}

const char* table_number(TableId t) { return t == TableId::Active ? "二" : t == TableId::Requests ? "三" : "四"; }

// One side of an identity in Chinese, each cell named by what tells it apart
// from the others (its row where they share a column, else its column).
std::string zh_side(const std::vector<CellKey>& keys, const Report& r, bool by_row) {
  std::string s;
  double sum = 0;
  for (auto& k : keys) {
    double v = *r.cells.at(k).value;
    sum += v;
    s += (s.empty() ? "" : " + ") + (by_row ? printed_row_name(r, k) : printed_column_name(r, k)) + " " + number_text(v);
  }
  return keys.size() > 1 ? s + " = " + number_text(sum) : s;
}

// "三 自然人：（七）总计 26 ≠ （一）6 + （二）6 + … = 27（按印刷数值）"
std::string zh_identity(const Equation& e, const Report& r, bool doubtful) {
  CellKey first = e.lhs.front();
  bool same_column = true;
  for (const auto* side : {&e.lhs, &e.rhs})
    for (auto& k : *side) same_column = same_column && k.col == first.col;
  std::string where = same_column ? printed_column_name(r, first) : printed_row_name(r, first);
  return std::string(table_number(first.table)) + " " + where + "：" + zh_side(e.lhs, r, same_column) + " ≠ " +
         zh_side(e.rhs, r, same_column) + (doubtful ? "（涉及修补或存疑的单元格）" : "（按印刷数值）");
}

// When no reading of the uncertain cells satisfied the identities
// (repair.no_consistent_reading), some cell read with confidence is wrong,
// or the report is: the cells read in the identities a null cell left
// unchecked are where it may hide, so that finding names them. A
// photographed 6 read 4 at 0.996 beside a 0 read as a blank: its row and its
// column could not be checked, and nothing named it (real seed 181, every
// effect).
void name_unverified(const std::set<CellKey>& cells, Report& report) {
  if (cells.empty()) return;
  for (Finding& f : report.findings)
    if (f.rule == "repair.no_consistent_reading") {
      f.cells.assign(cells.begin(), cells.end());
      f.message += "; the " + std::to_string(cells.size()) + " cells read in the identities left unchecked are not verified";
      f.message_zh += "；无法核对的勾稽关系中已读出的 " + std::to_string(cells.size()) + " 个单元格未经核验";
    }
}

}  // namespace

void validate(const std::vector<Equation>& eqs, Report& report) {
  int unchecked = 0;
  std::set<CellKey> unverified;
  for (auto& e : eqs) {
    bool complete = true, doubtful = false;
    auto look = [&](const CellKey& k) {
      auto it = report.cells.find(k);
      if (it == report.cells.end() || !it->second.value) {
        complete = false;
        return;
      }
      if (it->second.repaired_from || it->second.where.confidence < 0.8) doubtful = true;
    };
    for (auto& k : e.lhs) look(k);
    for (auto& k : e.rhs) look(k);
    if (!complete) {
      ++unchecked;
      for (const auto* side : {&e.lhs, &e.rhs})
        for (auto& k : *side)
          if (auto it = report.cells.find(k); it != report.cells.end() && it->second.value) unverified.insert(k);
      continue;
    }
    double l, r;
    std::string ls = side(e.lhs, report, l), rs = side(e.rhs, report, r);
    if (std::fabs(l - r) < 1e-6) continue;
    std::vector<CellKey> cells = e.lhs;
    cells.insert(cells.end(), e.rhs.begin(), e.rhs.end());
    report.findings.push_back({e.rule, Severity::Error, doubtful ? FindingKind::Extraction : FindingKind::Source,
                               e.rule + " [" + e.scope + "]: " + ls + " = " + number_text(l) + " ≠ " + rs + " = " +
                                   number_text(r) +
                                   (doubtful ? " (involves a repaired or doubtful cell)" : " (as printed)"),
                               cells, zh_identity(e, report, doubtful)});
  }
  name_unverified(unverified, report);
  if (unchecked > 0)
    report.findings.push_back({"validation.unchecked", Severity::Info, FindingKind::Extraction,
                               std::to_string(unchecked) + " identities could not be checked: a cell they use is blank or unread",
                               {}, std::to_string(unchecked) + " 条勾稽关系无法核对：所用单元格空白或未读出"});
  for (auto& [k, c] : report.cells) {
    if (!c.value) continue;
    const TableSpec* spec = report.layout(k.table).spec;
    if (!spec) continue;
    const RowSpec* row = spec->find_row(k.row);
    if (!row) continue;
    for (auto& col : row->columns) {
      if (col.key != k.col) continue;
      double v = *c.value;
      bool whole = std::fabs(v - std::round(v)) < 1e-9;
      bool ok = col.kind == ColumnKind::Money ? v >= 0
                : col.kind == ColumnKind::SignedCount ? whole
                : whole && v >= 0;
      if (!ok)
        report.findings.push_back({"values.non_negative_integer", Severity::Error, FindingKind::Source,
                                   cell_name(k) + " = " + number_text(v) + " is not a whole number ≥ 0", {k},
                                   std::string(table_number(k.table)) + " " + printed_cell_name(report, k) + " = " +
                                       number_text(v) + "，不是非负整数"});
    }
  }
  rank_suspect_cells(eqs, report);
}

}  // namespace gongkai
