// The image of one table cell as Tesseract is given it.
//
// What happens to a cell, before Tesseract sees it (all with OpenCV):
//   1. the rectangle is clipped to the page and shrunk inward by a few pixels
//      so that the cell's own ruling lines stay out;
//   2. ink is separated from paper (threshold 30% of the way from the paper
//      level to the darkest ink of the cell, so that the thin grey strokes of
//      a scan stay whole); connected pieces of ink that are
//      remnants of ruling lines (rows/columns along an edge that are mostly
//      ink, pieces that are long and thin or lie within a band along the
//      edges: corners, stubs, the wedge of a tilted line) or specks
//      of dust and noise are dropped. A number cell keeps only digit-sized
//      pieces, plus a small dot only where a decimal point can be (between two
//      digits, on the baseline);
//   3. no ink left: the cell is empty (`empty_cell`), Tesseract is not called;
//   4. a number cell whose only ink is one flat stroke is "-", one thin
//      slanted stroke is "/" (decided from the shape, not by Tesseract, which
//      reads lone strokes badly);
//   5. the kept ink is cut out tight, contrast-stretched (paper 255, ink 0),
//      scaled so that its text is about `number_text_px` / `label_text_px`
//      high (a 200 dpi scan prints table digits ~17 px and Han characters
//      ~20 px high, 300 dpi ~25 / ~30 px) and framed with white padding;
//   6. the cut-out is given to Tesseract (SetImage of the small image rather
//      than SetImage of the page and SetRectangle per cell: the cleaning and
//      scaling of steps 2-5 cannot be expressed with a rectangle), which
//      recognises it. Empty cells, dashes and slashes never reach Tesseract.
//
// prepare_cell does steps 1-4 and the cut-out of step 5; framed scales and pads
// it (a vertical heading is first laid out as one line: vertical_heading.h).
#pragma once

#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "ocr/cell_ocr.h"

namespace gongkai::ocr {

struct PreparedCell {
  bool empty = false;
  std::string shape_text;  // "-" or "/" recognised from the shape alone
  cv::Mat ink;             // cut-out: paper 255, ink dark, only kept components, native scale
  double text_h = 0;       // typical height of a text line (native pixels)
  // Number cells: how many digits the ink shows, counted as runs of columns
  // whose ink spans most of the digit height. Every digit has such a run
  // (the stem of a 1, both sides of a 0 joined by its top and bottom); the
  // foot of a 1, a speck, a decimal point or a minus sign do not, and two
  // digits that blur made touch still leave a short column between them.
  // On photographed pages a digit cut in two by the threshold and digits
  // joined by blur are told apart from their width (ocr/digit_count.h).
  // 0: not counted.
  int digits_seen = 0;
  // Per digit seen, left to right: counted from two runs of tall columns
  // joined as one split digit (count_digits).
  std::vector<bool> digit_joined;
  // Number cells: the ink is one piece shaped as a 0 (zero_shape.h).
  bool zero_shape = false;
};

// The cell `cell` of `page` (CV_8UC1) cleaned for reading as `kind`.
// `pale_strokes`: a label cell keeps the pale ink joined to its strokes
// (see kLabelInkFraction); false cuts it at the number cells' threshold.
PreparedCell prepare_cell(const cv::Mat& page, cv::Rect cell, CellKind kind, bool pale_strokes = true);

// The cut-out scaled by `f` and framed with white padding.
cv::Mat framed(const cv::Mat& ink, double f);

}  // namespace gongkai::ocr
