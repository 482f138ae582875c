// The phrases that name a table cell, read backwards from a number: "制发
// 规范性文件22件" names table 二's issued documents. A phrase only says what
// the words before the number name; whether the sentence is about the
// report's year, a level rather than a change, the whole rather than a part,
// is the reader's to judge (evidence/sentence_reader.h).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace gongkai {

enum class Quantity {
  Issued,          // 制发/制定/印发/出台 规范性文件|规章 N件
  Repealed,        // 废止 规范性文件|规章 N件
  InForce,         // 现行有效(的) 规范性文件|规章 N件
  Decisions,       // 行政许可|行政处罚|行政强制 决定 N件
  FeesAmount,      // 行政事业性收费 N(万)元
  Received,        // 收到|受理 … 政府信息公开申请 N件 (sentence_reader.cpp says when it is new_received)
  CarriedOver,     // 上年结转 N件
  CarriedForward,  // 结转下年度 N件
  ReviewTotal,     // (信息公开 …) 行政复议 N件
  LitigationTotal, // (信息公开 …) 行政诉讼 0件 (zero only: a nonzero number is two cells' sum)
};

struct Phrase {
  Quantity quantity = Quantity::Issued;
  std::string row;        // table 二's row (normative_documents, licensing, …); "" for the others
  size_t keyword = 0;     // where the phrase starts
  bool says_new = false;  // 新收: the year's new applications by name
};

// Each looks at s[..number), the text before a number's first digit.
// `clause_start`: where the number's clause begins; `previous_documents_row`:
// the documents an earlier clause of the same stretch counted, for "现行有效
// 54件" after "制发行政规范性文件5个".
std::optional<Phrase> documents_phrase(std::u32string_view s, size_t number, size_t clause_start,
                                       const std::string& previous_documents_row);
std::optional<Phrase> decisions_phrase(std::u32string_view s, size_t number);
std::optional<Phrase> fees_phrase(std::u32string_view s, size_t number);
std::optional<Phrase> received_phrase(std::u32string_view s, size_t number);
std::optional<Phrase> carried_phrase(std::u32string_view s, size_t number);
std::optional<Phrase> review_phrase(std::u32string_view s, size_t number);

}  // namespace gongkai
