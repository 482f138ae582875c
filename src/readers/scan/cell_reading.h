// Which cells of a scanned table are read how, and when a reading is not to
// be trusted. Two passes over a grid: every cell one row high as a number,
// then labels — every cell outside the value columns that pass 1 revealed,
// and the cells in them that did not read as a confident number.
#pragma once
#include <optional>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "grid/grid.h"
#include "ocr/cell_ocr.h"
#include "tables/grid_table.h"

namespace gongkai::scan {

// Whether a whole number `text` read from cell `cell` of `grey` may have lost
// its decimal point: the cell's ink holds a small round dot on the digits'
// baseline, clear of the digits on both sides ("4.6" on a blurred photo read
// as "46" at confidence 0.98). Such a reading is doubted.
bool decimal_point_lost(const cv::Mat& grey, const cv::Rect& cell, const std::string& text);

// Which cells the first pass on a crisp page (ocr::PageConditions::
// first_look_only) left unsettled are read fully, by index into g.cells: an
// unsettled cell in a value column (`in_values`, per cell), from the first
// row holding a settled, confident value down; the rows above are column
// headings, the other columns labels, which the label pass reads. When no
// column holds values, every unsettled cell. On the 3-page test scan the
// first pass gave 22 headings four looks each (a look at Han characters
// never fits their ink): they now take one each, and its digit reads went
// from 188 to 136 (the unsettled values are looked at once more).
std::vector<size_t> to_read_fully(const grid::Grid& g, const std::vector<std::optional<ocr::Reading>>& reading,
                                  const std::vector<bool>& in_values);

// The sub-row labels of grid `g` (`in_values`: per cell, whether every
// column it spans is a value column): per cell, the index of its parent, or -1.
// A parent is a label cell spanning two rows or more ((三)不予公开 over its
// eight numbered rows) whose every row holds, right of it, one label cell
// one row high and then values. Those label cells only say which of the
// parent's rows is which: their order does, and the mapping places them by
// it (fill_anchored_gaps) when the rows on both sides are placed by their
// labels and the parent's words name the group that starts there. On the
// 3-page test scan they were 18 of 83 label reads and about a third of
// their CPU (the longest labels of all: 申请人无正当理由逾期不补正… 60 ms).
// The column heading (三、本年度办理结果) spans rows of cells two columns
// wide ((一)予以公开): not a parent, its rows are read.
std::vector<int> sub_row_labels(const grid::Grid& g, const std::vector<bool>& in_values);

// The heights in pixels of the digits in the rightmost column of `g` on
// `grey`, one per cell that holds any: measured before any cell is read, to
// tell whether a page's digits are drawn finely enough (pdf_reader.cpp).
// The rightmost column of every table of the template holds values.
std::vector<double> digit_heights(const cv::Mat& grey, const grid::Grid& g);

// What is read in each cell of `g` on the straightened page `grey`, in the
// order of g.cells. The confidence of every label cell read is appended to
// `label_conf` (the page's quality). `conditions`: what the page is like (ocr::PageConditions).
std::vector<CellReadout> read_cells(ocr::CellOcrPool& pool, const cv::Mat& grey, const grid::Grid& g,
                                    std::vector<double>& label_conf, const ocr::PageConditions& conditions = {});

}  // namespace gongkai::scan
