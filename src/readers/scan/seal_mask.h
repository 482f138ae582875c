// Where a red seal's ink lies on a colour page, carried from colour decoding
// (where it is known) to the cells read (where it matters): the seal's ink is
// lifted to paper before binarisation (grey_without_red), so a number cell
// it crossed looks clean, yet its reading is less sure than a clean cell's.
// Such a cell gets a second look; a number that reads differently the second
// time is left unread with a finding rather than guessed.
#pragma once
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "grid/grid.h"
#include "grid/rules.h"
#include "ocr/cell_ocr.h"
#include "readers/scan/photo_page.h"
#include "readers/scan/scan_page.h"
#include "tables/grid_table.h"

namespace gongkai::scan {

// The seal's ink of a colour page (CV_8UC3): 255 where red exceeds green and
// blue by a seal's margin, spread to take in the stroke's soft edge. Empty
// when the page holds no seal (a grey page, or a few red specks only).
cv::Mat seal_ink(const cv::Mat& colour, Channels order = Channels::BGR);

// `grey` (grey_without_red of `colour`, which calls this) with what is left
// of the seal's strokes within the mask `seal` lifted to the paper: there a
// pixel is no darker than its red channel times the paper's grey-to-red ratio
// around the seal. The seal's red ink barely darkens the red channel; black
// print under the seal is dark in every channel and stays. grey_without_red
// lifts a stroke by its excess of red, which a seal over a light blue header
// row does not have enough of (blue stays high): its ring and star stayed a
// grey ghost read as text (huaian-city-2024, photo seed 41000, page 3: the
// row 第二十条第（五）项 read as nothing, its text scaled to the ring's
// height; table 二 lost that block and its 规章 row, 3 cells).
void lift_seal_remains(cv::Mat& grey, const cv::Mat& colour, const cv::Mat& seal, Channels order = Channels::BGR);

// `rules` without those drawn by the seal itself: a rule lying along seal
// ink for most of its length. grey_without_red makes the seal's strokes
// paper, but their edges stay grey (JPEG keeps colour at half resolution),
// and a ring's edge crossing a table row was found as a ruling line
// (huaian-city-2024 photographed with seed 12000, page 3: table 二's row
// 行政规范性文件 got a fourth cell and its three values were lost). A table's
// own rule under the seal crosses a few of its strokes only.
void drop_seal_rules(grid::Rules& rules, const cv::Mat& seal);

// Whether seal ink lies inside `cell` of a page whose seal mask is `seal`
// (same pixels): a few stroke pixels, not a lone JPEG speck.
bool seal_touches(const cv::Mat& seal, const cv::Rect& cell);

// What the seal did to one grid's cells.
struct SealCheck {
  int touched = 0;  // number cells the seal's ink lies in
  int doubted = 0;  // of those, read differently at a second look: left unread
  SealCheck& operator+=(const SealCheck& o) {
    touched += o.touched, doubted += o.doubted;
    return *this;
  }
};

// Every number cell of `g` that the seal touched, read again at another
// scale; a cell whose second reading differs from its first is left unread
// (`cells[i].unread`). Nothing happens when `seal` is empty.
SealCheck second_look_under_seal(ocr::CellOcrPool& pool, const cv::Mat& grey, const cv::Mat& seal,
                                 const grid::Grid& g, std::vector<CellReadout>& cells);

// A seal's cover of a page as a scan.page_quality reason ("" when it left
// every number it touched readable): how many number cells it lay over and
// how many were left unread.
std::string seal_coverage(const SealCheck& check);

// Adds the page's scan.page_quality finding for its seal, when there is a reason.
void report_seal_coverage(ScanPage& page, const SealCheck& check);

}  // namespace gongkai::scan
