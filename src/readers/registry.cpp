// An explicit list rather than self-registration: static libraries drop
// objects nothing refers to, and a reader registering itself from one of them
// would silently vanish. A new input kind is its reader's file and a line here.
#include "readers/registry.h"

namespace gongkai {

// Each defined in its reader's own file.
const Reader& pdf_reader();
const Reader& image_reader();
const Reader& html_reader();
const Reader& text_reader();

const std::vector<const Reader*>& registered_readers() {
  static const std::vector<const Reader*> list = {
      &pdf_reader(),
      &image_reader(),
      &html_reader(),
      &text_reader(),
  };
  return list;
}

const Reader& reader_for(std::string_view bytes, std::string_view name) {
  const Reader* best = registered_readers().back();
  double best_score = -1;
  for (const Reader* r : registered_readers()) {
    double s = r->sniff(bytes, name);
    if (s > best_score) best = r, best_score = s;
  }
  return *best;
}

SourceDoc read_document(std::string_view bytes, ReadContext& context) {
  return reader_for(bytes, context.name).read(bytes, context);
}

}  // namespace gongkai
