// HTML that would crash, hang or exhaust memory in the parser: deep nesting
// (gumbo's clean-up recursed once per level; its time grows with the depth),
// unclosed tags (every parse error kept a copy of the open elements), and
// pages whose tree alone would pass the memory bound. Each is built here.
#include <gtest/gtest.h>

#include <chrono>
#include <string>

#include "readers/reader.h"
#include "test_util.h"

using namespace gk_test;

namespace {

std::string repeat(const std::string& s, int n) {
  std::string out;
  out.reserve(s.size() * n);
  for (int i = 0; i < n; ++i) out += s;
  return out;
}

// The message of the ReadError that reading `html` throws, "" when none.
std::string read_error(const std::string& html) { return gk_test::read_error(html, "page.html"); }

double seconds_since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

TEST(HtmlBounds, FiftyThousandNestedSpansAreRefusedAtOnce) {
  // 300 KB; overflowed the stack before.
  auto t0 = std::chrono::steady_clock::now();
  std::string err = read_error("<html><body>" + repeat("<span>", 50'000) + "x</body></html>");
  EXPECT_NE(err.find("HTML nested too deeply to parse"), std::string::npos) << err;
  EXPECT_LT(seconds_since(t0), 5);
}

TEST(HtmlBounds, HundredThousandClosedNestedTablesAreRefused) {
  std::string html = "<html><body>" + repeat("<table><tr><td>", 100'000) + "x" +
                     repeat("</td></tr></table>", 100'000) + "</body></html>";
  EXPECT_NE(read_error(html).find("nested too deeply"), std::string::npos);
  // Run as the CLI runs it: a clear message and status 1, not a crash.
  std::string path = ::testing::TempDir() + "/nested-tables.html";
  std::ofstream(path, std::ios::binary) << html;
  auto r = run_cli("extract " + path);
  EXPECT_EQ(r.status, 1) << r.out;
  EXPECT_NE(r.out.find("nested-tables.html: HTML nested too deeply to parse"), std::string::npos) << r.out;
}

TEST(HtmlBounds, UnclosedTableCellsAreRefusedNotParsed) {
  // 1.5 MB of <table><tr><td>: killed at 23 GiB before.
  std::string err = read_error("<html><body>" + repeat("<table><tr><td>", 100'000));
  EXPECT_NE(err.find("nested too deeply"), std::string::npos) << err;
}

TEST(HtmlBounds, UnclosedDivsAreReadWithoutKeepingParseErrors) {
  // 100 KB of <div>s 20,000 deep: within the parser's bound, read in about a
  // second (3.1 GB before, each parse error holding the open elements).
  auto t0 = std::chrono::steady_clock::now();
  auto rec = gongkai::to_json(gongkai::extract_bytes("<html><body>" + repeat("<div>", 20'000), "divs.html"));
  EXPECT_TRUE(has_finding(rec, "mapping.no_tables", "extraction"));
  EXPECT_LT(seconds_since(t0), 20);
}

TEST(HtmlBounds, SloppyParagraphsStillRead) {
  // An unclosed <font> in each of 3,000 paragraphs: gumbo nests them 3,000
  // deep, but the page is small, so it is parsed, and its report read.
  std::string page = "<html><body><p>洪泽区人民政府2022年政府信息公开工作年度报告</p>" +
                     repeat("<p><font color=red>正文。</p>\n", 3'000) + "</body></html>";
  auto rec = gongkai::to_json(gongkai::extract_bytes(page, "sloppy.html"));
  EXPECT_EQ(rec["meta"]["year"], 2022);
}

TEST(HtmlBounds, TreeOverTheMemoryBoundIsRefused) {
  // 10 MB of empty <b></b>: 1.4 M elements, a tree of about 250 MB.
  std::string err = read_error("<html><body>" + repeat("<b></b>", 1'430'000));
  EXPECT_NE(err.find("HTML page too large to parse"), std::string::npos) << err;
}

TEST(HtmlBounds, DepthIsJudgedByTheTreeBuildersRules) {
  // Long but shallow: implied closes (<p>, <li>, <td>) are followed, and a
  // script's text is no markup. Counted open, each would pass the bound.
  EXPECT_EQ(read_error(repeat("<p>x", 200'000)), "");
  EXPECT_EQ(read_error("<ul>" + repeat("<li>x", 200'000)), "");
  EXPECT_EQ(read_error("<table>" + repeat("<tr><td>1<td>2", 100'000)), "");
  EXPECT_EQ(read_error("<script>" + repeat("<div>", 100'000) + "</script><p>x"), "");
  // Deep by the builder's rules: the formatting elements it reopens nest a
  // <font> per paragraph; a <div> in a <marquee> is out of a </div>'s reach.
  EXPECT_NE(read_error(repeat("<p><font color=red>x</p>\n", 30'000)).find("nested too deeply"), std::string::npos);
  EXPECT_NE(read_error(repeat("<div><marquee></div>", 30'000)).find("nested too deeply"), std::string::npos);
}
