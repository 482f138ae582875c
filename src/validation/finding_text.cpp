#include "validation/finding_text.h"

#include <cmath>
#include <map>
#include <sstream>

namespace gongkai {

std::string number_text(double v) {
  std::ostringstream os;
  if (std::fabs(v - std::round(v)) < 1e-9) os << static_cast<long long>(std::llround(v));
  else os << v;
  return os.str();
}

std::string cell_name(const CellKey& k) { return k.row + "." + k.col; }

}  // namespace gongkai

namespace gongkai {
namespace {

const RowSpec* row_spec(const Report& r, const CellKey& k) {
  const TableSpec* spec = r.layout(k.table).spec;
  return spec ? spec->find_row(k.row) : nullptr;
}

// The numbering at the start of a label: "（七）" of （七）总计, "一、" of 一、本年新收…
std::string numbering(const std::string& label) {
  const std::string open = "（", close = "）";
  if (label.rfind(open, 0) == 0) {
    size_t end = label.find(close);
    if (end != std::string::npos) return label.substr(0, end + close.size());
  }
  size_t dot = label.find('.');
  if (dot != std::string::npos && dot <= 2) return label.substr(0, dot);
  return "";
}

}  // namespace

std::string printed_row_name(const Report& r, const CellKey& k) {
  const RowSpec* row = row_spec(r, k);
  if (!row) return k.row;
  if (k.table != TableId::Requests) return row->label;
  static const std::map<std::string, std::string> top = {{"new_received", "一、本年新收"},
                                                         {"carried_over", "二、上年结转"},
                                                         {"carried_forward", "四、结转下年度"},
                                                         {"total", "（七）总计"}};
  if (auto it = top.find(k.row); it != top.end()) return it->second;
  std::string n = numbering(row->label);
  if (n.empty()) return row->label;
  if (n.rfind("（", 0) == 0 || row->path.empty()) return n;
  return numbering(row->path.back()) + "第" + n + "项";  // （三）第1项
}

std::string printed_column_name(const Report& r, const CellKey& k) {
  if (const RowSpec* row = row_spec(r, k))
    for (auto& c : row->columns)
      if (c.key == k.col) return c.label;
  return column_heading(k);
}

std::string column_heading(const CellKey& k) {
  for (const TableSpec* t : {&active_table("2021"), &active_table("2019"), &requests_table("2021"), &review_table()}) {
    if (t->id != k.table) continue;
    if (const RowSpec* row = t->find_row(k.row))
      for (auto& c : row->columns)
        if (c.key == k.col) return c.label;
  }
  return k.col;
}

std::string printed_cell_name(const Report& r, const CellKey& k) {
  return printed_row_name(r, k) + " " + printed_column_name(r, k);
}

}  // namespace gongkai
