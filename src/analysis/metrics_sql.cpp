#include "analysis/metrics_sql.h"

namespace gongkai {

const char* metrics_views_sql() {
  return
#include "analysis/metrics_views.inc"
      ;
}

}  // namespace gongkai
