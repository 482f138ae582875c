// `gongkai check DB`: the checks between reports of one agency over every
// record a store holds (analysis/cross_year.h), printed one finding a line.
// The store is only read: its records stay as extracted.
#pragma once
#include <string>

#include "writers/finding_view.h"

namespace gongkai {

// Returns the exit status: 0, or 1 when the store cannot be read (the reason
// on stderr).
int check_store(const std::string& db_path, Lang lang);

}  // namespace gongkai
