// The template rows as data. Aliases are compared after NFKC and after every
// character that is not a Han ideograph has been dropped, so numbering,
// punctuation and quotes never matter here; only the words do.
#include "template/template.h"

namespace gongkai {

std::string_view table_key(TableId t) {
  switch (t) {
    case TableId::Active: return "active";
    case TableId::Requests: return "requests";
    case TableId::ReviewLitigation: return "review_litigation";
  }
  return "";
}

const RowSpec* TableSpec::find_row(std::string_view key) const {
  for (const auto& r : rows)
    if (r.key == key) return &r;
  return nullptr;
}

namespace {

const std::vector<ColumnSpec> kApplicantColumns = {
    {"natural_person", "自然人"},
    {"commercial", "法人或其他组织·商业企业"},
    {"research", "法人或其他组织·科研机构"},
    {"nonprofit", "法人或其他组织·社会公益组织"},
    {"legal_services", "法人或其他组织·法律服务机构"},
    {"other", "法人或其他组织·其他"},
    {"total", "总计"},
};

RowSpec req(std::string key, std::string label, std::vector<std::string> aliases,
            std::vector<std::string> path) {
  return RowSpec{std::move(key), std::move(label), std::move(aliases), std::move(path),
                 kApplicantColumns};
}

const std::string kResults = "三、本年度办理结果";

std::vector<RowSpec> requests_rows(bool split_other) {
  std::vector<RowSpec> rows = {
      req("new_received", "一、本年新收政府信息公开申请数量", {"本年新收政府信息公开申请数量"}, {}),
      req("carried_over", "二、上年结转政府信息公开申请数量", {"上年结转政府信息公开申请数量"}, {}),
      req("granted", "（一）予以公开", {"予以公开"}, {kResults}),
      req("partially_granted", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）",
          {"部分公开区分处理的只计这一情形不计其他情形", "部分公开"}, {kResults}),
      req("denied_state_secret", "1.属于国家秘密", {"属于国家秘密"}, {kResults, "（三）不予公开"}),
      req("denied_prohibited_by_law", "2.其他法律行政法规禁止公开",
          {"其他法律行政法规禁止公开", "其他法律行政止公开", "其他法律法规禁止公开"},
          {kResults, "（三）不予公开"}),
      req("denied_security_stability", "3.危及“三安全一稳定”", {"危及三安全一稳定"},
          {kResults, "（三）不予公开"}),
      req("denied_third_party", "4.保护第三方合法权益", {"保护第三方合法权益"},
          {kResults, "（三）不予公开"}),
      req("denied_internal_affairs", "5.属于三类内部事务信息", {"属于三类内部事务信息"},
          {kResults, "（三）不予公开"}),
      req("denied_process_info", "6.属于四类过程性信息", {"属于四类过程性信息"},
          {kResults, "（三）不予公开"}),
      req("denied_enforcement_file", "7.属于行政执法案卷", {"属于行政执法案卷"},
          {kResults, "（三）不予公开"}),
      req("denied_query_item", "8.属于行政查询事项", {"属于行政查询事项"},
          {kResults, "（三）不予公开"}),
      req("unavailable_not_held", "1.本机关不掌握相关政府信息", {"本机关不掌握相关政府信息"},
          {kResults, "（四）无法提供"}),
      req("unavailable_needs_creation", "2.没有现成信息需要另行制作",
          {"没有现成信息需要另行制作"}, {kResults, "（四）无法提供"}),
      req("unavailable_unclear", "3.补正后申请内容仍不明确", {"补正后申请内容仍不明确"},
          {kResults, "（四）无法提供"}),
      req("rejected_complaint", "1.信访举报投诉类申请", {"信访举报投诉类申请"},
          {kResults, "（五）不予处理"}),
      req("rejected_duplicate", "2.重复申请", {"重复申请"}, {kResults, "（五）不予处理"}),
      req("rejected_publication", "3.要求提供公开出版物", {"要求提供公开出版物"},
          {kResults, "（五）不予处理"}),
      req("rejected_excessive", "4.无正当理由大量反复申请", {"无正当理由大量反复申请"},
          {kResults, "（五）不予处理"}),
      req("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息",
          {"要求行政机关确认或重新出具已获取信息"}, {kResults, "（五）不予处理"}),
  };
  if (split_other) {
    rows.push_back(req("other_overdue_correction",
                       "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请",
                       {"申请人无正当理由逾期不补正行政机关不再处理其政府信息公开申请"},
                       {kResults, "（六）其他处理"}));
    rows.push_back(req("other_unpaid_fee",
                       "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请",
                       {"申请人逾期未按收费通知要求缴纳费用行政机关不再处理其政府信息公开申请"},
                       {kResults, "（六）其他处理"}));
    rows.push_back(req("other_other", "3.其他", {"其他"}, {kResults, "（六）其他处理"}));
  } else {
    rows.push_back(req("other", "（六）其他处理", {"其他处理"}, {kResults}));
  }
  rows.push_back(req("total", "（七）总计", {"总计", "合计"}, {kResults}));
  rows.push_back(req("carried_forward", "四、结转下年度继续办理", {"结转下年度继续办理"}, {}));
  return rows;
}

std::vector<ColumnSpec> cols(std::initializer_list<std::pair<const char*, const char*>> kv,
                             ColumnKind kind = ColumnKind::Count) {
  std::vector<ColumnSpec> out;
  for (auto& [k, l] : kv) out.push_back({k, l, kind});
  return out;
}

TableSpec make_active_2021() {
  auto docs = cols({{"issued", "本年制发件数"}, {"repealed", "本年废止件数"}, {"in_force", "现行有效件数"}});
  auto decisions = cols({{"decisions", "本年处理决定数量"}});
  const std::string a1 = "第二十条第（一）项", a5 = "第二十条第（五）项", a6 = "第二十条第（六）项",
                    a8 = "第二十条第（八）项";
  return TableSpec{TableId::Active, "2021",
                   {
                       {"regulations", "规章", {"规章"}, {a1}, docs},
                       {"normative_documents", "行政规范性文件", {"行政规范性文件", "规范性文件"}, {a1}, docs},
                       {"licensing", "行政许可", {"行政许可"}, {a5}, decisions},
                       {"penalty", "行政处罚", {"行政处罚"}, {a6}, decisions},
                       {"enforcement", "行政强制", {"行政强制"}, {a6}, decisions},
                       {"fees", "行政事业性收费", {"行政事业性收费"}, {a8},
                        cols({{"amount", "本年收费金额"}}, ColumnKind::Money)},
                   }};
}

TableSpec make_active_2019() {
  auto docs = cols({{"made", "本年新制作数量"}, {"published", "本年新公开数量"}, {"public_total", "对外公开总数量"}});
  std::vector<ColumnSpec> items = {{"previous_items", "上一年项目数量", ColumnKind::Count},
                                   {"change", "本年增/减", ColumnKind::SignedCount},
                                   {"decisions", "处理决定数量", ColumnKind::Count}};
  std::vector<ColumnSpec> fee_items(items.begin(), items.begin() + 2);
  const std::string a1 = "第二十条第（一）项", a5 = "第二十条第（五）项", a6 = "第二十条第（六）项",
                    a8 = "第二十条第（八）项", a9 = "第二十条第（九）项";
  return TableSpec{TableId::Active, "2019",
                   {
                       {"regulations", "规章", {"规章"}, {a1}, docs},
                       {"normative_documents", "规范性文件", {"规范性文件", "行政规范性文件"}, {a1}, docs},
                       {"licensing", "行政许可", {"行政许可"}, {a5}, items},
                       {"other_services", "其他对外管理服务事项", {"其他对外管理服务事项"}, {a5}, items},
                       {"penalty", "行政处罚", {"行政处罚"}, {a6}, items},
                       {"enforcement", "行政强制", {"行政强制"}, {a6}, items},
                       {"fees", "行政事业性收费", {"行政事业性收费"}, {a8}, fee_items},
                       {"procurement", "政府集中采购", {"政府集中采购"}, {a9},
                        {{"items", "采购项目数量", ColumnKind::Count},
                         {"amount", "采购总金额", ColumnKind::Money}}},
                   }};
}

TableSpec make_review() {
  auto five = cols({{"upheld", "结果维持"}, {"corrected", "结果纠正"}, {"other", "其他结果"},
                    {"pending", "尚未审结"}, {"total", "总计"}});
  return TableSpec{TableId::ReviewLitigation, "2021",
                   {
                       {"review", "行政复议", {"行政复议"}, {}, five},
                       {"litigation_direct", "行政诉讼·未经复议直接起诉", {"未经复议直接起诉"}, {"行政诉讼"}, five},
                       {"litigation_after_review", "行政诉讼·复议后起诉", {"复议后起诉"}, {"行政诉讼"}, five},
                   }};
}

}  // namespace

const TableSpec& active_table(std::string_view format) {
  static const TableSpec t2021 = make_active_2021();
  static const TableSpec t2019 = make_active_2019();
  return format == "2019" ? t2019 : t2021;
}

const TableSpec& requests_table(std::string_view other_layout) {
  static const TableSpec split{TableId::Requests, "2021", requests_rows(true)};
  static const TableSpec single{TableId::Requests, "2019", requests_rows(false)};
  return other_layout == "2019" ? single : split;
}

const TableSpec& review_table() {
  static const TableSpec t = make_review();
  return t;
}

const std::vector<std::string>& active_headings(std::string_view format) {
  static const std::vector<std::string> h2021 = {"本年制发件数", "本年废止件数", "现行有效件数",
                                                 "本年收费金额"};
  static const std::vector<std::string> h2019 = {"本年新制作数量", "本年新公开数量", "对外公开总数量",
                                                 "上一年项目数量", "本年增减", "其他对外管理服务事项",
                                                 "政府集中采购", "采购项目数量"};
  return format == "2019" ? h2019 : h2021;
}

}  // namespace gongkai
