// photoify — a harder sibling of scanify: the copies people actually have.
//
// Turns a PDF into an image-only PDF that looks like a phone photo of the printed
// report, or a colour office scan with the agency's red round seal (公章) on it. Each
// page is rendered in colour with poppler-cpp at 150–200 dpi and degraded with OpenCV:
//   colour       warm paper tone, ink a dark grey, RGB JPEG at quality 50–80
//   seal         a round red seal 1.4–1.7 in across (ring, star, arc of characters),
//                semi-transparent (multiplied, so black ink under it stays black),
//                stamped over the table cells of pages that hold a table
//   perspective  the page corners moved inward by up to 3.5 % of the page size, the
//                page lying on a darker desk
//   rotate       up to ±3°
//   light        a gradient of ±25 % across the page and a soft shadow band
//   blur         Gaussian blur with sigma up to 1 px
//   curl         the page bowed across its width, as a report lies open: its rows sag
//                by 0.5-2.5 mm at the middle, more towards one end (not part of "all":
//                ask for "curl" or "all,curl")
// Every effect is switchable (--effects) and every draw comes from --seed and the page
// number, so a page looks the same converted alone or with its document.
//
//   photoify IN.pdf OUT.pdf [--effects all|none|LIST] [--dpi 150..200] [--seed N]
//            [--pages 1-3] [--jpeg-dir DIR] [-q]
//
// Exit status: 0 on success, 1 when the input cannot be read or the output cannot be
// written (stderr names the file and the reason), 2 for a usage error.

#include <CLI/CLI.hpp>

#include <iostream>
#include <set>
#include <sstream>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "scan_sim.h"

namespace {

using namespace scan_sim;

const std::vector<std::string> kEffects = {"colour", "seal", "perspective", "rotate", "light", "blur", "curl"};  // curl last

struct Options {
  std::string input, output, jpeg_dir, pages, effects = "all";
  int dpi = 0;  // 0: drawn per document in [150, 200] from the seed
  std::uint64_t seed = 1;
  bool quiet = false;
  std::set<std::string> on;
  bool has(const std::string& e) const { return on.count(e) > 0; }
};

// "all" is the six effects issue 12 measures together; curl, added after,
// is asked for by name ("all,curl"), so that "all" keeps its figures.
std::set<std::string> parse_effects(const std::string& spec) {
  std::set<std::string> on;
  if (spec == "none") return on;
  std::stringstream in(spec);
  for (std::string e; std::getline(in, e, ',');) {
    if (e == "all") {
      on.insert(kEffects.begin(), kEffects.end() - 1);
      continue;
    }
    if (std::find(kEffects.begin(), kEffects.end(), e) == kEffects.end())
      throw Failure("--effects '" + spec + "': unknown effect '" + e +
                    "' (colour, seal, perspective, rotate, light, blur, curl, all, none)");
    on.insert(e);
  }
  return on;
}

// The box around the page's ruled table (its long horizontal and vertical rules), or
// an empty box when the page holds none.
cv::Rect table_box(const cv::Mat& bgr) {
  cv::Mat grey, ink, h, v;
  cv::cvtColor(bgr, grey, cv::COLOR_BGR2GRAY);
  cv::threshold(grey, ink, 160, 255, cv::THRESH_BINARY_INV);
  cv::morphologyEx(ink, h, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {bgr.cols / 6, 1}));
  cv::morphologyEx(ink, v, cv::MORPH_OPEN, cv::getStructuringElement(cv::MORPH_RECT, {1, bgr.rows / 25}));
  cv::Mat rules = h | v;
  if (cv::countNonZero(h) < bgr.cols / 2 || cv::countNonZero(v) == 0) return {};
  return cv::boundingRect(rules);
}

// Alpha of a round seal of radius r centred in a (2r+1)² patch: ring, five-pointed
// star, and an arc of characters along the upper ring.
cv::Mat seal_alpha(int r, Rng& rng) {
  cv::Mat a(2 * r + 1, 2 * r + 1, CV_32F, cv::Scalar(0));
  cv::Point c(r, r);
  int ring = std::max(2, r / 18);
  cv::circle(a, c, r - ring, cv::Scalar(1), ring, cv::LINE_AA);
  std::vector<cv::Point> star;
  double rs = 0.28 * r, start = -std::numbers::pi / 2;
  for (int i = 0; i < 10; ++i) {
    double rad = i % 2 ? rs * 0.38 : rs, th = start + i * std::numbers::pi / 5;
    star.emplace_back(c.x + static_cast<int>(rad * std::cos(th)), c.y + static_cast<int>(rad * std::sin(th)));
  }
  cv::fillPoly(a, std::vector<std::vector<cv::Point>>{star}, cv::Scalar(1), cv::LINE_AA);
  // Characters: Hershey glyphs, each turned to follow the arc (the strokes are what
  // matter to a reader, not the script).
  const std::string glyphs = "ABDEFGHKMNPRSTWXYZ";
  int n = 10 + rng.below(5);
  double span = rng.uniform(3.6, 4.3), arc_r = 0.70 * r;  // radians covered, radius of the text
  int box = static_cast<int>(0.34 * r);
  for (int i = 0; i < n; ++i) {
    double th = -std::numbers::pi / 2 - span / 2 + span * (i + 0.5) / n;
    cv::Mat g(box, box, CV_32F, cv::Scalar(0));
    std::string s(1, glyphs[rng.below(static_cast<int>(glyphs.size()))]);
    double scale = box / 30.0;
    cv::putText(g, s, {box / 6, box * 5 / 6}, cv::FONT_HERSHEY_SIMPLEX, scale, cv::Scalar(1),
                std::max(1, box / 10), cv::LINE_AA);
    cv::Mat m = cv::getRotationMatrix2D({box / 2.0f, box / 2.0f}, -(th * 180 / std::numbers::pi + 90), 1.0);
    cv::warpAffine(g, g, m, g.size());
    int x = c.x + static_cast<int>(arc_r * std::cos(th)) - box / 2, y = c.y + static_cast<int>(arc_r * std::sin(th)) - box / 2;
    cv::Rect dst(x, y, box, box);
    dst &= cv::Rect(0, 0, a.cols, a.rows);
    if (dst.area() == 0) continue;
    cv::Mat roi = a(dst);
    cv::max(roi, g(cv::Rect(dst.x - x, dst.y - y, dst.width, dst.height)), roi);
  }
  return a;
}

// Smooth random field in [-1,1]: coarse random grid, cubic upsampling.
cv::Mat smooth_field(cv::Size size, int cells, Rng& rng) {
  cv::Mat coarse(cells, cells, CV_32F);
  for (int y = 0; y < cells; ++y)
    for (int x = 0; x < cells; ++x) coarse.at<float>(y, x) = static_cast<float>(rng.uniform(-1, 1));
  cv::Mat field;
  cv::resize(coarse, field, size, 0, 0, cv::INTER_CUBIC);
  return field;
}

// Stamps a seal over the table cells of `page` (float BGR, 1 = white). The ink is
// multiplied in: black print under it stays black, as under real stamp ink.
void stamp_seal(cv::Mat& page, const cv::Rect& table, int dpi, Rng& rng) {
  int r = static_cast<int>(rng.uniform(1.4, 1.7) * dpi / 2);
  cv::Point c(table.x + static_cast<int>(rng.uniform(0.15, 0.85) * table.width),
              table.y + static_cast<int>(rng.uniform(0.1, 0.9) * table.height));
  cv::Mat a = seal_alpha(r, rng);
  a = a.mul(0.80 + 0.2 * smooth_field(a.size(), 6, rng));  // uneven stamping
  double strength = rng.uniform(0.55, 0.85);
  cv::Vec3f red(static_cast<float>(rng.uniform(0.15, 0.3)), static_cast<float>(rng.uniform(0.1, 0.25)),
                static_cast<float>(rng.uniform(0.85, 0.95)));  // B, G, R
  for (int y = 0; y < a.rows; ++y) {
    int py = c.y - r + y;
    if (py < 0 || py >= page.rows) continue;
    for (int x = 0; x < a.cols; ++x) {
      int px = c.x - r + x;
      if (px < 0 || px >= page.cols) continue;
      float w = static_cast<float>(strength) * std::clamp(a.at<float>(y, x), 0.0f, 1.0f);
      cv::Vec3f& p = page.at<cv::Vec3f>(py, px);
      for (int k = 0; k < 3; ++k) p[k] *= 1 - w + w * red[k];
    }
  }
}

struct PageDraw {
  std::uint64_t curl_seed = 0;  // its own draws: the other effects' stay as they were before curl
  double angle = 0, blur = 0, curl_mm = 0;
  int quality = 75;
  bool sealed = false;
};

// The page placed in the camera's frame: moved corners, turned, on a desk.
cv::Mat place(const cv::Mat& page, const Options& opt, Rng& rng, PageDraw& d) {
  bool persp = opt.has("perspective"), turn = opt.has("rotate");
  if (!persp && !turn) return page;
  int mx = page.cols / 20, my = page.rows / 20;  // the desk around the page
  cv::Size canvas(page.cols + 2 * mx, page.rows + 2 * my);
  double w = page.cols, h = page.rows;
  std::vector<cv::Point2f> src = {{0, 0}, {float(w), 0}, {float(w), float(h)}, {0, float(h)}}, dst(4);
  const int sx[4] = {1, -1, -1, 1}, sy[4] = {1, 1, -1, -1};  // inward, per corner
  d.angle = turn ? rng.uniform(-3, 3) : 0;
  double th = d.angle * std::numbers::pi / 180, cs = std::cos(th), sn = std::sin(th);
  for (int i = 0; i < 4; ++i) {
    double x = src[i].x, y = src[i].y;
    if (persp) x += sx[i] * rng.uniform(0, 0.035) * w, y += sy[i] * rng.uniform(0, 0.035) * h;
    double rx = x - w / 2, ry = y - h / 2;
    dst[i] = cv::Point2f(static_cast<float>(mx + w / 2 + cs * rx + sn * ry), static_cast<float>(my + h / 2 - sn * rx + cs * ry));
  }
  cv::Mat desk(canvas, CV_32FC3);
  float tone = static_cast<float>(rng.uniform(0.18, 0.38));
  desk.setTo(cv::Scalar(tone * 0.8, tone * 0.9, tone));
  cv::Mat m = cv::getPerspectiveTransform(src, dst);
  cv::warpPerspective(page, desk, m, canvas, cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
  return desk;
}

// A page that does not lie flat: every row sags by up to `curl_mm` at the
// page's middle (a parabola across the width), the sag growing from one end
// of the page to the other.
void curl(cv::Mat& img, int dpi, PageDraw& d) {
  Rng rng(d.curl_seed);
  d.curl_mm = rng.uniform(0.5, 2.5);
  double sag = d.curl_mm * dpi / 25.4, from = rng.uniform(0.3, 0.7);
  bool down = rng.below(2) == 0;
  cv::Mat mx(img.size(), CV_32F), my(img.size(), CV_32F);
  for (int y = 0; y < img.rows; ++y)
    for (int x = 0; x < img.cols; ++x) {
      double u = 2.0 * x / img.cols - 1, v = static_cast<double>(y) / img.rows;
      double along = from + (1 - from) * (down ? v : 1 - v);
      mx.at<float>(y, x) = static_cast<float>(x);
      my.at<float>(y, x) = static_cast<float>(y - sag * along * (1 - u * u));
    }
  cv::remap(img, img, mx, my, cv::INTER_LINEAR, cv::BORDER_REPLICATE);
}

// Light falling unevenly: a linear gradient of up to ±25 % and a soft shadow band.
void light(cv::Mat& img, Rng& rng) {
  double th = rng.uniform(0, 2 * std::numbers::pi), amp = rng.uniform(0.12, 0.25);
  double bth = rng.uniform(0, std::numbers::pi), off = rng.uniform(-0.35, 0.35);
  double width = rng.uniform(0.05, 0.12), depth = rng.uniform(0.15, 0.30);
  double w = img.cols, h = img.rows, diag = std::hypot(w, h);
  for (int y = 0; y < img.rows; ++y) {
    cv::Vec3f* row = img.ptr<cv::Vec3f>(y);
    for (int x = 0; x < img.cols; ++x) {
      double u = ((x - w / 2) * std::cos(th) + (y - h / 2) * std::sin(th)) / (diag / 2);
      double v = ((x - w / 2) * std::cos(bth) + (y - h / 2) * std::sin(bth)) / diag - off;
      double f = (1 + amp * u) * (1 - depth * std::exp(-v * v / (2 * width * width)));
      row[x] *= static_cast<float>(f);
    }
  }
}

cv::Mat photograph(const cv::Mat& rendered, const Options& opt, int dpi, Rng& rng, PageDraw& d) {
  cv::Mat img;
  rendered.convertTo(img, CV_32FC3, 1.0 / 255.0);
  if (opt.has("seal")) {
    cv::Rect table = table_box(rendered);
    d.sealed = table.area() > 0;
    if (d.sealed) stamp_seal(img, table, dpi, rng);
  }
  // Paper and ink: warm, yellowed paper; ink never quite black.
  if (opt.has("colour")) {
    cv::Vec3f paper(static_cast<float>(rng.uniform(0.70, 0.80)), static_cast<float>(rng.uniform(0.86, 0.92)),
                    static_cast<float>(rng.uniform(0.94, 0.98)));
    float ink = static_cast<float>(rng.uniform(0.08, 0.18));
    img.forEach<cv::Vec3f>([&](cv::Vec3f& p, const int*) {
      for (int k = 0; k < 3; ++k) p[k] = ink + p[k] * (paper[k] - ink);
    });
  }
  if (opt.has("curl")) curl(img, dpi, d);
  img = place(img, opt, rng, d);
  if (opt.has("light")) light(img, rng);
  if (opt.has("blur")) {
    d.blur = rng.uniform(0.4, 1.0);
    cv::GaussianBlur(img, img, cv::Size(0, 0), d.blur);
  }
  cv::Mat noise(img.size(), CV_32FC3);
  cv::RNG(rng.next()).fill(noise, cv::RNG::NORMAL, 0.0, 0.012);  // sensor noise
  img += noise;
  cv::Mat out;
  img.convertTo(out, CV_8UC3, 255.0);
  if (!opt.has("colour") && !opt.has("seal")) cv::cvtColor(out, out, cv::COLOR_BGR2GRAY);
  return out;
}

int run(Options opt) {
  poppler::set_debug_error_function(poppler_error_sink, nullptr);
  setMsgSeverity(L_SEVERITY_ERROR);
  l_pdfSetDateAndVersion(0);  // identical bytes for identical input
  auto doc = open_pdf(opt.input, opt.quiet);
  std::vector<int> pages = parse_pages(opt.pages, doc->pages());
  Rng doc_rng(page_seed(opt.seed, 0));
  int dpi = opt.dpi ? opt.dpi : 150 + doc_rng.below(51);
  if (!opt.jpeg_dir.empty()) {
    std::error_code ec;
    fs::create_directories(opt.jpeg_dir, ec);
    if (ec) throw Failure(opt.jpeg_dir + ": cannot create directory (" + ec.message() + ")");
  }
  const std::string title = "photo of " + fs::path(opt.input).filename().string();
  std::vector<std::vector<l_uint8>> pdf_pages;
  for (int pn : pages) {
    cv::Mat page = render_page(*doc, pn, dpi, opt.input, true);
    Rng rng(page_seed(opt.seed, pn));
    PageDraw d;
    d.curl_seed = page_seed(opt.seed ^ 0x6375726cULL, pn);
    cv::Mat photo = photograph(page, opt, dpi, rng, d);
    d.quality = opt.has("colour") ? 50 + rng.below(31) : 75;
    std::vector<uchar> jpeg;
    if (!cv::imencode(".jpg", photo, jpeg, {cv::IMWRITE_JPEG_QUALITY, d.quality}) || jpeg.empty())
      throw Failure(opt.input + ": page " + std::to_string(pn) + ": JPEG encoding failed");
    PdfBytes one;
    jpeg_page_to_pdf(jpeg, dpi, title, one);
    pdf_pages.emplace_back(one.data, one.data + one.size);
    if (!opt.jpeg_dir.empty()) {
      char name[32];
      std::snprintf(name, sizeof name, "page-%03d.jpg", pn);
      std::string path = (fs::path(opt.jpeg_dir) / name).string();
      std::ofstream f(path, std::ios::binary);
      f.write(reinterpret_cast<const char*>(jpeg.data()), static_cast<std::streamsize>(jpeg.size()));
      if (!f) throw Failure(path + ": cannot write");
    }
    if (!opt.quiet)
      std::fprintf(stderr, "photoify: page %d: %dx%d px at %d dpi, turn %+.2f deg, blur %.2f, curl %.1f mm, seal %s, jpeg q%d %zu KB\n",
                   pn, photo.cols, photo.rows, dpi, d.angle, d.blur, d.curl_mm, d.sealed ? "yes" : "no", d.quality,
                   jpeg.size() / 1024);
  }
  write_pdf(pdf_pages, opt.output);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options opt;
  CLI::App app{"photoify — make an image-only PDF that looks like a phone photo or colour scan of IN.pdf"};
  app.add_option("input", opt.input, "Input PDF")->required();
  app.add_option("output", opt.output, "Output PDF (image only, one JPEG per page)")->required();
  app.add_option("--effects", opt.effects,
                 "all (the first six), none, or a comma list of colour, seal, perspective, rotate, light, blur, curl, all")
      ->capture_default_str();
  app.add_option("--dpi", opt.dpi, "Resolution (default: drawn from --seed in 150..200)")->check(CLI::Range(100, 300));
  app.add_option("--seed", opt.seed, "Random seed; same seed, same output")->capture_default_str();
  app.add_option("--pages", opt.pages, "Pages to convert: N, A-B, A- or a comma list (default: all)");
  app.add_option("--jpeg-dir", opt.jpeg_dir, "Also write each page as DIR/page-NNN.jpg (what the PDF holds)");
  app.add_flag("-q,--quiet", opt.quiet, "No progress on stderr");
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return e.get_exit_code() == 0 ? code : 2;
  }
  try {
    opt.on = parse_effects(opt.effects);
    return run(opt);
  } catch (const Failure& e) {
    std::fprintf(stderr, "photoify: %s\n", e.what());
  } catch (const cv::Exception& e) {
    std::fprintf(stderr, "photoify: %s: image processing failed: %s\n", opt.input.c_str(), e.what());
  } catch (const std::exception& e) {
    std::fprintf(stderr, "photoify: %s: %s\n", opt.input.c_str(), e.what());
  }
  return 1;
}
