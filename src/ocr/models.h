// Where the Tesseract models (<model>.traineddata) are read from.
#pragma once

#include <string>

namespace gongkai::ocr {

// Directory the models are read from for `configured` (OcrOptions::tessdata),
// resolved as described there. Never throws: when no candidate holds
// `probe_model` it returns the first candidate (CellReader then throws a
// message naming it).
std::string resolve_tessdata(const std::string& configured, const std::string& probe_model = "eng");

// The directory that holds `model`, or throws std::runtime_error naming the
// file and every place looked at.
std::string locate_model(const std::string& configured, const std::string& model);

// The file of `model` in `dir`: dir/model.traineddata.
std::string model_file(const std::string& dir, const std::string& model);

}  // namespace gongkai::ocr
