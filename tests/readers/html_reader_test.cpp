// The HTML reader: table cells in document order, rows printed empty.
#include <gtest/gtest.h>

#include "test_util.h"

using namespace gk_test;

namespace {

std::string row_html(const std::string& label_tag, const std::string& label, const std::vector<std::string>& cells) {
  std::string r = "<tr><" + label_tag + ">" + label + "</" + label_tag + ">";
  for (auto& c : cells) r += "<td>" + c + "</td>";
  return r + "</tr>";
}

const std::vector<std::string> kZeros(7, "0");
const std::vector<std::string> kEmpty(7, "");

// A 2021-format report page; `label_tag` is the tag of the label cells (td or th).
std::string report_html(const std::string& label_tag, const std::vector<std::string>& unpaid_fee,
                        const std::vector<std::string>& other) {
  std::string h = "<html><head><title>洪泽区人民政府2022年政府信息公开工作年度报告</title></head><body>"
                  "<p>洪泽区人民政府2022年政府信息公开工作年度报告</p><p>一、总体情况</p><p>正文。</p>"
                  "<p>二、主动公开政府信息情况</p><table>"
                  "<tr><th>信息内容</th><th>本年制发件数</th><th>本年废止件数</th><th>现行有效件数</th></tr>" +
                  row_html(label_tag, "规章", {"", "0", "5"}) + row_html(label_tag, "行政规范性文件", {"2", "1", "9"}) +
                  row_html(label_tag, "行政许可", {"3"}) + "</table><p>三、收到和处理政府信息公开申请情况</p><table>" +
                  row_html(label_tag, "一、本年新收政府信息公开申请数量", {"5", "0", "0", "0", "0", "0", "5"}) +
                  row_html(label_tag, "（一）予以公开", {"5", "0", "0", "0", "0", "0", "5"}) +
                  row_html(label_tag, "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", kZeros) +
                  row_html(label_tag, "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", unpaid_fee) +
                  row_html(label_tag, "3.其他", other) +
                  row_html(label_tag, "（七）总计", {"5", "0", "0", "0", "0", "0", "5"}) +
                  "</table><p>四、政府信息公开行政复议、行政诉讼情况</p><p>五、存在的主要问题及改进情况</p></body></html>";
  return h;
}

nlohmann::json read_html(const std::string& html) { return gongkai::to_json(gongkai::extract_bytes(html, "report.html")); }

}  // namespace

TEST(HtmlReader, LabelCellsPrintedAsThStayWhereTheyStand) {
  // Read after the <td>s, the label <th> left 规章's blank first cell at the
  // row's start, where an empty cell is layout: the row lost a cell.
  auto rec = read_html(report_html("th", kZeros, kZeros));
  EXPECT_TRUE(rec["tables"]["active"]["regulations"]["issued"].is_null());
  EXPECT_EQ(rec["tables"]["active"]["regulations"]["repealed"], 0);
  EXPECT_EQ(rec["tables"]["active"]["regulations"]["in_force"], 5);
  EXPECT_EQ(rec["tables"]["active"]["normative_documents"]["repealed"], 1);
  EXPECT_EQ(rec["tables"]["active"]["normative_documents"]["in_force"], 9);
  EXPECT_EQ(rec["tables"]["requests"]["granted"]["total"], 5);
}

TEST(HtmlReader, RowPrintedEmptyStaysEmpty) {
  // （六）2 and 3 printed with empty value cells, then （七）总计 with its numbers.
  auto rec = read_html(report_html("td", kEmpty, kEmpty));
  for (const char* row : {"other_unpaid_fee", "other_other"})
    for (auto& [col, v] : rec["tables"]["requests"][row].items()) EXPECT_TRUE(v.is_null()) << row << "." << col;
  EXPECT_EQ(rec["tables"]["requests"]["total"]["natural_person"], 5);
  EXPECT_EQ(rec["tables"]["requests"]["total"]["total"], 5);
  // And with no value cells at all.
  auto bare = read_html(report_html("td", {}, {}));
  EXPECT_TRUE(bare["tables"]["requests"]["other_unpaid_fee"]["total"].is_null());
  EXPECT_EQ(bare["tables"]["requests"]["total"]["total"], 5);
}
