// gongkai: command-line front end.
//   gongkai extract [--out-dir DIR] [--format json|csv] [--db FILE.sqlite] [-j N] FILE|FOLDER...
//   gongkai merge OUT.sqlite STORE.sqlite...
//   gongkai score EXPECTED ACTUAL
#include <CLI/CLI.hpp>
#include <stdlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <thread>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>

#include "batch/inputs.h"
#include "batch/merge.h"
#include "batch/progress.h"
#include "batch/run_options.h"
#include "batch/runner.h"
#include "batch/worker.h"
#include "cli/records_out.h"
#include "analysis/record_json.h"
#include "cli/score.h"
#include "cli/check_store.h"
#include "cli/spreadsheet_output.h"
#include "pipeline/extract.h"
#include "readers/reader.h"
#include "readers/registry.h"
#include "review/apply_review.h"
#include "review/site.h"
#include "writers/sqlite_writer.h"

namespace fs = std::filesystem;
using namespace gongkai;

namespace {

// The options of `gongkai extract`, in one place: what goes to the batch and
// what goes to the output.
struct ExtractArgs {
  std::vector<std::string> inputs;
  std::string files_from;
  RecordsOut out;
  BatchOptions batch;
  bool no_ocr = false;
  std::string shard;
  std::string lang = "zh";
};

void add_extract_options(CLI::App* extract, ExtractArgs& a) {
  extract->add_option("files", a.inputs, "Input files and folders (walked for reports); '-' reads stdin");
  extract->add_option("--files-from", a.files_from, "Also read the paths listed in LIST, one a line ('-': stdin)");
  extract->add_option("--out-dir", a.out.out_dir,
                      "Write each record to DIR, mirroring the input's path below the inputs' common folder "
                      "(a/report.pdf -> DIR/a/report.json). Without it a single input's record goes to stdout; "
                      "several inputs give one JSON record per line");
  extract->add_option("--format", a.out.format,
                      "json (default), csv (long format, one row per cell), or for the whole run wide-csv (one row per "
                      "report, one column per cell) or xlsx (a sheet per table, findings, reports): DIR/reports.csv|xlsx "
                      "with --out-dir, else stdout")
      ->check(CLI::IsMember({"json", "csv", "wide-csv", "xlsx"}));
  extract->add_option("--lang", a.lang, "Language of the findings' messages: zh (default) or en")
      ->check(CLI::IsMember({"zh", "en"}));
  extract->add_option("--db", a.batch.db_path,
                      "Store every record in this SQLite store (created if need be; README 'The store'). A rerun "
                      "skips inputs already stored by this version with these options. Without --out-dir, records "
                      "go only there");
  extract->add_flag("--force", a.batch.force, "Extract again inputs the store already holds");
  extract->add_option("--shard", a.shard, "I/N: take only share I (0..N-1) of the inputs, by content hash");
  extract->add_option("-j,--jobs", a.batch.jobs, "Worker processes (default: the number of cores)")
      ->check(CLI::Range(1, 256));
  extract->add_option("--timeout", a.batch.timeout_seconds,
                      "Seconds one input may take before its worker is stopped and it is recorded as failed "
                      "(default 900)")
      ->check(CLI::PositiveNumber);
  extract->add_option("--max-memory", a.batch.max_memory_mb,
                      "MB of memory a worker may use for one input before it is stopped and the input recorded as "
                      "failed (default 2048)")
      ->check(CLI::Range(64L, 1L << 20));
  extract->add_flag("-q,--quiet", a.batch.quiet, "No progress lines and no final summary");
  extract->add_flag("--summary", a.out.summary,
                    "Print a one-line summary per report (stdout with --out-dir or --db, stderr otherwise)");
  ReadOptions& r = a.batch.read;
  extract->add_option("--tessdata", r.tessdata,
                      "Directory of the OCR models (chi_sim, eng); default $TESSDATA_PREFIX, then Debian's "
                      "/usr/share/tesseract-ocr/5/tessdata");
  extract->add_option("--dpi", r.scan_dpi,
                      "Resolution scanned PDF pages are read at, a scan's own when lower (default: 200, or 300 for a "
                      "page whose digits are under 18 px high at 200)")
      ->check(CLI::Range(100.0, 600.0));
  extract->add_option("--debug-dir", r.debug_dir,
                      "Write, per scanned page, a picture of the grid found and the cells read (NAME-pN.png)");
  extract->add_flag("--no-ocr", a.no_ocr, "Do not OCR image pages (they are reported as needing OCR)");
  extract->add_flag("--scan-narrative", r.scan_narrative,
                    "OCR all running text of scanned pages (slower), not only the title and table headings");
  extract->footer(
      "Exit status: 0 when every input was read (findings do not change it), 1 when some input could not be read "
      "(the others are still written; each is named with the reason, and stored as failed), 2 for a usage error, "
      "3 when the run stopped before its end (the store could not be opened or written). "
      "A text that holds no disclosure tables is read: its record is empty and carries the finding "
      "mapping.no_tables. Each input is read in a worker process: a crash, a hang past --timeout or a blow-up past "
      "--max-memory fails that input alone.");
}

// A spreadsheet is the whole run's: the inputs a rerun skipped as already
// stored are in it too, from their stored records (without this, adding 10
// files to an archive gave a spreadsheet of 10 rows).
void add_stored_records(const std::string& db, const InputSet& set, const BatchTotals& totals,
                        SpreadsheetRun& spreadsheet) {
  if (totals.skipped_inputs.empty()) return;
  ReportDb store(db);
  for (size_t i : totals.skipped_inputs) {
    auto stored = store.get(set.inputs[i].sha256);
    if (stored && stored->status == "ok" && !stored->record.empty())
      spreadsheet.add(i, record_from_json(nlohmann::json::parse(stored->record)));
  }
}

int run_extract(ExtractArgs& a) {
  if (a.inputs.empty() && a.files_from.empty()) {
    std::cerr << "gongkai extract: no input (give files, folders or --files-from LIST)\n";
    return 2;
  }
  if (!a.shard.empty()) {
    a.batch.shard = parse_shard(a.shard);
    if (!a.batch.shard) {
      std::cerr << "gongkai extract: --shard " << a.shard << ": expected I/N with 0 <= I < N\n";
      return 2;
    }
  }
  a.batch.read.ocr = !a.no_ocr;
  a.batch.want_csv = a.out.format == "csv";
  a.batch.english = a.lang == "en";
  // --format wide-csv|xlsx: the records are gathered into one spreadsheet, written after the run.
  SpreadsheetRun spreadsheet(a.out.format, a.out.out_dir, a.batch.english ? Lang::En : Lang::Zh);
  std::string db = a.batch.db_path;
  char spool[] = "/tmp/gongkai-stdin-XXXXXX";
  bool reads_stdin = std::find(a.inputs.begin(), a.inputs.end(), "-") != a.inputs.end() || a.files_from == "-";
  if (reads_stdin && !::mkdtemp(spool)) {
    std::cerr << "gongkai: cannot create a temporary folder for stdin: " << std::strerror(errno) << "\n";
    return 1;
  }
  InputSet set = collect_inputs({a.inputs, a.files_from, {a.out.out_dir, db, db + "-wal", db + "-shm", db + "-journal"},
                                 spool},
                                a.batch.shard);
  if (set.inputs.empty() && set.errors.empty() && set.other_shards == 0) {
    std::cerr << "gongkai: no report among the inputs (a folder is searched for PDFs, images, HTML and "
                 ".txt/.md/.markdown/.text files)\n";
    if (reads_stdin) std::filesystem::remove_all(spool);
    return 1;
  }
  a.out.to_stdout = a.out.out_dir.empty() && db.empty();
  a.out.one_per_line = set.inputs.size() + set.errors.size() > 1;
  a.batch.want_printed = a.out.format == "json" && (!a.out.out_dir.empty() || (a.out.to_stdout && !a.out.one_per_line));
  // A single input's record on stdout is the whole output; anything larger gets a summary.
  a.batch.summary = !a.batch.quiet && !(a.out.to_stdout && set.paths + static_cast<long>(set.errors.size()) <= 1);
  BatchTotals totals;
  std::set<std::string> agencies;  // read in this run: their years are checked against each other
  int status = 1;
  try {
    status = run_batch(set, a.batch, "/proc/self/exe",
                       [&](const BatchInput& in, const InputResult& r) {
                         SinkStatus s;
                         if (!r.agency.empty()) agencies.insert(r.agency);
                         if (spreadsheet.wanted()) {
                           try {
                             spreadsheet.add(static_cast<size_t>(&in - set.inputs.data()), record_from_json(r.parsed()));
                           } catch (const std::exception& e) {
                             s.error = e.what();
                           }
                           return s;
                         }
                         s.error = a.out.write(in.paths[0], in.relative, r, s.fatal);
                         return s;
                       },
                       totals);
  } catch (const std::exception& e) {
    // The run itself stopped (the store cannot be opened or written): not the
    // same as "some input could not be read", which a Slurm task counts as a
    // finished share (tools/slurm/extract-array.sbatch).
    std::cerr << "gongkai: " << e.what() << "\n";
    status = 3;
  }
  if (status != 3 && !db.empty() && !agencies.empty()) {
    try {  // the agencies' other years may already be in the store
      long n = check_agencies(db, agencies, a.batch.english ? Lang::En : Lang::Zh);
      if (a.batch.summary) std::cerr << "cross-year checks: " << n << " findings over " << agencies.size() << " agencies\n";
    } catch (const std::exception& e) {
      std::cerr << "gongkai: cross-year checks: " << e.what() << "\n";
      status = 3;
    }
  }
  if (status != 3 && spreadsheet.wanted() && !db.empty()) {
    try {
      add_stored_records(db, set, totals, spreadsheet);
    } catch (const std::exception& e) {
      std::cerr << "gongkai: " << db << ": the stored records of the skipped inputs could not be read: " << e.what()
                << "\n";
      status = 3;
    }
  }
  if (reads_stdin) std::filesystem::remove_all(spool);
  if (a.batch.summary) print_summary(totals);
  return std::max(status, spreadsheet.finish());
}

int run_merge(const std::string& out, const std::vector<std::string>& stores) {
  int status = 0;
  for (const std::string& s : stores) {
    try {
      MergeCounts c = merge_store(out, s);
      std::cerr << "gongkai merge: " << s << ": " << c.added << " added, " << c.replaced
                << " replaced (newer version), " << c.kept << " kept\n";
    } catch (const std::exception& e) {
      std::cerr << "gongkai merge: " << e.what() << "\n";
      status = 1;
    }
  }
  return status;
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
  app.set_version_flag("--version", std::string("gongkai ") + kToolVersion + " (store schema " +
                                        std::to_string(kStoreSchema) + ", record schema_version 1)");

  auto* extract = app.add_subcommand("extract", "Extract one record per input (PDF, scanned PDF, image, text, markdown, HTML; folders are walked; '-' reads stdin)");
  ExtractArgs extract_args;
  extract_args.batch.jobs = std::max(1u, std::thread::hardware_concurrency());
  add_extract_options(extract, extract_args);

  auto* merge = app.add_subcommand("merge", "Merge stores (of shards, or of any runs) into OUT; idempotent; the newer "
                                            "tool version's record wins");
  std::string merge_out;
  std::vector<std::string> merge_in;
  merge->add_option("out", merge_out, "The store merged into (created if need be)")->required();
  merge->add_option("stores", merge_in, "Stores to merge")->required();

  // The worker process of `extract` (batch/worker.h): not for users.
  auto* worker = app.add_subcommand("__worker", "")->group("");

  auto* score = app.add_subcommand("score", "Compare records cell by cell: correct / wrong / missing");
  std::string expected, actual;
  bool verbose = false;
  score->add_option("expected", expected, "EXPECTED.json, or a directory of NAME.expected.json")->required();
  score->add_option("actual", actual, "ACTUAL.json, or a directory of NAME.json")->required();
  score->add_flag("-v,--verbose", verbose, "List every wrong and missing cell");

  auto* check = app.add_subcommand("check", "Check every report a store holds against the same agency's other years "
                                             "(carry-over, 现行有效件数, template switch); one finding a line");
  std::string check_db, check_lang = "zh";
  check->add_option("db", check_db, "The store (gongkai extract --db)")->required();
  check->add_option("--lang", check_lang, "zh (default) or en")->check(CLI::IsMember({"zh", "en"}));

  auto* rows = app.add_subcommand("rows", "Print the table rows a reader found in FILE, before mapping (for debugging)");
  std::string rows_input;
  rows->add_option("file", rows_input, "Input file")->required();

  auto* review = app.add_subcommand("review", "Write a static review site: each report's pages with its cells drawn, "
                                               "the tables, the findings (flagged first); DIR/index.html lists them");
  std::vector<std::string> review_inputs;
  std::string review_dir;
  std::string review_db;
  review->add_option("files", review_inputs, "Input files");
  review->add_option("--db", review_db, "Instead of files: every report of this store (pages from its paths)");
  review->add_option("--out", review_dir, "Directory of the site (created)")->required();
  std::string extract_review;  // the review site of an archive run, from its store
  extract->add_option("--review", extract_review, "Also write the review site of every report in the store (--db) to DIR")
      ->needs(extract->get_option("--db"));
  auto* apply = app.add_subcommand("apply-review", "Write the corrections exported from review pages into the store as "
                                                   "reviewed values (apart from what was read) and re-run the identities");
  std::string corrections_path, apply_db;
  apply->add_option("corrections", corrections_path, "CORRECTIONS.json exported from a review page")->required();
  apply->add_option("--db", apply_db, "The store holding the reports")->required();

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return e.get_exit_code() == 0 ? code : 2;
  }
  if (worker->parsed()) return run_worker();
  if (extract->parsed() && !extract_review.empty()) {
    int status = run_extract(extract_args);  // first: the site is written from the store
    return std::max(status, review::run_review_store(extract_args.batch.db_path, extract_review));
  }
  if (extract->parsed()) return run_extract(extract_args);
  if (merge->parsed()) return run_merge(merge_out, merge_in);
  if (score->parsed()) return run_score(expected, actual, verbose);
  if (rows->parsed()) return run_rows(rows_input);
  if (review->parsed() && !review_db.empty()) return review::run_review_store(review_db, review_dir);
  if (review->parsed() && review_inputs.empty()) return std::cerr << "gongkai review: give FILE... or --db STORE\n", 2;
  if (review->parsed()) return review::run_review(review_inputs, review_dir, ReadOptions{});
  if (apply->parsed()) return review::run_apply_review(corrections_path, apply_db);
  if (check->parsed()) return check_store(check_db, check_lang == "en" ? Lang::En : Lang::Zh);
  return 2;
}
