#include "analysis/metrics.h"

namespace gongkai {
namespace {

using Value = std::optional<double>;

Value sum(const Report& r, TableId t, const std::vector<std::string>& rows, const std::string& col) {
  double s = 0;
  for (auto& row : rows) {
    Value v = r.value(t, row, col);
    if (!v) return std::nullopt;
    s += *v;
  }
  return s;
}

Value ratio(Value num, Value den) {
  if (!num || !den || *den <= 0) return std::nullopt;
  return *num / *den;
}

// The rows of （五）不予处理 and （六）其他处理 this report's layout has.
std::vector<std::string> not_processed_rows(const Report& r) {
  std::vector<std::string> rows;
  if (!r.requests.found || !r.requests.spec) return rows;
  for (auto& row : r.requests.spec->rows)
    if (row.key.rfind("rejected_", 0) == 0 || row.key == "other" || row.key.rfind("other_", 0) == 0)
      rows.push_back(row.key);
  return rows;
}

Value disclosure_rate(const Report& r) {
  if (!r.requests.found) return std::nullopt;
  Value granted = sum(r, TableId::Requests, {"granted", "partially_granted"}, "total");
  Value total = r.value(TableId::Requests, "total", "total");
  Value not_processed = sum(r, TableId::Requests, not_processed_rows(r), "total");
  if (!total || !not_processed) return std::nullopt;
  return ratio(granted, *total - *not_processed);
}

// 结果纠正 / (总计 − 尚未审结) over the given groups of table 四.
Value corrected_rate(const Report& r, const std::vector<std::string>& groups) {
  if (!r.review.found) return std::nullopt;
  Value corrected = sum(r, TableId::ReviewLitigation, groups, "corrected");
  Value total = sum(r, TableId::ReviewLitigation, groups, "total");
  Value pending = sum(r, TableId::ReviewLitigation, groups, "pending");
  if (!total || !pending) return std::nullopt;
  return ratio(corrected, *total - *pending);
}

}  // namespace

const std::vector<std::pair<std::string, std::string>>& metric_columns() {
  static const std::vector<std::pair<std::string, std::string>> columns = {
      {"disclosure_rate", "实质公开率"},
      {"review_correction_rate", "复议纠错率"},
      {"litigation_loss_rate_direct", "诉讼败诉率（未经复议直接起诉）"},
      {"litigation_loss_rate_after_review", "诉讼败诉率（复议后起诉）"},
      {"litigation_loss_rate", "诉讼败诉率（合计）"},
      {"request_growth", "依申请公开增长率"},
  };
  return columns;
}

std::vector<Metric> report_metrics(const Report& r) {
  const auto& c = metric_columns();
  return {
      {c[0].first, c[0].second, disclosure_rate(r)},
      {c[1].first, c[1].second, corrected_rate(r, {"review"})},
      {c[2].first, c[2].second, corrected_rate(r, {"litigation_direct"})},
      {c[3].first, c[3].second, corrected_rate(r, {"litigation_after_review"})},
      {c[4].first, c[4].second, corrected_rate(r, {"litigation_direct", "litigation_after_review"})},
  };
}

std::optional<double> request_growth(const Report& current, const Report& previous) {
  if (!current.meta.year || !previous.meta.year || *current.meta.year != *previous.meta.year + 1) return std::nullopt;
  Value now = current.value(TableId::Requests, "new_received", "total");
  Value before = previous.value(TableId::Requests, "new_received", "total");
  Value r = ratio(now, before);
  if (!r) return std::nullopt;
  return *r - 1;
}

}  // namespace gongkai
