// Which cells of a scanned table are read how, and when a reading is not to
// be trusted. Two passes over a grid: every cell one row high as a number,
// then labels — every cell outside the value columns that pass 1 revealed,
// and the cells in them that did not read as a confident number.
#pragma once
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

// What is read in each cell of `g` on the straightened page `grey`, in the
// order of g.cells. The confidence of every label cell read is appended to
// `label_conf` (the page's quality).
std::vector<CellReadout> read_cells(ocr::CellOcrPool& pool, const cv::Mat& grey, const grid::Grid& g,
                                    std::vector<double>& label_conf);

}  // namespace gongkai::scan
