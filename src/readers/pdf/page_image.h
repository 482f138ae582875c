// A scanned PDF page as its own image: when all the page draws is one image
// covering it, upright, the image is decoded by Poppler and scaled with
// OpenCV, rather than rendered by Splash (which scales and composites every
// pixel: 58 ms of a 200 dpi page's 0.7 s CPU, 83 ms at 300 dpi; decoding
// alone is about 20 and 40). Grey pages only (office scans): on colour
// photos the reading hung on how the page was resampled (photo seed 203,
// red seal, huaian-hongze-district-2024: a short stray rule found in a
// heading cell of the unresampled page, and table 三's rows were lost).
#pragma once
#include <optional>

#include <opencv2/core.hpp>

class PDFDoc;

namespace gongkai::pdf {

// Page `number` of `doc` at `dpi` (the size Splash would give it), in grey
// (CV_8UC1); nothing when the page draws anything but one image that covers
// it, or the image cannot be decoded.
std::optional<cv::Mat> page_as_grey_image(PDFDoc& doc, int number, double dpi);

}  // namespace gongkai::pdf
