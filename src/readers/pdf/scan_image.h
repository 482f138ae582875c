// A scanned page's pixels taken from the one image it draws, rather than
// rendered by Splash. Internal to readers/pdf (PdfDocument::render).
#pragma once
#include <opencv2/core.hpp>

class PDFDoc;

namespace gongkai::pdf {

// Page `number` of `doc` at `dpi`, when all it draws is one image (a scan;
// invisible text, as an OCR layer, and white fills are allowed) placed
// upright, mirrored or turned by quarter turns, one image pixel to one page
// pixel (a scan read at its own resolution): the image decoded, turned to
// the page and placed on white paper.
// `colour`: RGB (CV_8UC3) rather than grey (CV_8UC1). Empty when the page
// draws anything else (masks, paths, visible text, a second image) or its
// image must be resampled: Splash renders it then.
cv::Mat page_as_image(PDFDoc& doc, int number, double dpi, bool colour);

}  // namespace gongkai::pdf
