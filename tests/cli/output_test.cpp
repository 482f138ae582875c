// Records are written whole or not at all: a write error names the reason,
// exits 1, and leaves no partial file; the other inputs are still written.
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>

#include "test_util.h"

using namespace gk_test;
namespace fs = std::filesystem;

TEST(Output, FullDiskOnStdoutIsAnErrorWithTheReason) {
  // /dev/full answers every write with ENOSPC, as a full disk does.
  fs::path err = fs::temp_directory_path() / "gk_output_full.err";
  std::string cmd = std::string(GONGKAI_BINARY) + " extract " + sample("pingtan-2022.txt") + " >/dev/full 2>" + err.string();
  int st = std::system(cmd.c_str());
  EXPECT_EQ(WEXITSTATUS(st), 1);
  std::string said = slurp(err.string());
  EXPECT_NE(said.find("No space left on device"), std::string::npos) << said;
}

TEST(Output, ARecordThatCannotBePutInPlaceLeavesNoPartFileAndTheOthersAreWritten) {
  fs::path dir = fs::temp_directory_path() / "gk_output_test";
  fs::remove_all(dir);
  fs::create_directories(dir / "pingtan-2022.json");  // a folder where the record should go
  auto r = run_cli("extract --out-dir " + dir.string() + " " + sample("pingtan-2022.txt") + " " +
                   sample("pingtan-2020.txt"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("pingtan-2022.json"), std::string::npos) << r.out;
  EXPECT_TRUE(fs::is_regular_file(dir / "pingtan-2020.json"));
  for (auto& e : fs::directory_iterator(dir))
    EXPECT_EQ(e.path().string().find(".tmp."), std::string::npos) << "left behind: " << e.path();
  fs::remove_all(dir);
}
