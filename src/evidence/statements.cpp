// The narrative's statements: every sentence of every section read
// (evidence/sentence_reader.h), each mention put on the template cell it
// speaks of in the report's format, and a cell the narrative states two
// ways left without a statement.
#include "evidence/statements.h"

#include <algorithm>
#include <set>
#include <string_view>
#include <tuple>

#include "evidence/narrative_text.h"
#include "evidence/sentence_reader.h"
#include "text/unicode.h"

namespace gongkai {

namespace {

// The cells a mention states in `format`; none where that format has no
// such column (the 2019 table 二 has no 废止, 现行有效 or 收费金额).
std::vector<CellKey> cells_of(const Mention& m, const std::string& format) {
  const bool f2021 = format == "2021", f2019 = format == "2019";
  switch (m.quantity) {
    case Quantity::Issued:
      if (f2021) return {{TableId::Active, m.row, "issued"}};
      if (f2019) return {{TableId::Active, m.row, "made"}};
      return {};
    case Quantity::Repealed:
      if (f2021) return {{TableId::Active, m.row, "repealed"}};
      return {};
    case Quantity::InForce:
      if (f2021) return {{TableId::Active, m.row, "in_force"}};
      return {};
    case Quantity::Decisions:
      if (f2021 || f2019) return {{TableId::Active, m.row, "decisions"}};
      return {};
    case Quantity::FeesAmount:
      if (f2021) return {{TableId::Active, "fees", "amount"}};
      return {};
    case Quantity::Received: return {{TableId::Requests, "new_received", "total"}};
    case Quantity::CarriedOver: return {{TableId::Requests, "carried_over", "total"}};
    case Quantity::CarriedForward: return {{TableId::Requests, "carried_forward", "total"}};
    case Quantity::ReviewTotal: return {{TableId::ReviewLitigation, "review", "total"}};
    case Quantity::LitigationTotal:
      return {{TableId::ReviewLitigation, "litigation_direct", "total"},
              {TableId::ReviewLitigation, "litigation_after_review", "total"}};
  }
  return {};
}

bool is_money_unit(const std::string& unit) { return unit.find("元") != std::string::npos; }

// The same sentence read twice (a section's text repeated, a sentence
// printed again in 五) is one statement.
void drop_repeated(std::vector<Statement>& out) {
  std::set<std::tuple<const CellKey&, double, std::string_view, std::string_view>> seen;
  std::vector<bool> repeated(out.size());
  for (size_t i = 0; i < out.size(); ++i)
    repeated[i] = !seen.insert({out[i].cell, out[i].value, out[i].unit, out[i].sentence}).second;
  size_t kept = 0;
  for (size_t i = 0; i < out.size(); ++i)
    if (!repeated[i]) {
      if (kept != i) out[kept] = std::move(out[i]);
      ++kept;
    }
  out.resize(kept);
}

// A cell the narrative states with two values in one kind of unit (two
// counts, or two sums in 万元) is one the narrative does not settle: both
// go. 万元 beside 元 is no contradiction, and neither is the same value twice.
void drop_contradicted(std::vector<Statement>& out) {
  auto kind = [](const Statement& s) { return std::make_pair(s.cell, is_money_unit(s.unit) ? s.unit : std::string()); };
  std::map<std::pair<CellKey, std::string>, std::set<double>> values;
  for (const Statement& s : out) values[kind(s)].insert(s.value);
  std::erase_if(out, [&](const Statement& s) { return values[kind(s)].size() > 1; });
}

// The stretch between semicolons a mention was read from, as printed. A
// stretch longer than any sentence of a real report (the longest in samples/
// and the real archive is 326 characters) is text that lost its
// punctuation: the quote is then the phrase with some context either side,
// so that quoting stays linear in the narrative.
std::string quote(const NarrativeText& text, const SentenceSpan& span, const Mention& m) {
  constexpr size_t kLongest = 400, kContext = 60;
  size_t begin = span.begin + m.piece_begin;
  size_t end = m.piece_end == span.end - span.begin ? span.quote_end : span.begin + m.piece_end + 1;
  if (end - begin <= kLongest) return text.quote(begin, end);
  size_t from = std::max(begin, span.begin + m.keyword - std::min(m.keyword, kContext));
  size_t to = std::min(end, span.begin + m.number_end + kContext);
  return (from > begin ? "…" : "") + text.quote(from, to) + (to < end ? "…" : "");
}

}  // namespace

std::vector<Statement> narrative_statements(const std::map<Section, std::string>& narrative,
                                            const std::string& format, std::optional<int> year) {
  std::vector<Statement> out;
  for (const auto& [section, text] : narrative) {
    NarrativeText prepared = prepare_narrative(text);
    std::u32string_view norm = prepared.norm;
    for (const SentenceSpan& span : sentences(prepared)) {
      auto mentions = read_sentence(norm.substr(span.begin, span.end - span.begin), year, section == Section::Review);
      std::string sentence;
      for (size_t i = 0; i < mentions.size(); ++i) {
        const Mention& m = mentions[i];
        bool same_piece = i > 0 && mentions[i - 1].piece_begin == m.piece_begin && !sentence.starts_with("…");
        if (!same_piece) sentence = quote(prepared, span, m);
        for (CellKey cell : cells_of(m, format))
          out.push_back(Statement{std::move(cell), m.value, to_utf8(m.unit), sentence, section});
      }
    }
  }
  drop_repeated(out);
  drop_contradicted(out);
  return out;
}

}  // namespace gongkai
