// Ruling lines of tables found in a page image: the raster half of the grid
// code, for PDF pages that draw no vector lines and for scanned pages.
//
// Method (after Camelot's "lattice" flavour): an inverted adaptive threshold
// marks pixels darker than their neighbourhood; a morphological opening with a
// long 1-D structuring element keeps only long straight runs, so text (whose
// strokes are short) disappears. The long opening is done on run lengths
// rather than with cv::erode/cv::dilate, which makes it exact and fast (only
// a short erosion, which leaves few pixels to scan, is done with OpenCV), and
// two extra steps make it fit for scans:
//   * broken and dashed lines: pieces at least `min_piece_mm` long that lie on
//     one line with gaps of at most `max_gap_mm` are joined (a closing
//     along the line) before the length test;
//   * skew: each row is OR-ed with its `skew_tolerance` neighbours across the
//     line before the length test, so a line leaning a little still gives long
//     runs; the runs of one line in neighbouring rows are then joined into one
//     segment whose position is the mean over all its pixels.
// Every candidate must then look like a line in the grey image: lighter
// paper on both sides of it over most of its length. This rejects the edges of
// filled areas (dark bars, black scanner borders, rows of solid blocks) that
// the adaptive threshold turns into line-like bands, and most chance
// alignments of glyph strokes. Last, rules lying end to end with a small gap
// (a scan's noise broke them) are joined. Grainy scans are smoothed first.
//
// Horizontal and vertical rules are found the same way (the vertical pass
// reads the runs down the columns).
#pragma once
#include <opencv2/core.hpp>

#include "grid/rules.h"

namespace gongkai::grid {

struct RasterRuleOptions {
  // Shortest rule, as a fraction of the image width (horizontal rules) or
  // height (vertical rules). Camelot's line_scale is the inverse (15..40).
  // 1/25 of an A4 page is about 8 mm wide and 12 mm tall: longer than a
  // stroke of a heading glyph, shorter than a two-row table's verticals.
  double min_length_frac = 1.0 / 25;
  // Vertical rules shorter than that but at least this fraction of the image
  // height are kept when both their ends meet a horizontal rule: the
  // separators of a table row left alone at the top of a page (one row, 6 mm)
  // are shorter than any safe minimum for free-standing lines, but no glyph
  // stroke runs from one rule to the next. 0 keeps no short verticals.
  double short_vertical_frac = 0;
  // Scans with grain or JPEG noise: when the image's noise (standard
  // deviation in grey levels, estimated from neighbouring pixels) is above
  // this, the image is smoothed with a 3x3 box before anything else. Clean
  // renders estimate 0; scans 2-10. Negative: never smooth.
  double denoise_above = 6;
  // Neighbourhood of the adaptive threshold, in pixels (odd, >= 3). Lines up
  // to about block_size - 2 pixels thick come out solid.
  int block_size = 15;
  // A pixel is ink when it is this many grey levels darker than the mean of
  // its block_size neighbourhood (Camelot uses 2; scans want a little more so
  // that paper grain and JPEG noise stay out).
  double threshold_c = 8;
  // Resolution of the image in dots per inch, used only to turn the sizes in
  // millimetres below into pixels. 0: estimated as if the image were a whole
  // A4 page, max(rows, cols) / 11.69 in (pass the real value for crops).
  double dpi = 0;
  // Gaps of up to this length along a line are bridged (broken scan lines,
  // dashed rules): 0.35 mm is 4 px at 300 dpi, 2 px at 150, 1 px at 100.
  // 0 bridges nothing. Too large and the strokes of neighbouring CJK glyphs
  // join into lines (a 4-px bridge at 100 dpi, 1 mm, turned a bold heading
  // into rules).
  double max_gap_mm = 0.35;
  // Before bridging, ink runs along the line direction shorter than this are
  // dropped: they are cross sections of text strokes, which would otherwise be
  // bridged into long runs in dense text. Dashes shorter than this are lost.
  // 0.85 mm is 10 px at 300 dpi, 5 at 150, 3 at 100.
  double min_piece_mm = 0.85;
  // Segments that each passed as rules and lie end to end on one line, at
  // most this far apart, are joined into one (a scan's noise can break a
  // faint line in more places than max_gap bridges). 1 mm is 12 px at 300
  // dpi; never less than max_gap. Rules that stop short of each other by more
  // stay separate.
  double merge_gap_mm = 1.0;
  // Each row is OR-ed with this many rows on either side before the length
  // test. A line of thickness t stays in one piece up to a skew of about
  // atan((t + 2 * skew_tolerance) / min_length): with the default 1 and a
  // 1-px line that is 1.7 degrees on a 100-px minimum length, 1 degree at
  // 165 px. Two parallel lines closer than 2 * skew_tolerance + 1 pixels
  // (double rules) come out as one rule in the middle.
  int skew_tolerance = 1;
  // Thicker candidates (mean thickness across the line) are dropped. 0 means
  // block_size: thicker bars are not solid after the adaptive threshold.
  int max_thickness = 0;
  // Fraction of the length of a rule along which both sides of it (a band
  // 0.25-0.6 mm beyond its edges: 3-7 px at 300 dpi, never closer than 2 px)
  // must be clearly lighter than the line itself (see above). 0 disables the check. The rules of the real and
  // degraded test pages score 0.86-1 (less where other rules cross them or
  // text touches them); strokes of neighbouring glyphs that line up score
  // 0.3-0.76, the edges of filled areas less than 0.5.
  double min_clear_frac = 0.8;
  // A vertical rule with text set tight against one side (row labels start a
  // pixel or two after it; a photo's blur closes the hair of paper between)
  // fails min_clear_frac. It is kept when one side is clear along
  // min_clear_frac of its length, both sides along at least this fraction,
  // and each of its ends meets a horizontal rule or stops where two other
  // verticals stop (a table left open at a page's foot). No glyph stroke runs
  // from one rule to the next; the edge of a filled area has one side dark
  // all along. 0 keeps none.
  double crowded_clear_frac = 0;
};

// `grey` is CV_8UC1 (any step; an ROI is fine), dark lines on light paper.
// Returns the horizontal rules sorted by (pos, from) and the vertical rules
// sorted by (pos, from).
//
// Coordinates are continuous image coordinates: pixel (col, row) covers
// [col, col+1) x [row, row+1), so a rule drawn over columns 100..499 of row 50
// has from = 100, to = 500, pos = 50.5, and multiplying by 72/dpi gives PDF
// points. `pos` is the mean across the line over all its pixels, so for a
// skewed line it is the position at the middle of its length.
//
// An empty image (0x0, or no rows or no columns) gives empty Rules. A non-empty
// image that is not CV_8UC1, and invalid options (block_size even or < 3,
// min_length_frac not in (0, 1], threshold_c <= 0, negative sizes or dpi,
// min_clear_frac not in [0, 1]) throw std::invalid_argument.
Rules detect_rules(const cv::Mat& grey, const RasterRuleOptions& opt = {});

}  // namespace gongkai::grid
