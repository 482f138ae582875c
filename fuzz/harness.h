// Shared by the libFuzzer harnesses: one input through the whole pipeline
// (read → map → resolve → validate). A ReadError is an expected outcome for
// bad input; any other exception escapes, and libFuzzer reports it as a crash
// (as it does sanitizer reports, aborts and time-outs).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "pipeline/extract.h"
#include "readers/reader.h"
#include "readers/registry.h"

namespace gk_fuzz {

inline std::string_view view(const uint8_t* data, size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// libFuzzer's convention: -1 keeps an input out of the corpus (used for
// inputs a harness does not aim at, e.g. PDF bytes given to the HTML harness).
constexpr int kReject = -1;

// True when the registry would hand `bytes` named `name` to the reader of `kind`.
inline bool goes_to(std::string_view bytes, const std::string& name, std::string_view kind) {
  return gongkai::reader_for(bytes, name).kind() == kind;
}

inline void extract(std::string_view bytes, const std::string& name, gongkai::ReadContext& context) {
  try {
    gongkai::extract_bytes(bytes, name, context);
  } catch (const gongkai::ReadError&) {
    // Expected: the input cannot be read at all.
  }
}

inline void extract(std::string_view bytes, const std::string& name, bool ocr = false) {
  gongkai::ReadOptions options;
  options.ocr = ocr;
  gongkai::ReadContext context(options);
  extract(bytes, name, context);
}

}  // namespace gk_fuzz
