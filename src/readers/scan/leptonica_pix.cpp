#include "readers/scan/leptonica_pix.h"

#include <cstring>

namespace gongkai::scan {

// Rows copied whole, then Leptonica's own byte order (bytes within 32-bit
// words, most significant first) restored.
PixPtr grey_pix(const cv::Mat& grey) {
  PixPtr pix(pixCreate(grey.cols, grey.rows, 8));
  auto* data = reinterpret_cast<uchar*>(pixGetData(pix.get()));
  const size_t stride = sizeof(l_uint32) * pixGetWpl(pix.get());
  for (int y = 0; y < grey.rows; ++y) std::memcpy(data + y * stride, grey.ptr<uchar>(y), grey.cols);
  pixEndianByteSwap(pix.get());
  return pix;
}

}  // namespace gongkai::scan
