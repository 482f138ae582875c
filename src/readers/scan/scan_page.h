// One scanned page as it passes from step to step of the scan reader (see
// ScanContext::lay_out_once): straightened, its grids found, then its tables,
// text bands and lines filled in.
#pragma once
#include <array>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "grid/grid.h"
#include "ocr/cell_ocr.h"
#include "readers/page_layout.h"
#include "readers/scan/text_bands.h"

namespace gongkai::scan {

struct ScanPage {
  int number = 0;
  double dpi = 0;
  cv::Mat grey;                    // the page straightened
  double edge_width = -1;          // of grey, when straighten measured it (not sharpened); -1: not known
  cv::Mat seal;                    // where a red seal's ink lies on it (seal_mask.h); empty: no seal
  ocr::PageConditions ocr;         // crisp: fewer looks at its numbers (straighten)
  cv::Mat back;                    // straightened -> as rendered (2x3 affine)
  std::vector<grid::Grid> grids;   // every grid found, tables or not
  std::vector<TextBand> bands;     // where running text was read
  std::vector<double> label_conf;  // the confidence of every label cell read
  PageLayout layout;               // what the page yields

  // A page of `input.rows` pixels at `dpi`, nothing read yet.
  ScanPage(const cv::Mat& input, double dpi, int number);
};

// Sets page.grey to `input` with its skew taken out, and page.back; page.seal,
// when set, is a mask of `input` and is turned with it. page.ocr: a page at
// 200 dpi or more, unsealed, whose print is not soft enough to be sharpened
// is crisp: its numbers get fewer looks (ocr::PageConditions).
void straighten(ScanPage& page, const cv::Mat& input);

// Sets page.grids: the grids ruled on the straightened page.
void find_grids(ScanPage& page);

// Whether grid `g` of the page is a table rather than a frame or a stray box.
bool is_table(const grid::Grid& g, const ScanPage& page);

// Box `b` of the straightened page on the page as rendered: the upright box
// around its four corners turned back.
std::array<double, 4> box_as_rendered(const ScanPage& page, const grid::Box& b);

// The unit of the boxes given for the page: "px@300dpi".
std::string box_unit(const ScanPage& page);

}  // namespace gongkai::scan
