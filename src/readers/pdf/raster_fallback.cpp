#include "readers/pdf/raster_fallback.h"

#include "grid/raster_rules.h"

namespace gongkai::pdf {

grid::Rules rules_from_image(const PdfDocument& doc, int page, double dpi) {
  cv::Mat grey = doc.render(page, dpi);
  grid::RasterRuleOptions opt;
  opt.dpi = dpi;
  grid::Rules px = grid::detect_rules(grey, opt);
  double k = 72.0 / dpi;
  for (auto* v : {&px.horizontal, &px.vertical})
    for (auto& r : *v) {
      r.pos *= k;
      r.from *= k;
      r.to *= k;
    }
  return px;
}

}  // namespace gongkai::pdf
