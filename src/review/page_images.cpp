#include "review/page_images.h"

#include <leptonica/allheaders.h>

#include <opencv2/imgproc.hpp>
#include <stdexcept>

#include "readers/pdf/pdf_document.h"

namespace fs = std::filesystem;

namespace gongkai::review {

namespace {

// JPEG coding by Leptonica, as the scan reader decodes: OpenCV's image codecs
// link GDAL and its tree (150 libraries in all), which took the CLI's start-up
// from 25 ms to 70 ms (gongkai --version, median of 21) for every input.
PIX* grey_pix(const cv::Mat& grey) {
  PIX* pix = pixCreate(grey.cols, grey.rows, 8);
  if (!pix) throw std::runtime_error("out of memory for a page picture");
  l_uint32* data = pixGetData(pix);
  int wpl = pixGetWpl(pix);
  for (int y = 0; y < grey.rows; ++y) {
    const uchar* row = grey.ptr<uchar>(y);
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    for (int x = 0; x < grey.cols; ++x) SET_DATA_BYTE(line, x, row[x]);
  }
  return pix;
}

// A grey cv::Mat from any picture Leptonica decoded (colour becomes its
// luminance); the picture is destroyed. Empty when there is none.
cv::Mat grey_mat(PIX* pix) {
  if (!pix) return {};
  PIX* grey = pixConvertTo8(pix, 0);
  pixDestroy(&pix);
  if (!grey) return {};
  cv::Mat out(pixGetHeight(grey), pixGetWidth(grey), CV_8UC1);
  l_uint32* data = pixGetData(grey);
  int wpl = pixGetWpl(grey);
  for (int y = 0; y < out.rows; ++y) {
    l_uint32* line = data + static_cast<size_t>(y) * wpl;
    uchar* row = out.ptr<uchar>(y);
    for (int x = 0; x < out.cols; ++x) row[x] = static_cast<uchar>(GET_DATA_BYTE(line, x));
  }
  pixDestroy(&grey);
  return out;
}

void write_jpeg(const cv::Mat& picture, const fs::path& out, int quality) {
  cv::Mat img = picture;
  if (img.channels() == 3) cv::cvtColor(picture, img, cv::COLOR_BGR2GRAY);
  PIX* pix = grey_pix(img);
  l_uint8* buf = nullptr;
  size_t size = 0;
  int failed = pixWriteMemJpeg(&buf, &size, pix, quality, 0);
  pixDestroy(&pix);
  if (failed || !buf) throw std::runtime_error("cannot encode " + out.string());
  FILE* f = std::fopen(out.c_str(), "wb");
  size_t n = f ? std::fwrite(buf, 1, size, f) : 0;
  lept_free(buf);
  if (!f) throw std::runtime_error("cannot write " + out.string());
  if (std::fclose(f) != 0 || n != size) throw std::runtime_error("cannot write " + out.string());
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
  cv::Mat img = grey_mat(pixReadMem(reinterpret_cast<const l_uint8*>(bytes.data()), bytes.size()));
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
  cv::Mat img = grey_mat(pixRead(page_jpg.c_str()));
  if (img.empty()) throw std::runtime_error("cannot read " + page_jpg.string());
  cv::Mat small;
  double f = static_cast<double>(width) / img.cols;
  cv::resize(img, small, cv::Size(), f, f, cv::INTER_AREA);
  write_jpeg(small, out, 70);
}

}  // namespace gongkai::review
