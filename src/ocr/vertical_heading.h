// Vertical headings (one character per line) read as one horizontal line; see
// cell_ocr.h for the measurements that chose this over chi_sim_vert.
#pragma once

#include <opencv2/core.hpp>

namespace gongkai::ocr {

// A vertical heading (one character per line) turned into one horizontal line: the
// rows of ink are grouped into characters (a group is at most ~1.2 character sizes
// tall, so the three strokes of 三 stay together and 三、 stays one group) and the
// groups are laid side by side. Returns an empty Mat when the cut-out does not look
// like a single column of characters. `char_h` gets the character size.
cv::Mat restack_vertical(const cv::Mat& ink, double& char_h);

}  // namespace gongkai::ocr
