#include "writers/xlsx_writer.h"

#include <xlsxwriter.h>

#include <map>

#include "analysis/metrics.h"
#include "writers/wide_csv_writer.h"
#include "writers/wide_layout.h"

namespace gongkai {
namespace {

struct Formats {
  lxw_format *header, *error, *warning, *repaired, *rate;
};

Formats make_formats(lxw_workbook* wb) {
  Formats f{};
  f.header = workbook_add_format(wb);
  format_set_bold(f.header);
  format_set_text_wrap(f.header);
  format_set_align(f.header, LXW_ALIGN_CENTER);
  format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
  format_set_border(f.header, LXW_BORDER_THIN);
  format_set_bg_color(f.header, 0xF2F2F2);
  auto fill = [&](uint32_t colour) {
    lxw_format* x = workbook_add_format(wb);
    format_set_bg_color(x, colour);
    return x;
  };
  f.error = fill(0xFFC7CE);
  f.warning = fill(0xFFEB9C);
  f.repaired = fill(0xDDEBF7);
  f.rate = workbook_add_format(wb);
  format_set_num_format(f.rate, "0.00%");
  return f;
}

// A header cell over columns [first, last] and rows [top, bottom], merged
// where it covers more than one cell.
void header(lxw_worksheet* ws, int top, int bottom, int first, int last, const std::string& text, lxw_format* fmt) {
  if (top == bottom && first == last) worksheet_write_string(ws, top, first, text.c_str(), fmt);
  else worksheet_merge_range(ws, top, first, bottom, last, text.c_str(), fmt);
}

constexpr int kHeaderRows = 3;
const std::vector<std::string> kLeading = {"文件", "机关", "年度"};

// Row 0: the group above the rows (（三）不予公开), row 1: the row's label
// (over rows 0–1 where it has no group), row 2: the column's label.
void table_header(lxw_worksheet* ws, const std::vector<WideColumn>& cols, const Formats& f) {
  const int base = static_cast<int>(kLeading.size());
  for (int i = 0; i < base; ++i) header(ws, 0, kHeaderRows - 1, i, i, kLeading[i], f.header);
  size_t i = 0;
  while (i < cols.size()) {
    size_t j = i;  // the row's span
    while (j + 1 < cols.size() && cols[j + 1].key.row == cols[i].key.row && cols[j + 1].row == cols[i].row) ++j;
    int a = base + static_cast<int>(i), b = base + static_cast<int>(j);
    header(ws, cols[i].group_label.empty() ? 0 : 1, 1, a, b, cols[i].row->label, f.header);
    for (size_t k = i; k <= j; ++k) header(ws, 2, 2, base + static_cast<int>(k), base + static_cast<int>(k), cols[k].col->label, f.header);
    i = j + 1;
  }
  i = 0;
  while (i < cols.size()) {  // the groups' spans over row 0
    size_t j = i;
    if (!cols[i].group_label.empty())
      while (j + 1 < cols.size() && cols[j + 1].group_label == cols[i].group_label) ++j;
    if (!cols[i].group_label.empty())
      header(ws, 0, 0, base + static_cast<int>(i), base + static_cast<int>(j), cols[i].group_label, f.header);
    i = j + 1;
  }
  worksheet_set_row(ws, 1, 48, nullptr);
  worksheet_set_column(ws, base, base + static_cast<int>(cols.size()), 11, nullptr);
  worksheet_set_column(ws, 0, 1, 28, nullptr);
  worksheet_freeze_panes(ws, kHeaderRows, base);
}

// Per cell of a report: the worst severity naming it and the findings' text.
struct Flag {
  int worst = 3;  // 0 error, 1 warning, 2 info
  std::string comment;
};

std::map<CellKey, Flag> flags(const Report& r, Lang lang) {
  std::map<CellKey, Flag> out;
  for (auto& f : r.findings)
    for (auto& k : f.cells) {
      Flag& x = out[k];
      x.worst = std::min(x.worst, static_cast<int>(f.severity));
      x.comment += (x.comment.empty() ? "" : "\n") + f.rule + ": " + finding_message(f, lang);
    }
  return out;
}

void table_sheet(lxw_workbook* wb, const char* name, TableId t, const std::vector<const Report*>& reports, Lang lang,
                 const Formats& f) {
  std::vector<WideColumn> cols = wide_columns(reports, t);
  lxw_worksheet* ws = workbook_add_worksheet(wb, name);
  table_header(ws, cols, f);
  int row = kHeaderRows;
  for (const Report* r : reports) {
    worksheet_write_string(ws, row, 0, r->source.file.c_str(), nullptr);
    worksheet_write_string(ws, row, 1, r->meta.agency.c_str(), nullptr);
    if (r->meta.year) worksheet_write_number(ws, row, 2, *r->meta.year, nullptr);
    std::map<CellKey, Flag> flagged = flags(*r, lang);
    for (size_t i = 0; i < cols.size(); ++i) {
      int col = static_cast<int>(kLeading.size() + i);
      auto cell = r->cells.find(cols[i].key);
      auto flag = flagged.find(cols[i].key);
      bool repaired = cell != r->cells.end() && cell->second.repaired;
      lxw_format* fmt = flag != flagged.end() && flag->second.worst == 0   ? f.error
                        : flag != flagged.end() && flag->second.worst == 1 ? f.warning
                        : repaired                                          ? f.repaired
                                                                            : nullptr;
      auto v = r->value(cols[i].key.table, cols[i].key.row, cols[i].key.col);
      if (v) worksheet_write_number(ws, row, col, *v, fmt);
      else if (fmt) worksheet_write_blank(ws, row, col, fmt);
      std::string comment = flag != flagged.end() ? flag->second.comment : "";
      if (repaired && cell->second.repaired_from)
        comment += (comment.empty() ? "" : "\n") + std::string(lang == Lang::En ? "repaired; read as: " : "修补值；原读数：") +
                   *cell->second.repaired_from;
      if (!comment.empty()) worksheet_write_comment(ws, row, col, comment.c_str());
    }
    ++row;
  }
}

void findings_sheet(lxw_workbook* wb, const std::vector<const Report*>& reports, Lang lang, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "问题");
  const std::vector<std::string> heads = {"文件", "机关", "年度", "规则", "严重程度", "类别", "页", "说明", "单元格", "最可能的原因"};
  for (size_t i = 0; i < heads.size(); ++i) worksheet_write_string(ws, 0, static_cast<int>(i), heads[i].c_str(), f.header);
  int row = 1;
  for (const Report* r : reports)
    for (const Finding& x : r->findings) {
      std::string cells, suspects;
      for (auto& k : x.cells) cells += (cells.empty() ? "" : "；") + cell_label(*r, k);
      for (auto& k : x.suspect_cells) suspects += (suspects.empty() ? "" : "；") + cell_label(*r, k);
      worksheet_write_string(ws, row, 0, r->source.file.c_str(), nullptr);
      worksheet_write_string(ws, row, 1, r->meta.agency.c_str(), nullptr);
      if (r->meta.year) worksheet_write_number(ws, row, 2, *r->meta.year, nullptr);
      worksheet_write_string(ws, row, 3, x.rule.c_str(), nullptr);
      worksheet_write_string(ws, row, 4, std::string(severity_key(x.severity)).c_str(), nullptr);
      worksheet_write_string(ws, row, 5, std::string(finding_kind_key(x.kind)).c_str(), nullptr);
      if (auto page = finding_page(*r, x)) worksheet_write_number(ws, row, 6, *page, nullptr);
      worksheet_write_string(ws, row, 7, finding_message(x, lang).c_str(), nullptr);
      worksheet_write_string(ws, row, 8, cells.c_str(), nullptr);
      worksheet_write_string(ws, row, 9, suspects.c_str(), nullptr);
      ++row;
    }
  worksheet_set_column(ws, 7, 7, 80, nullptr);
  worksheet_freeze_panes(ws, 1, 0);
}

void reports_sheet(lxw_workbook* wb, const std::vector<const Report*>& reports, const Formats& f) {
  lxw_worksheet* ws = workbook_add_worksheet(wb, "报告");
  int col = 0;
  for (auto& h : wide_report_headings()) worksheet_write_string(ws, 0, col++, h.c_str(), f.header);
  for (auto& [key, label] : metric_columns()) worksheet_write_string(ws, 0, col++, label.c_str(), f.header);
  int row = 1;
  for (const Report* r : reports) {
    col = 0;
    for (auto& v : wide_report_fields(*r)) worksheet_write_string(ws, row, col++, v.c_str(), nullptr);
    for (auto& m : report_metrics(*r)) {
      if (m.value) worksheet_write_number(ws, row, col, *m.value, f.rate);
      ++col;
    }
    const Report* prev = previous_year(*r, reports);
    if (auto g = prev ? request_growth(*r, *prev) : std::nullopt) worksheet_write_number(ws, row, col, *g, f.rate);
    ++row;
  }
  worksheet_freeze_panes(ws, 1, 1);
}

}  // namespace

std::string write_xlsx(const std::string& path, const std::vector<const Report*>& reports, Lang lang) {
  lxw_workbook* wb = workbook_new(path.c_str());
  if (!wb) return "cannot create " + path;
  Formats f = make_formats(wb);
  table_sheet(wb, "二 主动公开", TableId::Active, reports, lang, f);
  table_sheet(wb, "三 依申请公开", TableId::Requests, reports, lang, f);
  table_sheet(wb, "四 复议诉讼", TableId::ReviewLitigation, reports, lang, f);
  findings_sheet(wb, reports, lang, f);
  reports_sheet(wb, reports, f);
  lxw_error e = workbook_close(wb);
  if (e != LXW_NO_ERROR) return "cannot write " + path + ": " + lxw_strerror(e);
  return "";
}

}  // namespace gongkai
