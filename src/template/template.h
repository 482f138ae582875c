// The two official table formats (国办公开办函〔2019〕60号 and 〔2021〕30号) as data.
// Every stage asks this module what rows and columns exist, what they are called
// in print (with the variants and garblings seen in real reports), and which
// identities tie them together.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace gongkai {

enum class TableId { Active, Requests, ReviewLitigation };
std::string_view table_key(TableId t);  // "active", "requests", "review_litigation"

enum class ColumnKind { Count, SignedCount, Money };

struct ColumnSpec {
  std::string key;
  std::string label;  // Chinese heading, for CSV and messages
  ColumnKind kind = ColumnKind::Count;
};

struct RowSpec {
  std::string key;
  std::string label;                 // canonical Chinese label (with its numbering)
  std::vector<std::string> aliases;  // printed forms to match, numbering stripped
  std::vector<std::string> path;     // hierarchy above the row, outermost first
  std::vector<ColumnSpec> columns;
};

struct TableSpec {
  TableId id;
  std::string variant;  // "2021", "2019", "2021-undivided-other"
  std::vector<RowSpec> rows;
  const RowSpec* find_row(std::string_view key) const;
};

// Table 二 in its two forms.
const TableSpec& active_table(std::string_view format);
// Table 三: "2021" (（六） in three rows), "2019" (（六） as one row).
const TableSpec& requests_table(std::string_view other_layout);
// Table 四: one printed row of 15 cells, modelled as three groups of five.
const TableSpec& review_table();

// Column headings that tell the formats of table 二 apart.
const std::vector<std::string>& active_headings(std::string_view format);

}  // namespace gongkai
