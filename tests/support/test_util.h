#pragma once
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>
#include <utility>
#include <vector>

#include "model/record.h"
#include "pipeline/extract.h"
#include "writers/json_writer.h"

namespace gk_test {

inline std::string slurp(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

inline std::string data(const std::string& rel) { return std::string(GONGKAI_TEST_DATA) + "/" + rel; }
// The repo's samples/ (real reports and the first users' seeds, each with its
// checked expected record where there is one): read in place, never copied.
inline std::string sample(const std::string& name) { return std::string(GONGKAI_SAMPLES) + "/" + name; }

// A PDF file of `objects` (numbered from 1, in order) whose catalog is
// object `root`, with the xref offsets computed, so Poppler need not repair it.
inline std::string pdf_file(const std::vector<std::string>& objects, size_t root) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<size_t> offsets;
  for (size_t i = 0; i < objects.size(); ++i) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(i + 1) + " 0 obj\n" + objects[i] + "\nendobj\n";
  }
  size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(objects.size() + 1) + "\n0000000000 65535 f \n";
  for (size_t o : offsets) {
    std::string n = std::to_string(o);
    pdf += std::string(10 - n.size(), '0') + n + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(objects.size() + 1) + " /Root " + std::to_string(root) +
         " 0 R >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

inline nlohmann::json load(const std::string& path) {
  std::ifstream in(path);
  return nlohmann::json::parse(in);
}

inline nlohmann::json extract_json(const std::string& path) { return gongkai::to_json(gongkai::extract_file(path)); }

inline nlohmann::json extract_text(const std::string& text) {
  return gongkai::to_json(gongkai::extract_bytes(text, "inline.txt"));
}

// A minimal 2021-format report as tab-separated text: table 二 fixed, table 三
// from (label, numbers as printed) rows under the seven column headings, and
// table 四's line as given.
inline std::string minimal_report(const std::vector<std::pair<std::string, std::string>>& rows,
                                  const std::string& review) {
  std::string t = "洪泽区人民政府2022年政府信息公开工作年度报告\n一、总体情况\n正文。\n二、主动公开政府信息情况\n"
                  "信息内容\t本年制发件数\t本年废止件数\t现行有效件数\n规章\t0\t0\t0\n行政规范性文件\t1\t0\t5\n"
                  "行政许可\t3\n行政处罚\t4\n行政强制\t0\n信息内容\t本年收费金额（单位：万元）\n行政事业性收费\t0\n"
                  "三、收到和处理政府信息公开申请情况\n\t自然人\t商业企业\t科研机构\t社会公益组织\t法律服务机构\t其他\t总计\n";
  for (auto& [label, nums] : rows) t += label + "\t" + nums + "\n";
  t += "四、政府信息公开行政复议、行政诉讼情况\n行政复议\t行政诉讼\n" + review + "\n五、存在的主要问题及改进情况\n无。\n";
  return t;
}

// Table 三 of the 2021 format as minimal_report takes it: the rows 一 to 四
// with the given values (tab-separated, as printed), every outcome row from
// （三）1 to （六）3 printed as seven zeros.
inline std::vector<std::pair<std::string, std::string>> table3_rows(const std::string& new_received,
                                                                    const std::string& carried_over,
                                                                    const std::string& granted,
                                                                    const std::string& partially_granted,
                                                                    const std::string& total,
                                                                    const std::string& carried_forward) {
  std::vector<std::pair<std::string, std::string>> r = {
      {"一、本年新收政府信息公开申请数量", new_received},
      {"二、上年结转政府信息公开申请数量", carried_over},
      {"(一)予以公开", granted},
      {"(二)部分公开（区分处理的，只计这一情形，不计其他情形）", partially_granted}};
  for (auto l : {"1.属于国家秘密", "2.其他法律行政法规禁止公开", "3.危及“三安全一稳定”", "4.保护第三方合法权益",
                 "5.属于三类内部事务信息", "6.属于四类过程性信息", "7.属于行政执法案卷", "8.属于行政查询事项",
                 "1.本机关不掌握相关政府信息", "2.没有现成信息需要另行制作", "3.补正后申请内容仍不明确",
                 "1.信访举报投诉类申请", "2.重复申请", "3.要求提供公开出版物", "4.无正当理由大量反复申请",
                 "5.要求行政机关确认或重新出具已获取信息",
                 "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                 "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", "3.其他"})
    r.push_back({l, "0\t0\t0\t0\t0\t0\t0"});
  r.push_back({"(七)总计", total});
  r.push_back({"四、结转下年度继续办理", carried_forward});
  return r;
}

inline bool has_finding(const nlohmann::json& rec, const std::string& rule, const std::string& kind) {
  for (auto& f : rec["findings"])
    if (f["rule"] == rule && f["kind"] == kind) return true;
  return false;
}

// The message of the first finding of `rule`; "" when there is none.
inline std::string finding_message(const nlohmann::json& rec, const std::string& rule) {
  for (auto& f : rec["findings"])
    if (f["rule"] == rule) return f["message"];
  return "";
}

// The message of the ReadError that extracting `bytes` (as file `name`)
// throws; "" when they are read.
inline std::string read_error(const std::string& bytes, const std::string& name) {
  try {
    gongkai::extract_bytes(bytes, name);
  } catch (const gongkai::ReadError& e) {
    return e.what();
  }
  return "";
}

struct RunResult {
  int status;
  std::string out;
};

// Runs the built CLI; stderr is merged into out.
inline RunResult run_cli(const std::string& args) {
  std::string cmd = std::string(GONGKAI_BINARY) + " " + args + " 2>&1";
  FILE* p = popen(cmd.c_str(), "r");
  std::string out;
  char buf[4096];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, p)) > 0) out.append(buf, n);
  int st = pclose(p);
  return {WEXITSTATUS(st), out};
}

}  // namespace gk_test
