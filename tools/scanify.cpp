// scanify — print-and-scan simulator for the test corpus.
//
// Turns any PDF into an image-only PDF that looks like a printed, scanned copy:
// each page is rendered in memory with poppler-cpp (grey, at --dpi), degraded with
// OpenCV (ink weight, skew, scale jitter, paper tone and uneven lighting, dust and
// speckles, optical blur, sensor noise), JPEG-compressed with cv::imencode, and the
// JPEG bytes are embedded unchanged in a PDF written by Leptonica (no re-encoding,
// no temporary files). Page size in points equals the rendered size at --dpi, so an
// A4 page stays ~595x842 pt. There is no text layer.
//
// Deterministic: the same input, options and --seed give byte-identical output.
// Each page draws its random parameters from (seed, page number), so page 4 looks the
// same whether it is converted alone or with the whole document.
//
//   scanify IN.pdf OUT.pdf [--dpi 200..300] [--rotate DEG] [--blur SIGMA] [--noise AMOUNT]
//           [--ink W] [--jpeg-quality Q] [--seed N] [--pages 1-3] [--png-dir DIR] [-q]
//
// Exit status: 0 on success, 1 when the input cannot be read or the output cannot be
// written (stderr names the file and the reason), 2 for a usage error.

#include <CLI/CLI.hpp>
#include <leptonica/allheaders.h>
#include <poppler/cpp/poppler-document.h>
#include <poppler/cpp/poppler-global.h>
#include <poppler/cpp/poppler-image.h>
#include <poppler/cpp/poppler-page-renderer.h>
#include <poppler/cpp/poppler-page.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <memory>
#include <numbers>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace fs = std::filesystem;

namespace {

// An error that ends the run with exit status 1; the message names the file.
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// ---------------------------------------------------------------------------------------------
// Random numbers: our own generator and distributions, so results do not depend on the
// standard library's distribution algorithms. Bulk noise fields use cv::RNG (also a fixed
// algorithm), seeded from this generator.

std::uint64_t splitmix64(std::uint64_t& x) {
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

std::uint64_t page_seed(std::uint64_t seed, int page_number) {
  std::uint64_t x = seed * 0x100000001B3ULL + static_cast<std::uint64_t>(page_number);
  splitmix64(x);
  return splitmix64(x);
}

// ---------------------------------------------------------------------------------------------
// Options

struct Options {
  std::string input, output, png_dir, pages = "";
  int dpi = 200;
  std::optional<double> rotate;  // degrees; unset = random per page
  double blur = 0.6;             // Gaussian sigma in pixels at 200 dpi (scaled with dpi)
  double noise = 1.0;            // 0 = none, 1 = typical office scanner, 3 = very dirty
  double ink = 0.0;              // -1 light/faded strokes .. 0 as printed .. +1 heavier strokes
  int jpeg_quality = 75;
  std::uint64_t seed = 1;
  bool quiet = false;
};

// "3", "3-5", "2-", "1,3-4" -> sorted unique 1-based page numbers within [1, n].
std::vector<int> parse_pages(const std::string& spec, int n) {
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

// ---------------------------------------------------------------------------------------------
// Input

// Poppler reports syntax errors through this hook; keep the last one to explain a failure.
std::string g_poppler_last_error;
void poppler_error_sink(const std::string& msg, void*) { g_poppler_last_error = msg; }

std::unique_ptr<poppler::document> open_pdf(const std::string& path, bool quiet) {
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

cv::Mat render_page(const poppler::document& doc, int page_number, int dpi, const std::string& path) {
  std::unique_ptr<poppler::page> page(doc.create_page(page_number - 1));
  if (!page) throw Failure(path + ": page " + std::to_string(page_number) + " cannot be read");
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing, true);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing, true);
  renderer.set_image_format(poppler::image::format_gray8);
  renderer.set_paper_color(0xffffffff);
  poppler::image img = renderer.render_page(page.get(), dpi, dpi);
  if (!img.is_valid() || img.width() <= 0 || img.height() <= 0 || img.format() != poppler::image::format_gray8)
    throw Failure(path + ": page " + std::to_string(page_number) + " could not be rendered");
  cv::Mat view(img.height(), img.width(), CV_8UC1, const_cast<char*>(img.const_data()),
               static_cast<size_t>(img.bytes_per_row()));
  return view.clone();
}

// ---------------------------------------------------------------------------------------------
// Degradation. Works on a float image in [0,1] (1 = white paper) until the final conversion.

struct PageParams {
  double angle, scale, dx, dy;
  double paper, ink_level;
};

// Smooth random field in [-1,1]: coarse random grid, cubic upsampling.
cv::Mat smooth_field(cv::Size size, int cells_x, int cells_y, Rng& rng) {
  cv::Mat coarse(cells_y, cells_x, CV_32F);
  for (int y = 0; y < cells_y; ++y)
    for (int x = 0; x < cells_x; ++x) coarse.at<float>(y, x) = static_cast<float>(rng.uniform(-1, 1));
  cv::Mat field;
  cv::resize(coarse, field, size, 0, 0, cv::INTER_CUBIC);
  return field;
}

cv::Mat degrade(const cv::Mat& rendered, const Options& opt, Rng& rng, PageParams& p) {
  const double k = opt.dpi / 200.0;  // sizes are tuned at 200 dpi
  cv::Mat img;
  rendered.convertTo(img, CV_32F, 1.0 / 255.0);
  const cv::Size size = img.size();

  // 1. Ink weight: toner spread (heavier) or a starved / faded print (lighter).
  if (opt.ink > 0) {
    cv::Mat heavy;
    int r = std::max(1, static_cast<int>(std::lround(k)));
    cv::erode(img, heavy, cv::getStructuringElement(cv::MORPH_ELLIPSE, {2 * r + 1, 2 * r + 1}));
    cv::addWeighted(img, 1.0 - 0.6 * opt.ink, heavy, 0.6 * opt.ink, 0.0, img);
  } else if (opt.ink < 0) {
    double f = -opt.ink;
    cv::Mat thin;
    cv::dilate(img, thin, cv::getStructuringElement(cv::MORPH_RECT, {2, 2}));
    cv::addWeighted(img, 1.0 - 0.5 * f, thin, 0.5 * f, 0.0, img);
    img = 1.0 - (1.0 - img) * (1.0 - 0.45 * f);  // washed-out toner
  }

  // 2. Geometry: skew about the centre, slight scale and offset (the sheet is never placed
  //    exactly). The canvas keeps its size so the PDF page keeps the original size.
  p.angle = opt.rotate ? *opt.rotate : rng.uniform(-1.5, 1.5);
  p.scale = 1.0 + rng.uniform(-0.012, 0.012);
  p.dx = rng.uniform(-0.006, 0.006) * size.width;
  p.dy = rng.uniform(-0.006, 0.006) * size.height;
  cv::Mat m = cv::getRotationMatrix2D(cv::Point2f(size.width / 2.0f, size.height / 2.0f), p.angle, p.scale);
  m.at<double>(0, 2) += p.dx;
  m.at<double>(1, 2) += p.dy;
  cv::Mat warped;
  cv::warpAffine(img, warped, m, size, cv::INTER_LINEAR, cv::BORDER_CONSTANT, cv::Scalar(1.0));
  img = warped;

  // 3. Dust, toner specks and drop-outs (before the optics blur, so they are soft too).
  if (opt.noise > 0) {
    const double area = static_cast<double>(size.area());
    int specks = static_cast<int>(opt.noise * area * 1.0e-4);
    for (int i = 0; i < specks; ++i) {  // dark specks of 1-3 px, a few larger
      cv::Point c(rng.below(size.width), rng.below(size.height));
      double big = rng.uniform() < 0.04 ? 2.5 : 1.0;
      int rx = std::max(0, static_cast<int>(std::lround(rng.uniform(0.3, 1.4) * k * big)));
      int ry = std::max(0, static_cast<int>(std::lround(rng.uniform(0.3, 1.4) * k * big)));
      double v = rng.uniform(0.15, 0.7);
      cv::ellipse(img, c, {rx, ry}, rng.uniform(0, 180), 0, 360, cv::Scalar(v), cv::FILLED, cv::LINE_8);
    }
    int holes = specks / 2;  // white drop-outs, visible only inside strokes
    for (int i = 0; i < holes; ++i) {
      cv::Point c(rng.below(size.width), rng.below(size.height));
      int r = std::max(0, static_cast<int>(std::lround(rng.uniform(0.0, 1.0) * k)));
      cv::circle(img, c, r, cv::Scalar(rng.uniform(0.75, 1.0)), cv::FILLED, cv::LINE_8);
    }
    int hairs = static_cast<int>(std::lround(opt.noise * rng.uniform(0, 3)));
    for (int i = 0; i < hairs; ++i) {  // a few faint hairs / scratches
      cv::Point a(rng.below(size.width), rng.below(size.height));
      double len = rng.uniform(20, 90) * k, th = rng.uniform(0, 2 * std::numbers::pi);
      cv::Point b(a.x + static_cast<int>(len * std::cos(th)), a.y + static_cast<int>(len * std::sin(th)));
      cv::line(img, a, b, cv::Scalar(rng.uniform(0.55, 0.8)), 1, cv::LINE_AA);
    }
  }

  // 4. Optics: Gaussian blur.
  if (opt.blur > 0) cv::GaussianBlur(img, img, cv::Size(0, 0), opt.blur * k);

  // 5. Paper tone and uneven lighting: map white to a paper level that varies slowly over
  //    the page (blotches plus a gradient from one side), and black to a dark grey.
  p.paper = rng.uniform(0.90, 0.96);
  p.ink_level = rng.uniform(0.06, 0.16);
  {
    cv::Mat blotch = smooth_field(size, 5 + rng.below(4), 7 + rng.below(4), rng);
    double th = rng.uniform(0, 2 * std::numbers::pi), amp = rng.uniform(0.01, 0.035);
    double cx = amp * std::cos(th) / size.width, cy = amp * std::sin(th) / size.height;
    cv::Mat gx(1, size.width, CV_32F), gy(size.height, 1, CV_32F);  // linear gradient, separable
    for (int x = 0; x < size.width; ++x) gx.at<float>(0, x) = static_cast<float>((x - size.width / 2.0) * cx);
    for (int y = 0; y < size.height; ++y) gy.at<float>(y, 0) = static_cast<float>((y - size.height / 2.0) * cy);
    cv::Mat paper = p.paper + 0.018 * blotch + cv::repeat(gx, size.height, 1) + cv::repeat(gy, 1, size.width);
    img = p.ink_level + img.mul(paper - p.ink_level);
  }

  // 6. Sensor noise (grey) and single-pixel salt-and-pepper impulses.
  cv::RNG cvrng(rng.next());
  if (opt.noise > 0) {
    cv::Mat n(size, CV_32F);
    cvrng.fill(n, cv::RNG::NORMAL, 0.0, 0.018 * opt.noise);
    img += n;
    cv::Mat u(size, CV_32F);
    cvrng.fill(u, cv::RNG::UNIFORM, 0.0, 1.0);
    const float pepper = static_cast<float>(1.5e-4 * opt.noise), salt = static_cast<float>(1.0 - 1.5e-4 * opt.noise);
    img.setTo(0.3, u < pepper);
    img.setTo(1.0, u > salt);
  }

  cv::Mat out;
  img.convertTo(out, CV_8U, 255.0);  // saturates to [0,255]
  return out;
}

// ---------------------------------------------------------------------------------------------
// Output

struct PdfBytes {  // a Leptonica-allocated buffer
  l_uint8* data = nullptr;
  size_t size = 0;
  PdfBytes() = default;
  PdfBytes(const PdfBytes&) = delete;
  PdfBytes& operator=(const PdfBytes&) = delete;
  ~PdfBytes() { lept_free(data); }
};

// One single-page PDF holding the JPEG bytes unchanged, page size = pixels * 72 / dpi.
void jpeg_page_to_pdf(const std::vector<uchar>& jpeg, int dpi, const std::string& title, PdfBytes& out) {
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

void write_pdf(const std::vector<std::vector<l_uint8>>& pages, const std::string& path) {
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

int run(const Options& opt) {
  auto t0 = std::chrono::steady_clock::now();
  poppler::set_debug_error_function(poppler_error_sink, nullptr);
  setMsgSeverity(L_SEVERITY_ERROR);
  l_pdfSetDateAndVersion(0);  // no creation date: identical bytes for identical input

  auto doc = open_pdf(opt.input, opt.quiet);
  std::vector<int> pages = parse_pages(opt.pages, doc->pages());
  if (!opt.png_dir.empty()) {
    std::error_code ec;
    fs::create_directories(opt.png_dir, ec);
    if (ec) throw Failure(opt.png_dir + ": cannot create directory (" + ec.message() + ")");
  }
  const std::string title = "scan of " + fs::path(opt.input).filename().string();

  std::vector<std::vector<l_uint8>> pdf_pages;
  double render_ms = 0, degrade_ms = 0, encode_ms = 0;
  size_t jpeg_total = 0;
  for (int pn : pages) {
    auto a = std::chrono::steady_clock::now();
    cv::Mat page = render_page(*doc, pn, opt.dpi, opt.input);
    auto b = std::chrono::steady_clock::now();
    Rng rng(page_seed(opt.seed, pn));
    PageParams p{};
    cv::Mat scan = degrade(page, opt, rng, p);
    auto c = std::chrono::steady_clock::now();

    std::vector<uchar> jpeg;
    std::vector<int> params = {cv::IMWRITE_JPEG_QUALITY, opt.jpeg_quality, cv::IMWRITE_JPEG_OPTIMIZE, 1};
    if (!cv::imencode(".jpg", scan, jpeg, params) || jpeg.empty())
      throw Failure(opt.input + ": page " + std::to_string(pn) + ": JPEG encoding failed");
    jpeg_total += jpeg.size();
    PdfBytes one;
    jpeg_page_to_pdf(jpeg, opt.dpi, title, one);
    pdf_pages.emplace_back(one.data, one.data + one.size);

    if (!opt.png_dir.empty()) {  // exactly what the PDF holds: the decoded JPEG
      cv::Mat shown = cv::imdecode(jpeg, cv::IMREAD_GRAYSCALE);
      char name[32];
      std::snprintf(name, sizeof name, "page-%03d.png", pn);
      std::string png = (fs::path(opt.png_dir) / name).string();
      if (shown.empty() || !cv::imwrite(png, shown)) throw Failure(png + ": cannot write");
    }
    auto d = std::chrono::steady_clock::now();
    using ms = std::chrono::duration<double, std::milli>;
    render_ms += ms(b - a).count(), degrade_ms += ms(c - b).count(), encode_ms += ms(d - c).count();
    if (!opt.quiet)
      std::fprintf(stderr, "scanify: page %d: %dx%d px, rotate %+.2f deg, scale %.3f, jpeg %zu KB\n", pn, scan.cols,
                   scan.rows, p.angle, p.scale, jpeg.size() / 1024);
  }
  write_pdf(pdf_pages, opt.output);

  if (!opt.quiet) {
    double total = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
    size_t n = pages.size();
    std::error_code ec;
    auto bytes = fs::file_size(opt.output, ec);
    std::fprintf(stderr,
                 "scanify: wrote %s: %zu page%s, %.0f KB (JPEG %.0f KB), %.0f ms total; per page: render %.0f ms, "
                 "degrade %.0f ms, encode %.0f ms\n",
                 opt.output.c_str(), n, n == 1 ? "" : "s", ec ? 0.0 : bytes / 1024.0, jpeg_total / 1024.0, total,
                 render_ms / n, degrade_ms / n, encode_ms / n);
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"scanify — make an image-only PDF that looks like a printed and scanned copy of IN.pdf"};
  app.add_option("input", opt.input, "Input PDF")->required();
  app.add_option("output", opt.output, "Output PDF (image only, one JPEG per page)")->required();
  app.add_option("--dpi", opt.dpi, "Scan resolution")->check(CLI::Range(200, 300))->capture_default_str();
  double rotate = 0;
  auto* rot = app.add_option("--rotate", rotate,
                             "Skew in degrees, counter-clockwise positive, |DEG| <= 1.5, for every page "
                             "(default: random per page in [-1.5, 1.5] from --seed)")
                  ->check(CLI::Range(-1.5, 1.5));
  app.add_option("--blur", opt.blur, "Gaussian blur sigma in pixels at 200 dpi (scaled with --dpi); 0 = none")
      ->check(CLI::Range(0.0, 5.0))
      ->capture_default_str();
  app.add_option("--noise", opt.noise,
                 "Amount of dust, speckle, salt-and-pepper and grey noise: 0 none, 1 typical, 3 very dirty")
      ->check(CLI::Range(0.0, 3.0))
      ->capture_default_str();
  app.add_option("--ink", opt.ink, "Stroke weight: -1 faded/thin .. 0 as printed .. +1 heavy/thickened")
      ->check(CLI::Range(-1.0, 1.0))
      ->capture_default_str();
  app.add_option("--jpeg-quality", opt.jpeg_quality, "JPEG quality of each page")
      ->check(CLI::Range(10, 100))
      ->capture_default_str();
  app.add_option("--seed", opt.seed, "Random seed; same seed, same output")->capture_default_str();
  app.add_option("--pages", opt.pages, "Pages to convert: N, A-B, A- or a comma list (default: all)");
  app.add_option("--png-dir", opt.png_dir, "Also write each page as DIR/page-NNN.png (what the PDF holds)");
  app.add_flag("-q,--quiet", opt.quiet, "No progress or summary on stderr");
  app.footer("Exit status: 0 on success, 1 when the input cannot be read (missing, encrypted, damaged) or the output "
             "cannot be written, 2 for a usage error.");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return e.get_exit_code() == 0 ? code : 2;
  }
  if (rot->count() > 0) opt.rotate = rotate;

  try {
    return run(opt);
  } catch (const Failure& e) {
    std::fprintf(stderr, "scanify: %s\n", e.what());
  } catch (const cv::Exception& e) {
    std::fprintf(stderr, "scanify: %s: image processing failed: %s\n", opt.input.c_str(), e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "scanify: %s: %s\n", opt.input.c_str(), e.what());
  }
  return 1;
}
