// gongkai: command-line front end.
//   gongkai extract [--out-dir DIR] [--format json|csv] [--db FILE.sqlite] FILE...
//   gongkai score EXPECTED ACTUAL
#include <CLI/CLI.hpp>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "cli/output_file.h"
#include "cli/score.h"
#include "cli/spreadsheet_output.h"
#include "pipeline/extract.h"
#include "readers/reader.h"
#include "readers/registry.h"
#include "writers/csv_writer.h"
#include "writers/json_writer.h"
#include "writers/sqlite_writer.h"

namespace fs = std::filesystem;
using namespace gongkai;

namespace {

std::string summary_line(const std::string& input, const Report& r) {
  int read = 0, total = 0;
  for (auto& [k, c] : r.cells) {
    ++total;
    if (c.value) ++read;
  }
  std::map<std::string, int> by_kind;
  for (auto& f : r.findings) {
    if (!summary_worthy(f)) continue;
    by_kind[f.kind == FindingKind::Source      ? "source"
            : f.kind == FindingKind::Repair    ? "repair"
            : f.kind == FindingKind::Narrative ? "narrative"
            : f.kind == FindingKind::CrossYear ? "cross_year"
                                               : "extraction"]++;
  }
  std::string kinds;
  for (auto& [k, n] : by_kind) kinds += " " + k + "=" + std::to_string(n);
  return input + ": agency=" + (r.meta.agency.empty() ? "?" : r.meta.agency) +
         " year=" + (r.meta.year ? std::to_string(*r.meta.year) : "?") +
         " format=" + (r.meta.template_format.empty() ? "?" : r.meta.template_format) +
         " cells=" + std::to_string(read) + "/" + std::to_string(total) + " findings:" + (kinds.empty() ? " none" : kinds);
}

std::string read_stdin() {
  std::string s((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  return s;
}

int run_extract(const std::vector<std::string>& inputs, const std::string& out_dir, const std::string& format,
                const std::string& db_path, bool summary, const ReadOptions& options, Lang lang) {
  int status = 0;
  SpreadsheetRun spreadsheet(format, out_dir, lang);  // --format wide-csv|xlsx: one file for the run
  std::unique_ptr<ReportDb> db;
  if (!db_path.empty()) {
    try {
      db = std::make_unique<ReportDb>(db_path);
    } catch (const std::exception& e) {
      std::cerr << "gongkai: " << e.what() << "\n";
      return 1;
    }
  }
  if (!out_dir.empty()) {
    std::error_code ec;
    fs::create_directories(out_dir, ec);
    if (ec) {
      std::cerr << "gongkai: cannot create output directory " << out_dir << ": " << ec.message() << "\n";
      return 1;
    }
  }
  bool csv_header_done = false;
  ReadContext context(options);  // one set of OCR engines for every input
  for (const std::string& input : inputs) {
    Report r;
    try {
      r = input == "-" ? extract_bytes(read_stdin(), "stdin", context) : extract_file(input, context);
    } catch (const ReadError& e) {
      std::cerr << "gongkai: " << input << ": " << e.what() << "\n";
      status = 1;
      continue;
    } catch (const std::exception& e) {
      std::cerr << "gongkai: " << input << ": internal error: " << e.what() << "\n";
      status = 1;
      continue;
    }
    if (db) {
      try {
        db->put(input, r);
      } catch (const std::exception& e) {
        std::cerr << "gongkai: " << input << ": " << e.what() << "\n";
        status = 1;
        continue;
      }
      if (out_dir.empty()) {  // the database is where the records go
        if (summary) std::cout << summary_line(input, r) << "\n";
        continue;
      }
    }
    if (spreadsheet.wanted()) {
      if (summary) std::cerr << summary_line(input, r) << "\n";
      spreadsheet.add(std::move(r));
      continue;
    }
    std::string body = format == "csv" ? to_csv(r, out_dir.empty() ? !csv_header_done : true)
                                       : to_json(r, lang).dump(out_dir.empty() && inputs.size() > 1 ? -1 : 1);
    csv_header_done = true;
    if (!out_dir.empty()) {
      fs::path name = input == "-" ? fs::path("stdin") : fs::path(input).filename();
      fs::path out = fs::path(out_dir) / name.replace_extension(format == "csv" ? ".csv" : ".json");
      if (std::string why = write_file_atomically(out.string(), body + (format == "csv" ? "" : "\n")); !why.empty()) {
        std::cerr << "gongkai: " << input << ": cannot write " << out.string() << ": " << why << "\n";
        status = 1;
        continue;
      }
      if (summary) std::cout << summary_line(input, r) << "\n";
    } else {
      if (std::string why = write_stdout(body + (format == "csv" ? "" : "\n")); !why.empty()) {
        std::cerr << "gongkai: " << input << ": " << why << "\n";
        return 1;  // nothing more can reach the reader
      }
      if (summary) std::cerr << summary_line(input, r) << "\n";
    }
  }
  return std::max(status, spreadsheet.finish());
}

nlohmann::json load_json(const fs::path& p) {
  std::ifstream in(p);
  if (!in) throw std::runtime_error("cannot open " + p.string());
  return nlohmann::json::parse(in);
}

int run_score(const std::string& expected, const std::string& actual, bool verbose) {
  std::vector<std::pair<fs::path, fs::path>> pairs;
  if (fs::is_directory(expected)) {
    for (auto& e : fs::directory_iterator(expected)) {
      std::string n = e.path().filename().string();
      const std::string suffix = ".expected.json";
      if (n.size() <= suffix.size() || n.compare(n.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
      fs::path a = fs::path(actual) / (n.substr(0, n.size() - suffix.size()) + ".json");
      pairs.emplace_back(e.path(), a);
    }
    std::sort(pairs.begin(), pairs.end());
  } else {
    pairs.emplace_back(expected, actual);
  }
  Score total;
  long files = 0, files_perfect = 0;
  for (auto& [e, a] : pairs) {
    Score s;
    try {
      nlohmann::json ej = load_json(e);
      nlohmann::json aj = fs::exists(a) ? load_json(a) : nlohmann::json::object();
      s = score_record(ej, aj);
    } catch (const std::exception& ex) {
      std::cerr << "gongkai score: " << e.string() << ": " << ex.what() << "\n";
      return 1;
    }
    ++files;
    if (s.wrong == 0 && s.missing == 0) ++files_perfect;
    std::cout << e.filename().string() << "\tcorrect=" << s.correct << "\twrong=" << s.wrong
              << "\tmissing=" << s.missing << "\n";
    if (verbose) {
      for (auto& w : s.wrong_cells) std::cout << "  WRONG   " << w << "\n";
      for (auto& m : s.missing_cells) std::cout << "  MISSING " << m << "\n";
    }
    total.correct += s.correct, total.wrong += s.wrong, total.missing += s.missing;
    total.wrong_unflagged += s.wrong_unflagged;
    total.uncertain += s.uncertain;
  }
  double t = static_cast<double>(std::max(1L, total.total()));
  std::cout << "TOTAL files=" << files << " perfect=" << files_perfect << " cells=" << total.total()
            << " correct=" << total.correct << " (" << 100.0 * total.correct / t << "%)"
            << " wrong=" << total.wrong << " (" << 100.0 * total.wrong / t << "%)"
            << " missing=" << total.missing << " (" << 100.0 * total.missing / t << "%)"
            << " wrong_without_finding=" << total.wrong_unflagged;
  if (total.uncertain) std::cout << " uncertain=" << total.uncertain;
  std::cout << "\n";
  return 0;
}

// What the reader saw, before mapping: each table section's rows as label |
// cells, with the page. The first thing to look at when a cell comes out wrong.
int run_rows(const std::string& input) {
  try {
    ReadContext context;
    context.name = input;
    SourceDoc doc = read_document(read_input_file(input), context);
    static const char* names[] = {"preamble", "一", "二", "三", "四", "五", "六"};
    std::cout << "kind=" << doc.kind << " pages=" << doc.pages << " title=" << doc.title << "\n";
    for (auto& f : doc.findings) std::cout << "finding " << f.rule << ": " << f.message << "\n";
    for (auto& n : doc.notes) std::cout << "note: " << n << "\n";
    std::cout << "head: " << doc.head_text.substr(0, 3000) << "\n";
    for (auto& [sec, text] : doc.section_text)
      std::cout << "section " << names[static_cast<int>(sec)] << ": " << text.substr(0, 120) << "\n";
    for (auto& [sec, rows] : doc.rows) {
      std::cout << "== section " << names[static_cast<int>(sec)] << " (" << rows.size() << " rows)\n";
      for (auto& row : rows) {
        std::cout << "p" << row.where.page << (row.positional ? " " : "~") << row.label << " |";
        for (auto& t : row.tokens) std::cout << " [" << t.raw << "]";
        std::cout << "\n";
      }
    }
    return 0;
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << input << ": " << e.what() << "\n";
    return 1;
  }
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"gongkai — government information-disclosure annual reports (政府信息公开工作年度报告) to verified data"};
  app.require_subcommand(1);

  auto* extract = app.add_subcommand("extract", "Extract one record per input (PDF, scanned PDF, image, text, markdown, HTML; '-' reads stdin)");
  std::vector<std::string> inputs;
  std::string out_dir, format = "json";
  bool summary = false;
  extract->add_option("files", inputs, "Input files")->required();
  extract->add_option("--out-dir", out_dir,
                      "Write the record of path/NAME.EXT to DIR/NAME.json (or .csv). Without it a single input's record "
                      "goes to stdout; several inputs give one JSON record per line");
  extract->add_option("--format", format,
                      "json (default), csv (long format, one row per cell), or for the whole run wide-csv (one row per "
                      "report, one column per cell) or xlsx (a sheet per table, findings, reports): DIR/reports.csv|xlsx "
                      "with --out-dir, else stdout")
      ->check(CLI::IsMember({"json", "csv", "wide-csv", "xlsx"}));
  std::string lang_name = "zh";
  extract->add_option("--lang", lang_name, "Language of the findings' messages: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  std::string db_path;
  extract->add_option("--db", db_path,
                      "Also store every record in this SQLite database (created if need be; tables reports, cells, "
                      "findings; a file extracted again replaces its rows). Without --out-dir, records go only there");
  extract->add_flag("--summary", summary,
                    "Print a one-line summary per report (stdout with --out-dir, stderr otherwise)");
  ReadOptions read_options;
  bool no_ocr = false;
  extract->add_option("--tessdata", read_options.tessdata,
                      "Directory of the OCR models (chi_sim, eng); default $TESSDATA_PREFIX, then Debian's "
                      "/usr/share/tesseract-ocr/5/tessdata");
  extract->add_option("--dpi", read_options.scan_dpi, "Resolution scanned PDF pages are rendered at (default 300)")
      ->check(CLI::Range(100.0, 600.0));
  extract->add_option("--debug-dir", read_options.debug_dir,
                      "Write, per scanned page, a picture of the grid found and the cells read (NAME-pN.png)");
  extract->add_flag("--no-ocr", no_ocr, "Do not OCR image pages (they are reported as needing OCR)");
  extract->add_flag("--scan-narrative", read_options.scan_narrative,
                    "OCR all running text of scanned pages (slower), not only the title and table headings");
  extract->footer(
      "Exit status: 0 when every input was read (findings do not change it), 1 when some input could not be read "
      "(the others are still written), 2 for a usage error. A text that holds no disclosure tables is read: its "
      "record is empty and carries the finding mapping.no_tables.");

  auto* score = app.add_subcommand("score", "Compare records cell by cell: correct / wrong / missing");
  std::string expected, actual;
  bool verbose = false;
  score->add_option("expected", expected, "EXPECTED.json, or a directory of NAME.expected.json")->required();
  score->add_option("actual", actual, "ACTUAL.json, or a directory of NAME.json")->required();
  score->add_flag("-v,--verbose", verbose, "List every wrong and missing cell");

  auto* rows = app.add_subcommand("rows", "Print the table rows a reader found in FILE, before mapping (for debugging)");
  std::string rows_input;
  rows->add_option("file", rows_input, "Input file")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return e.get_exit_code() == 0 ? code : 2;
  }
  read_options.ocr = !no_ocr;
  if (extract->parsed()) return run_extract(inputs, out_dir, format, db_path, summary, read_options, lang_name == "en" ? Lang::En : Lang::Zh);
  if (score->parsed()) return run_score(expected, actual, verbose);
  if (rows->parsed()) return run_rows(rows_input);
  return 2;
}
