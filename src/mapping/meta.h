// 发布机关, year and title from the head of the report.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "model/record.h"

namespace gongkai {

// `title_by_ocr`: the title hint was read by OCR, so its place names are
// checked against the known ones (agency_check.h).
Meta read_meta(std::string_view head_text, std::string_view title_hint, bool title_by_ocr = false);

// What the record should say about how its meta was read: an agency left out
// as doubtful, kept with an unknown place, corrected, or read by OCR from
// `title` at all.
std::vector<Finding> meta_findings(const Meta& meta, const std::string& title, bool title_by_ocr);

}  // namespace gongkai
