// Shared by the scan reader's tests of page 4 of the real report.
#pragma once
#include <gtest/gtest.h>

#include "test_util.h"

namespace gk_test {

// Every cell read must be the value huaian-city-2024 prints: no invented
// numbers. Returns how many cells were read (not null).
inline int check_cells(const nlohmann::json& rec) {
  auto expected = load(sample("huaian-city-2024.expected.json"));
  int read = 0;
  for (auto& c : rec["cells"]) {
    if (c["value"].is_null()) continue;
    ++read;
    EXPECT_EQ(c["value"], expected["tables"][c["table"].get<std::string>()][c["row"].get<std::string>()]
                                  [c["col"].get<std::string>()])
        << c["row"] << "." << c["col"];
  }
  return read;
}

}  // namespace gk_test
