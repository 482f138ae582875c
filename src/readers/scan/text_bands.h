// Running text on a scanned page: the title on page 1 and the bands between
// tables (a heading's worth above each table unless the whole narrative is
// asked for), cut to the text lines wholly inside them, then read as lines.
// Above a table only its heading is wanted: the band's lines are read from
// the bottom up until they name a section.
#pragma once
#include <vector>

#include <opencv2/core.hpp>

#include "model/table.h"
#include "ocr/block_ocr.h"
#include "readers/page_layout.h"

namespace gongkai::scan {

// A band of running text. `lines`: its text lines, top to bottom (each the
// run of ink rows of its characters, without padding), when it is read line
// by line: the title on page 1, each line at the scale its height asks for;
// above a table (`heading`), from the bottom up until the lines name a
// section. No lines: the band is read whole.
struct TextBand {
  cv::Rect box;
  std::vector<cv::Rect> lines;
  bool heading = false;
};

// The bands of the straightened page `grey` at `dpi` where running text is
// read, top to bottom, around `tables` (sorted top to bottom). `narrative`:
// all text between and after the tables, not only headings.
std::vector<TextBand> text_bands(const cv::Mat& grey, double dpi, int number, const std::vector<CellTable>& tables,
                                 bool narrative);

// The lines read in `bands`, band by band, top to bottom.
std::vector<TextLine> read_bands(ocr::BlockReader& reader, const cv::Mat& grey, const std::vector<TextBand>& bands,
                                 double dpi);

}  // namespace gongkai::scan
