// OCR of running text on a scanned page — the title, the section headings
// above each table, the narrative — as lines with their boxes. Cells of a
// table are read by CellReader instead (cell_ocr.h).
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

namespace gongkai::ocr {

struct OcrLine {
  std::string text;     // UTF-8, spaces between Han characters removed
  cv::Rect box;         // page pixels
  double confidence = 0;  // 0..1
};

class BlockReader {
 public:
  // chi_sim from `tessdata` (resolved as for CellReader). Throws
  // std::runtime_error naming the missing model.
  explicit BlockReader(const std::string& tessdata = "");
  ~BlockReader();
  BlockReader(const BlockReader&) = delete;
  BlockReader& operator=(const BlockReader&) = delete;
  // The text lines inside `region` of `grey` (CV_8UC1), top to bottom.
  // `scale`: what the region is scaled by before it is read; 0 reads it at
  // about 170 dpi.
  std::vector<OcrLine> read_lines(const cv::Mat& grey, const cv::Rect& region, double dpi, double scale = 0);
  // How far the page is turned (0, 90, 180 or 270 degrees clockwise), from
  // Tesseract's orientation detector (osd.traineddata); 0 when it cannot
  // tell or the model is missing.
  int orientation(const cv::Mat& grey, double dpi);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai::ocr
