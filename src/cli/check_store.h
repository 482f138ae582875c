// `gongkai check DB`: the checks between reports of one agency over every
// record a store holds (analysis/cross_year.h), printed one finding a line.
// The findings go into the store's findings table (kind cross_year) on the
// reports they concern; the stored JSON records stay as extracted.
#pragma once
#include <set>
#include <string>

#include "writers/finding_view.h"

namespace gongkai {

// Returns the exit status: 0, or 1 when the store cannot be read (the reason
// on stderr).
int check_store(const std::string& db_path, Lang lang);

// The same checks over the stored reports of the given agencies
// (meta.agency_normalised), as an archive run does for the agencies it read:
// their findings are put in the store. Returns how many were found. Throws
// std::runtime_error when the store cannot be read or written.
long check_agencies(const std::string& db_path, const std::set<std::string>& agency_keys, Lang lang);

}  // namespace gongkai
