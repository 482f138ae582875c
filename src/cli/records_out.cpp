#include "cli/records_out.h"

#include <filesystem>
#include <iostream>

#include "batch/progress.h"
#include "cli/output_file.h"

namespace gongkai {

std::string RecordsOut::write(const std::string& input_path, const std::string& relative,
                              const InputResult& result, bool& fatal) {
  const std::string& csv_rows = result.csv;
  namespace fs = std::filesystem;
  bool csv = format == "csv";
  if (!out_dir.empty()) {
    fs::path out = fs::path(out_dir) / fs::path(relative).replace_extension(csv ? ".csv" : ".json");
    auto [it, fresh] = claimed_.emplace(out.string(), input_path);
    if (!fresh)
      return "not written: its record would be " + out.string() + ", which already holds the record of " +
             it->second + " (rename one of them)";
    std::error_code ec;
    fs::create_directories(out.parent_path(), ec);
    if (ec) return "cannot create " + out.parent_path().string() + ": " + ec.message();
    std::string body = csv ? csv_rows : result.printed + "\n";
    if (std::string why = write_file_atomically(out.string(), body); !why.empty())
      return "cannot write " + out.string() + ": " + why;
    if (summary) std::cout << summary_line(input_path, result.parsed()) << "\n" << std::flush;
    return "";
  }
  if (to_stdout) {
    // The workers' CSV starts with its header line: stdout has it once.
    std::string body = !csv ? (one_per_line ? result.record : result.printed) + "\n"
                       : csv_header_done_ ? csv_rows.substr(csv_rows.find('\n') + 1)
                                          : csv_rows;
    csv_header_done_ = true;
    if (std::string why = write_stdout(body); !why.empty()) {
      fatal = true;
      return why;
    }
    if (summary) std::cerr << summary_line(input_path, result.parsed()) << "\n";
    return "";
  }
  if (summary) std::cout << summary_line(input_path, result.parsed()) << "\n" << std::flush;
  return "";
}

}  // namespace gongkai
