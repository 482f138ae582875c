// Scanned pages (image-only PDF pages, image files): clean up, find the
// table grid in the image, OCR each cell, and yield the same PageLayout as the
// PDF text layer, so the rest of the pipeline cannot tell them apart.
#pragma once
#include <memory>
#include <string>

#include <opencv2/core.hpp>

#include "readers/page_layout.h"
#include "readers/reader.h"

namespace gongkai::scan {

// A page image made ready for OCR: cleaned up, straightened, its grids and
// text bands found, its damage judged. No model is used for that, so the
// next page of a document can be prepared on another thread while this one
// is read (ScanContext::prepare is safe to call beside lay_out).
struct PreparedPage;

class ScanContext {
 public:
  // Loads the OCR models once (throws ReadError naming a missing model).
  explicit ScanContext(const ReadOptions& options);
  ~ScanContext();
  // One page image at `dpi`, as page `number` of a document called `name`
  // (for the debug pictures). `seal`: where a red seal's ink lies on it
  // (seal_mask.h), empty when it has none.
  PageLayout lay_out(const cv::Mat& grey, double dpi, int number, const std::string& name,
                     const cv::Mat& seal = cv::Mat());
  // The same in two steps: prepare (any thread; `grey` and `seal` are kept,
  // not copied), then lay_out (one thread at a time).
  std::shared_ptr<PreparedPage> prepare(const cv::Mat& grey, double dpi, int number,
                                        const cv::Mat& seal = cv::Mat()) const;
  PageLayout lay_out(std::shared_ptr<PreparedPage> page, const std::string& name);
 private:
  PageLayout read(PreparedPage& page, const std::string& name, double& quality);

 public:
  // Options that do not need the models reloaded (debug dir, narrative).
  void set_options(const ReadOptions& options);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// The median height in pixels of the digits in the rightmost columns of the
// page's tables, read before any cell is; 0 when it has none (no table, or
// a blank or unreadable page).
double digit_height(const PreparedPage& page);

// The resolution `page` was prepared at.
double prepared_dpi(const PreparedPage& page);

// The scan context of a read: created with the models on first use and kept
// in `context`, so the models load once for every input read with it.
ScanContext& scan_context(ReadContext& context);

}  // namespace gongkai::scan
