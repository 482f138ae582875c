// Ruling lines of a page and the grids they form. Shared by the PDF reader
// (lines from the vector drawing, in points) and the scan reader (lines found
// in the image, in pixels): the unit is whatever the caller's page uses.
#pragma once
#include <vector>

namespace gongkai::grid {

// An axis-aligned box, y growing downwards (page top = 0).
struct Box {
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
  double width() const { return x1 - x0; }
  double height() const { return y1 - y0; }
  bool contains(double x, double y) const { return x >= x0 && x <= x1 && y >= y0 && y <= y1; }
};

// One ruling line. Horizontal: `pos` is y and the line runs from x=`from` to
// x=`to`. Vertical: `pos` is x, from y=`from` to y=`to`.
struct Rule {
  double pos = 0, from = 0, to = 0;
};

struct Rules {
  std::vector<Rule> horizontal, vertical;
};

}  // namespace gongkai::grid
