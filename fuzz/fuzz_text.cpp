// Text reports: decoding (UTF-8/16, GB18030, Big5…), row segmentation,
// sections, mapping onto the template, resolution, repair and validation.
#include "harness.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  auto bytes = gk_fuzz::view(data, size);
  const std::string name = "x.txt";
  // Bytes that sniff as a PDF, an image or HTML belong to the other harnesses.
  if (!gk_fuzz::goes_to(bytes, name, "text")) return gk_fuzz::kReject;
  gk_fuzz::extract(bytes, name);
  return 0;
}
