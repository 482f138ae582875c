#include "review/site.h"

#include <fstream>
#include <iostream>
#include <map>
#include <stdexcept>

#include "pipeline/extract.h"
#include "review/index_page.h"
#include "review/page_images.h"
#include "review/record_view.h"
#include "review/report_page.h"
#include "review/source_text.h"
#include "writers/json_writer.h"
#include "writers/sqlite_writer.h"

namespace fs = std::filesystem;

namespace gongkai::review {

namespace {

// The site's CSS and script, embedded from src/review/assets/ at configure time.
const std::pair<const char*, const char*> kAssets[] = {
#include "review/review_assets.inc"
};

void write_text(const fs::path& p, const std::string& body) {
  std::ofstream out(p, std::ios::binary);
  out << body;
  out.close();
  if (!out) throw std::runtime_error("cannot write " + p.string());
}

// The page a reviewer should look at first: the one holding the most flagged
// cells, else the most cells.
int worst_page(const std::map<std::string, CellView>& views) {
  std::map<int, std::pair<int, int>> per_page;  // page → (flagged, cells)
  for (auto& [id, v] : views) {
    if (!v.cell) continue;
    int page = v.cell->value("page", 0);
    if (page <= 0) continue;
    per_page[page].first += v.state == CellState::Flagged;
    per_page[page].second += 1;
  }
  int best = 1;
  std::pair<int, int> most{-1, -1};
  for (auto& [page, n] : per_page)
    if (n > most) most = n, best = page;
  return best;
}

// The dpi an image input's boxes are in (px@300dpi from the scan reader).
double image_dpi(const Json& record) {
  for (const Json& c : record["cells"])
    if (double dpi = unit_dpi(c.value("bbox_unit", "")); dpi > 0) return dpi;
  return 300;
}

IndexRow index_row(const Report& r, const Json& record, const std::map<std::string, CellView>& views) {
  IndexRow row;
  row.agency = r.meta.agency, row.format = r.meta.template_format, row.kind = r.source.kind;
  row.year = r.meta.year.value_or(0);
  for (auto& [k, c] : r.cells) row.cells_read += c.value ? 1 : 0;
  row.cells_total = static_cast<int>(r.cells.size());
  for (const Json& f : record["findings"]) {
    std::string kind = f.value("kind", "");
    if (finding_warns(f) || kind == "repair") row.findings_by_kind[kind]++;
  }
  for (auto& [id, v] : views) row.flagged += v.state == CellState::Flagged;
  return row;
}

}  // namespace

SiteWriter::SiteWriter(fs::path dir, ReviewOptions options) : dir_(std::move(dir)), options_(options) {
  std::error_code ec;
  fs::create_directories(dir_ / "assets", ec);
  if (ec) throw std::runtime_error("cannot create the review directory " + dir_.string() + ": " + ec.message());
}

std::string SiteWriter::unique_name(const std::string& input_path) {
  std::string stem = fs::path(input_path).stem().string();
  if (stem.empty() || stem == "index" || stem == "assets") stem = "report-" + stem;
  std::string name = stem;
  for (int n = 2; names_.count(name); ++n) name = stem + "-" + std::to_string(n);
  names_.insert(name);
  return name;
}

std::string SiteWriter::add(const std::string& input_path, const Report& report) {
  return add_record(input_path, to_json(report));
}

std::string SiteWriter::add_record(const std::string& input_path, const Json& record) {
  try {
    const Report report = report_from_record(record);
    auto views = cell_views(record);
    std::string name = unique_name(input_path);
    ReportPageInput in;
    in.report = &report, in.record = &record, in.input_path = input_path;
    std::string bytes = read_input_file(input_path);
    in.pages = render_pages(bytes, report.source.kind, dir_, name, options_.dpi, options_.jpeg_quality,
                            image_dpi(record));
    if (in.pages.empty()) {
      std::string text = source_text(bytes, report.source.kind);
      in.source_html = marked_text_html(text, locate_cells(text, record), views);
    }
    write_text(dir_ / (name + ".html"), report_page_html(in, views));
    IndexRow row = index_row(report, record, views);
    row.page = name + ".html", row.file = input_path;
    if (!in.pages.empty()) {
      int worst = std::min(worst_page(views), static_cast<int>(in.pages.size()));
      row.thumbnail = name + "/thumb.jpg";
      write_thumbnail(dir_ / in.pages[worst - 1].file, dir_ / row.thumbnail, options_.thumbnail_width);
    }
    rows_.push_back(row);
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

std::string SiteWriter::finish() {
  try {
    for (auto& [name, body] : kAssets) write_text(dir_ / "assets" / name, body);
    write_text(dir_ / "index.html", index_page_html(rows_));
    return "";
  } catch (const std::exception& e) {
    return e.what();
  }
}

int run_review(const std::vector<std::string>& inputs, const std::string& out_dir, const ReadOptions& options) {
  std::unique_ptr<SiteWriter> site;
  try {
    site = std::make_unique<SiteWriter>(out_dir);
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << e.what() << "\n";
    return 1;
  }
  int status = 0;
  ReadContext context(options);
  for (const std::string& input : inputs) {
    try {
      Report r = extract_file(input, context);
      if (std::string why = site->add(input, r); !why.empty()) {
        std::cerr << "gongkai: " << input << ": review page not written: " << why << "\n";
        status = 1;
      }
    } catch (const std::exception& e) {
      std::cerr << "gongkai: " << input << ": " << e.what() << "\n";
      status = 1;
    }
  }
  if (std::string why = site->finish(); !why.empty()) {
    std::cerr << "gongkai: " << out_dir << ": " << why << "\n";
    return 1;
  }
  std::cout << out_dir << "/index.html: " << site->rows().size() << " report(s)\n";
  return status;
}

int run_review_store(const std::string& db_path, const std::string& out_dir) {
  int status = 0;
  try {
    if (!fs::exists(db_path)) throw std::runtime_error(db_path + ": no such store");
    ReportDb db(db_path);
    SiteWriter site(out_dir);
    for (const std::string& sha : db.hashes()) {
      auto stored = db.get(sha);
      if (!stored || stored->status != "ok") continue;  // a failed input has no record to review
      std::string path = stored->paths.empty() ? stored->file : stored->paths.front();
      if (std::string why = site.add_record(path, Json::parse(stored->record)); !why.empty()) {
        std::cerr << "gongkai: " << path << ": review page not written: " << why << "\n";
        status = 1;
      }
    }
    if (std::string why = site.finish(); !why.empty()) throw std::runtime_error(out_dir + ": " + why);
    std::cout << out_dir << "/index.html: " << site.rows().size() << " report(s)\n";
  } catch (const std::exception& e) {
    std::cerr << "gongkai: " << e.what() << "\n";
    return 1;
  }
  return status;
}

}  // namespace gongkai::review
