// 发布机关, year and title from the head of the report.
#pragma once
#include <string_view>

#include "model/record.h"

namespace gongkai {

Meta read_meta(std::string_view head_text, std::string_view title_hint);

}  // namespace gongkai
