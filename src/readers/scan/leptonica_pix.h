// Leptonica images with an owner, and 8-bit OpenCV pages as Leptonica images.
#pragma once
#include <leptonica/allheaders.h>

#include <memory>
#include <opencv2/core.hpp>

namespace gongkai::scan {

struct PixFree {
  void operator()(PIX* p) const { pixDestroy(&p); }
};
using PixPtr = std::unique_ptr<PIX, PixFree>;

// An 8-bit single-channel Mat copied into an 8 bpp PIX.
PixPtr grey_pix(const cv::Mat& grey);

}  // namespace gongkai::scan
