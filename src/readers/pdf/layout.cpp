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
    double cy_sum, h0;  // sum of the glyphs' middles; the first glyph's height
  };
  std::vector<Building> lines;
  for (const Glyph* g : glyphs) {
    double h = std::max(g->box.height(), 0.1);
    bool placed = false;
    // Only the last few lines can overlap a glyph sorted by its centre.
    for (size_t k = lines.size(); k-- > 0 && k + 4 >= lines.size();) {
      Building& l = lines[k];
      double overlap = std::min(l.y1, g->box.y1) - std::max(l.y0, g->box.y0);
      // Boxes are the font's full height, taller than the line pitch of a
      // tightly set heading (Chromium's <h1>): its two lines overlapped by
      // 55 % (boxes 62 pt tall, 28.5 pt apart) and were read interleaved
      // (上年海度报市告…). A glyph joins a line whose middle is within half
      // its type size of its own.
      double centre_gap = std::abs((l.cy_sum / static_cast<double>(l.glyphs.size())) - (g->box.y0 + g->box.y1) / 2);
      double size = g->font_size > 0 ? std::min(h, g->font_size) : h;
      if (overlap >= 0.5 * std::min(h, l.y1 - l.y0) && centre_gap < 0.5 * std::min(size, l.h0)) {
        l.glyphs.push_back(g);
        l.cy_sum += (g->box.y0 + g->box.y1) / 2;
        l.y0 = std::min(l.y0, g->box.y0);
        l.y1 = std::max(l.y1, g->box.y1);
        placed = true;
        break;
      }
    }
    if (!placed) lines.push_back({{g}, g->box.y0, g->box.y1, (g->box.y0 + g->box.y1) / 2, h});
  }
  std::vector<TextLine> out;
  for (auto& l : lines) {
    std::sort(l.glyphs.begin(), l.glyphs.end(), [](const Glyph* a, const Glyph* b) { return a->box.x0 < b->box.x0; });
    TextLine t;
    t.box = l.glyphs.front()->box;
    std::vector<double> sizes;
    const Glyph* prev = nullptr;
    for (const Glyph* g : l.glyphs) {
      if (prev && g->box.x0 - prev->box.x1 > 0.3 * std::max(prev->font_size, 1.0)) t.text += ' ';
      if (g->ch != U' ') t.text += to_utf8(g->ch);
      t.box.x0 = std::min(t.box.x0, g->box.x0);
      t.box.y0 = std::min(t.box.y0, g->box.y0);
      t.box.x1 = std::max(t.box.x1, g->box.x1);
      t.box.y1 = std::max(t.box.y1, g->box.y1);
      sizes.push_back(g->font_size);
      prev = g;
    }
    // The median: a title set in a CJK font with its year in a Latin one
    // (Chromium) has two sizes on a line; the mean of them made its first
    // line smaller than its last (one character), which alone became the title.
    std::nth_element(sizes.begin(), sizes.begin() + static_cast<long>(sizes.size() / 2), sizes.end());
    t.font_size = sizes[sizes.size() / 2];
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
