// The record as JSON (../shared/spec/report-json.md).
#pragma once
#include <nlohmann/json.hpp>
#include <string>

#include "model/record.h"
#include "writers/finding_view.h"

namespace gongkai {

// Findings' messages in `lang` (Chinese unless asked otherwise).
nlohmann::ordered_json to_json(const Report& r, Lang lang = Lang::Zh);
// One finding of `r` as the record's findings[] holds it.
nlohmann::ordered_json finding_json(const Report& r, const Finding& f, Lang lang = Lang::Zh);
// A cell's value as the record holds it: counts as integers, money with the
// decimals it has.
nlohmann::ordered_json value_json(double v, ColumnKind kind);

}  // namespace gongkai
