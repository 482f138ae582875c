// One report's review page: its pages with every cell's box (or its text with
// every cell's characters marked), the tables, the findings (flagged first)
// and the corrections editor.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/record.h"
#include "review/page_images.h"
#include "review/record_view.h"

namespace gongkai::review {

struct ReportPageInput {
  const Report* report = nullptr;
  const Json* record = nullptr;      // to_json(*report)
  std::string input_path;            // as given on the command line
  std::vector<PageImage> pages;      // empty for text inputs
  std::string source_html;           // text inputs: the marked text (marked_text_html)
};

// The boxes of one page, as elements placed in percent of the page (so they
// stay on their print at any width the picture is shown).
std::string page_boxes_html(const PageImage& page, const std::map<std::string, CellView>& views);

std::string report_page_html(const ReportPageInput& in, const std::map<std::string, CellView>& views);

}  // namespace gongkai::review
