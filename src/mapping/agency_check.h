// An agency name checked against the names of China's administrative
// divisions: corrected (or left out) when read by OCR, pointed out when printed. OCR of a bold title misreads a place's rarer
// character with confidence (宜兴市 → 宣兴市, 芜湖市 → 范湖市, 鄞州区 → 部州区):
// the place names an agency opens with are a closed set, its organ ends it
// (…局, …人民政府, …办事处). A place one character from exactly one known
// name (within its prefecture, when the title names one) is corrected; one
// that is several known names away from any, or equally near several, makes
// the agency doubtful: better no agency than a wrong one.
#pragma once
#include <string>

namespace gongkai {

struct AgencyCheck {
  std::string agency;  // corrected, or as read; "" when doubtful
  bool changed = false;
  bool doubtful = false;
  bool place_unknown = false;  // a place it names is no known one (the rest is about the organ)
  std::string note;    // what was done and why, naming the characters
};

AgencyCheck check_agency(const std::string& agency);

}  // namespace gongkai
