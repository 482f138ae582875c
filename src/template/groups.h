// The groups of a table's rows: (三)不予公开 over its eight numbered rows,
// (四)无法提供 over three… A scanned table prints a group's name once, in a
// cell spanning its rows; the mapping places the rows under it by their
// order, and the scan reader leaves their own labels unread, when the words
// read in that cell name a group.
#pragma once
#include <string>

#include "template/template.h"

namespace gongkai {

// The group a template row stands in, as Han characters (三不予公开); empty
// for a row in no group.
std::u32string group_of(const RowSpec& row);

// The group of `spec` that `words` (Han characters) name: the one whose name
// they are nearest, and not more than half of them wrong ((三)不予公开 read
// as 三不子公天: 2 edits, 4 from 五不予处理; the tail 法提供 of a group cell
// cut by a page break: within 四无法提供). Empty when two are as near, or
// none is near enough (三、本年度办理结果, the column heading over them all).
std::u32string group_named(const std::u32string& words, const TableSpec& spec);

}  // namespace gongkai
