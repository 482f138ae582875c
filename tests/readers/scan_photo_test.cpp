// Phone photos and colour scans: the page outline on skewed and perspective
// pages, red seal ink dropped by colour (a digit under a seal), the light
// flattened, and the bad inputs (two pages in one photo, a page upside down
// on a dark desk, a 4000x3000 phone JPEG with EXIF rotation, a seal over a
// whole cell, a page whose outline cannot be found).
#include <gtest/gtest.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "readers/pdf/pdf_document.h"
#include "readers/reader.h"
#include "readers/scan/cell_reading.h"
#include "readers/scan/page_image.h"
#include "readers/scan/photo_page.h"
#include "scan_cells.h"
#include "test_util.h"

using namespace gk_test;
using namespace gongkai::scan;

namespace {

// Page 4 of the real report (table 三's first rows), grey, at `dpi`.
cv::Mat real_page(double dpi) {
  static const auto doc = gongkai::pdf::PdfDocument::open(slurp(sample("huaian-city-2024.pdf")));
  return doc->render(4, dpi);
}

std::string encode(const cv::Mat& m, const std::string& ext) {
  std::vector<uchar> buf;
  cv::imencode(ext, m, buf);
  return std::string(buf.begin(), buf.end());
}

// `page` on a dark desk, its corners moved to `to` (tl, tr, br, bl) in a frame
// `margin` wider than the page on each side.
cv::Mat on_desk(const cv::Mat& page, const std::vector<cv::Point2f>& to, int margin, int desk = 60) {
  std::vector<cv::Point2f> from = {{0, 0}, {float(page.cols), 0}, {float(page.cols), float(page.rows)}, {0, float(page.rows)}};
  cv::Mat out(page.rows + 2 * margin, page.cols + 2 * margin, page.type(), cv::Scalar::all(desk));
  cv::warpPerspective(page, out, cv::getPerspectiveTransform(from, to), out.size(), cv::INTER_LINEAR,
                      cv::BORDER_TRANSPARENT);
  return out;
}

double worst_corner_error(const std::vector<cv::Point2f>& found, const std::vector<cv::Point2f>& truth) {
  double worst = 0;
  for (int i = 0; i < 4; ++i) worst = std::max(worst, cv::norm(found[i] - truth[i]));
  return worst;
}

// A red seal multiplied onto a BGR page: ring, filled star, and (when
// `solid`) a filled disc, as stamp ink lies over print.
void stamp(cv::Mat& bgr, cv::Point c, int r, bool solid) {
  cv::Mat alpha(bgr.size(), CV_32F, cv::Scalar(0));
  cv::circle(alpha, c, r, cv::Scalar(1), std::max(2, r / 18), cv::LINE_AA);
  cv::circle(alpha, c, r / 4, cv::Scalar(1), cv::FILLED, cv::LINE_AA);
  if (solid) cv::circle(alpha, c, r * 2 / 3, cv::Scalar(0.8), cv::FILLED, cv::LINE_AA);
  const cv::Vec3f red(0.2f, 0.15f, 0.9f);
  for (int y = 0; y < bgr.rows; ++y)
    for (int x = 0; x < bgr.cols; ++x) {
      float w = 0.8f * alpha.at<float>(y, x);
      if (w == 0) continue;
      cv::Vec3b& p = bgr.at<cv::Vec3b>(y, x);
      for (int k = 0; k < 3; ++k) p[k] = cv::saturate_cast<uchar>(p[k] * (1 - w + w * red[k]));
    }
}

}  // namespace

TEST(PhotoPage, OutlineOfAPerspectivePage) {
  cv::Mat page = real_page(100);
  int m = 60;
  float w = page.cols, h = page.rows;
  std::vector<cv::Point2f> to = {{m + 0.03f * w, m + 0.01f * h},
                                 {m + w - 0.005f * w, m + 0.025f * h},
                                 {m + w - 0.035f * w, m + h - 0.002f * h},
                                 {m + 0.01f * w, m + h - 0.03f * h}};
  PageOutline o = find_page_outline(on_desk(page, to, m));
  ASSERT_TRUE(o.desk_visible);
  ASSERT_TRUE(o.found);
  EXPECT_LT(worst_corner_error(o.corners, to), 0.01 * h);
  // Rectified to about the page's own size.
  EXPECT_NEAR(o.rectified.cols, page.cols, 0.04 * page.cols);
  EXPECT_NEAR(o.rectified.rows, page.rows, 0.04 * page.rows);
}

TEST(PhotoPage, OutlineOfASkewedPage) {
  cv::Mat page = real_page(100);
  int m = 80;
  double th = 3 * CV_PI / 180;
  std::vector<cv::Point2f> to;
  for (cv::Point2f p : {cv::Point2f(0, 0), cv::Point2f(page.cols, 0), cv::Point2f(page.cols, page.rows),
                        cv::Point2f(0, page.rows)}) {
    double x = p.x - page.cols / 2.0, y = p.y - page.rows / 2.0;
    to.emplace_back(m + page.cols / 2.0 + std::cos(th) * x - std::sin(th) * y,
                    m + page.rows / 2.0 + std::sin(th) * x + std::cos(th) * y);
  }
  PageOutline o = find_page_outline(on_desk(page, to, m));
  ASSERT_TRUE(o.found);
  EXPECT_LT(worst_corner_error(o.corners, to), 0.01 * page.rows);
}

// The light falling off towards one corner, a shadow over it: that corner of
// the page is dimmer than Otsu's paper level, yet its outline is the sheet's.
TEST(PhotoPage, OutlineOfAPageWithADimCorner) {
  cv::Mat page = real_page(100);
  int m = 60;
  float w = page.cols, h = page.rows;
  std::vector<cv::Point2f> to = {{m + 0.01f * w, m + 0.01f * h}, {m + w - 0.02f * w, m + 0.02f * h},
                                 {m + w - 0.01f * w, m + h - 0.01f * h}, {m + 0.02f * w, m + h - 0.005f * h}};
  cv::Mat photo = on_desk(page, to, m, 70), lit;
  photo.convertTo(lit, CV_32F);
  for (int y = 0; y < lit.rows; ++y)
    for (int x = 0; x < lit.cols; ++x) {
      double towards = (static_cast<double>(y) / lit.rows + 1.0 - static_cast<double>(x) / lit.cols) / 2;
      double shade = 1 - 0.25 * (2 * towards - 1) - (towards > 0.75 ? 0.3 : 0.0);  // gradient, a shadow band
      lit.at<float>(y, x) *= static_cast<float>(shade);
    }
  lit.convertTo(photo, CV_8U);
  PageOutline o = find_page_outline(photo);
  ASSERT_TRUE(o.found);
  EXPECT_LT(worst_corner_error(o.corners, to), 0.01 * h);
}

TEST(PhotoPage, AScanFillingTheImageHasNoDesk) {
  PageOutline o = find_page_outline(real_page(100));
  EXPECT_FALSE(o.desk_visible);
  EXPECT_FALSE(o.found);
}

TEST(PhotoPage, SealInkIsDroppedAndTheDigitUnderItKept) {
  cv::Mat bgr(200, 200, CV_8UC3, cv::Scalar(235, 242, 248));  // warm paper
  cv::putText(bgr, "8", {70, 140}, cv::FONT_HERSHEY_SIMPLEX, 3, cv::Scalar(30, 30, 30), 8);
  cv::Mat digit_mask;
  cv::inRange(bgr, cv::Scalar(0, 0, 0), cv::Scalar(60, 60, 60), digit_mask);
  stamp(bgr, {100, 100}, 90, true);
  cv::Mat grey = grey_without_red(bgr), plain;
  cv::cvtColor(bgr, plain, cv::COLOR_BGR2GRAY);
  // The digit's core stays dark; the seal's strokes away from it are paper.
  cv::Mat core;
  cv::erode(digit_mask, core, cv::Mat());
  EXPECT_LT(cv::mean(grey, core)[0], 80);
  cv::Mat seal_only = (plain < 200) & ~digit_mask;
  cv::dilate(digit_mask, digit_mask, cv::Mat(), {-1, -1}, 3);
  seal_only &= ~digit_mask;
  ASSERT_GT(cv::countNonZero(seal_only), 1000);
  EXPECT_LT(cv::mean(plain, seal_only)[0], 150);  // in plain grey the seal is print-dark
  EXPECT_GT(cv::mean(grey, seal_only)[0], 225);   // without red it is paper
}

TEST(PhotoPage, FlatteningEvensTheLight) {
  cv::Mat page = real_page(150), lit;
  page.convertTo(lit, CV_32F);
  for (int y = 0; y < lit.rows; ++y)
    for (int x = 0; x < lit.cols; ++x) {
      double band = std::exp(-std::pow((x - 0.95 * lit.cols) / (0.06 * lit.cols), 2));
      lit.at<float>(y, x) *= static_cast<float>((1 - 0.25 * (2.0 * y / lit.rows - 1)) * (1 - 0.3 * band) * 0.9);
    }
  lit.convertTo(lit, CV_8U);
  cv::Mat flat = flatten_background(lit, 150);
  // The paper's level in blank strips: the left and right margins, top to bottom.
  auto spread = [](const cv::Mat& m) {
    double lo = 255, hi = 0;
    for (int y = m.rows / 10; y < m.rows * 9 / 10; y += m.rows / 20)
      for (int x : {m.cols / 40, static_cast<int>(0.95 * m.cols)}) {
        double v = cv::mean(m(cv::Rect(x, y, 6, 6)))[0];
        lo = std::min(lo, v), hi = std::max(hi, v);
      }
    return hi - lo;
  };
  ASSERT_LT(spread(page), 5) << "the sample windows must be blank paper";
  EXPECT_GT(spread(lit), 60);
  EXPECT_LT(spread(flat), 25);
  // Print stays print: as much ink under a global threshold as on the page as printed.
  auto inked = [](const cv::Mat& m) { return cv::countNonZero(m < 120); };
  EXPECT_NEAR(inked(flat), inked(page), 0.25 * inked(page));
  // Even light is left alone.
  EXPECT_EQ(cv::norm(flatten_background(page, 150), page, cv::NORM_INF), 0);
}

TEST(PhotoPage, BlurAndResolutionMakeAPageDamaged) {
  cv::Mat page = real_page(200), soft, blurred;
  cv::GaussianBlur(page, soft, cv::Size(0, 0), 1.0);  // the simulator's worst: still readable
  cv::GaussianBlur(page, blurred, cv::Size(0, 0), 4.0);
  EXPECT_EQ(why_damaged(soft, 200), "");
  EXPECT_NE(why_damaged(blurred, 200).find("blur"), std::string::npos) << edge_width(blurred, 200);
  EXPECT_NE(why_damaged(page, 90).find("resolution"), std::string::npos);
}

// A soft page (the simulator's blur) is sharpened before its cells are read;
// a sharp render, and a page too blurred to trust, are left as they are.
TEST(PhotoPage, ASoftPageIsSharpenedASharpOrDamagedOneIsNot) {
  cv::Mat page = real_page(160), soft, blurred;
  cv::GaussianBlur(page, soft, cv::Size(0, 0), 1.5);  // edges over about 3 px at 200 dpi
  cv::GaussianBlur(page, blurred, cv::Size(0, 0), 4.0);
  EXPECT_EQ(sharpen_if_soft(page, 160).data, page.data);
  EXPECT_EQ(sharpen_if_soft(blurred, 160).data, blurred.data);
  cv::Mat sharper = sharpen_if_soft(soft, 160);
  ASSERT_NE(sharper.data, soft.data) << edge_width(soft, 160);
  EXPECT_LT(edge_width(sharper, 160), edge_width(soft, 160) - 0.3);
  EXPECT_EQ(why_damaged(sharper, 160), "");
}

TEST(PhotoPage, ExifOrientationIsRead) {
  cv::Mat m(8, 8, CV_8UC1, cv::Scalar(200));
  std::string jpeg = encode(m, ".jpg");
  EXPECT_EQ(exif_orientation(jpeg), 1);
  // APP1 "Exif", little-endian TIFF header, one IFD entry: orientation 6.
  std::string app1 = std::string("Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0", 32);
  std::string seg = std::string("\xFF\xE1", 2) + char((app1.size() + 2) >> 8) + char((app1.size() + 2) & 0xFF) + app1;
  EXPECT_EQ(exif_orientation(jpeg.substr(0, 2) + seg + jpeg.substr(2)), 6);
  EXPECT_EQ(exif_orientation("not a jpeg"), 1);
}

// --- Bad input, end to end -------------------------------------------------------------------

TEST(PhotoBadInput, SealOverCellsAndOverAWholeCell) {
  cv::Mat bgr;
  cv::cvtColor(real_page(200), bgr, cv::COLOR_GRAY2BGR);
  // Over the value columns of table 三 (the lower half of page 4): one seal
  // with a ring and star, one solid enough to cover a whole cell.
  stamp(bgr, {bgr.cols * 3 / 5, bgr.rows * 7 / 10}, 150, false);
  stamp(bgr, {bgr.cols * 4 / 5, bgr.rows * 85 / 100}, 150, true);
  auto rec = gongkai::to_json(gongkai::extract_bytes(encode(bgr, ".png"), "sealed.png"));
  EXPECT_GE(check_cells(rec), 80);  // the rest are null, never a seal stroke read as a digit
}

TEST(PhotoBadInput, UpsideDownOnADarkDesk) {
  cv::Mat page = real_page(200), turned;
  cv::rotate(page, turned, cv::ROTATE_180);
  int m = 120;
  float w = page.cols, h = page.rows;
  cv::Mat photo = on_desk(turned, {{m + 20.f, m + 10.f}, {m + w - 30, m + 25.f}, {m + w - 10, m + h - 20}, {m + 15.f, m + h - 5}}, m, 40);
  auto rec = gongkai::to_json(gongkai::extract_bytes(encode(photo, ".jpg"), "upside-down-photo.jpg"));
  EXPECT_GE(check_cells(rec), 80);
  EXPECT_FALSE(has_finding(rec, "scan.page_outline", "extraction")) << rec["findings"].dump();
}

TEST(PhotoBadInput, TwoPagesSideBySide) {
  cv::Mat page = real_page(150);
  int m = 60;
  cv::Mat photo(page.rows + 2 * m, 2 * page.cols + 3 * m, CV_8UC1, cv::Scalar(50));
  page.copyTo(photo(cv::Rect(m, m, page.cols, page.rows)));
  page.copyTo(photo(cv::Rect(2 * m + page.cols, m, page.cols, page.rows)));
  auto rec = gongkai::to_json(gongkai::extract_bytes(encode(photo, ".png"), "two-pages.png"));
  EXPECT_NE(finding_message(rec, "scan.page_outline").find("more than one page"), std::string::npos)
      << rec["findings"].dump();
  check_cells(rec);  // whatever is read is right
}

TEST(PhotoBadInput, NoOutlineFallsBackAndSaysSo) {
  // A page seen through a round opening: a desk shows, but no four-sided page.
  cv::Mat page = real_page(150), mask(page.size(), CV_8UC1, cv::Scalar(0));
  cv::ellipse(mask, {page.cols / 2, page.rows / 2}, {page.cols * 6 / 10, page.rows * 45 / 100}, 0, 0, 360,
              cv::Scalar(255), cv::FILLED);
  cv::Mat photo(page.size(), CV_8UC1, cv::Scalar(45));
  page.copyTo(photo, mask);
  PageOutline o = find_page_outline(photo);
  EXPECT_TRUE(o.desk_visible);
  EXPECT_FALSE(o.found);
  auto rec = gongkai::to_json(gongkai::extract_bytes(encode(photo, ".png"), "no-outline.png"));
  EXPECT_NE(finding_message(rec, "scan.page_outline").find("no four-sided page outline"), std::string::npos)
      << rec["findings"].dump();
  check_cells(rec);
}

TEST(PhotoBadInput, PhoneJpegWithExifRotation) {
  // 4000x3000, stored turned a quarter clockwise's opposite, EXIF saying "turn 90° clockwise to show".
  cv::Mat page = real_page(300), stored, big;
  cv::rotate(page, stored, cv::ROTATE_90_COUNTERCLOCKWISE);
  cv::resize(stored, big, {4000, 3000}, 0, 0, cv::INTER_AREA);
  std::string jpeg = encode(big, ".jpg");
  std::string app1 = std::string("Exif\0\0II*\0\x08\0\0\0\x01\0\x12\x01\x03\0\x01\0\0\0\x06\0\0\0\0\0\0\0", 32);
  std::string seg = std::string("\xFF\xE1", 2) + char((app1.size() + 2) >> 8) + char((app1.size() + 2) & 0xFF) + app1;
  auto rec = gongkai::to_json(gongkai::extract_bytes(jpeg.substr(0, 2) + seg + jpeg.substr(2), "phone.jpg"));
  EXPECT_GE(check_cells(rec), 80);
  for (auto& f : rec["findings"])  // upright from its EXIF, not found turned by reading it sideways first
    EXPECT_EQ(f["message"].get<std::string>().find("was turned"), std::string::npos) << f.dump();
}

// Pages made by tools/photoify (tests/data/photos/README.md): all effects at
// once, and a seal over table 三. Measured when they were made: 95 and 93 of
// the page's 96 values read, none wrong.
TEST(PhotoPages, AllEffectsAndASealOverTable3) {
  for (const char* name : {"huaian-city-2024-p4-all.jpg", "huaian-city-2024-p4-seal.jpg"}) {
    auto rec = extract_json(data(std::string("photos/") + name));
    EXPECT_GE(check_cells(rec), 90) << name;
  }
}

TEST(PhotoBadInput, ABlurredPageSaysSoAndGuessesNothing) {
  cv::Mat blurred;
  cv::GaussianBlur(real_page(200), blurred, cv::Size(0, 0), 4.0);
  auto rec = gongkai::to_json(gongkai::extract_bytes(encode(blurred, ".png"), "blurred.png"));
  EXPECT_NE(finding_message(rec, "scan.page_quality").find("blur"), std::string::npos) << rec["findings"].dump();
  check_cells(rec);  // what the identities still determine is right
}

// A decimal point a blurred photo's OCR lost ("4.6" read as "46"): the cell's
// ink still shows a round dot on the baseline between two digits. A cell
// without one, a reading that kept the point, and the broken-off flat foot of
// a serif "1" touching its digit are not doubted.
TEST(PhotoCells, DecimalPointLostIsSeenInTheInk) {
  auto cell = [](bool dot, bool foot) {
    cv::Mat img(60, 160, CV_8UC1, cv::Scalar(235));
    cv::putText(img, "4", {40, 42}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(30), 2);
    cv::putText(img, "6", {72, 42}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(30), 2);
    if (dot) cv::circle(img, {64, 40}, 2, cv::Scalar(30), cv::FILLED);
    if (foot) cv::rectangle(img, cv::Point(59, 41), cv::Point(66, 42), cv::Scalar(30), cv::FILLED);
    return img;
  };
  const cv::Rect all(0, 0, 160, 60);
  EXPECT_TRUE(decimal_point_lost(cell(true, false), all, "46"));
  EXPECT_FALSE(decimal_point_lost(cell(true, false), all, "4.6"));
  EXPECT_FALSE(decimal_point_lost(cell(false, false), all, "46"));
  EXPECT_FALSE(decimal_point_lost(cell(false, true), all, "46"));
  EXPECT_FALSE(decimal_point_lost(cell(true, false), all, ""));
}
