// The wide CSV and the XLSX, read back by the programs people open them with
// (LibreOffice, pandas, openpyxl): every value equals the JSON record's.
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "test_util.h"
#include "writers/wide_csv_writer.h"
#include "writers/wide_layout.h"
#include "writers/xlsx_writer.h"

using namespace gk_test;
namespace fs = std::filesystem;

namespace {

const std::vector<std::string> kSamples = {
    "huaian-city-2024.pdf", "huaian-hongze-district-2023.pdf", "huaian-hongze-district-2024.pdf",
    "000_074bf0adc45c12ee.txt", "003_07ea97a0e0dbb2b9.txt", "pingtan-2019.txt", "pingtan-2020.txt",
    "pingtan-2022.txt", "shanghai-municipal-govoffice-2019.html", "shuyang-county-ndrc-2023.html"};

struct Written {
  // The files are gone when the test process ends (each test may run alone).
  ~Written() {
    std::error_code ignored;
    if (!dir.empty()) fs::remove_all(dir, ignored);
  }
  fs::path dir;
  std::vector<gongkai::Report> reports;
  std::vector<const gongkai::Report*> view;
};

// The samples extracted once, written as JSON, wide CSV and XLSX.
const Written& written() {
  static Written w = [] {
    Written out;
    out.dir = fs::temp_directory_path() / ("gongkai_sheets_" + std::to_string(::getpid()));
    fs::create_directories(out.dir / "records");
    for (auto& s : kSamples) out.reports.push_back(gongkai::extract_file(sample(s)));
    // And the real archive (24 department reports as crawled, several years of each).
    for (auto& e : fs::directory_iterator(data("real-archive")))
      if (e.path().extension() == ".txt") out.reports.push_back(gongkai::extract_file(e.path().string()));
    for (auto& r : out.reports) {
      out.view.push_back(&r);
      std::ofstream(out.dir / "records" / (r.source.file + ".json")) << gongkai::to_json(r).dump();
    }
    std::ofstream(out.dir / "wide.csv", std::ios::binary) << gongkai::to_wide_csv(out.view);
    EXPECT_EQ(gongkai::write_xlsx((out.dir / "book.xlsx").string(), out.view, gongkai::Lang::Zh), "");
    std::ofstream cols(out.dir / "columns.tsv");
    for (auto& c : gongkai::wide_columns(out.view))
      cols << c.label() << "\t" << gongkai::table_key(c.key.table) << "\t" << c.key.row << "\t" << c.key.col << "\t"
           << c.col->label << "\n";
    return out;
  }();
  return w;
}

int run(const std::string& cmd) { return std::system(cmd.c_str()); }

}  // namespace

TEST(WideCsv, StartsWithAByteOrderMarkAndHumanLabels) {
  std::string csv = slurp((written().dir / "wide.csv").string());
  ASSERT_EQ(csv.rfind("\xEF\xBB\xBF" "文件,机关,", 0), 0u);
  // Headings a person checked against the printed template.
  EXPECT_NE(csv.find(",三 （七）总计·自然人,"), std::string::npos);
  EXPECT_NE(csv.find(",三 （三）不予公开 1.属于国家秘密·总计,"), std::string::npos);
  EXPECT_NE(csv.find(",四 行政复议·结果纠正,"), std::string::npos);
  EXPECT_NE(csv.find(",实质公开率,"), std::string::npos);
}

TEST(WideCsv, AValueSitsUnderItsLabel) {
  // Hongze 2023's （七）总计 自然人, from its checked expected record.
  auto expected = load(sample("huaian-hongze-district-2023.expected.json"));
  std::string want = expected["tables"]["requests"]["total"]["natural_person"].dump();
  std::ifstream in(written().dir / "wide.csv");
  std::string header, line;
  std::getline(in, header);
  auto fields = [](const std::string& l) {  // no field of these rows is quoted
    std::vector<std::string> out;
    size_t start = 0;
    for (size_t comma; (comma = l.find(',', start)) != std::string::npos; start = comma + 1)
      out.push_back(l.substr(start, comma - start));
    out.push_back(l.substr(start));
    return out;
  };
  auto heads = fields(header);
  size_t column = std::find(heads.begin(), heads.end(), "三 （七）总计·自然人") - heads.begin();
  ASSERT_LT(column, heads.size());
  bool seen = false;
  while (std::getline(in, line)) {
    if (line.rfind("huaian-hongze-district-2023.pdf,", 0) != 0) continue;
    EXPECT_EQ(fields(line).at(column), want);
    seen = true;
  }
  EXPECT_TRUE(seen);
}

TEST(Spreadsheets, LibreOfficePandasAndOpenpyxlReadEveryValueBack) {
  const Written& w = written();
  fs::path lo = w.dir / "lo";
  fs::create_directories(lo);
  // Its own profile, so that no other LibreOffice of the machine is disturbed.
  std::string soffice = "HOME=" + (w.dir / "home").string() + " timeout 180 soffice --headless ";
  // LibreOffice is told the CSV is UTF-8 (76): its import does not look for a byte-order mark.
  ASSERT_EQ(run(soffice + "--infilter=CSV:44,34,76 --convert-to xlsx --outdir " + lo.string() + " " +
                (w.dir / "wide.csv").string() + " >/dev/null 2>&1"), 0);
  // Every sheet of the workbook (-1), as UTF-8 (76).
  ASSERT_EQ(run(soffice + "--convert-to 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1' "
                "--outdir " + lo.string() + " " + (w.dir / "book.xlsx").string() + " >/dev/null 2>&1"), 0);
  std::string out = (w.dir / "check.txt").string();
  int status = run("/usr/bin/python3 " + std::string(GONGKAI_TESTS) + "/writers/check_spreadsheets.py " +
                   (w.dir / "records").string() + " " + (w.dir / "columns.tsv").string() + " " +
                   (w.dir / "wide.csv").string() + " " + (w.dir / "book.xlsx").string() + " " + lo.string() + " > " +
                   out + " 2>&1");
  std::string report = slurp(out);
  EXPECT_EQ(status, 0) << report;
  EXPECT_NE(report.find("differences=0"), std::string::npos) << report;
  // Thousands of values, not a vacuous pass.
  EXPECT_GT(std::atoi(report.substr(report.find("checked=") + 8).c_str()), 20000) << report;
}
