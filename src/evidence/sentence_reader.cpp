#include "evidence/sentence_reader.h"

#include <algorithm>

#include "evidence/statement_phrases.h"
#include "evidence/statement_words.h"

namespace gongkai {

namespace {

bool is_money(Quantity q) { return q == Quantity::FeesAmount; }

class SentenceReader {
 public:
  SentenceReader(std::u32string_view s, std::optional<int> year, bool in_review_section)
      : s_(s), year_(year), in_review_section_(in_review_section) {}

  std::vector<Mention> read() {
    for (size_t i = 0; i < s_.size();) i = step(i);
    close_piece(s_.size());
    return apply_sentence_rules();
  }

 private:
  // Reads what starts at s_[i]; returns where the next thing starts.
  size_t step(size_t i) {
    char32_t c = s_[i];
    if (c == U'《') ++book_depth_;
    if (c == U'》' && book_depth_ > 0) --book_depth_;
    if (c == U';') {
      close_piece(i);
      start_piece(i + 1);
      return i + 1;
    }
    if (ends_clause(c)) bounds_.push_back(i);
    if (ends_clause(c) && c != U'、') comma_bounds_.push_back(i);
    if (c >= U'0' && c <= U'9' && (i == 0 || s_[i - 1] < U'0' || s_[i - 1] > U'9')) return number(i);
    if (auto m = marker_at(s_, i)) {
      // A title (《…政府信息公开条例》, 《2021年…方案》) qualifies nothing;
      // what it says against a statement still counts.
      bool enables = m->kind == MarkerKind::Disclosure || m->kind == MarkerKind::ThisYear ||
                     m->kind == MarkerKind::Application;
      if (book_depth_ == 0 || !enables) note(m->kind, i);
      return i + m->word.size();
    }
    return i + 1;
  }

  void note(MarkerKind kind, size_t at) {
    long pos = static_cast<long>(at);
    switch (kind) {
      case MarkerKind::OtherPeriod: other_period_ = pos; break;
      case MarkerKind::ThisYear: this_year_ = pos; break;
      case MarkerKind::Change: change_ = pos; break;
      case MarkerKind::Plan: plan_ = pos; break;
      case MarkerKind::Part: part_ = pos; parts_.push_back(at); break;
      case MarkerKind::Disclosure:
        disclosure_ = pos;
        if (s_.substr(at, 5) == U"依申请公开") application_ = pos;
        break;
      case MarkerKind::Outcome: outcome_ = pos; break;
      case MarkerKind::Amendment: amendment_ = true; break;
      case MarkerKind::Application: application_ = pos; break;
      case MarkerKind::Organ: organ_ = pos; break;
      case MarkerKind::OtherAct: other_act_ = pos; break;
      case MarkerKind::Neutral: break;
    }
  }

  size_t number(size_t i) {
    PrintedNumber n = read_number(s_, i);
    if (book_depth_ > 0) return n.after;
    // "1-6月" is a month though its 6 does not stand alone.
    if (n.kind == UnitKind::Month) note_month(n);
    if (!n.standalone) return n.after;
    if (n.kind == UnitKind::Year) note_year(n);
    if (n.kind != UnitKind::Count && n.kind != UnitKind::Money) return n.after;
    int ordinal = ordinal_++;
    count_ends_.push_back(n.after);
    if (auto found = match(n)) {
      if (admissible(*found, n)) {
        Mention m{found->quantity, found->row, n.value, n.unit, found->keyword, n.after, piece_begin_, 0, ordinal,
                  found->says_new};
        if (found->quantity == Quantity::Issued || found->quantity == Quantity::Repealed)
          previous_documents_row_ = found->row;
        if (found->quantity == Quantity::ReviewTotal || found->quantity == Quantity::LitigationTotal)
          disclosure_review_ = true;
        mentions_.push_back(std::move(m));
      }
    }
    return n.after;
  }

  std::optional<Phrase> match(const PrintedNumber& n) {
    size_t p = n.begin;
    if (n.kind == UnitKind::Money) {
      if (auto f = fees_phrase(s_, p)) return f;
      return std::nullopt;
    }
    if (!n.integer) return std::nullopt;
    if (auto f = documents_phrase(s_, p, clause_start(p), previous_documents_row_)) return f;
    if (auto f = decisions_phrase(s_, p)) return f;
    if (auto f = carried_phrase(s_, p)) return f;
    if (auto f = received_phrase(s_, p)) return f;
    if (auto f = review_phrase(s_, p)) return f;
    return std::nullopt;
  }

  // The year named nearest before a number is the year the number is about
  // ("2020年收到申请15件" in a 2021 report is last year's).
  void note_year(const PrintedNumber& n) {
    if (!n.integer || n.value < 1990 || n.value > 2100) return;
    year_named_ = static_cast<int>(n.value);
    if (year_ && *year_named_ == *year_) this_year_ = static_cast<long>(n.begin);
  }

  // A month names part of the year ("1-6月", "截至11月底"), except the
  // year's own first and last days and the whole of it ("1月1日至12月31日",
  // "截至12月底", "1-12月").
  void note_month(const PrintedNumber& n) {
    auto next = [&](std::u32string_view w) { return s_.substr(n.after, w.size()) == w; };
    auto from_january = [&] {
      if (n.begin < 2 || s_[n.begin - 2] != U'1') return false;
      char32_t c = s_[n.begin - 1];
      return c == U'-' || c == U'至' || c == U'到' || c == U'~' || c == U'—';
    };
    bool first_day = n.value == 1 && next(U"1日");
    bool year_end = n.value == 12 && (next(U"31日") || next(U"底") || next(U"末") || from_january());
    if (!first_day && !year_end) other_period_ = static_cast<long>(n.begin);
  }

  // Where the clause holding s_[at] begins; `lists` counts "、" as a clause
  // boundary, which it is for a number but not for a qualifier
  // ("政府信息公开工作方面共有行政诉讼案件1件、行政复议案件2件").
  size_t clause_start(size_t at, bool lists = true) const {
    const std::vector<size_t>& bounds = lists ? bounds_ : comma_bounds_;
    auto it = std::lower_bound(bounds.begin(), bounds.end(), at);
    if (it == bounds.begin()) return piece_begin_;
    return std::max(piece_begin_, *std::prev(it) + 1);
  }

  bool admissible(const Phrase& f, const PrintedNumber& n) const {
    if (is_money(f.quantity) != (n.kind == UnitKind::Money)) return false;
    long clause = static_cast<long>(clause_start(f.keyword));
    if (!about_this_year() || change_ >= clause || plan_ >= clause) return false;
    // A part of something named before ("其中…3件"). The carry-over and the
    // new applications are the parts the template itself counts.
    bool own_part = f.quantity == Quantity::CarriedOver || (f.quantity == Quantity::Received && f.says_new);
    if (part_ >= static_cast<long>(piece_begin_) && !own_part) return false;
    switch (f.quantity) {
      case Quantity::Decisions: return outcome_ < clause && other_act_ < clause;
      case Quantity::CarriedOver:
      case Quantity::CarriedForward: return application_ >= 0;
      case Quantity::ReviewTotal:
      case Quantity::LitigationTotal: return review_of_own_disclosure(f, clause);
      default: return true;
    }
  }

  // The nearest year named is the report's, and no other period is named
  // after it ("上年", "同比", "1-6月"; "全年" names this year again).
  bool about_this_year() const {
    if (year_named_ && (!year_ || *year_named_ != *year_)) return false;
    return other_period_ < 0 || other_period_ < this_year_;
  }

  // Table 四 counts reviews and suits of the agency's own disclosure work.
  // "受理行政复议3件,其中信息公开类1件": the 3 are all reviews, so the
  // disclosure qualifier must come first, in the same clause (or an earlier
  // clause already counted such reviews, or the sentence stands in 四).
  bool review_of_own_disclosure(const Phrase& f, long clause) const {
    if (outcome_ >= clause || organ_ >= clause) return false;
    if (in_review_section_ || disclosure_review_) return true;
    return disclosure_ >= static_cast<long>(clause_start(f.keyword, false));
  }

  void start_piece(size_t at) {
    piece_begin_ = at;
    other_period_ = this_year_ = part_ = change_ = plan_ = outcome_ = organ_ = other_act_ = -1;
    previous_documents_row_.clear();
    disclosure_review_ = false;
  }

  void close_piece(size_t end) {
    for (size_t i = piece_first_mention_; i < mentions_.size(); ++i) mentions_[i].piece_end = end;
    piece_first_mention_ = mentions_.size();
  }

  std::vector<Mention> apply_sentence_rules();
  bool received_means_new(const Mention& r) const;

  std::u32string_view s_;
  std::optional<int> year_;
  bool in_review_section_;
  int book_depth_ = 0, ordinal_ = 0;
  size_t piece_first_mention_ = 0;
  size_t piece_begin_ = 0;
  std::optional<int> year_named_;
  // Where each kind of marker was last seen (-1: not in this stretch).
  long other_period_ = -1, this_year_ = -1, part_ = -1, change_ = -1, plan_ = -1, outcome_ = -1, organ_ = -1,
       other_act_ = -1;
  long disclosure_ = -1, application_ = -1;  // anywhere in the sentence
  bool amendment_ = false;                   // anywhere in the sentence
  bool disclosure_review_ = false;           // this stretch counted reviews of disclosure already
  std::vector<size_t> bounds_, comma_bounds_, parts_, count_ends_;
  std::vector<int> carried_over_;  // ordinals of the carry-over mentions, ascending
  std::string previous_documents_row_;
  std::vector<Mention> mentions_;
};

// "收到申请N件" is the year's new applications in most reports and new plus
// carried-over ones in others: shuyang 2025 "共受理政府信息公开申请749件" is
// 713 new + 36 carried over, pingtan 2022 "收到政府信息公开申请75件" is 74 + 1,
// while shanghai 2025 "共受理…1295件" is 1295 new. It is read as new when the
// sentence says so (新收), when it is 0 (then both are 0), or when the same
// sentence counts the carry-over apart, after it and not as its part: "受理
// …1295件,办结1191件(含上年结转189件)". "收到申请21件(其中上年结转3件)" and
// "收到申请21件,上年结转3件" (which may be its part) are not.
bool SentenceReader::received_means_new(const Mention& r) const {
  // What follows it as its part ("收到申请21件,其中自然人15件", "(含上年结转3件)").
  size_t r_end = count_ends_[r.ordinal];
  size_t next_end = r.ordinal + 1 < static_cast<int>(count_ends_.size()) ? count_ends_[r.ordinal + 1] : s_.size();
  auto part = std::lower_bound(parts_.begin(), parts_.end(), r_end);
  bool has_parts = part != parts_.end() && *part < next_end;
  bool carry_next = std::binary_search(carried_over_.begin(), carried_over_.end(), r.ordinal + 1);
  if (carry_next && has_parts) return false;  // "新收申请21件(含上年结转2件)" is new + carried over
  if (r.says_new || r.value == 0) return true;
  bool carry_apart = !carried_over_.empty() && carried_over_.front() > r.ordinal + 1;
  return carry_apart && !has_parts;
}

std::vector<Mention> SentenceReader::apply_sentence_rules() {
  for (const Mention& m : mentions_)
    if (m.quantity == Quantity::CarriedOver) carried_over_.push_back(m.ordinal);
  std::vector<Mention> out;
  for (const Mention& m : mentions_) {
    // "现行有效规范性文件45件,废止3件": before or after the repeal? Unknown.
    if (m.quantity == Quantity::InForce && amendment_) continue;
    if (m.quantity == Quantity::Received && !received_means_new(m)) continue;
    // 行政诉讼 in table 四 is two groups (direct, after review): only a zero
    // says what each of them is.
    if (m.quantity == Quantity::LitigationTotal && m.value != 0) continue;
    out.push_back(m);
  }
  return out;
}

}  // namespace

std::vector<Mention> read_sentence(std::u32string_view sentence, std::optional<int> year, bool in_review_section) {
  return SentenceReader(sentence, year, in_review_section).read();
}

}  // namespace gongkai
