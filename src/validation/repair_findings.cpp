#include "validation/repair_findings.h"

#include <optional>
#include <string>

#include "validation/finding_text.h"

namespace gongkai {
namespace {

// The row as the messages name it, and its numbers as printed.
std::string row_name(const ReadUnit& u) { return std::string(table_key(u.table)) + " " + u.row_label; }

std::string zh_row_name(const ReadUnit& u) {
  return std::string(u.table == TableId::Active ? "二" : u.table == TableId::Requests ? "三" : "四") + " " + u.row_label;
}

std::string printed_text(const ReadUnit& u) {
  std::string printed;
  for (auto& t : u.tokens) printed += (printed.empty() ? "" : " ") + (t.raw.empty() ? "∅" : t.raw);
  return printed;
}

Finding too_many_numbers(const ReadUnit& u) {
  return {"extraction.too_many_numbers", Severity::Warning, FindingKind::Extraction,
          row_name(u) + ": " + std::to_string(u.tokens.size()) + " numbers [" + printed_text(u) + "] for " +
              std::to_string(u.cells.size()) + " cells; not read",
          u.cells,
          zh_row_name(u) + "：印刷了 " + std::to_string(u.tokens.size()) + " 个数 [" + printed_text(u) + "]，该行只有 " +
              std::to_string(u.cells.size()) + " 个单元格；未读取"};
}

// None when the row has no repaired cell.
std::optional<Finding> repaired_cells(const ReadUnit& u, const RowDecision& row) {
  std::vector<CellKey> repaired;
  std::string values_text, values_zh;
  std::string token_text;
  bool filled = false;
  for (const CellDecision& d : row.cells) {
    if (d.outcome != CellDecision::Outcome::Value || !d.repaired()) continue;
    repaired.push_back(d.key);
    filled = filled || d.filled;
    values_text += (values_text.empty() ? "" : ", ") + cell_name(d.key) + "=" + number_text(*d.value);
    values_zh += (values_zh.empty() ? "" : "，") + column_heading(d.key) + " = " + number_text(*d.value);
    if (d.split_chosen) token_text = d.split_token;
  }
  if (repaired.empty()) return std::nullopt;
  std::string msg = row_name(u) + ": printed [" + printed_text(u) + "]; ";
  if (filled) msg += "lost cell(s) determined by the identities: ";
  else if (!token_text.empty()) msg += "digits run together, split as the identities require: ";
  // A value no printed digit supports is a conclusion: a warning. A split of
  // printed digits that the identities chose is a reading: info.
  std::string zh = zh_row_name(u) + "：印刷为 [" + printed_text(u) + "]；" +
                   (filled ? "丢失的单元格由勾稽关系确定：" : !token_text.empty() ? "数字连在一起，按勾稽关系拆分：" : "");
  return Finding{"repair.cells", filled ? Severity::Warning : Severity::Info, FindingKind::Repair, msg + values_text,
                 repaired, zh + values_zh};
}

// None when every cell of the row was decided.
std::optional<Finding> undetermined_cells(const ReadUnit& u, const RowDecision& row) {
  std::vector<CellKey> ambiguous;
  std::string cands, cands_zh;
  for (const CellDecision& d : row.cells) {
    if (d.outcome != CellDecision::Outcome::Undecided) continue;
    ambiguous.push_back(d.key);
    if (d.candidates.empty()) continue;
    std::string set;
    for (size_t j = 0; j < d.candidates.size() && j < 8; ++j) set += (j ? ", " : "") + number_text(d.candidates[j]);
    if (d.candidates.size() > 8) set += ", …";
    cands += (cands.empty() ? "" : "; ") + cell_name(d.key) + " ∈ {" + set + "}";
    cands_zh += (cands_zh.empty() ? "" : "；") + column_heading(d.key) + " ∈ {" + set + "}";
  }
  if (ambiguous.empty()) return std::nullopt;
  std::string msg = row_name(u) + ": printed [" + printed_text(u) + "]; ";
  std::string zh = zh_row_name(u) + "：印刷为 [" + printed_text(u) + "]；";
  bool none_read = u.tokens.empty();
  if (none_read) msg += "no numbers printed for this row", zh += "该行没有印刷数字";
  else if (row.overflow)
    msg += "too many ways to split these digits to weigh them all; left unread", zh += "数字的拆分方式过多，留空";
  else if (row.inconsistent && row.lossy_doubt)
    msg += "no reading of these numbers satisfies the row's identities, and this report lost cells elsewhere: this "
           "row may have lost one too, so its values are not taken",
    zh += "没有一种读法满足该行的勾稽关系，且本报告别处丢失了单元格，该行也可能丢失，故不采用";
  else if (row.inconsistent) msg += "no reading of these numbers satisfies the row's identities", zh += "没有一种读法满足该行的勾稽关系";
  else msg += "the identities do not decide these cells", zh += "勾稽关系无法确定这些单元格";
  if (!cands.empty()) msg += "; candidates: " + cands, zh += "；候选值：" + cands_zh;
  return Finding{"extraction.undetermined", Severity::Warning, FindingKind::Extraction, msg, ambiguous, zh};
}

// Cells whose printed number is too long to hold exactly; none when there are none.
std::optional<Finding> too_long_numbers(const ReadUnit& u, const RowDecision& row) {
  std::vector<CellKey> cells;
  std::string printed, printed_zh;
  for (const CellDecision& d : row.cells)
    if (d.outcome == CellDecision::Outcome::Blank && too_long_number(d.raw)) {
      cells.push_back(d.key), printed += (printed.empty() ? "" : ", ") + cell_name(d.key) + " \"" + d.raw + "\"";
      printed_zh += (printed_zh.empty() ? "" : "，") + column_heading(d.key) + " “" + d.raw + "”";
    }
  if (cells.empty()) return std::nullopt;
  return Finding{"extraction.number_too_long", Severity::Warning, FindingKind::Extraction,
                 row_name(u) + ": numbers too long to hold exactly are left null: " + printed, cells,
                 zh_row_name(u) + "：数字过长，无法精确保存，留空：" + printed_zh};
}

}  // namespace

bool too_long_number(const std::string& raw) {
  size_t digits = 0;
  for (char c : raw) digits += c >= '0' && c <= '9';
  return digits > 15;
}

void add_repair_findings(const std::vector<ReadUnit>& units, const Resolution& res, std::vector<Finding>& findings) {
  if (res.no_consistent_reading)
    findings.push_back({"repair.no_consistent_reading", Severity::Warning, FindingKind::Extraction,
                        "no reading of the uncertain cells satisfies the identities; they are left as read or null",
                        {}, "不确定的单元格没有一种读法满足勾稽关系；保留原读数或留空"});
  for (size_t i = 0; i < units.size(); ++i) {
    if (res.rows[i].too_many) {
      findings.push_back(too_many_numbers(units[i]));
      continue;
    }
    if (auto f = repaired_cells(units[i], res.rows[i])) findings.push_back(std::move(*f));
    if (auto f = undetermined_cells(units[i], res.rows[i])) findings.push_back(std::move(*f));
    if (auto f = too_long_numbers(units[i], res.rows[i])) findings.push_back(std::move(*f));
  }
  if (res.search_cut && res.any_undecided())
    findings.push_back({"repair.too_many_readings", Severity::Warning, FindingKind::Extraction,
                        "too many possible readings of the uncertain rows to search them all; cells the "
                        "identities did not pin down are left null", {},
                        "不确定行的可能读法过多，无法全部搜索；勾稽关系未确定的单元格留空"});
}

}  // namespace gongkai
