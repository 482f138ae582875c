// Identity-guided correction of OCR misreadings, through the whole pipeline
// from a reader's rows: unique corrections are taken, ambiguous ones are not.
#include <gtest/gtest.h>

#include "pipeline/extract.h"
#include "test_util.h"

using namespace gongkai;

namespace {

struct Line {
  const char* label;
  std::vector<int> v;  // natural_person … other, total
};

// Table 三 of the 2021 format; every identity holds.
std::vector<Line> requests_rows() {
  return {{"一、本年新收政府信息公开申请数量", {30, 5, 0, 0, 2, 1, 38}},
          {"二、上年结转政府信息公开申请数量", {4, 0, 0, 0, 0, 0, 4}},
          {"三、本年度办理结果（一）予以公开", {12, 2, 0, 0, 1, 0, 15}},
          {"（二）部分公开（区分处理的，只计这一情形，不计其他情形）", {3, 0, 0, 0, 0, 0, 3}},
          {"（三）不予公开1.属于国家秘密", {0, 0, 0, 0, 0, 0, 0}},
          {"2.其他法律行政法规禁止公开", {1, 0, 0, 0, 0, 0, 1}},
          {"3.危及“三安全一稳定”", {0, 0, 0, 0, 0, 0, 0}},
          {"4.保护第三方合法权益", {0, 0, 0, 0, 0, 0, 0}},
          {"5.属于三类内部事务信息", {0, 0, 0, 0, 0, 0, 0}},
          {"6.属于四类过程性信息", {0, 0, 0, 0, 0, 0, 0}},
          {"7.属于行政执法案卷", {0, 0, 0, 0, 0, 0, 0}},
          {"8.属于行政查询事项", {0, 0, 0, 0, 0, 0, 0}},
          {"（四）无法提供1.本机关不掌握相关政府信息", {9, 2, 0, 0, 1, 1, 13}},
          {"2.没有现成信息需要另行制作", {0, 0, 0, 0, 0, 0, 0}},
          {"3.补正后申请内容仍不明确", {0, 0, 0, 0, 0, 0, 0}},
          {"（五）不予处理1.信访举报投诉类申请", {2, 0, 0, 0, 0, 0, 2}},
          {"2.重复申请", {0, 0, 0, 0, 0, 0, 0}},
          {"3.要求提供公开出版物", {0, 0, 0, 0, 0, 0, 0}},
          {"4.无正当理由大量反复申请", {0, 0, 0, 0, 0, 0, 0}},
          {"5.要求行政机关确认或重新出具已获取信息", {0, 0, 0, 0, 0, 0, 0}},
          {"（六）其他处理1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", {1, 0, 0, 0, 0, 0, 1}},
          {"2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", {0, 0, 0, 0, 0, 0, 0}},
          {"3.其他", {2, 0, 0, 0, 0, 0, 2}},
          {"（七）总计", {30, 4, 0, 0, 2, 1, 37}},
          {"四、结转下年度继续办理", {4, 1, 0, 0, 0, 0, 5}}};
}

// A scanned report's rows as the scan reader gives them; `misread` replaces
// one cell's reading with (text, confidence, alternatives).
struct Misread {
  size_t row, col;
  std::string text;
  double confidence;
  std::vector<std::string> alternatives;
};

SourceDoc scanned(const std::vector<Misread>& misreads) {
  SourceDoc doc;
  doc.kind = "pdf-scan";
  doc.head_text = "某某县人民政府2023年政府信息公开工作年度报告\n";
  auto rows = requests_rows();
  for (size_t r = 0; r < rows.size(); ++r) {
    SourceRow row;
    row.label = rows[r].label;
    row.positional = true;
    for (size_t c = 0; c < 7; ++c) {
      Token t;
      t.raw = std::to_string(rows[r].v[c]);
      t.atomic = true;
      t.where.via = "ocr";
      t.where.page = 1;
      t.where.confidence = 0.97;
      for (auto& m : misreads)
        if (m.row == r && m.col == c) {
          t.raw = m.text;
          t.where.confidence = m.confidence;
          t.where.alternatives = m.alternatives;
        }
      row.tokens.push_back(t);
    }
    doc.rows[Section::Requests].push_back(row);
  }
  return doc;
}

int count(const Report& r, const std::string& rule) {
  int n = 0;
  for (auto& f : r.findings) n += f.rule == rule;
  return n;
}

}  // namespace

TEST(OcrCorrection, UniqueAlternativeThatMakesEveryIdentityHoldIsTaken) {
  // 38 (new_received total) misread as 36; the alternatives are 38 and 58.
  Report r = build_report(scanned({{0, 6, "36", 0.41, {"38", "58"}}}));
  auto v = r.value(TableId::Requests, "new_received", "total");
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, 38);
  auto& cell = r.cells.at({TableId::Requests, "new_received", "total"});
  ASSERT_TRUE(cell.repaired_from);
  EXPECT_EQ(*cell.repaired_from, "36");
  EXPECT_EQ(count(r, "repair.ocr_alternative"), 1);
  for (auto& f : r.findings) EXPECT_NE(f.kind, FindingKind::Source) << f.message;
}

TEST(OcrCorrection, TwoMisreadsInDifferentIdentitiesAreBothMended) {
  Report r = build_report(scanned({{0, 6, "36", 0.41, {"38"}}, {12, 0, "8", 0.5, {"9", "6"}}}));
  EXPECT_EQ(*r.value(TableId::Requests, "new_received", "total"), 38);
  EXPECT_EQ(*r.value(TableId::Requests, "unavailable_not_held", "natural_person"), 9);
  EXPECT_EQ(count(r, "repair.ocr_alternative"), 2);
}

TEST(OcrCorrection, AlternativeThatFixesOnlyOneIdentityIsNotTaken) {
  // new_received natural_person 30 read as 80; alternative 31 satisfies neither identity
  // and 60 neither: nothing is changed, the failure is reported.
  Report r = build_report(scanned({{0, 0, "80", 0.4, {"31", "60"}}}));
  EXPECT_EQ(*r.value(TableId::Requests, "new_received", "natural_person"), 80);
  EXPECT_EQ(count(r, "repair.ocr_alternative"), 0);
  bool flagged = false;
  for (auto& f : r.findings) flagged |= f.rule == "requests.row_total" && f.kind == FindingKind::Extraction;
  EXPECT_TRUE(flagged) << "a failing identity with a doubtful cell is an extraction finding";
}

TEST(OcrCorrection, ConfidentReadingsThatDoNotAddUpStaySourceFindings) {
  // The report itself is wrong: confident readings, no alternatives.
  Report r = build_report(scanned({{0, 6, "39", 0.97, {}}}));
  EXPECT_EQ(*r.value(TableId::Requests, "new_received", "total"), 39);
  bool source = false;
  for (auto& f : r.findings) source |= f.kind == FindingKind::Source;
  EXPECT_TRUE(source);
}

TEST(OcrCorrection, TwoCellsThatCouldEachMendTheSameIdentityAreLeftAlone) {
  // Table 四: review 3+1+0+0=4 printed; "upheld" read 8 with alternative 3,
  // "total" read 4 with alternative 9: either choice makes the group add up.
  SourceDoc doc = scanned({});
  SourceRow row;
  row.positional = true;
  std::vector<std::string> vals = {"8", "1", "0", "0", "4", "0", "0", "0", "0", "0", "1", "0", "0", "0", "1"};
  for (size_t i = 0; i < vals.size(); ++i) {
    Token t;
    t.raw = vals[i];
    t.atomic = true;
    t.where.confidence = 0.97;
    if (i == 0) t.where = {1, std::nullopt, "", "ocr", 0.4, {"3"}};
    if (i == 4) t.where = {1, std::nullopt, "", "ocr", 0.45, {"9"}};
    row.tokens.push_back(t);
  }
  doc.rows[Section::Review].push_back(row);
  Report r = build_report(doc);
  EXPECT_EQ(count(r, "repair.ocr_alternative"), 0);
  EXPECT_EQ(*r.value(TableId::ReviewLitigation, "review", "upheld"), 8);
  bool flagged = false;
  for (auto& f : r.findings) flagged |= f.rule == "review_litigation.group_total" && f.kind == FindingKind::Extraction;
  EXPECT_TRUE(flagged);
}

TEST(OcrCorrection, AMinusWhereNoneCanBePrintedIsASpeck) {
  // "-13" in a count column, read with confidence: the cell is unread, and
  // the identities give it back (13), never a negative count.
  Report r = build_report(scanned({{12, 6, "-13", 0.93, {}}}));
  auto v = r.value(TableId::Requests, "unavailable_not_held", "total");
  ASSERT_TRUE(v);
  EXPECT_EQ(*v, 13);
  EXPECT_TRUE(r.cells.at({TableId::Requests, "unavailable_not_held", "total"}).repaired_from);
}
