#include "validation/narrative_evidence.h"

#include <algorithm>
#include <cmath>

#include "validation/finding_text.h"

namespace gongkai {
namespace {

// The default unit of a money cell that prints none (json_writer says the same).
std::string money_unit(const CellKey& k, const std::string& printed) {
  if (!printed.empty()) return printed;
  return k.row == "fees" ? "万元" : "元";
}

// Where the statement's cell sits: the unit and its column, or false.
bool locate(const Statement& s, const std::vector<ReadUnit>& units, size_t& row, size_t& col) {
  for (size_t i = 0; i < units.size(); ++i)
    for (size_t c = 0; c < units[i].cells.size(); ++c)
      if (units[i].cells[c] == s.cell) {
        row = i, col = c;
        return true;
      }
  return false;
}

bool agrees(const Slot& slot, const Statement& s, ColumnKind kind) {
  return slot.state == Slot::Known && !slot.filled &&
         unit_fits(s, kind, kind == ColumnKind::Money ? money_unit(s.cell, slot.unit_text()) : "") &&
         std::fabs(slot.value - s.value) < 1e-9;
}

// Keeps the readings that agree with `s` when some do and some do not.
bool narrow_to(std::vector<Hypothesis>& readings, size_t col, const Statement& s, ColumnKind kind) {
  std::vector<Hypothesis> kept;
  for (auto& h : readings)
    if (agrees(h[col], s, kind)) kept.push_back(h);
  if (kept.empty() || kept.size() == readings.size()) return false;
  readings = std::move(kept);
  return true;
}

std::string quote(const Statement& s) { return "「" + s.sentence + "」"; }

}  // namespace

bool unit_fits(const Statement& s, ColumnKind kind, const std::string& cell_unit) {
  if (kind == ColumnKind::Money) return s.unit == cell_unit;
  // Units of a count of documents, decisions, applications or cases; 次 and
  // 人次 count events or people and never state a cell (the statement reader
  // leaves them out too).
  for (const char* u : {"件", "条", "个", "份", "项", "起", "宗"})
    if (s.unit == u) return true;
  return false;
}

std::vector<StatementUse> decide_by_statements(const std::vector<Statement>& statements,
                                               const std::vector<ReadUnit>& units, std::vector<UnitOptions>& opts) {
  std::vector<StatementUse> used;
  for (const Statement& s : statements) {
    size_t row = 0, col = 0;
    if (!locate(s, units, row, col)) continue;
    UnitOptions& o = opts[row];
    ColumnKind kind = units[row].kinds[col];
    bool decided = narrow_to(o.hyps, col, s, kind);
    // A row none of whose readings adds up: the statement may still pick the
    // one printed reading that stands (the validator reports what fails).
    if (!decided && o.hyps.empty() && narrow_to(o.candidates, col, s, kind)) {
      decided = true;
      if (o.candidates.size() == 1) o.hyps = std::move(o.candidates), o.candidates.clear();
    }
    if (!decided) continue;
    o.raw_ambiguous = o.hyps.size() > 1 || !o.candidates.empty();
    used.push_back({row, s});
  }
  return used;
}

void add_narrative_findings(const std::vector<Statement>& statements, const std::vector<StatementUse>& used,
                            const std::vector<ReadUnit>& units, Report& report) {
  for (const StatementUse& u : used)
    report.findings.push_back({"repair.narrative", Severity::Info, FindingKind::Repair,
                               std::string(table_key(u.statement.cell.table)) + " " + units[u.row].row_label +
                                   ": the digits read several ways; the report's own sentence " +
                                   quote(u.statement) + " decides " + cell_name(u.statement.cell) + " = " +
                                   number_text(u.statement.value),
                               {u.statement.cell}});
  for (const Statement& s : statements) {
    auto it = report.cells.find(s.cell);
    if (it == report.cells.end() || !it->second.value || it->second.repaired || it->second.repaired_from) continue;
    size_t row = 0, col = 0;
    if (!locate(s, units, row, col)) continue;
    ColumnKind kind = units[row].kinds[col];
    const std::string unit = kind == ColumnKind::Money ? money_unit(s.cell, it->second.unit) : "";
    if (!unit_fits(s, kind, unit) || std::fabs(*it->second.value - s.value) < 1e-9) continue;
    report.findings.push_back({"narrative.disagrees", Severity::Warning, FindingKind::Narrative,
                               std::string(table_key(s.cell.table)) + " " + units[row].row_label + ": the table prints " +
                                   cell_name(s.cell) + " = " + number_text(*it->second.value) +
                                   ", the report's sentence " + quote(s) + " says " + number_text(s.value) +
                                   (unit.empty() ? s.unit : unit),
                               {s.cell}});
  }
}

}  // namespace gongkai
