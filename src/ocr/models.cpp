// Model lookup: the places a model may be, in order. See OcrOptions::tessdata.
#include "ocr/models.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <utility>
#include <vector>

namespace gongkai::ocr {

namespace fs = std::filesystem;

std::string model_file(const std::string& dir, const std::string& model) {
  return (fs::path(dir) / (model + ".traineddata")).string();
}

namespace {

constexpr const char* kDebianTessdata = "/usr/share/tesseract-ocr/5/tessdata";

std::vector<std::pair<std::string, std::string>> tessdata_candidates(const std::string& configured) {
  std::vector<std::pair<std::string, std::string>> out;  // (dir, where it came from)
  if (!configured.empty()) {
    out.emplace_back(configured, "OcrOptions::tessdata / --tessdata");
    return out;
  }
  if (const char* env = std::getenv("TESSDATA_PREFIX"); env && *env) {
    out.emplace_back(env, "$TESSDATA_PREFIX");
    out.emplace_back((fs::path(env) / "tessdata").string(), "$TESSDATA_PREFIX/tessdata");
  }
  out.emplace_back(kDebianTessdata, "Debian default");
  return out;
}

bool has_model(const std::string& dir, const std::string& model) {
  std::error_code ec;
  return fs::is_regular_file(model_file(dir, model), ec);
}

std::string debian_package(const std::string& model) {
  std::string p = "tesseract-ocr-" + model;
  std::replace(p.begin(), p.end(), '_', '-');
  return p;
}

}  // namespace

std::string locate_model(const std::string& configured, const std::string& model) {
  auto cands = tessdata_candidates(configured);
  for (const auto& [dir, from] : cands)
    if (has_model(dir, model)) return dir;
  std::string msg = "OCR model " + model + ".traineddata not found; looked in:";
  for (const auto& [dir, from] : cands) msg.append(" ").append(model_file(dir, model)).append(" (").append(from).append(");");
  msg += " install the Debian package " + debian_package(model) +
         " or point --tessdata / TESSDATA_PREFIX at a directory holding it";
  throw std::runtime_error(msg);
}

std::string resolve_tessdata(const std::string& configured, const std::string& probe_model) {
  auto cands = tessdata_candidates(configured);
  for (const auto& [dir, from] : cands)
    if (has_model(dir, probe_model)) return dir;
  return cands.front().first;
}

}  // namespace gongkai::ocr
