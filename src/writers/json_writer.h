// The record as JSON (../shared/spec/report-json.md) and as long-format CSV.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "model/record.h"

namespace gongkai {

nlohmann::ordered_json to_json(const Report& r);
// One row per table cell: file, agency, year, table, row, col, value, labels.
std::string to_csv(const Report& r, bool header);

}  // namespace gongkai
