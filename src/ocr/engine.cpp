#include "ocr/engine.h"

#include <stdexcept>

#include "ocr/models.h"

namespace gongkai::ocr {

void load_lstm_model(tesseract::TessBaseAPI& api, const std::string& dir, const std::string& model,
                     const TesseractVariables& init_variables) {
  std::vector<std::string> names, values;
  for (const auto& [k, v] : init_variables) {
    names.push_back(k);
    values.push_back(v);
  }
  if (api.Init(dir.c_str(), model.c_str(), tesseract::OEM_LSTM_ONLY, nullptr, 0, &names, &values,
               false) != 0)
    throw std::runtime_error("OCR model " + model_file(dir, model) +
                             " could not be loaded by Tesseract (corrupt, or not an LSTM model)");
}

void set_image(tesseract::TessBaseAPI& api, const cv::Mat& img, int dpi) {
  api.SetImage(img.data, img.cols, img.rows, 1, static_cast<int>(img.step));
  api.SetSourceResolution(dpi);
}

CellEngine::CellEngine(const std::string& configured, const std::string& model_name, tesseract::PageSegMode psm,
                       const TesseractVariables& vars)
    : model(model_name) {
  const std::string dir = locate_model(configured, model);
  // Init-only variables. Dictionaries are not loaded: table cells hold numbers and
  // fixed headings, not prose, and the word lists cost load time and memory.
  load_lstm_model(api, dir, model,
                  {{"load_system_dawg", "0"}, {"load_freq_dawg", "0"}, {"load_punc_dawg", "0"},
                   {"load_number_dawg", "0"}, {"load_unambig_dawg", "0"}, {"load_bigram_dawg", "0"}});
  api.SetPageSegMode(psm);
  // Tesseract 5 re-reads low-confidence lines upside down by default: not for cells.
  api.SetVariable("tessedit_do_invert", "0");
  // Silence tprintf warnings ("Empty page!!", resolution estimates) on stderr.
  api.SetVariable("debug_file", "/dev/null");
  for (const auto& [k, v] : vars)
    if (!api.SetVariable(k.c_str(), v.c_str()))
      throw std::runtime_error("Tesseract rejected variable " + k);
}

CellEngine::~CellEngine() { api.End(); }

}  // namespace gongkai::ocr
