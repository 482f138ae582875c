// Ruling lines of a PDF page found in its rendered image, for pages whose
// tables draw no vector lines (borders embedded as an image, or drawn with
// patterns the vector collector does not take for lines).
#pragma once
#include "grid/rules.h"
#include "readers/pdf/pdf_document.h"

namespace gongkai::pdf {

// The page rendered at `dpi`, its rules found with OpenCV morphology, and
// returned in PDF points like the vector rules.
grid::Rules rules_from_image(const PdfDocument& doc, int page, double dpi = 150);

}  // namespace gongkai::pdf
