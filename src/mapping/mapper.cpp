#include "mapping/mapper.h"

#include <algorithm>

#include "template/groups.h"
#include "text/fuzzy.h"
#include "text/printed.h"
#include "text/unicode.h"

namespace gongkai {
namespace {

struct Alignment {
  double score = 0;
  std::vector<int> source_of;  // per template row: index of the source row, or -1
  std::vector<int> at_edge;    // template rows placed by order at the table's start or end
};

// Monotone alignment of printed rows to template rows maximising the summed
// label similarity: the order of rows is part of the evidence, so a short
// label ("其他", "总计") only matches where the sequence puts it.
// Rows whose labels could not be read (OCR noise, or a label printed apart
// from its numbers: shanghai-2025's PDF-to-markdown puts （五）5's and
// （六）1's label text lines above the table) but which stand, with exactly
// the right number of cells, between two rows that did match — as many
// printed rows as template rows in the gap — are those template rows, in
// order. Anchored on both sides, the order leaves no other reading.
bool exact_cells(const SourceRow& r, const RowSpec& row) {
  bool all_atomic = std::all_of(r.tokens.begin(), r.tokens.end(), [](const Token& t) { return t.atomic; });
  return (r.positional || all_atomic) && r.tokens.size() == row.columns.size();
}

// Whether a row whose own label was left unread (SourceRow::label_unread)
// agrees with template row `j` by what is known of it: a row that carries
// its group's words (the group cell belongs to the group's first row, or
// to the first on a new page) stands in that group; a row without them
// does not start one. Other rows agree.
bool shape_agrees(const SourceRow& r, const TableSpec& spec, int j) {
  if (!r.label_unread) return true;
  std::u32string words = han_only(r.label), group = group_of(spec.rows[j]);
  bool starts_group = !group.empty() && (j == 0 || group_of(spec.rows[j - 1]) != group);
  if (words.empty()) return !starts_group;
  return !group.empty() && group_named(words, spec) == group;
}

// A gap that does not fit as a whole (a row more or less somewhere): each
// group left unread under its group cell that lies whole in it is placed
// alone, when its group cell spans as many rows as the template's group
// (its words on the first, none on the others) — so one damaged group
// does not cost the others. In order: a group never placed before one
// already placed.
void fill_groups(const std::vector<SourceRow>& src, const TableSpec& spec, Alignment& a, int prev_j, int j,
                 const std::vector<int>& rows) {
  const int n = static_cast<int>(spec.rows.size());
  auto bare = [&](size_t k) { return k < rows.size() && src[rows[k]].label_unread && han_only(src[rows[k]].label).empty(); };
  int last = prev_j;
  for (size_t k = 0; k < rows.size(); ++k) {
    const SourceRow& first = src[rows[k]];
    if (!first.label_unread || han_only(first.label).empty()) continue;
    std::u32string group = group_named(han_only(first.label), spec);
    int t0 = -1, t1 = -1;
    for (int t = 0; t < n; ++t)
      if (!group.empty() && group_of(spec.rows[t]) == group) t0 = t0 < 0 ? t : t0, t1 = t + 1;
    if (t0 <= last || t1 > j) continue;
    size_t len = static_cast<size_t>(t1 - t0), q = 1;
    while (q < len && bare(k + q)) ++q;
    if (q != len || bare(k + len)) continue;
    bool fits = true;
    for (q = 0; q < len && fits; ++q) fits = exact_cells(src[rows[k + q]], spec.rows[t0 + q]) && a.source_of[t0 + q] < 0;
    if (!fits) continue;
    for (q = 0; q < len; ++q) a.source_of[t0 + q] = rows[k + q];
    last = t1 - 1;
    k += len - 1;
  }
}

// The table's start and end anchor its first and last rows as a placed row
// does: the rows before the first row placed by its label, as many as the
// template's rows before it and each exactly as wide, are those rows (a
// photographed 规章 read as nothing, its three values before 行政规范性文件:
// generated 0001, photoify seed 163, all effects). Nothing placed at all
// anchors nothing.
void fill_anchored_gaps(const std::vector<SourceRow>& src, const TableSpec& spec, Alignment& a) {
  const int n = static_cast<int>(spec.rows.size());
  int prev_j = -1, prev_i = -1;
  for (int j = 0; j <= n; ++j) {
    if (j < n && a.source_of[j] < 0) continue;
    const int next_i = j < n ? a.source_of[j] : static_cast<int>(src.size());
    if (j - prev_j > 1 && !(prev_j < 0 && j == n)) {
      std::vector<int> rows;
      for (int i = prev_i + 1; i < next_i; ++i)
        if (!src[i].tokens.empty()) rows.push_back(i);
      bool fits = static_cast<int>(rows.size()) == j - prev_j - 1;
      for (size_t k = 0; fits && k < rows.size(); ++k) {
        fits = exact_cells(src[rows[k]], spec.rows[prev_j + 1 + k]) &&
               shape_agrees(src[rows[k]], spec, prev_j + 1 + k);
      }
      if (fits) {
        for (size_t k = 0; k < rows.size(); ++k) a.source_of[prev_j + 1 + k] = rows[k];
        if (prev_j < 0 || j == n)
          for (size_t k = 0; k < rows.size(); ++k) a.at_edge.push_back(prev_j + 1 + static_cast<int>(k));
      } else {
        fill_groups(src, spec, a, prev_j, j, rows);
      }
    }
    prev_j = j;
    prev_i = next_i;
  }
}

Alignment align(const std::vector<SourceRow>& src, const TableSpec& spec) {
  const size_t m = src.size(), n = spec.rows.size();
  std::vector<std::u32string> labels(m);
  for (size_t i = 0; i < m; ++i) labels[i] = han_only(src[i].label);
  std::vector<std::vector<std::u32string>> aliases(n);
  for (size_t j = 0; j < n; ++j)
    for (auto& a : spec.rows[j].aliases) aliases[j].push_back(han_only(a));

  std::vector<double> sim(m * n, 0.0);
  for (size_t i = 0; i < m; ++i)
    for (size_t j = 0; j < n; ++j) {
      double best = 0;
      for (auto& a : aliases[j]) best = std::max(best, label_match_score(a, labels[i]));
      // A label that is mostly something else (a header glued on) still
      // matches, but a row that carries numbers is worth a little more.
      if (best > 0 && !src[i].tokens.empty()) best += 0.5;
      // A ruled table's row with no cells after its label is a header, or
      // the tail of a label cut by a page break: never a row of values.
      if (src[i].positional && src[i].tokens.empty()) best = 0;
      // A row whose own label was not read carries at most its group's
      // words ((六)其他处理 would match （六）3.其他): its place is its order.
      if (src[i].label_unread) best = 0;
      sim[i * n + j] = best;
    }
  std::vector<double> dp((m + 1) * (n + 1), 0.0);
  auto D = [&](size_t i, size_t j) -> double& { return dp[i * (n + 1) + j]; };
  for (size_t i = 1; i <= m; ++i)
    for (size_t j = 1; j <= n; ++j) {
      double v = std::max(D(i - 1, j), D(i, j - 1));
      double s = sim[(i - 1) * n + (j - 1)];
      if (s > 0) v = std::max(v, D(i - 1, j - 1) + s);
      D(i, j) = v;
    }
  Alignment a;
  a.score = D(m, n);
  a.source_of.assign(n, -1);
  for (size_t i = m, j = n; i > 0 && j > 0;) {
    double s = sim[(i - 1) * n + (j - 1)];
    if (s > 0 && D(i, j) == D(i - 1, j - 1) + s) {
      a.source_of[j - 1] = static_cast<int>(i - 1);
      --i, --j;
    } else if (D(i, j) == D(i - 1, j)) {
      --i;
    } else {
      --j;
    }
  }
  fill_anchored_gaps(src, spec, a);
  return a;
}

int heading_votes(const std::u32string& section_han, std::string_view format) {
  int votes = 0;
  for (auto& h : active_headings(format))
    if (section_han.find(han_only(h)) != std::u32string::npos) ++votes;
  return votes;
}

ReadUnit unit_for(TableId t, const RowSpec& row, const SourceRow* src) {
  ReadUnit u;
  u.table = t;
  u.row_label = row.label;
  for (auto& c : row.columns) {
    u.cells.push_back({t, row.key, c.key});
    u.kinds.push_back(c.kind);
  }
  if (src) {
    u.present = true;
    u.positional = src->positional;
    u.tokens = src->tokens;
    // Empty fields that make the row exactly as wide as the template say where its lost cells were.
    if (!src->positional && src->slots.size() == row.columns.size()) {
      u.positional = true;
      u.tokens = src->slots;
    }
    // A label printed with no values after it, in text, is a row printed
    // empty (table 三's （六）2 and 3 in pingtan-scj-2021): every cell blank,
    // not unknown cells for the identities to fill.
    if (!src->positional && src->tokens.empty()) {
      u.positional = true;
      u.tokens.assign(row.columns.size(), Token{});
      for (Token& t : u.tokens) t.atomic = true;
    }
    // OCR that reads a minus where the column can hold none read a speck:
    // the cell is not read (a count, an amount: only 2019's 本年增/减 is signed).
    if (u.positional && u.tokens.size() == u.kinds.size())
      for (size_t c = 0; c < u.tokens.size(); ++c) {
        Token& t = u.tokens[c];
        if (t.where.via == "ocr" && t.raw.size() > 1 && t.raw[0] == '-' && u.kinds[c] != ColumnKind::SignedCount)
          t.unread = true;
        // Commas that do not group thousands are a misread point, whatever
        // read them: 67676.62 scanned (eval_scan seed 87) read "67676,62"
        // and was recorded as 6767662 with no finding.
        if (!commas_group_thousands(t.raw)) t.unread = true;
      }
    u.printed_label = src->label;
    u.where = src->where;
  }
  return u;
}

// The template row (not aligned to any printed row) whose label the printed
// row carries; -1 when none.
int unaligned_row_named(const SourceRow& r, const TableSpec& spec, const Alignment& a) {
  if (r.label_unread) return -1;  // its words are its group's, not its own
  std::u32string label = han_only(r.label);
  for (size_t j = 0; j < spec.rows.size(); ++j) {
    if (a.source_of[j] >= 0) continue;
    for (auto& alias : spec.rows[j].aliases)
      if (label_match_score(han_only(alias), label) > 0) return static_cast<int>(j);
  }
  return -1;
}

// Printed rows with numbers that no template row took. One that carries the
// label of a template row left empty stands out of the table's order (a PDF
// converted to markdown prints shanghai-2025's 规章 and 行政规范性文件 after
// 行政事业性收费): the order is what keeps stray numbers out, so it is not
// read, but it is lost loudly, wherever it stands. Others between the
// aligned rows are noted.
void note_strays(const std::vector<SourceRow>& src, const Alignment& a, const TableSpec& spec,
                 std::vector<Finding>& findings) {
  const std::string table(table_key(spec.id));
  int first = -1, last = -1;
  std::vector<bool> used(src.size(), false);
  for (int s : a.source_of)
    if (s >= 0) {
      used[s] = true;
      first = first < 0 ? s : std::min(first, s);
      last = std::max(last, s);
    }
  for (int i = 0; i < static_cast<int>(src.size()); ++i) {
    if (used[i] || src[i].tokens.empty()) continue;
    std::string nums;
    for (auto& t : src[i].tokens) nums += (nums.empty() ? "" : " ") + t.raw;
    if (int j = unaligned_row_named(src[i], spec, a); j >= 0) {
      std::vector<CellKey> cells;
      for (auto& c : spec.rows[j].columns) cells.push_back({spec.id, spec.rows[j].key, c.key});
      findings.push_back({"mapping.row_out_of_order", Severity::Warning, FindingKind::Extraction,
                          table + ": printed row \"" + src[i].label + "\" with numbers [" + nums +
                              "] stands out of the table's order; not read as " + spec.rows[j].label,
                          cells});
    } else if (i >= first && i <= last) {
      findings.push_back({"mapping.unmatched_row", Severity::Info, FindingKind::Extraction,
                          table + ": printed text \"" + src[i].label + "\" with numbers [" + nums +
                              "] matches no template row; ignored",
                          {}});
    }
  }
}

// Rows a scan left unread under their group cell stand where their order
// puts them: said once per table, with the rows, so that a report printing
// a group's rows in another order (none seen so far) can be told. So are
// rows placed by order at the table's start or end (fill_anchored_gaps).
void note_placed_by_order(const std::vector<SourceRow>& src, const Alignment& a, const TableSpec& spec,
                          std::vector<Finding>& findings) {
  std::string rows;
  int n = 0;
  for (size_t j = 0; j < spec.rows.size(); ++j)
    if (int i = a.source_of[j]; i >= 0 && src[i].label_unread) {
      rows += (n++ ? ", " : "") + spec.rows[j].label;
    }
  if (n > 0)
    findings.push_back({"mapping.rows_by_order", Severity::Info, FindingKind::Extraction,
                        std::string(table_key(spec.id)) + ": " + std::to_string(n) +
                            " row(s) under a group cell placed by their order in the group, their own labels not read: " +
                            rows,
                        {}});
  rows.clear();
  for (int j : a.at_edge) rows += (rows.empty() ? "" : ", ") + spec.rows[j].label;
  if (!a.at_edge.empty())
    findings.push_back({"mapping.rows_at_edge", Severity::Info, FindingKind::Extraction,
                        std::string(table_key(spec.id)) + ": " + std::to_string(a.at_edge.size()) +
                            " row(s) at the table's edge placed by their order, their labels not read: " + rows,
                        {}});
}

const std::vector<SourceRow>& rows_of(const SourceDoc& doc, Section s) {
  static const std::vector<SourceRow> none;
  auto it = doc.rows.find(s);
  return it == doc.rows.end() ? none : it->second;
}

// Does table 三 as printed fit this layout of （六）? The rows printed (with
// numbers, or placed by the alignment: a row printed empty) between the last
// row aligned before （六） and （七）总计 are exactly as many as the layout's
// rows there: three after （五）5 for a （六） in three rows, one for （六） as
// one row; one more for each row before them that the alignment missed
// (shanghai-2025 loses （五）5's label). 1: fits, 0: does not, -1: the
// alignment lacks the anchors. Structure survives labels that OCR garbled
// past recognition, which the label scores do not.
int other_rows_fit(const std::vector<SourceRow>& src, const TableSpec& spec, const Alignment& a) {
  int last_before = -1, total = -1, anchor = -1;
  for (int j = 0; j < static_cast<int>(spec.rows.size()); ++j) {
    if (spec.rows[j].key == "rejected_confirmation") last_before = j;
    if (spec.rows[j].key == "total") total = j;
  }
  for (int j = 0; j <= last_before; ++j)
    if (a.source_of[j] >= 0) anchor = j;
  if (anchor < 0 || total < 0 || a.source_of[total] <= a.source_of[anchor]) return -1;
  std::vector<bool> placed(src.size(), false);
  for (int s : a.source_of)
    if (s >= 0) placed[s] = true;
  int printed = 0;
  for (int i = a.source_of[anchor] + 1; i < a.source_of[total]; ++i) printed += !src[i].tokens.empty() || placed[i];
  return printed == total - anchor - 1;
}

// Table 四 prints one row of fifteen cells under a two-level header; some
// extractions print it as three rows. Either way its numbers, in order, are
// review ×5, direct litigation ×5, litigation after review ×5.
ReadUnit review_unit(const std::vector<SourceRow>& src) {
  const TableSpec& spec = review_table();
  ReadUnit u;
  u.table = TableId::ReviewLitigation;
  u.row_label = "四、政府信息公开行政复议、行政诉讼情况";
  for (auto& r : spec.rows)
    for (auto& c : r.columns) {
      u.cells.push_back({TableId::ReviewLitigation, r.key, c.key});
      u.kinds.push_back(c.kind);
    }
  for (auto& r : src) {
    std::vector<Token> exact;
    // Fifteen cells each certainly one ("| 40 | 0 | … | 22 |"): the row itself.
    bool all_atomic = std::all_of(r.tokens.begin(), r.tokens.end(), [](const Token& t) { return t.atomic; });
    if (r.tokens.size() == u.cells.size() && (r.positional || all_atomic)) exact = r.tokens;
    // Plain text: empty fields inside the row and before it (the row has no
    // label column) place its lost cells.
    const std::vector<Token>& fields = r.slots.empty() ? r.tokens : r.slots;
    if (!r.positional && r.slots.size() == u.cells.size()) exact = r.slots;
    else if (!r.positional && r.lead_empty > 0 && r.lead_empty + fields.size() == u.cells.size()) {
      Token lost;
      lost.atomic = lost.unread = true;
      exact.assign(r.lead_empty, lost);
      exact.insert(exact.end(), fields.begin(), fields.end());
    }
    if (!exact.empty()) {
      u.present = true;
      u.positional = true;
      u.tokens = std::move(exact);
      u.where = r.where;
      return u;
    }
  }
  for (auto& r : src) {
    // Narrative that lost its heading ends the table: a long sentence after numbers.
    if (!u.tokens.empty() && han_only(r.label).size() > 40) break;
    u.tokens.insert(u.tokens.end(), r.tokens.begin(), r.tokens.end());
    if (!r.tokens.empty() && !u.present) u.where = r.where;
    if (!r.tokens.empty()) u.present = true;
  }
  if (u.tokens.size() > u.cells.size()) {
    // A dash or slash inside the two-level header is garbling, not a cell.
    std::vector<Token> kept;
    for (auto& t : u.tokens)
      if (t.raw.find_first_of("0123456789") != std::string::npos) kept.push_back(t);
    if (kept.size() <= u.cells.size()) u.tokens = std::move(kept);
  }
  return u;
}

}  // namespace

Mapping map_tables(const SourceDoc& doc, std::optional<int> year) {
  Mapping m;
  // Table 二: headings vote for the format; the alignment breaks ties.
  const auto& act = rows_of(doc, Section::Active);
  std::string active_format;
  if (!act.empty()) {
    auto it = doc.section_text.find(Section::Active);
    std::u32string han = it == doc.section_text.end() ? U"" : han_only(it->second);
    int v19 = heading_votes(han, "2019"), v21 = heading_votes(han, "2021");
    Alignment a19 = align(act, active_table("2019")), a21 = align(act, active_table("2021"));
    if (v19 != v21) active_format = v19 > v21 ? "2019" : "2021";
    else if (a19.score != a21.score) active_format = a19.score > a21.score ? "2019" : "2021";
    else active_format = year && *year <= 2020 ? "2019" : "2021";
    const TableSpec& spec = active_table(active_format);
    const Alignment& a = active_format == "2019" ? a19 : a21;
    if (a.score > 0) {
      m.active = {&spec, true};
      for (size_t j = 0; j < spec.rows.size(); ++j)
        m.units.push_back(unit_for(TableId::Active, spec.rows[j],
                                   a.source_of[j] >= 0 ? &act[a.source_of[j]] : nullptr));
      note_strays(act, a, spec, m.findings);
      note_placed_by_order(act, a, spec, m.findings);
    }
  }

  // Table 三: （六） in three rows or in one; whichever the printed rows fit.
  const auto& req = rows_of(doc, Section::Requests);
  std::string requests_layout;
  if (!req.empty()) {
    Alignment split = align(req, requests_table("2021")), single = align(req, requests_table("2019"));
    int fits_split = other_rows_fit(req, requests_table("2021"), split);
    int fits_single = other_rows_fit(req, requests_table("2019"), single);
    if (fits_split == 1 && fits_single != 1) requests_layout = "2021";
    else if (fits_single == 1 && fits_split != 1) requests_layout = "2019";
    else
      requests_layout = split.score > single.score ? "2021"
                        : single.score > split.score ? "2019"
                        : (active_format.empty() ? (year && *year <= 2020 ? "2019" : "2021") : active_format);
    const TableSpec& spec = requests_table(requests_layout);
    const Alignment& a = requests_layout == "2019" ? single : split;
    if (a.score > 0) {
      m.requests = {&spec, true};
      for (size_t j = 0; j < spec.rows.size(); ++j)
        m.units.push_back(unit_for(TableId::Requests, spec.rows[j],
                                   a.source_of[j] >= 0 ? &req[a.source_of[j]] : nullptr));
      note_strays(req, a, spec, m.findings);
      note_placed_by_order(req, a, spec, m.findings);
    }
  }

  const auto& rev = rows_of(doc, Section::Review);
  if (!rev.empty()) {
    ReadUnit u = review_unit(rev);
    if (u.present) {
      m.review = {&review_table(), true};
      m.units.push_back(std::move(u));
    }
  }

  // The format is decided by the tables themselves: table 二's headings and
  // rows first, then the shape of table 三, then the year.
  if (!active_format.empty() && m.active.found) m.format = active_format;
  else if (m.requests.found) m.format = requests_layout;
  else if (m.review.found) m.format = year && *year <= 2020 ? "2019" : "2021";
  return m;
}

}  // namespace gongkai
