#include "evidence/statement_phrases.h"

#include "evidence/statement_words.h"

namespace gongkai {

namespace {

constexpr size_t npos = std::u32string_view::npos;
using Words = std::initializer_list<std::u32string_view>;

// What may stand between a phrase and its number: "共收到申请共计21件",
// "申请数量为21件". Nothing else may: a word between them is a qualifier the
// phrase does not know ("行政许可信息599条" counts published items, not
// decisions; "制发规范性文件及政策解读共12件" is not 12 documents).
const Words kCountFiller = {U"共", U"共计", U"合计", U"总计", U"计", U"为", U"是", U"达", U"有",
                            U":",  U"数",   U"数量", U"总数", U"件数", U"了"};

}  // namespace

// 规范性文件 and 规章 with the verb that says which column: issued, repealed,
// in force. The verb must touch the noun ("制发的规范性文件" at most): "印发
// 《…》等规范性文件5件" and "清理规范性文件…" say nothing this reads.
std::optional<Phrase> documents_phrase(std::u32string_view s, size_t number, size_t clause_start,
                                       const std::string& previous_documents_row) {
  size_t end = strip_before(s, number, kCountFiller);
  struct Noun {
    std::u32string_view word;
    const char* row;
  };
  static const Noun kNouns[] = {{U"行政规范性文件", "normative_documents"}, {U"规范性文件", "normative_documents"},
                                {U"政府规章", "regulations"}, {U"规章", "regulations"}};
  size_t in_force = word_before(s, end, {U"现行有效"});
  if (in_force != npos) {
    // "2021年制发行政规范性文件5个,现行有效54件": the clause names no
    // document, the clause before it did (sample 003).
    if (in_force == clause_start && !previous_documents_row.empty())
      return Phrase{Quantity::InForce, previous_documents_row, in_force};
    end = in_force;  // "规范性文件现行有效45件"
  }
  for (const Noun& noun : kNouns) {
    size_t at = word_before(s, end, {noun.word});
    if (at == npos) continue;
    if (in_force != npos) return Phrase{Quantity::InForce, noun.row, at};
    size_t verb_end = strip_before(s, at, {U"的", U"了"}, 1);
    static const std::pair<std::u32string_view, Quantity> kVerbs[] = {
        {U"制发", Quantity::Issued},    {U"制定", Quantity::Issued},   {U"印发", Quantity::Issued},
        {U"出台", Quantity::Issued},    {U"废止", Quantity::Repealed}, {U"现行有效", Quantity::InForce}};
    for (auto& [verb, quantity] : kVerbs) {
      size_t v = word_before(s, verb_end, {verb});
      if (v != npos) return Phrase{quantity, noun.row, v};
    }
    return std::nullopt;
  }
  return std::nullopt;
}

// "作出行政处罚决定753起" (pingtan zhz 2022). Only 决定 counts decisions:
// "行政许可信息599条" and "行政许可类信息3条" count published items, and in one
// real report (pingtan nyn 2019, "行政许可77条") the table says 0 decisions.
std::optional<Phrase> decisions_phrase(std::u32string_view s, size_t number) {
  size_t end = strip_before(s, number, kCountFiller);
  end = strip_before(s, end, {U"书"}, 1);
  static const std::pair<std::u32string_view, const char*> kRows[] = {
      {U"行政许可决定", "licensing"}, {U"行政处罚决定", "penalty"}, {U"行政强制决定", "enforcement"}};
  for (auto& [word, row] : kRows) {
    size_t at = word_before(s, end, {word});
    if (at != npos) return Phrase{Quantity::Decisions, row, at};
  }
  return std::nullopt;
}

// "行政事业性收费…万元". A fee without that name is not this cell: section 六
// reports 信息处理费, the charge for handling applications ("收取信息处理费共计
// 380元", shuyang 2025).
std::optional<Phrase> fees_phrase(std::u32string_view s, size_t number) {
  size_t end = strip_before(s, number, {U"金额", U"总额", U"收入", U"共", U"共计", U"合计", U"总计", U"计", U"为",
                                        U"达", U":", U"是"});
  size_t at = word_before(s, end, {U"行政事业性收费"});
  if (at == npos) return std::nullopt;
  return Phrase{Quantity::FeesAmount, "fees", at};
}

// "共收到政府信息公开申请21件", "收到公民、法人和其他组织政府信息公开申请7件",
// "本年度收到依申请公开事项0项": a receiving verb, then (within one clause,
// lists allowed) words that name disclosure applications and nothing else
// that is applied for (复议, 投诉 …).
std::optional<Phrase> received_phrase(std::u32string_view s, size_t number) {
  size_t end = strip_before(s, number, kCountFiller);
  static const Words kVerbs = {U"新收到", U"新收", U"收到", U"受理", U"接收", U"接到"};
  for (size_t j = end; j > 0 && end - j < 32; --j) {
    char32_t c = s[j - 1];
    if (c == U' ' || (c >= U'0' && c <= U'9') || (ends_clause(c) && c != U'、')) break;
    size_t v = word_before(s, j, kVerbs);
    if (v == npos) continue;
    std::u32string_view object = s.substr(j, end - j);
    if (!contains(object, U"申请") || !(contains(object, U"公开") || contains(object, U"信息"))) return std::nullopt;
    for (std::u32string_view other : {U"复议", U"诉讼", U"投诉", U"举报", U"信访", U"咨询", U"提案", U"建议",
                                      U"热线", U"留言", U"来信", U"来访"})
      if (contains(object, other)) return std::nullopt;
    return Phrase{Quantity::Received, "", v, s[v] == U'新'};
  }
  return std::nullopt;
}

std::optional<Phrase> carried_phrase(std::u32string_view s, size_t number) {
  size_t end = strip_before(s, number, kCountFiller);
  end = strip_before(s, end, {U"申请", U"政府信息公开申请", U"依申请公开申请", U"的", U"事项", U"案件",
                              U"继续办理", U"办理", U"继续", U"答复"}, 3);
  size_t at = word_before(s, end, {U"上年结转", U"上年度结转", U"上一年结转", U"上一年度结转"});
  if (at != npos) return Phrase{Quantity::CarriedOver, "", at};
  at = word_before(s, end, {U"结转下年", U"结转下年度", U"结转下一年", U"结转下一年度", U"结转至下年",
                            U"结转至下年度", U"结转至下一年", U"结转至下一年度", U"结转到下年", U"结转到下年度",
                            U"结转到下一年", U"结转到下一年度"});
  if (at != npos) return Phrase{Quantity::CarriedForward, "", at};
  return std::nullopt;
}

// "被申请行政复议2件", "因依申请公开引发行政复议1起", "行政诉讼0件". Who
// the reviews are about is the reader's to check (sentence_reader.cpp).
std::optional<Phrase> review_phrase(std::u32string_view s, size_t number) {
  size_t end = strip_before(s, number, kCountFiller);
  end = strip_before(s, end, {U"案件", U"案", U"申请"}, 1);
  if (size_t at = word_before(s, end, {U"行政复议"}); at != npos) return Phrase{Quantity::ReviewTotal, "", at};
  if (size_t at = word_before(s, end, {U"行政诉讼"}); at != npos) return Phrase{Quantity::LitigationTotal, "", at};
  return std::nullopt;
}

}  // namespace gongkai
