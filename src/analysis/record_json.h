// A JSON record (../shared/spec/report-json.md) back into the in-memory
// record, for what works on records after extraction: the spreadsheets of a
// run whose records come back from worker processes as JSON, and checks over
// a store's records (cross-year). Values, cells' provenance that the
// spreadsheets show, findings with their cells; not the readers' internals.
#pragma once
#include <nlohmann/json.hpp>

#include "model/record.h"

namespace gongkai {

// Throws std::runtime_error naming the field when the record is not one.
Report record_from_json(const nlohmann::json& j);

}  // namespace gongkai
