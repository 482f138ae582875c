// Corrections from the review page back into the store: `gongkai apply-review
// CORRECTIONS.json --db STORE`. A reviewed value is kept apart from what was
// read: the record's cell gets `reviewed`, `reviewed_by`, `reviewed_at` (and
// `review_action`: confirm or correct) beside its untouched `value`; the
// store's table `reviews` holds them for queries; and the identities are run
// again over the values as reviewed (reviewed where given, read elsewhere),
// their findings kept as the record's `reviewed_findings`.
#pragma once
#include <nlohmann/json.hpp>
#include <string>

namespace gongkai::review {

// Applies one report's corrections to its record (a JSON object), in place:
// the reviewed fields on the cells named, `reviewed_findings` recomputed.
// Throws std::runtime_error naming a correction that names no template cell.
void apply_corrections(nlohmann::ordered_json& record, const nlohmann::json& corrections);

// The identities and value checks over the record's values as reviewed, as
// the record's findings are written.
nlohmann::ordered_json reviewed_findings(const nlohmann::ordered_json& record);

// The command. 0 when every correction was applied; 1 when some could not be
// (stderr names the report and the reason; the others are applied).
int run_apply_review(const std::string& corrections_path, const std::string& db_path);

}  // namespace gongkai::review
