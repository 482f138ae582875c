// 发布机关, year and title from the head of the report.
#pragma once
#include <string_view>

#include "model/record.h"

namespace gongkai {

// `title_by_ocr`: the title hint was read by OCR, so its place names are
// checked against the known ones (agency_check.h).
Meta read_meta(std::string_view head_text, std::string_view title_hint, bool title_by_ocr = false);

}  // namespace gongkai
