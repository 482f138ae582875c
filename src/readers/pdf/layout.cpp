#include "readers/pdf/layout.h"

#include <algorithm>
#include <cmath>

#include "text/unicode.h"

namespace gongkai::pdf {

std::vector<TextLine> group_lines(std::vector<const Glyph*> glyphs) {
  std::sort(glyphs.begin(), glyphs.end(), [](const Glyph* a, const Glyph* b) {
    return a->box.y0 + a->box.y1 < b->box.y0 + b->box.y1;
  });
  struct Building {
    std::vector<const Glyph*> glyphs;
    double y0, y1;
  };
  std::vector<Building> lines;
  for (const Glyph* g : glyphs) {
    double h = std::max(g->box.height(), 0.1);
    bool placed = false;
    // Only the last few lines can overlap a glyph sorted by its centre.
    for (size_t k = lines.size(); k-- > 0 && k + 4 >= lines.size();) {
      Building& l = lines[k];
      double overlap = std::min(l.y1, g->box.y1) - std::max(l.y0, g->box.y0);
      if (overlap >= 0.5 * std::min(h, l.y1 - l.y0)) {
        l.glyphs.push_back(g);
        l.y0 = std::min(l.y0, g->box.y0);
        l.y1 = std::max(l.y1, g->box.y1);
        placed = true;
        break;
      }
    }
    if (!placed) lines.push_back({{g}, g->box.y0, g->box.y1});
  }
  std::vector<TextLine> out;
  for (auto& l : lines) {
    std::sort(l.glyphs.begin(), l.glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
    TextLine t;
    t.box = l.glyphs.front()->box;
    double size_sum = 0;
    const Glyph* prev = nullptr;
    for (const Glyph* g : l.glyphs) {
      if (prev && g->box.x0 - prev->box.x1 > 0.3 * std::max(prev->font_size, 1.0)) t.text += ' ';
      if (g->ch != U' ') t.text += to_utf8(g->ch);
      t.box.x0 = std::min(t.box.x0, g->box.x0);
      t.box.y0 = std::min(t.box.y0, g->box.y0);
      t.box.x1 = std::max(t.box.x1, g->box.x1);
      t.box.y1 = std::max(t.box.y1, g->box.y1);
      size_sum += g->font_size;
      prev = g;
    }
    t.font_size = size_sum / static_cast<double>(l.glyphs.size());
    out.push_back(std::move(t));
  }
  return out;
}

std::string cell_text(const std::vector<const Glyph*>& glyphs) {
  std::string out;
  for (auto& line : group_lines(glyphs)) out += line.text;
  return out;
}

}  // namespace gongkai::pdf
