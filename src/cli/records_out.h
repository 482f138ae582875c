// Where the records of `gongkai extract` go: stdout, --out-dir (the inputs'
// relative paths mirrored; a name two inputs would share is an error, never an
// overwrite), and the one-line summaries.
#pragma once
#include <map>
#include <string>

#include "batch/runner.h"

namespace gongkai {

struct RecordsOut {
  std::string out_dir;         // "" = stdout (unless the records go only to a store)
  std::string format = "json"; // json | csv
  bool to_stdout = true;       // false when a store without --out-dir holds them
  bool one_per_line = false;   // several inputs on stdout: one JSON record a line
  bool summary = false;        // --summary: one line per report

  // Writes one record; "" or the reason it could not be written. `fatal`
  // is set when nothing more can reach stdout.
  std::string write(const std::string& input_path, const std::string& relative, const InputResult& result,
                    bool& fatal);

 private:
  std::map<std::string, std::string> claimed_;  // output file → the input it holds
  bool csv_header_done_ = false;
};

}  // namespace gongkai
