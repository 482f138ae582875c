// One sentence of a narrative read for what it states about table cells:
// "2023年,我局制定规范性文件5件" states 5 documents issued. Format-free: the
// template columns are chosen later (statements.cpp).
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "evidence/statement_phrases.h"

namespace gongkai {

struct Mention {
  Quantity quantity = Quantity::Issued;
  std::string row;       // table 二's row (normative_documents, licensing, …); "" for the others
  double value = 0;
  std::u32string unit;   // as printed
  size_t keyword = 0;    // where the phrase starts in the sentence
  size_t number_end = 0; // where the number and its unit end
  size_t piece_begin = 0, piece_end = 0;  // the stretch between semicolons it was read from
  int ordinal = 0;       // among the sentence's numbers with a count or money unit
  bool says_new = false; // 新收: the year's new applications by name
};

// `year` is the report's (a sentence naming another year states nothing;
// with no year known, a sentence naming any year states nothing).
// `in_review_section`: the sentence stands in section 四, whose reviews and
// suits are about information disclosure without saying so.
std::vector<Mention> read_sentence(std::u32string_view sentence, std::optional<int> year, bool in_review_section);

}  // namespace gongkai
