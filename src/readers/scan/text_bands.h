// Running text on a scanned page: the title on page 1 and the bands between
// tables (a heading's worth above each table unless the whole narrative is
// asked for), cut to the text lines wholly inside them, then read as lines.
// Above a table only its heading is wanted: the band's lines are read from
// the bottom up until they name a section.
#pragma once
#include <string>
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

// Whether a line read is running text, not a title's: two of the marks
// that part a sentence (，。；、) stand in it between Han characters (spaces
// aside). A title has none: it names the agency, the year and the report.
// Specks read as marks do not count: a title's first line read
// ，，洪泽区人民政府 (eval_scan seed 108). Colons do not: a header line over the
// title may print 发布日期：…来源：….
bool running_text(const std::string& line);

// The lines read in `bands`, band by band, top to bottom.
std::vector<TextLine> read_bands(ocr::BlockReader& reader, const cv::Mat& grey, const std::vector<TextBand>& bands,
                                 double dpi);

}  // namespace gongkai::scan
