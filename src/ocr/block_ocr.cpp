#include "ocr/block_ocr.h"

#include <tesseract/baseapi.h>
#include <tesseract/resultiterator.h>

#include <cmath>
#include <filesystem>
#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

#include "ocr/engine.h"
#include "ocr/models.h"
#include "ocr/tesseract_threads.h"
#include "text/unicode.h"

namespace gongkai::ocr {
namespace {

// Tesseract puts spaces between CJK characters; keep them only between two
// ASCII letters or digits ("2024 年" is "2024年", "Word 2010" stays).
std::string clean(const std::string& s) {
  std::u32string in = to_u32(s), out;
  auto ascii_alnum = [](char32_t c) { return c < 0x80 && std::isalnum(static_cast<int>(c)); };
  for (size_t i = 0; i < in.size(); ++i) {
    char32_t c = in[i];
    if (c == U'\n' || c == U'\r') continue;
    if (c == U' ') {
      size_t j = i;
      while (j < in.size() && in[j] == U' ') ++j;
      if (!out.empty() && j < in.size() && ascii_alnum(out.back()) && ascii_alnum(in[j])) out.push_back(U' ');
      i = j - 1;
      continue;
    }
    out.push_back(c);
  }
  return to_utf8(out);
}

}  // namespace

struct BlockReader::Impl {
  tesseract::TessBaseAPI api;
  std::string dir;
  std::unique_ptr<tesseract::TessBaseAPI> osd;  // loaded on first use
  bool osd_missing = false;
};

BlockReader::BlockReader(const std::string& tessdata) : impl_(std::make_unique<Impl>()) {
  serialise_openmp_in_this_thread();
  impl_->dir = locate_model(tessdata, "chi_sim");
  load_lstm_model(impl_->api, impl_->dir, "chi_sim", {{"debug_file", "/dev/null"}});
  impl_->api.SetPageSegMode(tesseract::PSM_SINGLE_BLOCK);
}

BlockReader::~BlockReader() {
  impl_->api.End();
  if (impl_->osd) impl_->osd->End();
}

int BlockReader::orientation(const cv::Mat& grey, double dpi) {
  serialise_openmp_in_this_thread();
  if (impl_->osd_missing || grey.empty()) return 0;
  if (!impl_->osd) {
    auto api = std::make_unique<tesseract::TessBaseAPI>();
    if (!std::filesystem::exists(model_file(impl_->dir, "osd")) ||
        api->Init(impl_->dir.c_str(), "osd", tesseract::OEM_TESSERACT_ONLY) != 0) {
      impl_->osd_missing = true;
      return 0;
    }
    api->SetPageSegMode(tesseract::PSM_OSD_ONLY);
    impl_->osd = std::move(api);
  }
  // Full resolution: at half, the detector lost its confidence (13 -> 0.2
  // on an upside-down 200 dpi page).
  set_image(*impl_->osd, grey, static_cast<int>(dpi));
  int degrees = 0;
  float conf = 0;
  const char* script = nullptr;
  float script_conf = 0;
  bool ok = impl_->osd->DetectOrientationScript(&degrees, &conf, &script, &script_conf);
  impl_->osd->Clear();
  return ok && conf >= 1.5 ? degrees : 0;
}

std::vector<OcrLine> BlockReader::read_lines(const cv::Mat& grey, const cv::Rect& region, double dpi,
                                             double scale) {
  serialise_openmp_in_this_thread();
  std::vector<OcrLine> out;
  cv::Rect r = region & cv::Rect(0, 0, grey.cols, grey.rows);
  if (r.width < 8 || r.height < 8 || grey.type() != CV_8UC1) return out;
  auto& api = impl_->api;
  // The region is cut out and framed in white rather than given with
  // SetRectangle: on a grey scan, Tesseract 5.3 read a SetRectangle region of
  // a full page as noise (measured: garbage where the cut-out reads cleanly).
  // Running text is read at about 170 dpi: body type is then ~28 px high,
  // which Tesseract reads as well as at 300 dpi, in a third of the time.
  if (scale <= 0) scale = dpi > 175 ? 170.0 / dpi : 1.0;
  constexpr int kPad = 20;
  cv::Mat crop;
  if (std::abs(scale - 1) > 1e-3)
    cv::resize(grey(r), crop, cv::Size(), scale, scale, scale < 1 ? cv::INTER_AREA : cv::INTER_CUBIC);
  else crop = grey(r);
  cv::copyMakeBorder(crop, crop, kPad, kPad, kPad, kPad, cv::BORDER_CONSTANT, cv::Scalar(255));
  set_image(api, crop, static_cast<int>(dpi * scale));
  if (api.Recognize(nullptr) != 0) return out;
  std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
  if (!it) return out;
  do {
    std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
    if (!text) continue;
    int x0, y0, x1, y1;
    if (!it->BoundingBox(tesseract::RIL_TEXTLINE, &x0, &y0, &x1, &y1)) continue;
    auto back = [&](int v) { return static_cast<int>(std::lround((v - kPad) / scale)); };
    OcrLine line{clean(text.get()), cv::Rect(r.x + back(x0), r.y + back(y0), back(x1) - back(x0), back(y1) - back(y0)),
                 it->Confidence(tesseract::RIL_TEXTLINE) / 100.0};
    if (!line.text.empty()) out.push_back(std::move(line));
  } while (it->Next(tesseract::RIL_TEXTLINE));
  api.Clear();
  return out;
}

}  // namespace gongkai::ocr
