#include "readers/scan/scan_reader.h"

#include <algorithm>
#include <cstdio>
#include <future>
#include <map>
#include <mutex>
#include <optional>
#include <opencv2/imgproc.hpp>

#include "ocr/block_ocr.h"
#include "ocr/cell_ocr.h"
#include "ocr/models.h"
#include "readers/scan/cell_reading.h"
#include "readers/scan/debug_picture.h"
#include "readers/scan/page_image.h"
#include "readers/scan/page_quality.h"
#include "readers/scan/page_curl.h"
#include "readers/scan/photo_page.h"
#include "readers/scan/scan_page.h"
#include "readers/scan/seal_mask.h"
#include "readers/scan/text_bands.h"
#include "tables/grid_table.h"

namespace gongkai::scan {
namespace {

// Sets page.layout.tables: every grid that is a table, its cells read,
// top to bottom. The label confidences go to page.label_conf.
void read_tables(ScanPage& page, ocr::CellOcrPool& pool) {
  GridPage where{page.number, static_cast<double>(page.grey.rows), box_unit(page), "ocr",
                 [&page](const grid::Box& b) { return box_as_rendered(page, b); }};
  SealCheck sealed;
  for (const grid::Grid& g : page.grids) {
    if (!is_table(g, page)) continue;
    auto cells = read_cells(pool, page.grey, g, page.label_conf, page.ocr);
    sealed += second_look_under_seal(pool, page.grey, page.seal, g, cells);
    page.layout.tables.push_back(table_from_grid(g, where, std::move(cells)));
  }
  report_seal_coverage(page, sealed);
  auto& tables = page.layout.tables;
  std::sort(tables.begin(), tables.end(), [](auto& a, auto& b) { return a.top < b.top; });
}

// The page as the grid finder wants it: a photographed page's outline found
// and rectified (or a finding that it was not), its light flattened, a page
// that did not lie flat flattened along its rules (a note says so).
// `seal` is moved with the page.
cv::Mat clean_up(const cv::Mat& input, cv::Mat& seal, double dpi, int number, std::vector<ReaderFinding>& findings,
                 std::vector<std::string>& notes) {
  PageOutline outline = find_page_outline(input, dpi);
  seal = rectify_like(outline, seal);
  const std::string page = "page " + std::to_string(number);
  if (outline.desk_visible && !outline.found)
    findings.push_back({"scan.page_outline",
                        page + ": a darker surround shows around the page, but no four-sided page outline was "
                               "found in it; read as it is (its rules may lean or converge)",
                        false});
  if (outline.more_pages)
    findings.push_back({"scan.page_outline",
                        page + ": the photo holds more than one page; only the largest was read", false});
  cv::Mat flat = flatten_background(outline.found ? outline.rectified : input, dpi);
  if (PageCurl curl = flatten_curl(flat, seal, dpi); curl.flattened) {
    char mm[32];
    std::snprintf(mm, sizeof mm, "%.1f", curl.sagitta_mm);
    notes.push_back(page + ": its table rules bowed by about " + mm +
                    " mm (the page did not lie flat); flattened along them before its grid was found");
  }
  return flat;
}

// A page too blurred or too coarse to trust (`why`, from why_damaged) says
// so, and its numbers are left unread (the identities may still determine
// them) rather than guessed.
void doubt_damaged_page(ScanPage& page, const std::string& why) {
  if (why.empty()) return;
  int doubted = 0;
  for (auto& table : page.layout.tables)
    for (auto& cell : table.cells)
      if (!cell.unread && std::any_of(cell.text.begin(), cell.text.end(), [](char c) { return c >= '0' && c <= '9'; }))
        cell.unread = true, ++doubted;
  page.layout.findings.push_back({"scan.page_quality",
                                  "page " + std::to_string(page.number) + " is too damaged to trust its cells (" + why +
                                      "); its " + std::to_string(doubted) + " numbers are left unread",
                                  false});
}

// The tables' outlines (top and bottom) of the page, top to bottom, as the
// text bands need them: known from the grids before any cell is read.
std::vector<CellTable> table_outlines(const ScanPage& page) {
  std::vector<CellTable> out;
  for (const grid::Grid& g : page.grids)
    if (is_table(g, page)) {
      out.emplace_back();
      out.back().top = g.box.y0;
      out.back().bottom = g.box.y1;
    }
  std::sort(out.begin(), out.end(), [](auto& a, auto& b) { return a.top < b.top; });
  return out;
}

}  // namespace

struct PreparedPage {
  cv::Mat input;  // as given: read again turned when its labels read as noise
  cv::Mat seal;   // where a red seal's ink lies on `input` (seal_mask.h); empty: none
  double dpi;
  int number;
  std::optional<PageLayout> done;  // unreadable or blank: nothing to read
  std::unique_ptr<ScanPage> page;  // straightened, grids and text bands found
  std::string damaged;             // why_damaged of the straightened page
};

// A model loaded on another thread; a model Tesseract cannot load is named
// as a ReadError by every read that needs it.
template <class Engine>
Engine& loaded(const std::shared_future<std::shared_ptr<Engine>>& loading) {
  try {
    return *loading.get();
  } catch (const std::exception& e) {
    throw ReadError(std::string("OCR is not available: ") + e.what());
  }
}

struct ScanContext::Impl {
  ReadOptions options;
  // The models load on other threads (the running-text engine beside the
  // cell pool's) while the first page is rendered, cleaned and its grids
  // found: on the 6-page 300 dpi scan both took about 0.6 CPU s, one after
  // the other on the main thread.
  std::shared_future<std::shared_ptr<ocr::BlockReader>> text_loading;
  std::shared_future<std::shared_ptr<ocr::CellOcrPool>> pool_loading;
  explicit Impl(const ReadOptions& o) : options(o) {
    // A missing model is named at once.
    for (const char* model : {"eng", "chi_sim"}) ocr::locate_model(o.tessdata, model);
    text_loading = std::async(std::launch::async, [dir = o.tessdata] { return std::make_shared<ocr::BlockReader>(dir); });
    pool_loading = std::async(std::launch::async, [p = pool_options(o)] { return std::make_shared<ocr::CellOcrPool>(p); });
  }
  ocr::BlockReader& text() { return loaded(text_loading); }
  ocr::CellOcrPool& pool() { return loaded(pool_loading); }
  static ocr::OcrOptions pool_options(const ReadOptions& o) {
    ocr::OcrOptions p;
    p.tessdata = o.tessdata;
    p.threads = 2;
    return p;
  }
};

ScanContext::ScanContext(const ReadOptions& options) {
  try {
    impl_ = std::make_unique<Impl>(options);
  } catch (const std::exception& e) {
    throw ReadError(std::string("OCR is not available: ") + e.what());
  }
}
ScanContext::~ScanContext() = default;

ScanContext& scan_context(ReadContext& context) {
  if (!context.scan) context.scan = std::make_shared<ScanContext>(context.options);
  context.scan->set_options(context.options);
  return *context.scan;
}

void ScanContext::set_options(const ReadOptions& options) { impl_->options = options; }

PageLayout ScanContext::lay_out(const cv::Mat& grey, double dpi, int number, const std::string& name,
                                const cv::Mat& seal) {
  return lay_out(prepare(grey, dpi, number, seal), name);
}

PageLayout ScanContext::lay_out(std::shared_ptr<PreparedPage> prepared, const std::string& name) {
  const cv::Mat input = prepared->input;
  const cv::Mat seal = prepared->seal;
  const double dpi = prepared->dpi;
  const int number = prepared->number;
  double quality = 1;
  PageLayout out = read(*prepared, name, quality);
  prepared.reset();
  if (!out.ocr_reason.empty() || quality >= 0.55) return out;
  // Labels that read as noise: the page may be turned. Tesseract's
  // orientation detector says by how much; the page is read again upright.
  int degrees = impl_->text().orientation(input, dpi);
  if (degrees == 0) {
    out.notes.push_back("page " + std::to_string(number) +
                        ": its labels read poorly (is the page turned or very degraded?); orientation detection "
                        "found no turn");
    return out;
  }
  cv::Mat upright, upright_seal;
  int code = degrees == 90 ? cv::ROTATE_90_COUNTERCLOCKWISE : degrees == 180 ? cv::ROTATE_180 : cv::ROTATE_90_CLOCKWISE;
  cv::rotate(input, upright, code);
  if (!seal.empty()) cv::rotate(seal, upright_seal, code);
  double again = 1;
  PageLayout turned = read(*prepare(upright, dpi, number, upright_seal), name, again);
  if (again <= quality) {
    out.notes.push_back("page " + std::to_string(number) + ": detected as turned " + std::to_string(degrees) +
                        "°, but it read no better turned back; kept as scanned");
    return out;
  }
  turned.notes.push_back("page " + std::to_string(number) + " was turned " + std::to_string(degrees) +
                         "°; read upright (cell boxes are in the upright page's pixels)");
  return turned;
}

std::shared_ptr<PreparedPage> ScanContext::prepare(const cv::Mat& input, double dpi, int number,
                                                  const cv::Mat& seal_of_input) const {
  auto out = std::make_shared<PreparedPage>(PreparedPage{input, seal_of_input, dpi, number, std::nullopt, nullptr, ""});
  if (std::string why = why_unreadable(input, dpi); !why.empty()) {
    ScanPage page(input, dpi, number);
    page.layout.ocr_reason = why;
    out->done = std::move(page.layout);
    return out;
  }
  if (ink_fraction(input) < 0.001) {  // a blank page: nothing to read, nothing wrong (and no clean-up to pay for)
    out->done = std::move(ScanPage(input, dpi, number).layout);
    return out;
  }
  std::vector<ReaderFinding> findings;
  std::vector<std::string> notes;
  cv::Mat seal = seal_of_input;
  cv::Mat flat = clean_up(input, seal, dpi, number, findings, notes);
  out->page = std::make_unique<ScanPage>(flat, dpi, number);
  ScanPage& page = *out->page;
  page.layout.findings = std::move(findings);
  page.layout.notes.insert(page.layout.notes.end(), notes.begin(), notes.end());
  page.seal = seal.size() == flat.size() ? seal : cv::Mat();
  straighten(page, flat);
  // The damage test (6 % of the 3-page scan's CPU time) beside the grid search.
  auto damaged = std::async(std::launch::async, [&page] { return why_damaged(page.grey, page.dpi, page.edge_width); });
  find_grids(page);
  page.bands = text_bands(page.grey, dpi, number, table_outlines(page), impl_->options.scan_narrative);
  out->damaged = damaged.get();
  return out;
}

double prepared_dpi(const PreparedPage& page) { return page.dpi; }

double digit_height(const PreparedPage& prepared) {
  if (prepared.done || !prepared.page) return 0;
  const ScanPage& page = *prepared.page;
  std::vector<double> heights;
  for (const grid::Grid& g : page.grids)
    if (is_table(g, page)) {
      std::vector<double> more = digit_heights(page.grey, g);
      heights.insert(heights.end(), more.begin(), more.end());
    }
  if (heights.empty()) return 0;
  std::nth_element(heights.begin(), heights.begin() + heights.size() / 2, heights.end());
  return heights[heights.size() / 2];
}

PageLayout ScanContext::read(PreparedPage& prepared, const std::string& name, double& quality) {
  quality = 1;
  if (prepared.done) return std::move(*prepared.done);
  ScanPage& page = *prepared.page;
  // The running text is read by its own engine beside the cells (it was a
  // tenth of a page's CPU time, on the main thread while the second core
  // idled).
  auto lines = std::async(std::launch::async,
                          [&] { return read_bands(impl_->text(), page.grey, page.bands, page.dpi); });
  read_tables(page, impl_->pool());  // (a throw waits for `lines` in its destructor)
  doubt_damaged_page(page, prepared.damaged);
  page.layout.lines = lines.get();
  mark_page_furniture(page.layout);
  if (!impl_->options.debug_dir.empty()) write_debug_picture(page, impl_->options.debug_dir, name);
  quality = label_quality(page.label_conf);
  return std::move(page.layout);
}

}  // namespace gongkai::scan
