// The record as JSON (../shared/spec/report-json.md).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "model/record.h"

namespace gongkai {

nlohmann::ordered_json to_json(const Report& r);
// A cell's value as the record holds it: counts as integers, money with the
// decimals it has.
nlohmann::ordered_json value_json(double v, ColumnKind kind);

}  // namespace gongkai
