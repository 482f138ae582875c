#include "review/page_images.h"

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "readers/pdf/pdf_document.h"

namespace fs = std::filesystem;

namespace gongkai::review {

namespace {

void write_jpeg(const cv::Mat& img, const fs::path& out, int quality) {
  std::vector<uchar> buf;
  if (!cv::imencode(".jpg", img, buf, {cv::IMWRITE_JPEG_QUALITY, quality, cv::IMWRITE_JPEG_OPTIMIZE, 1}))
    throw std::runtime_error("cannot encode " + out.string());
  FILE* f = std::fopen(out.c_str(), "wb");
  if (!f) throw std::runtime_error("cannot write " + out.string());
  size_t n = std::fwrite(buf.data(), 1, buf.size(), f);
  if (std::fclose(f) != 0 || n != buf.size()) throw std::runtime_error("cannot write " + out.string());
}

std::vector<PageImage> render_pdf(const std::string& bytes, const fs::path& dir, const std::string& rel, double dpi,
                                  int quality) {
  auto doc = pdf::PdfDocument::open(bytes);
  std::vector<PageImage> pages;
  for (int n = 1; n <= doc->pages(); ++n) {
    pdf::PageContent content = doc->page(n);
    cv::Mat img = doc->render(n, dpi);
    PageImage p;
    p.number = n;
    p.file = rel + "/p" + std::to_string(n) + ".jpg";
    p.px_width = img.cols, p.px_height = img.rows;
    p.width_pt = content.width, p.height_pt = content.height;
    write_jpeg(img, dir / p.file, quality);
    pages.push_back(p);
  }
  return pages;
}

std::vector<PageImage> render_image(const std::string& bytes, const fs::path& dir, const std::string& rel, double dpi,
                                    int quality, double image_dpi) {
  cv::Mat raw(1, static_cast<int>(bytes.size()), CV_8U, const_cast<char*>(bytes.data()));
  cv::Mat img = cv::imdecode(raw, cv::IMREAD_GRAYSCALE);
  if (img.empty()) throw std::runtime_error("the image cannot be decoded for the review page");
  PageImage p;
  p.number = 1;
  p.file = rel + "/p1.jpg";
  // Its boxes are in px@image_dpi: the page in points follows from that.
  p.width_pt = img.cols * 72.0 / image_dpi, p.height_pt = img.rows * 72.0 / image_dpi;
  cv::Mat scaled;
  double f = dpi / image_dpi;
  cv::resize(img, scaled, cv::Size(), f, f, f < 1 ? cv::INTER_AREA : cv::INTER_LINEAR);
  p.px_width = scaled.cols, p.px_height = scaled.rows;
  write_jpeg(scaled, dir / p.file, quality);
  return {p};
}

}  // namespace

std::vector<PageImage> render_pages(const std::string& bytes, const std::string& kind, const fs::path& dir,
                                    const std::string& rel, double dpi, int jpeg_quality, double image_dpi) {
  bool pdf = kind.rfind("pdf", 0) == 0;
  if (!pdf && kind != "image") return {};  // text and HTML: no page to draw
  fs::create_directories(dir / rel);
  if (pdf) return render_pdf(bytes, dir, rel, dpi, jpeg_quality);
  return render_image(bytes, dir, rel, dpi, jpeg_quality, image_dpi);
}

void write_thumbnail(const fs::path& page_jpg, const fs::path& out, int width) {
  cv::Mat img = cv::imread(page_jpg.string(), cv::IMREAD_GRAYSCALE);
  if (img.empty()) throw std::runtime_error("cannot read " + page_jpg.string());
  cv::Mat small;
  double f = static_cast<double>(width) / img.cols;
  cv::resize(img, small, cv::Size(), f, f, cv::INTER_AREA);
  write_jpeg(small, out, 70);
}

}  // namespace gongkai::review
