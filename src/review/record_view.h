// What the review site needs to know of a record, read from its JSON (the
// contract of ../shared/spec/report-json.md, so that kinds added there, like
// cross_year, show without a change here).
#pragma once
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "model/record.h"

namespace gongkai::review {

using Json = nlohmann::ordered_json;

// A cell's state on the page, in the order it wins: a cell a warning or an
// error names is flagged even when it was also repaired (except by the repair
// warning that says how it was filled).
enum class CellState { Flagged, Repaired, Unread, Read };
const char* state_class(CellState s);  // "st-flagged", …
const char* state_label(CellState s);  // 有疑问, …

// "requests.total.natural_person": the record's keys, as data-cell holds them.
std::string cell_id(const Json& cell_or_ref);

struct CellView {
  const Json* cell = nullptr;  // the record's cells[] entry (null: the report prints the table but not this cell)
  CellState state = CellState::Unread;
  std::vector<int> findings;  // indexes into the record's findings
};

// A box in PDF points, origin at the page's top left (the unit converted:
// "pt" as is, "px@Ndpi" scaled by 72/N). Nothing when the cell has no box or
// its unit is not understood.
struct PointBox {
  int page = 0;
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
};
std::optional<PointBox> box_in_points(const Json& cell);

// The dpi of a pixel unit ("px@300dpi" → 300), 0 for points or no unit.
double unit_dpi(const std::string& unit);

// A finding warns (warning or error), as opposed to info.
bool finding_warns(const Json& finding);
// The findings in the order the page lists them: errors, then warnings, then
// info; the record's order within each.
std::vector<int> findings_in_order(const Json& record);

std::map<std::string, CellView> cell_views(const Json& record);

// The record (as written, or as a store holds it) back in memory, as far as
// the review needs it: source, meta, which tables it prints in which layout,
// and the cells. With `as_reviewed`, a cell a person reviewed holds the
// reviewed value, as a clean reading (for re-running the identities).
Report report_from_record(const Json& record, bool as_reviewed = false);

}  // namespace gongkai::review
