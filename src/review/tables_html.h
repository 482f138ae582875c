// The three tables laid out like the template, each value cell an element
// with data-cell="table.row.col" in the colour of its state.
#pragma once
#include <map>
#include <string>

#include "model/record.h"
#include "review/record_view.h"

namespace gongkai::review {

// The value as the page shows it: the record's number, 空 for a printed blank,
// ？ for a cell not read.
std::string shown_value(const CellView& v);

std::string tables_html(const Report& report, const std::map<std::string, CellView>& views);

}  // namespace gongkai::review
