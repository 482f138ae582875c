// The cells of several reports side by side: one column per template cell
// that any of them has (both formats of table 二, table 三's （六） undivided
// or in three rows), in the printed order, with the labels people read.
// Shared by the wide CSV and the XLSX.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include "model/record.h"

namespace gongkai {

struct WideColumn {
  CellKey key;
  const RowSpec* row = nullptr;
  const ColumnSpec* col = nullptr;
  // 二 / 三 / 四, the groups above the row as printed (（三）不予公开) and the
  // row's and column's own labels.
  std::string table_label, group_label;
  std::string label() const;  // "三 （三）不予公开 1.属于国家秘密·自然人"
};

// The columns, for the cells the given reports' layouts have, in template
// order. One table only when `only` is given.
std::vector<WideColumn> wide_columns(const std::vector<const Report*>& reports,
                                     std::optional<TableId> only = std::nullopt);

// The cell's value as the record writes it ("" when null or absent).
std::string wide_value_text(const Report& r, const WideColumn& c);

// The report of the year before `r`'s, of the same agency, among `reports`
// (for 依申请公开 growth); null when none.
const Report* previous_year(const Report& r, const std::vector<const Report*>& reports);

}  // namespace gongkai
