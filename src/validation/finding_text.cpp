#include "validation/finding_text.h"

#include <cmath>
#include <sstream>

namespace gongkai {

std::string number_text(double v) {
  std::ostringstream os;
  if (std::fabs(v - std::round(v)) < 1e-9) os << static_cast<long long>(std::llround(v));
  else os << v;
  return os.str();
}

std::string cell_name(const CellKey& k) { return k.row + "." + k.col; }

}  // namespace gongkai
