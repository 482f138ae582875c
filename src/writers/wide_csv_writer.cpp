#include "writers/wide_csv_writer.h"

#include <nlohmann/json.hpp>

#include "analysis/metrics.h"
#include "writers/wide_layout.h"

namespace gongkai {

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\n\r") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

const std::vector<std::string>& wide_report_headings() {
  static const std::vector<std::string> h = {"文件", "机关", "机关（规范化）", "区划代码", "省", "市", "县",
                                             "年度", "格式", "来源类型", "错误", "警告", "修补的单元格"};
  return h;
}

std::string repaired_cells_text(const Report& r) {
  std::string out;
  for (const WideColumn& c : wide_columns({&r})) {
    auto it = r.cells.find(c.key);
    if (it != r.cells.end() && it->second.repaired) out += (out.empty() ? "" : "；") + c.label();
  }
  return out;
}

std::vector<std::string> wide_report_fields(const Report& r) {
  int errors = 0, warnings = 0;
  for (auto& f : r.findings) {
    errors += f.severity == Severity::Error;
    warnings += f.severity == Severity::Warning;
  }
  const Meta& m = r.meta;
  return {r.source.file, m.agency, m.agency_normalised, m.division_code, m.province, m.prefecture, m.county,
          m.year ? std::to_string(*m.year) : "", m.template_format, r.source.kind, std::to_string(errors),
          std::to_string(warnings), repaired_cells_text(r)};
}

std::string to_wide_csv(const std::vector<const Report*>& reports) {
  std::vector<WideColumn> columns = wide_columns(reports);
  std::string out = kUtf8Bom;
  std::string line;
  for (auto& h : wide_report_headings()) line += (line.empty() ? "" : ",") + csv_field(h);
  for (auto& c : columns) line += "," + csv_field(c.label());
  for (auto& [key, label] : metric_columns()) line += "," + csv_field(label);
  out += line + "\n";
  for (const Report* r : reports) {
    line.clear();
    for (auto& f : wide_report_fields(*r)) line += (line.empty() ? "" : ",") + csv_field(f);
    for (auto& c : columns) line += "," + wide_value_text(*r, c);
    for (auto& m : report_metrics(*r)) line += "," + (m.value ? nlohmann::json(*m.value).dump() : "");
    const Report* prev = previous_year(*r, reports);
    auto growth = prev ? request_growth(*r, *prev) : std::nullopt;
    line += "," + (growth ? nlohmann::json(*growth).dump() : "");
    out += line + "\n";
  }
  return out;
}

}  // namespace gongkai
