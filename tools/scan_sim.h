// Shared by the scan simulators (scanify, photoify): a seeded random generator,
// page lists, opening and rendering a PDF with poppler-cpp, and writing JPEG pages
// into an image-only PDF with Leptonica. Header-only: each tool is one translation unit.
#pragma once
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <numbers>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgproc.hpp>

namespace scan_sim {

namespace fs = std::filesystem;

// An error that ends the run with exit status 1; the message names the file.
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------------------------
// Random numbers: our own generator and distributions, so results do not depend on the
// standard library's distribution algorithms. Bulk noise fields use cv::RNG (also a fixed
// algorithm), seeded from this generator.

inline std::uint64_t splitmix64(std::uint64_t& x) {
  std::uint64_t z = (x += 0x9E3779B97F4A7C15ULL);
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

class Rng {
 public:
  explicit Rng(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() { return splitmix64(state_); }
  double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }  // [0,1)
  double uniform(double lo, double hi) { return lo + (hi - lo) * uniform(); }
  int below(int n) { return static_cast<int>(uniform() * n); }  // [0,n)
  double normal() {                                             // Box-Muller
    double u1 = std::max(uniform(), 1e-300), u2 = uniform();
    return std::sqrt(-2.0 * std::log(u1)) * std::cos(2.0 * std::numbers::pi * u2);
  }

 private:
  std::uint64_t state_;
};

inline std::uint64_t page_seed(std::uint64_t seed, int page_number) {
  std::uint64_t x = seed * 0x100000001B3ULL + static_cast<std::uint64_t>(page_number);
  splitmix64(x);
  return splitmix64(x);
}


// "3", "3-5", "2-", "1,3-4" -> sorted unique 1-based page numbers within [1, n].
inline std::vector<int> parse_pages(const std::string& spec, int n) {
  std::vector<int> pages;
  if (spec.empty()) {
    for (int i = 1; i <= n; ++i) pages.push_back(i);
    return pages;
  }
  auto bad = [&]() { return Failure("--pages '" + spec + "': expected N, A-B, A- or a comma list of them"); };
  size_t pos = 0;
  while (pos <= spec.size()) {
    size_t comma = spec.find(',', pos);
    std::string part = spec.substr(pos, comma == std::string::npos ? std::string::npos : comma - pos);
    if (part.empty()) throw bad();
    int a = 0, b = 0;
    size_t dash = part.find('-');
    try {
      size_t used = 0;
      if (dash == std::string::npos) {
        a = b = std::stoi(part, &used);
        if (used != part.size()) throw bad();
      } else {
        std::string left = part.substr(0, dash), right = part.substr(dash + 1);
        a = std::stoi(left, &used);
        if (used != left.size()) throw bad();
        if (right.empty()) {
          b = n;
        } else {
          b = std::stoi(right, &used);
          if (used != right.size()) throw bad();
        }
      }
    } catch (const std::logic_error&) {
      throw bad();
    }
    if (a < 1 || b < a) throw bad();
    if (b > n)
      throw Failure("--pages '" + spec + "': the document has only " + std::to_string(n) + " page" +
                    (n == 1 ? "" : "s"));
    for (int i = a; i <= b; ++i) pages.push_back(i);
    if (comma == std::string::npos) break;
    pos = comma + 1;
  }
  std::sort(pages.begin(), pages.end());
  pages.erase(std::unique(pages.begin(), pages.end()), pages.end());
  return pages;
}


// Poppler reports syntax errors through this hook; keep the last one to explain a failure.
inline std::string g_poppler_last_error;
inline void poppler_error_sink(const std::string& msg, void*) { g_poppler_last_error = msg; }

inline std::unique_ptr<poppler::document> open_pdf(const std::string& path, bool quiet) {
  std::error_code ec;
  if (!fs::exists(path, ec)) throw Failure(path + ": no such file");
  if (!fs::is_regular_file(path, ec)) throw Failure(path + ": not a regular file");
  {
    std::ifstream probe(path, std::ios::binary);
    if (!probe) throw Failure(path + ": cannot be opened for reading");
    char head[1024] = {};
    probe.read(head, sizeof head);
    if (std::string_view(head, static_cast<size_t>(probe.gcount())).find("%PDF-") == std::string_view::npos)
      throw Failure(path + ": not a PDF (no %PDF- header)");
  }
  g_poppler_last_error.clear();
  std::unique_ptr<poppler::document> doc(poppler::document::load_from_file(path));
  if (!doc) {
    std::string why = g_poppler_last_error.empty() ? "" : " (" + g_poppler_last_error + ")";
    throw Failure(path + ": damaged or unreadable PDF" + why);
  }
  if (doc->is_locked()) throw Failure(path + ": encrypted PDF that needs a password; cannot render it");
  if (doc->pages() <= 0) throw Failure(path + ": PDF has no pages");
  if (doc->is_encrypted() && !quiet)  // owner password only: opens without a password, so render it
    std::fprintf(stderr, "scanify: %s: note: encrypted with an owner password only (restrictions); rendering it\n",
                 path.c_str());
  return doc;
}

// The page in grey (CV_8UC1), or in colour (CV_8UC3, BGR) when `colour`.
inline cv::Mat render_page(const poppler::document& doc, int page_number, int dpi, const std::string& path,
                           bool colour = false) {
  std::unique_ptr<poppler::page> page(doc.create_page(page_number - 1));
  if (!page) throw Failure(path + ": page " + std::to_string(page_number) + " cannot be read");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(colour ? poppler::image::format_argb32 : poppler::image::format_gray8);
  renderer.set_paper_color(0xffffffff);
  poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0 || img.format() != (colour ? poppler::image::format_argb32 : poppler::image::format_gray8))
    throw Failure(path + ": page " + std::to_string(page_number) + " could not be rendered");
  // poppler's argb32 is one 32-bit word 0xAARRGGBB per pixel: B, G, R, A in memory order.
  cv::Mat view(img.height(), img.width(), colour ? CV_8UC4 : CV_8UC1, const_cast<char*>(img.const_data()),
               static_cast<size_t>(img.bytes_per_row()));
  if (!colour) return view.clone();
  cv::Mat bgr;
  cv::cvtColor(view, bgr, cv::COLOR_BGRA2BGR);
  return bgr;
}

struct PdfBytes {  // a Leptonica-allocated buffer
  l_uint8* data = nullptr;
  size_t size = 0;
  PdfBytes() = default;
  PdfBytes(const PdfBytes&) = delete;
  PdfBytes& operator=(const PdfBytes&) = delete;
  ~PdfBytes() { lept_free(data); }
};

// One single-page PDF holding the JPEG bytes unchanged, page size = pixels * 72 / dpi.
inline void jpeg_page_to_pdf(const std::vector<uchar>& jpeg, int dpi, const std::string& title, PdfBytes& out) {
  // l_generateJpegDataMem takes ownership of the buffer (freed by Leptonica).
  auto* buf = static_cast<l_uint8*>(lept_calloc(jpeg.size(), 1));
  if (!buf) throw Failure("out of memory");
  std::memcpy(buf, jpeg.data(), jpeg.size());
  L_COMP_DATA* cid = l_generateJpegDataMem(buf, jpeg.size(), 0);
  if (!cid) throw Failure("Leptonica could not wrap the JPEG data");
  cid->res = dpi;  // JFIF from imencode carries no resolution
  // cidConvertToPdfData absorbs and destroys the cid.
  if (cidConvertToPdfData(cid, title.c_str(), &out.data, &out.size) != 0 || !out.data)
    throw Failure("Leptonica could not make the PDF page");
}

inline void write_pdf(const std::vector<std::vector<l_uint8>>& pages, const std::string& path) {
  L_PTRA* pa = ptraCreate(static_cast<l_int32>(pages.size()));
  for (const auto& pg : pages)
    ptraAdd(pa, l_byteaInitFromMem(const_cast<l_uint8*>(pg.data()), pg.size()));
  PdfBytes all;
  l_ok rc = ptraConcatenatePdfToData(pa, nullptr, &all.data, &all.size);
  l_int32 imax = -1;
  ptraGetMaxIndex(pa, &imax);
  for (l_int32 i = 0; i <= imax; ++i) {
    auto* ba = static_cast<L_BYTEA*>(ptraRemove(pa, i, L_NO_COMPACTION));
    if (ba) l_byteaDestroy(&ba);
  }
  ptraDestroy(&pa, FALSE, FALSE);
  if (rc != 0 || !all.data) throw Failure(path + ": could not assemble the PDF");

  std::ofstream f(path, std::ios::binary | std::ios::trunc);
  if (!f) throw Failure(path + ": cannot be opened for writing");
  f.write(reinterpret_cast<const char*>(all.data), static_cast<std::streamsize>(all.size));
  f.close();
  if (!f) throw Failure(path + ": write failed");
}

}  // namespace scan_sim
