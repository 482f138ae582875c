// --format wide-csv|xlsx and --lang from the command line.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>

#include "test_util.h"

using namespace gk_test;
namespace fs = std::filesystem;

TEST(CliSpreadsheet, XlsxIntoTheOutputFolder) {
  fs::path d = fs::temp_directory_path() / ("gongkai_cli_xlsx_" + std::to_string(::getpid()));
  auto r = run_cli("extract --format xlsx --out-dir " + d.string() + " " + sample("pingtan-2019.txt") + " " +
                   sample("pingtan-2020.txt"));
  EXPECT_EQ(r.status, 0) << r.out;
  std::string book = slurp((d / "reports.xlsx").string());
  EXPECT_EQ(book.rfind("PK", 0), 0u);  // a zip, as every .xlsx is
  fs::remove_all(d);
}

TEST(CliSpreadsheet, WideCsvToStdoutWithOneRowPerReport) {
  auto r = run_cli("extract -q --format wide-csv " + sample("pingtan-2019.txt") + " " + sample("pingtan-2020.txt") +
                   " " + sample("003_07ea97a0e0dbb2b9.txt"));
  EXPECT_EQ(r.status, 0);
  EXPECT_EQ(r.out.rfind("\xEF\xBB\xBF" "文件,", 0), 0u);
  EXPECT_EQ(std::count(r.out.begin(), r.out.end(), '\n'), 4);  // the heading and three reports
}

TEST(CliSpreadsheet, AMissingInputStillGivesTheOthersRows) {
  auto r = run_cli("extract -q --format wide-csv /nonexistent/report.txt " + sample("pingtan-2019.txt"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("/nonexistent/report.txt: file not found"), std::string::npos);
  EXPECT_NE(r.out.find("pingtan-2019.txt,"), std::string::npos);
}

TEST(CliSpreadsheet, LangChoosesTheMessages) {
  auto zh = nlohmann::json::parse(run_cli("extract " + sample("huaian-hongze-district-2023.pdf")).out);
  auto en = nlohmann::json::parse(run_cli("extract --lang en " + sample("huaian-hongze-district-2023.pdf")).out);
  ASSERT_EQ(zh["findings"].size(), en["findings"].size());
  ASSERT_FALSE(zh["findings"].empty());
  EXPECT_EQ(zh["findings"][0]["rule"], en["findings"][0]["rule"]);
  EXPECT_EQ(zh["findings"][0]["message"].get<std::string>().rfind("四 行政复议：", 0), 0u);
  EXPECT_EQ(en["findings"][0]["message"].get<std::string>().rfind("review_litigation.group_total [review]", 0), 0u);
  EXPECT_EQ(run_cli("extract --lang fr " + sample("pingtan-2019.txt")).status, 2);
}
