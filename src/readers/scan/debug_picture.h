// The picture of a scanned page as read, for --debug-dir: the grids found,
// the bands read as running text, and what each cell read as.
#pragma once
#include <string>

#include "readers/scan/scan_page.h"

namespace gongkai::scan {

// Writes `page`'s picture to `dir` as <stem of name>-p<number>.png.
void write_debug_picture(const ScanPage& page, const std::string& dir, const std::string& name);

}  // namespace gongkai::scan
