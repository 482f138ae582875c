// A finding as people read it: the message in their language, the page it is
// about, and its cells named by the labels the report prints. Shared by every
// writer (JSON, XLSX).
#pragma once
#include <nlohmann/json.hpp>
#include <optional>
#include <string>

#include "model/record.h"

namespace gongkai {

enum class Lang { Zh, En };

std::string_view severity_key(Severity s);          // error / warning / info
std::string_view finding_kind_key(FindingKind k);   // source / extraction / …

// Chinese (the finding's own text, or where its check has none yet, the
// rule's Chinese description with the English detail after it), or English.
std::string finding_message(const Finding& f, Lang lang);
// The page every cell of the finding was read on; none when its cells lie on
// several pages or were read from no page (plain text).
std::optional<int> finding_page(const Report& r, const Finding& f);
// "三 （七）总计·自然人": the table, the row and the column as printed.
std::string cell_label(const Report& r, const CellKey& k);
// {table, row, col, row_label, col_label}.
nlohmann::ordered_json cell_ref_json(const Report& r, const CellKey& k);
// Whether the one-line summary counts it: info-level findings are progress
// notes (a split the identities chose, a check that could not run), not
// problems, and stay out of it; so do the readers' notes of how a page was
// read (by OCR, turned), which every scanned page has.
bool summary_worthy(const Finding& f);

}  // namespace gongkai
