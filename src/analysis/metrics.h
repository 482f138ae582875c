// The figures reports and rankings quote, derived from a finished record.
// Each is null where a cell it needs is null or its denominator is 0 (or
// negative: a report that does not add up gives no rate rather than a wrong
// one). The same definitions as SQL views over the store: metrics_views.sql.
//
//   disclosure_rate          实质公开率 = (（一）予以公开 + （二）部分公开) 总计
//                            / (（七）总计 − （五）不予处理 − （六）其他处理) 总计
//   review_correction_rate   复议纠错率 = 行政复议 结果纠正 / (总计 − 尚未审结)
//   litigation_loss_rate_direct         诉讼败诉率（未经复议直接起诉）
//   litigation_loss_rate_after_review   诉讼败诉率（复议后起诉）
//   litigation_loss_rate                诉讼败诉率（合计，两组相加）
//                            each = 结果纠正 / (总计 − 尚未审结) of its group(s)
//   request_growth           依申请公开增长率 = 本年新收 总计 / 上年 本年新收 总计 − 1
//                            (needs the agency's report of the year before)
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/record.h"

namespace gongkai {

struct Metric {
  std::string key;    // disclosure_rate, …
  std::string label;  // 实质公开率, …
  std::optional<double> value;
};

// The single-report metrics, in a fixed order (the wide sheet's columns).
std::vector<Metric> report_metrics(const Report& r);
// Every metric's key and label, request_growth last, in column order.
const std::vector<std::pair<std::string, std::string>>& metric_columns();
// 依申请公开 growth from `previous` (the same agency's report of the year
// before `current`'s) to `current`; null when either total is missing, the
// previous total is 0, or the years are not adjacent.
std::optional<double> request_growth(const Report& current, const Report& previous);

}  // namespace gongkai
