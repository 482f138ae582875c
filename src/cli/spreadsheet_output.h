// `--format wide-csv|xlsx`: one spreadsheet for every input of the run, so
// the records are gathered, checked against each other's years (the same
// agency's previous report: analysis/cross_year.h), then written once —
// to DIR/reports.csv or DIR/reports.xlsx with --out-dir, else to stdout.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "model/record.h"
#include "writers/finding_view.h"

namespace gongkai {

class SpreadsheetRun {
 public:
  SpreadsheetRun(std::string format, std::string out_dir, Lang lang);
  bool wanted() const { return format_ == "wide-csv" || format_ == "xlsx"; }
  // The record of the run's input number `order`: the spreadsheet lists them in that order.
  void add(size_t order, Report r) { reports_.emplace(order, std::move(r)); }
  // Writes the spreadsheet; returns the exit status (1 with the reason on
  // stderr when it could not be written).
  int finish();

 private:
  std::string format_, out_dir_;
  Lang lang_;
  std::map<size_t, Report> reports_;
};

}  // namespace gongkai
