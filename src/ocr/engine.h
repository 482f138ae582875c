// Tesseract engines: loading a model, handing it an image, and the engine the
// cell reader keeps per model.
#pragma once

#include <tesseract/baseapi.h>

#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

namespace gongkai::ocr {

using TesseractVariables = std::vector<std::pair<std::string, std::string>>;  // (name, value)

// Initialises `api` with the LSTM model `model` from `dir`, setting the
// init-only variables `init_variables`. Throws std::runtime_error naming the
// file when Tesseract cannot load it.
void load_lstm_model(tesseract::TessBaseAPI& api, const std::string& dir, const std::string& model,
                     const TesseractVariables& init_variables);

// Gives `img` (CV_8UC1; not copied, so it must outlive the recognition) to
// `api` as an image of `dpi` dots per inch.
void set_image(tesseract::TessBaseAPI& api, const cv::Mat& img, int dpi);

// One model loaded for reading cell images, with the page segmentation `psm`
// and the variables `vars`. Throws like locate_model / load_lstm_model, or when
// Tesseract rejects a variable.
struct CellEngine {
  tesseract::TessBaseAPI api;
  std::string model;

  CellEngine(const std::string& configured, const std::string& model_name, tesseract::PageSegMode psm,
             const TesseractVariables& vars);
  ~CellEngine();
  CellEngine(const CellEngine&) = delete;
  CellEngine& operator=(const CellEngine&) = delete;
};

}  // namespace gongkai::ocr
