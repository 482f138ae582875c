#include "cli/spreadsheet_output.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>

#include "analysis/cross_year.h"
#include "cli/output_file.h"
#include "writers/wide_csv_writer.h"
#include "writers/xlsx_writer.h"

namespace fs = std::filesystem;

namespace gongkai {

SpreadsheetRun::SpreadsheetRun(std::string format, std::string out_dir, Lang lang)
    : format_(std::move(format)), out_dir_(std::move(out_dir)), lang_(lang) {}

int SpreadsheetRun::finish() {
  if (!wanted()) return 0;
  std::vector<Report*> all;
  for (auto& [order, r] : reports_) all.push_back(&r);
  add_cross_year_findings(all);
  std::vector<const Report*> view(all.begin(), all.end());
  std::string where = out_dir_.empty() ? "standard output"
                                       : (fs::path(out_dir_) / (format_ == "xlsx" ? "reports.xlsx" : "reports.csv")).string();
  std::string why;
  std::error_code made;
  if (!out_dir_.empty()) fs::create_directories(out_dir_, made);
  if (made) why = made.message();
  else if (format_ == "wide-csv") {
    std::string body = to_wide_csv(view);
    why = out_dir_.empty() ? write_stdout(body) : write_file_atomically(where, body);
  } else {
    // libxlsxwriter writes a file: beside the target, renamed into place, or a
    // temporary one copied to stdout.
    std::string tmp = out_dir_.empty() ? (fs::temp_directory_path() / ("gongkai-" + std::to_string(::getpid()) + ".xlsx")).string()
                                       : where + ".tmp";
    why = write_xlsx(tmp, view, lang_);
    if (why.empty() && out_dir_.empty()) {
      std::ifstream in(tmp, std::ios::binary);
      why = write_stdout(std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()));
    } else if (why.empty()) {
      std::error_code ec;
      fs::rename(tmp, where, ec);
      if (ec) why = ec.message();
    }
    std::error_code ignored;
    fs::remove(tmp, ignored);
  }
  if (why.empty()) return 0;
  std::cerr << "gongkai: cannot write " << where << ": " << why << "\n";
  return 1;
}

}  // namespace gongkai
