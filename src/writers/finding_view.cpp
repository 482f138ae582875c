#include "writers/finding_view.h"

#include <map>

namespace gongkai {
namespace {

// What each rule means, in Chinese, for findings whose check writes no
// Chinese text of its own yet.
const std::map<std::string, std::string>& rule_zh() {
  static const std::map<std::string, std::string> m = {
      {"requests.balance", "三 勾稽关系不成立：一、本年新收 + 二、上年结转 ≠ （七）总计 + 四、结转下年度"},
      {"requests.outcome_sum", "三 （七）总计 ≠ 各办理结果之和"},
      {"requests.row_total", "三 总计列 ≠ 各类申请人之和"},
      {"review_litigation.group_total", "四 总计 ≠ 结果维持 + 结果纠正 + 其他结果 + 尚未审结"},
      {"values.non_negative_integer", "数值不是非负整数"},
      {"validation.unchecked", "部分勾稽关系无法核对：所用单元格空白或未读出"},
      {"repair.cells", "单元格按勾稽关系补全或拆分"},
      {"repair.ocr_alternative", "OCR读数按勾稽关系改用另一候选"},
      {"repair.narrative", "报告正文的语句确定了表格数值"},
      {"repair.no_consistent_reading", "不确定单元格没有满足勾稽关系的读法"},
      {"repair.too_many_readings", "可能的读法过多，未确定的单元格留空"},
      {"extraction.undetermined", "单元格无法确定，留空并列出候选值"},
      {"extraction.too_many_numbers", "该行数字多于单元格，未读取"},
      {"extraction.number_too_long", "数字过长，无法精确保存，留空"},
      {"narrative.disagrees", "报告正文与表格数值不一致"},
      {"mapping.no_tables", "未找到公开年报表格"},
      {"mapping.unmatched_row", "印刷的行与模板的任何行都不匹配，已忽略"},
      {"mapping.row_out_of_order", "印刷的行不在表格应有的位置，未读取"},
      {"mapping.rows_by_order", "分组下的各行按其在组内的顺序定位，未读取其行名（扫描件）"},
      {"mapping.rows_at_edge", "表格开头或末尾的行未读出行名，按其在表格中的顺序定位"},
      {"meta.read_by_ocr", "机关名称和年度由OCR从标题读出，可能有错字"},
      {"meta.agency_corrected", "OCR读出的机关名称已按已知地名更正"},
      {"meta.agency_doubtful", "OCR读出的机关名称可疑，未采用"},
      {"meta.agency_unknown_place", "标题中的地名不在行政区划名录中"},
      {"pdf.needs_ocr", "PDF页面没有文字层，需要OCR"},
      {"pdf.page_unreadable", "PDF页面无法读取"},
      {"pdf.not_a_report", "PDF不是公开年报"},
      {"scan.page_not_read", "扫描页未能读取"},
      {"text.invalid_bytes", "文本含有无效字节"},
      {"reader.note", "读取说明"},
      {"cross_year.carry_over", "上年结转与上年报告的结转下年度不符"},
      {"cross_year.in_force", "现行有效件数与上年报告推算的不符"},
      {"cross_year.format_switch", "年报格式在不应切换的年份切换"},
  };
  return m;
}

const TableSpec* spec_for(const Report& r, TableId t) {
  if (const TableSpec* s = r.layout(t).spec) return s;
  return t == TableId::Active ? &active_table(r.meta.template_format) : t == TableId::Requests ? &requests_table("2021")
                                                                                            : &review_table();
}

const char* table_number(TableId t) { return t == TableId::Active ? "二" : t == TableId::Requests ? "三" : "四"; }

// The row as printed with the group above it where the row's own label does
// not say which it is (1.属于国家秘密 is one of several 1.).
std::string row_label(const RowSpec& row) {
  if (row.label.rfind("（", 0) == 0 || row.path.empty() || row.key == "carried_forward") return row.label;
  const std::string& group = row.path.back();
  if (row.label.find(group) != std::string::npos) return row.label;  // 行政诉讼·复议后起诉
  if (group.find("本年度办理结果") != std::string::npos || group.find("第二十条") != std::string::npos) return row.label;
  return group + row.label;
}

}  // namespace

std::string_view severity_key(Severity s) {
  return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "info";
}

std::string_view finding_kind_key(FindingKind k) {
  switch (k) {
    case FindingKind::Source: return "source";
    case FindingKind::Repair: return "repair";
    case FindingKind::Narrative: return "narrative";
    case FindingKind::CrossYear: return "cross_year";
    case FindingKind::Extraction: break;
  }
  return "extraction";
}

std::string finding_message(const Finding& f, Lang lang) {
  if (lang == Lang::En || !f.message_zh.empty()) return lang == Lang::En ? f.message : f.message_zh;
  auto it = rule_zh().find(f.rule);
  std::string zh = it != rule_zh().end() ? it->second : f.rule;
  return f.message.empty() ? zh : zh + "（" + f.message + "）";
}

std::optional<int> finding_page(const Report& r, const Finding& f) {
  std::optional<int> page;
  for (auto& k : f.cells) {
    auto it = r.cells.find(k);
    if (it == r.cells.end() || it->second.where.page <= 0) continue;
    if (page && *page != it->second.where.page) return std::nullopt;
    page = it->second.where.page;
  }
  return page;
}

std::string cell_label(const Report& r, const CellKey& k) {
  const TableSpec* spec = spec_for(r, k.table);
  const RowSpec* row = spec->find_row(k.row);
  if (!row) return std::string(table_number(k.table)) + " " + k.row + "·" + k.col;
  std::string col = k.col;
  for (auto& c : row->columns)
    if (c.key == k.col) col = c.label;
  return std::string(table_number(k.table)) + " " + row_label(*row) + " " + col;
}

nlohmann::ordered_json cell_ref_json(const Report& r, const CellKey& k) {
  const TableSpec* spec = spec_for(r, k.table);
  const RowSpec* row = spec->find_row(k.row);
  nlohmann::ordered_json j = {{"table", table_key(k.table)}, {"row", k.row}, {"col", k.col}};
  if (!row) return j;
  j["row_label"] = row_label(*row);
  for (auto& c : row->columns)
    if (c.key == k.col) j["col_label"] = c.label;
  return j;
}

bool summary_worthy(const Finding& f) {
  // reader.note says how a page was read (by OCR, turned, its grid from the
  // image): every scanned page has one, and none is a problem of the report.
  return f.severity != Severity::Info && f.rule != "reader.note";
}

}  // namespace gongkai
