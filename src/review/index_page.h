// The index of an archive's review site: one row per report, sortable and
// filterable by the script (plain rows without it), a thumbnail of the page
// that holds the most flagged cells.
#pragma once
#include <string>
#include <vector>

#include "review/site.h"

namespace gongkai::review {

// The kinds the index counts, in its column order.
const std::vector<std::string>& index_kinds();

std::string index_page_html(const std::vector<IndexRow>& rows);

}  // namespace gongkai::review
