// Scanned inputs that are not clean upright report pages: turned pages, a
// 1-bit fax TIFF, a blank page, an image too small to read, a damaged image,
// missing OCR models. None may crash or give invented numbers.
#include <gtest/gtest.h>
#include <leptonica/allheaders.h>

#include <filesystem>
#include <fstream>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <sstream>

#include "readers/pdf/pdf_document.h"
#include "readers/reader.h"
#include "scan_cells.h"
#include "test_util.h"

using namespace gk_test;

namespace {


// Page `n` of the real report, rendered in grey at `dpi`.
cv::Mat real_page(int n, double dpi) {
  auto doc = gongkai::pdf::PdfDocument::open(slurp(sample("huaian-city-2024.pdf")));
  return doc->render(n, dpi);
}

std::string png(const cv::Mat& m) {
  std::vector<uchar> buf;
  cv::imencode(".png", m, buf);
  return std::string(buf.begin(), buf.end());
}

bool has_note(const nlohmann::json& rec, const std::string& words) {
  for (auto& f : rec["findings"])
    if (f["message"].get<std::string>().find(words) != std::string::npos) return true;
  return false;
}

}  // namespace

TEST(ScanBadInput, UpsideDownPageIsTurnedBack) {
  cv::Mat page = real_page(4, 200), turned;
  cv::rotate(page, turned, cv::ROTATE_180);
  auto rec = gongkai::to_json(gongkai::extract_bytes(png(turned), "upside-down.png"));
  EXPECT_EQ(rec["source"]["kind"], "image");
  EXPECT_TRUE(has_note(rec, "turned 180")) << rec["findings"].dump();
  EXPECT_GE(check_cells(rec), 90);
}

TEST(ScanBadInput, FaxTiffOneBitTwoPages) {
  // Page 4 and 5 as a 1-bit CCITT G4 multi-page TIFF at 200 dpi, as a fax sends them.
  std::string tiff;
  for (int n : {4, 5}) {
    cv::Mat grey = real_page(n, 200), bw;
    cv::threshold(grey, bw, 160, 255, cv::THRESH_BINARY);
    PIX* pix = pixCreate(bw.cols, bw.rows, 1);
    for (int y = 0; y < bw.rows; ++y)
      for (int x = 0; x < bw.cols; ++x)
        if (bw.at<uchar>(y, x) == 0) pixSetPixel(pix, x, y, 1);
    pixSetResolution(pix, 200, 200);
    std::string path = ::testing::TempDir() + "/fax.tif";
    pixWriteTiff(path.c_str(), pix, IFF_TIFF_G4, n == 4 ? "w" : "a");
    pixDestroy(&pix);
    tiff = slurp(path);
  }
  auto rec = gongkai::to_json(gongkai::extract_bytes(tiff, "fax.tif"));
  EXPECT_EQ(rec["source"]["pages"], 2);
  EXPECT_GE(check_cells(rec), 150);
}

TEST(ScanBadInput, BlankPageIsReadAsNothing) {
  cv::Mat blank(3508, 2480, CV_8UC1, cv::Scalar(250));
  auto rec = gongkai::to_json(gongkai::extract_bytes(png(blank), "blank.png"));
  EXPECT_TRUE(rec["cells"].empty());
  EXPECT_TRUE(has_finding(rec, "mapping.no_tables", "extraction"));
}

TEST(ScanBadInput, ImageTooSmallToReadSaysSo) {
  cv::Mat small;
  cv::resize(real_page(4, 200), small, cv::Size(), 0.2, 0.2, cv::INTER_AREA);
  auto rec = gongkai::to_json(gongkai::extract_bytes(png(small), "tiny.png"));
  EXPECT_TRUE(has_finding(rec, "scan.page_not_read", "extraction"));
  EXPECT_TRUE(has_note(rec, "too small"));
  EXPECT_TRUE(rec["cells"].empty());
}

TEST(ScanBadInput, DamagedImageIsAClearError) {
  std::string bytes = png(real_page(4, 100)).substr(0, 200);
  try {
    gongkai::extract_bytes(bytes, "cut.png");
    FAIL() << "no error";
  } catch (const gongkai::ReadError& e) {
    EXPECT_NE(std::string(e.what()).find("image cannot be decoded"), std::string::npos) << e.what();
  }
}

TEST(ScanBadInput, MissingModelsAreNamed) {
  auto empty = std::filesystem::path(::testing::TempDir()) / "no-models";
  std::filesystem::create_directories(empty);
  auto r = run_cli("extract --tessdata " + empty.string() + " " + data("scans/huaian-city-2024-p3-5.scan.pdf"));
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.out.find("traineddata"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(empty.string()), std::string::npos) << r.out;
}
