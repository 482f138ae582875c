// The review site: a static, self-contained set of pages (HTML, CSS, a little
// plain JavaScript, page images) over the records, for a person to check a
// report against its pages and send corrections back. No server, no network:
// the folder can be mailed or archived.
//
//   DIR/index.html            one row per report (sort, filter, thumbnail of its worst page)
//   DIR/NAME.html             one report: its pages with every cell's box, the tables, the findings
//   DIR/NAME/pN.jpg           page N rendered by Poppler at ReviewOptions::dpi
//   DIR/assets/review.{css,js}
#pragma once
#include <filesystem>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "model/record.h"
#include "readers/reader.h"

namespace gongkai::review {

struct ReviewOptions {
  // 110 dpi: a 6-page A4 report is about 0.6 MB of grey JPEG at quality 60
  // (measured on samples/huaian-*.pdf), and 10.5 pt digits are still legible.
  double dpi = 110;
  int jpeg_quality = 60;
  int thumbnail_width = 160;  // px, the index's picture of the worst page
};

// What the index shows of one report.
struct IndexRow {
  std::string page;       // NAME.html
  std::string file;       // the input as given
  std::string agency, format, kind;
  int year = 0;
  int cells_read = 0, cells_total = 0;
  std::map<std::string, int> findings_by_kind;  // warnings and errors (and every repair), by kind
  int flagged = 0;
  std::string thumbnail;  // NAME/thumb.jpg, "" when the input has no pages
};

class SiteWriter {
 public:
  // Creates DIR (and DIR/assets). Throws std::runtime_error naming DIR.
  explicit SiteWriter(std::filesystem::path dir, ReviewOptions options = {});
  // Writes one report's page and images. `input_path` is the file the record
  // was read from (its pages are rendered from it). Returns "" or why the
  // page could not be written (the site stays usable for the other reports).
  std::string add(const std::string& input_path, const Report& report);
  // The same from a record as JSON (as a store holds it).
  std::string add_record(const std::string& input_path, const nlohmann::ordered_json& record);
  // Writes the index and the assets. Returns "" or why not.
  std::string finish();
  const std::vector<IndexRow>& rows() const { return rows_; }

 private:
  std::string unique_name(const std::string& input_path);
  std::filesystem::path dir_;
  ReviewOptions options_;
  std::vector<IndexRow> rows_;
  std::set<std::string> names_;
};

// `gongkai review FILE... --out DIR`: extracts each input and writes the
// site. Exit status as extract's: 0, or 1 when some input could not be read
// or its page not written (stderr names it; the others are still written).
int run_review(const std::vector<std::string>& inputs, const std::string& out_dir, const ReadOptions& options);
// `gongkai review --db STORE --out DIR`: the site of every report a store
// holds, its pages rendered from the first path it was seen at.
int run_review_store(const std::string& db_path, const std::string& out_dir);

}  // namespace gongkai::review
