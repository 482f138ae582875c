// A page drawn only in greys is rendered in grey at once (no seal can be on
// it); anything else in colour. These tests hold the colour test to what the
// page draws, and the grey rendering to the colour one's pixels.
#include <opencv2/core.hpp>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "readers/pdf/pdf_document.h"
#include "test_util.h"

namespace gongkai {
namespace {

// A one-page PDF (A6) whose page draws `content`, with `image` as XObject /Im0
// when given.
std::string one_page_pdf(const std::string& content, const std::string& image = "") {
  std::vector<std::string> objects = {
      "<< /Type /Catalog /Pages 2 0 R >>",
      "<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
      "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 298 420] /Contents 4 0 R /Resources << /XObject << " +
          std::string(image.empty() ? "" : "/Im0 5 0 R") + " >> >> >>",
      "<< /Length " + std::to_string(content.size()) + " >>\nstream\n" + content + "\nendstream"};
  if (!image.empty()) objects.push_back(image);
  return gk_test::pdf_file(objects, 1);
}

// A 2x2 image XObject in colour space `cs` with `bytes` as its samples.
std::string image_object(const std::string& cs, const std::string& bytes) {
  return "<< /Type /XObject /Subtype /Image /Width 2 /Height 2 /ColorSpace " + cs +
         " /BitsPerComponent 8 /Length " + std::to_string(bytes.size()) + " >>\nstream\n" + bytes + "\nendstream";
}

bool page_in_colour(const std::string& pdf) { return pdf::PdfDocument::open(pdf)->page(1).in_colour; }

TEST(PdfColour, WhatThePageDrawsDecides) {
  EXPECT_FALSE(page_in_colour(one_page_pdf("0.3 g 20 20 100 100 re f 0 G 1 w 10 10 m 200 10 l S")));
  EXPECT_TRUE(page_in_colour(one_page_pdf("0.8 0.1 0.1 rg 20 20 100 100 re f")));  // a red fill
  EXPECT_TRUE(page_in_colour(one_page_pdf("0.8 0.1 0.1 RG 1 w 10 10 m 200 10 l S")));  // a red rule
  EXPECT_FALSE(page_in_colour(one_page_pdf("0.5 0.5 0.5 rg 20 20 100 100 re f")));  // grey given as RGB
  std::string grey_samples = "\x10\x80\xf0\x40";
  std::string draw = "q 200 0 0 200 40 40 cm /Im0 Do Q";
  EXPECT_FALSE(page_in_colour(one_page_pdf(draw, image_object("/DeviceGray", grey_samples))));
  EXPECT_TRUE(page_in_colour(one_page_pdf(draw, image_object("/DeviceRGB", std::string(12, '\x90')))));
  // One component, yet a palette that may hold red.
  EXPECT_TRUE(page_in_colour(
      one_page_pdf(draw, image_object("[/Indexed /DeviceRGB 1 <ff0000ffffff>]", std::string("\0\1\1\0", 4)))));
}

TEST(PdfColour, AGreyScanRendersToTheSamePixelsInGrey) {
  auto doc = pdf::PdfDocument::open(gk_test::slurp(gk_test::data("scans/huaian-city-2024-p3-5.scan.pdf")));
  ASSERT_FALSE(doc->page(1).in_colour);
  cv::Mat seal_from_colour, seal_from_grey = cv::Mat::ones(2, 2, CV_8UC1);
  cv::Mat via_colour = doc->render(1, 100, &seal_from_colour, true);
  cv::Mat via_grey = doc->render(1, 100, &seal_from_grey, false);
  ASSERT_EQ(via_grey.type(), CV_8UC1);
  ASSERT_EQ(via_grey.size(), via_colour.size());
  EXPECT_EQ(cv::norm(via_grey, via_colour, cv::NORM_INF), 0);
  EXPECT_TRUE(seal_from_colour.empty());
  EXPECT_TRUE(seal_from_grey.empty());
}

}  // namespace
}  // namespace gongkai
