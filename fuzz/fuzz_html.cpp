// HTML reports: gumbo's tree, tables with row/col spans, text between them,
// then the same mapping and validation as every input.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = gk_fuzz::view(data, size);
  const std::string name = "x.html";
  if (!gk_fuzz::goes_to(bytes, name, "html")) return gk_fuzz::kReject;
  gk_fuzz::extract(bytes, name);
  return 0;
}
