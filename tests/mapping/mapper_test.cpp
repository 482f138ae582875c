// Aligning a reader's rows to the template: rows printed empty, rows out of
// order, rows whose labels were printed apart from their numbers.
#include <gtest/gtest.h>

#include "mapping/mapper.h"
#include "readers/row_segmenter.h"
#include "tables/table_rows.h"
#include "test_util.h"
#include "text/unicode.h"

using namespace gk_test;
using namespace gongkai;

namespace {

const std::vector<std::string> kApplicants = {"natural_person", "commercial", "research", "nonprofit",
                                              "legal_services", "other", "total"};

// Table 三's lower rows as a ruled table (the PDF reader's cells): label, then seven value cells.
CellTable requests_table(const std::vector<std::pair<std::string, std::vector<std::string>>>& rows) {
  CellTable t;
  t.rows = static_cast<int>(rows.size());
  t.cols = 8;
  for (int r = 0; r < t.rows; ++r) {
    t.cells.push_back({r, 0, 1, 1, rows[r].first});
    for (int c = 0; c < 7; ++c) t.cells.push_back({r, c + 1, 1, 1, rows[r].second[c]});
  }
  return t;
}

nlohmann::json record_of(const SourceDoc& doc) { return to_json(build_report(doc)); }

void expect_all_null(const nlohmann::json& row, const std::string& name) {
  for (auto& col : kApplicants) EXPECT_TRUE(row[col].is_null()) << name << "." << col << " = " << row[col];
}

}  // namespace

TEST(Mapper, RowPrintedEmptyInARuledTableStaysEmpty) {
  const std::vector<std::string> zeros(7, "0"), empty(7, ""), five = {"5", "0", "0", "0", "0", "0", "5"};
  SourceDoc doc;
  doc.section_text[Section::Requests] = "三、收到和处理政府信息公开申请情况";
  doc.rows[Section::Requests] = rows_from_table(requests_table({
      {"一、本年新收政府信息公开申请数量", five},
      {"（一）予以公开", five},
      {"5.要求行政机关确认或重新出具已获取信息", zeros},
      {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", zeros},
      {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", empty},
      {"3.其他", empty},
      {"（七）总计", five},
      {"四、结转下年度继续办理", zeros},
  }));
  auto rec = record_of(doc);
  expect_all_null(rec["tables"]["requests"]["other_unpaid_fee"], "other_unpaid_fee");
  expect_all_null(rec["tables"]["requests"]["other_other"], "other_other");
  EXPECT_EQ(rec["tables"]["requests"]["total"]["natural_person"], 5);
  EXPECT_EQ(rec["tables"]["requests"]["total"]["total"], 5);
}

// In text a row printed empty is its label alone: its cells are blank, not
// unknowns for the identities to fill (they would fill them with 0).
TEST(Mapper, RowPrintedEmptyInTextStaysEmpty) {
  auto rec = extract_text(minimal_report({{"一、本年新收政府信息公开申请数量", "5\t0\t0\t0\t0\t0\t5"},
                                          {"（一）予以公开", "5\t0\t0\t0\t0\t0\t5"},
                                          {"（六）其他处理", ""},
                                          {"1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", "0\t0\t0\t0\t0\t0\t0"},
                                          {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", ""},
                                          {"3.其他", ""},
                                          {"（七）总计", "5\t0\t0\t0\t0\t0\t5"},
                                          {"四、结转下年度继续办理", "0\t0\t0\t0\t0\t0\t0"}},
                                         "0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0\t0"));
  expect_all_null(rec["tables"]["requests"]["other_unpaid_fee"], "other_unpaid_fee");
  expect_all_null(rec["tables"]["requests"]["other_other"], "other_other");
  EXPECT_EQ(rec["tables"]["requests"]["other_overdue_correction"]["total"], 0);
  EXPECT_EQ(rec["tables"]["requests"]["total"]["natural_person"], 5);
}

TEST(Mapper, RowPrintedEmptyInRunTogetherTextStaysEmpty) {
  // As crawled, every cell run together; its hand-checked record prints （六）2 and 3 null.
  auto rec = extract_json(data("real-archive/pingtan-scj-2021.txt"));
  auto expected = load(data("real-archive/expected/pingtan-scj-2021.expected.json"));
  for (const char* row : {"other_unpaid_fee", "other_other", "total", "carried_forward"})
    EXPECT_EQ(rec["tables"]["requests"][row], expected["tables"]["requests"][row]) << row;
}

// A row whose label is a template row's, printed where the order cannot take
// it, is reported rather than lost without a word.
TEST(Mapper, RowOutOfOrderIsReported) {
  SourceDoc doc;
  doc.section_text[Section::Active] = "二、主动公开政府信息情况";
  doc.rows[Section::Active] = segment_rows(to_u32(
      "行政许可\t0\n行政处罚\t0\n行政强制\t0\n行政事业性收费\t0\n规章\t22\t235\n行政规范性文件\t34\t189\n"));
  Mapping m = map_tables(doc, 2025);
  int reported = 0;
  for (auto& f : m.findings)
    if (f.rule == "mapping.row_out_of_order") {
      ++reported;
      EXPECT_EQ(f.severity, Severity::Warning);
      EXPECT_EQ(f.cells.size(), 3u);
    }
  EXPECT_EQ(reported, 2);
}

// shanghai-municipal-govoffice-2025 (a PDF converted to markdown): label
// cells printed as text lines apart from the table fragments, table 四's
// headings as text lines with its numbers in a markdown row, and no heading 五.
TEST(Mapper, ConvertedMarkdownKeepsEveryRow) {
  auto rec = extract_json(sample("shanghai-municipal-govoffice-2025.md"));
  auto& req = rec["tables"]["requests"];
  EXPECT_EQ(req["rejected_excessive"]["total"], 1);
  EXPECT_EQ(req["rejected_confirmation"]["total"], 0);  // its label printed above the table
  EXPECT_EQ(req["other_overdue_correction"]["natural_person"], 40);
  EXPECT_EQ(req["other_overdue_correction"]["total"], 43);
  EXPECT_EQ(req["other_unpaid_fee"]["total"], 0);
  EXPECT_EQ(req["other_other"]["total"], 276);
  EXPECT_EQ(req["total"]["total"], 1191);
  auto& review = rec["tables"]["review_litigation"];
  EXPECT_EQ(review["review"]["total"], 55);
  EXPECT_EQ(review["litigation_direct"]["upheld"], 2);
  EXPECT_EQ(review["litigation_after_review"]["total"], 22);
  // Table 二's 规章 and 行政规范性文件, printed after the rows that follow them
  // and one cell short: not read, and said so.
  int out_of_order = 0;
  for (auto& f : rec["findings"]) out_of_order += f["rule"] == "mapping.row_out_of_order";
  EXPECT_EQ(out_of_order, 2);
  for (auto& f : rec["findings"]) EXPECT_NE(f["rule"], "extraction.too_many_numbers") << f["message"];
}

// A cell whose commas do not group thousands holds a misread decimal point
// (a scanned 67676.62 read "67676,62"): not read, never its digits run
// together (35); commas that group thousands are read.
TEST(Mapper, CommasThatDoNotGroupThousandsLeaveTheCellUnread) {
  const std::vector<std::string> thousands = {"1,234", "0", "0", "0", "0", "0", "1,234"},
                                 misread = {"3,5", "0", "0", "0", "0", "0", "3,5"};
  SourceDoc doc;
  doc.section_text[Section::Requests] = "三、收到和处理政府信息公开申请情况";
  doc.rows[Section::Requests] = rows_from_table(requests_table({
      {"一、本年新收政府信息公开申请数量", thousands},
      {"（一）予以公开", misread},
  }));
  auto rec = record_of(doc);
  EXPECT_EQ(rec["tables"]["requests"]["new_received"]["natural_person"], 1234);
  EXPECT_TRUE(rec["tables"]["requests"]["granted"]["natural_person"].is_null());
  EXPECT_TRUE(rec["tables"]["requests"]["granted"]["total"].is_null());
  bool quoted = false;
  for (auto& f : rec["findings"]) quoted = quoted || f["message"].get<std::string>().find("3,5") != std::string::npos;
  EXPECT_TRUE(quoted);
}
