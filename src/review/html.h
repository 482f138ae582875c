// Small helpers for writing HTML by hand: the pages are plain markup, and a
// template engine would be a dependency for a few dozen lines.
#pragma once
#include <string>
#include <string_view>

namespace gongkai::review {

// Text and attribute values: & < > " ' escaped.
std::string esc(std::string_view s);
// A JSON text inside <script type="application/json">: "</" cannot end the element.
std::string script_json(std::string_view json_text);
// A number for a style attribute: 4 decimals (1/10000 of a page is 0.1 px at 110 dpi).
std::string pct(double v);

}  // namespace gongkai::review
