// Statements the report's own narrative makes about its table cells:
// "制发规范性文件22件", "共收到政府信息公开申请21件", "收取费用5419886元",
// "行政复议2件". Resolution takes them as evidence beside the identities: a
// statement may decide a split the identities leave open, and a clean
// reading it contradicts is a `narrative` finding. Extraction aims at
// precision: a sentence about another year, another unit (万元/元), another
// measure (件/条/次) or a change ("同比增长5件") states nothing about a cell.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/record.h"
#include "model/source.h"

namespace gongkai {

struct Statement {
  CellKey cell;          // the template cell it states (table, row key, column key)
  double value = 0;      // as stated, in `unit`
  std::string unit;      // "件", "条", "个", "项", "元", "万元", …: as printed after the number
  std::string sentence;  // the sentence it was read from, as printed (quoted in findings)
  Section section = Section::Preamble;
};

// The statements in a report's narrative (SourceDoc::section_text) about the
// cells of a report in `format` ("2021" or "2019") for `year` (sentences that
// name another year are left out).
std::vector<Statement> narrative_statements(const std::map<Section, std::string>& narrative,
                                            const std::string& format, std::optional<int> year);

}  // namespace gongkai
