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

#include "scan_sim.h"

namespace fs = std::filesystem;

namespace {

using namespace scan_sim;

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
