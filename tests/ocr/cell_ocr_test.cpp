// Cell OCR (src/ocr/cell_ocr.h): real cells cropped from the 淮安市 2024 report
// (tests/data/ocr/README.md says where each comes from), synthetic cells drawn
// with OpenCV, degraded cells, empty cells, dashes, missing models, the pool.
#include "ocr/cell_ocr.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstdlib>
#include <unistd.h>
#include <filesystem>
#include <fstream>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

namespace fs = std::filesystem;
using namespace gongkai::ocr;

namespace {

const std::string kData = std::string(GONGKAI_TEST_DATA) + "/ocr/";

// One reader for most tests: the models load once.
CellReader& shared_reader() {
  static CellReader r;
  return r;
}

cv::Mat load(const std::string& name) {
  cv::Mat m = cv::imread(kData + name, cv::IMREAD_GRAYSCALE);
  EXPECT_FALSE(m.empty()) << "cannot read " << kData + name;
  return m;
}

// The crops keep `margin` pixels outside the cell's ruling lines (bits of the
// neighbouring cells and the crossing lines), as a page would around the cell.
Reading read_crop(const cv::Mat& img, int margin, CellKind kind, CellReader& r = shared_reader()) {
  r.set_page(img);
  return r.read({margin, margin, img.cols - 2 * margin, img.rows - 2 * margin}, kind);
}

// Code points of a UTF-8 string, for edit distances counted in characters.
std::u32string u32(const std::string& s) {
  std::u32string out;
  for (size_t i = 0; i < s.size();) {
    unsigned char c = s[i];
    int n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
    char32_t cp = n == 1 ? c : c & (0x3F >> (n - 1));
    for (int k = 1; k < n && i + k < s.size(); ++k) cp = (cp << 6) | (s[i + k] & 0x3F);
    out += cp;
    i += n;
  }
  return out;
}

// Full-width and ASCII brackets and colons count as the same (NFKC does that
// downstream); so does the 〈 that chi_sim prints for （.
std::u32string fold(std::u32string s) {
  for (auto& c : s) {
    if (c == U'（' || c == U'〈') c = U'(';
    if (c == U'）' || c == U'〉') c = U')';
    if (c == U'：') c = U':';
  }
  return s;
}

int edit_distance(const std::string& a8, const std::string& b8) {
  const auto a = fold(u32(a8)), b = fold(u32(b8));
  std::vector<int> d(b.size() + 1);
  for (size_t j = 0; j <= b.size(); ++j) d[j] = (int)j;
  for (size_t i = 1; i <= a.size(); ++i) {
    int diag = d[0];
    d[0] = (int)i;
    for (size_t j = 1; j <= b.size(); ++j) {
      const int up = d[j];
      d[j] = std::min({d[j] + 1, d[j - 1] + 1, diag + (a[i - 1] != b[j - 1])});
      diag = up;
    }
  }
  return d[b.size()];
}

bool well_formed_number(const std::string& s) {
  if (s == "-" || s == "/") return true;
  size_t i = s.size() > 0 && s[0] == '-' ? 1 : 0;
  int dots = 0, digits = 0;
  for (; i < s.size(); ++i) {
    if (s[i] == '.') ++dots;
    else if (s[i] >= '0' && s[i] <= '9') ++digits;
    else return false;
  }
  return digits > 0 && dots <= 1 && s.back() != '.' && s[s[0] == '-' ? 1 : 0] != '.';
}

void expect_sane_alternatives(const Reading& r, int max_alternatives = OcrOptions{}.max_alternatives) {
  ASSERT_FALSE(r.alternatives.empty()) << r.text;
  EXPECT_EQ(r.alternatives[0].text, r.text);
  EXPECT_LE((int)r.alternatives.size(), max_alternatives);
  std::set<std::string> seen;
  for (size_t i = 0; i < r.alternatives.size(); ++i) {
    const auto& a = r.alternatives[i];
    EXPECT_TRUE(seen.insert(a.text).second) << "duplicate alternative " << a.text;
    EXPECT_TRUE(well_formed_number(a.text)) << a.text;
    EXPECT_GE(a.confidence, 0.0);
    EXPECT_LE(a.confidence, 1.0);
    if (i >= 2) {
      EXPECT_GE(r.alternatives[i - 1].confidence, a.confidence) << "not sorted: " << a.text;
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Synthetic cells: a page with one table cell, ruling lines around it and the
// stubs of the lines of the neighbouring cells, text drawn with a Hershey font.

struct SynthCell {
  cv::Mat page;
  cv::Rect cell;  // along the middle of the ruling lines
};

SynthCell draw_cell(const std::string& text, int font, double scale, int thickness, cv::Size size,
                    int line = 2) {
  SynthCell s;
  const int m = 20;
  {
    // Wide enough for the text, as a table's column is.
    int base = 0;
    const cv::Size ts = cv::getTextSize(text, font, scale, thickness, &base);
    size.width = std::max(size.width, ts.width + 30);
  }
  s.page = cv::Mat(size.height + 2 * m, size.width + 2 * m, CV_8U, cv::Scalar(255));
  s.cell = cv::Rect(m, m, size.width, size.height);
  // The cell's lines run on past its corners, as in a table.
  cv::line(s.page, {0, m}, {s.page.cols - 1, m}, cv::Scalar(0), line);
  cv::line(s.page, {0, m + size.height}, {s.page.cols - 1, m + size.height}, cv::Scalar(0), line);
  cv::line(s.page, {m, 0}, {m, s.page.rows - 1}, cv::Scalar(0), line);
  cv::line(s.page, {m + size.width, 0}, {m + size.width, s.page.rows - 1}, cv::Scalar(0), line);
  if (!text.empty()) {
    int base = 0;
    const cv::Size ts = cv::getTextSize(text, font, scale, thickness, &base);
    const cv::Point org(m + (size.width - ts.width) / 2, m + (size.height + ts.height) / 2);
    cv::putText(s.page, text, org, font, scale, cv::Scalar(0), thickness, cv::LINE_AA);
  }
  return s;
}

// A scan's damage: optical blur, sensor noise, grey paper, and dust specks.
void degrade(cv::Mat& page, double blur_sigma, double noise_sigma, int specks, uint64_t seed) {
  cv::RNG rng(seed);
  cv::GaussianBlur(page, page, {0, 0}, blur_sigma);
  for (int i = 0; i < specks; ++i) {
    const cv::Point c(rng.uniform(0, page.cols), rng.uniform(0, page.rows));
    cv::circle(page, c, rng.uniform(0, 2), cv::Scalar(rng.uniform(40, 140)), cv::FILLED);
  }
  cv::Mat noise(page.size(), CV_32F);
  rng.fill(noise, cv::RNG::NORMAL, 0, noise_sigma);
  cv::Mat f;
  page.convertTo(f, CV_32F, 0.85, 25);  // paper ~242, ink ~25
  f += noise;
  f.convertTo(page, CV_8U);
}

Reading read_synth(const SynthCell& s, CellKind kind, CellReader& r = shared_reader()) {
  r.set_page(s.page);
  return r.read(s.cell, kind);
}

// Digit heights: Hershey simplex digits are ~22 px at scale 1. Table digits are
// ~17 px at 200 dpi and ~25 px at 300 dpi (10.5 pt and 9 pt fonts: 15-30 px).
struct Size {
  const char* name;
  double scale;
  int thickness;
  cv::Size cell;
};
const Size kSizes[] = {
    {"200dpi small", 0.75, 1, {110, 66}},
    {"200dpi", 0.9, 2, {130, 66}},
    {"300dpi", 1.2, 2, {160, 100}},
    {"300dpi large", 1.5, 3, {200, 100}},
};
const int kFonts[] = {cv::FONT_HERSHEY_SIMPLEX, cv::FONT_HERSHEY_DUPLEX};
const char* const kNumbers[] = {"3001", "53", "0", "7", "11", "96171.6", "447228", "1288", "3985758", "-12"};

}  // namespace

// ---------------------------------------------------------------------------------------------
// Real cells.

// The 淮安市 2024 report rendered at 300 dpi (pdftoppm -r 300 -gray), page 4:
// real glyphs (SimSun-like Han, Times-like digits) at their true size.
TEST(CellOcrReal, NumbersAt300Dpi) {
  for (const std::string v : {"3001", "53", "0", "3119", "1288", "105", "3985758", "96171.6"}) {
    SCOPED_TRACE(v);
    const Reading r = read_crop(load("300-n-" + v + ".png"), 8, CellKind::Number);
    EXPECT_FALSE(r.empty_cell);
    EXPECT_EQ(r.text, v);
    EXPECT_GE(r.confidence, 0.9);
    expect_sane_alternatives(r);
  }
}

// The same page printed and scanned (tests/data/scans, 200 dpi, JPEG, noise,
// dust), deskewed: digits ~17 px high, grey and blurred. 3001 has a speck of
// dust on its 1; 454 has dust around it.
TEST(CellOcrReal, NumbersIn200DpiScan) {
  for (const std::string v : {"3001", "1362", "454", "12", "88283", "96171.6"}) {
    SCOPED_TRACE(v);
    const Reading r = read_crop(load("200s-n-" + v + ".png"), 6, CellKind::Number);
    EXPECT_FALSE(r.empty_cell);
    EXPECT_EQ(r.text, v);
    expect_sane_alternatives(r);
  }
}

// The right half of the 3985758 cell in the scan: ruling lines, paper grain,
// dust specks, no text.
TEST(CellOcrReal, EmptyScanCell) {
  const Reading r = read_crop(load("200s-n-empty.png"), 6, CellKind::Number);
  EXPECT_TRUE(r.empty_cell);
  EXPECT_EQ(r.text, "");
  EXPECT_TRUE(r.alternatives.empty());
  const Reading l = read_crop(load("200s-n-empty.png"), 6, CellKind::Label);
  EXPECT_TRUE(l.empty_cell);
}

TEST(CellOcrReal, Labels) {
  struct Case {
    const char* file;
    int margin;
    const char* truth;
    int max_errors;  // characters wrong, brackets folded (see fold)
  };
  const Case cases[] = {
      {"300-l-guojiamimi.png", 8, "1.属于国家秘密", 1},
      {"300-l-xingzhengchufa.png", 8, "行政处罚", 0},
      {"300-l-bufengongkai.png", 8, "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1},
      {"200s-l-guojiamimi.png", 6, "1.属于国家秘密", 1},
      {"200s-l-xingzhengchufa.png", 6, "行政处罚", 0},
      // A light phone photo, ~167 dpi: pale thin horizontal strokes (at the
      // number cells' ink threshold 开 lost its bars: 5 characters wrong).
      {"photo-light-l-xinshou.png", 0, "一、本年新收政府信息公开申请数量", 1},
      // A blurred copy: with the pale ink kept, 规章 was too bold and read as
      // nothing; the second look at the plain threshold reads it.
      {"photo-blurred-l-guizhang.png", 0, "规章", 0},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.file);
    const Reading r = read_crop(load(c.file), c.margin, CellKind::Label);
    EXPECT_FALSE(r.empty_cell);
    EXPECT_LE(edit_distance(r.text, c.truth), c.max_errors) << r.text;
    EXPECT_EQ(r.text.find(' '), std::string::npos) << "spaces between Han characters: " << r.text;
    EXPECT_EQ(r.text.find('\n'), std::string::npos) << "line break kept: " << r.text;
    EXPECT_GT(r.confidence, 0.5);
    EXPECT_TRUE(r.alternatives.empty());
  }
}

// 三、本年度办理结果, one character per line, in a cell 100 px wide and 1158 px
// tall (300 dpi) / 68 x 780 (200 dpi scan). The three ways of reading it are
// compared: the restacking used by default must stay strictly better than both
// chi_sim_vert psm 5 and chi_sim psm 6, or the choice must be revisited.
TEST(CellOcrReal, VerticalHeading) {
  const std::string truth = "三、本年度办理结果";
  OcrOptions vm;
  vm.vertical = VerticalMethod::VerticalModel;
  OcrOptions block;
  block.vertical = VerticalMethod::Block;
  CellReader vertical_model(vm), block_reader(block);
  for (const auto& [file, margin] : {std::pair{"300-v-banlijieguo.png", 8}, std::pair{"200s-v-banlijieguo.png", 6}}) {
    SCOPED_TRACE(file);
    const cv::Mat img = load(file);
    const Reading restacked = read_crop(img, margin, CellKind::Vertical);
    EXPECT_EQ(restacked.text, truth);
    const Reading v = read_crop(img, margin, CellKind::Vertical, vertical_model);
    const Reading b = read_crop(img, margin, CellKind::Vertical, block_reader);
    EXPECT_LT(edit_distance(restacked.text, truth), edit_distance(v.text, truth)) << "chi_sim_vert: " << v.text;
    EXPECT_LT(edit_distance(restacked.text, truth), edit_distance(b.text, truth)) << "chi_sim psm 6: " << b.text;
    // Both still see the characters below 三、.
    EXPECT_NE(v.text.find("本年度办理结"), std::string::npos) << v.text;
    EXPECT_NE(b.text.find("本年度办理结"), std::string::npos) << b.text;
  }
}

// ---------------------------------------------------------------------------------------------
// Synthetic cells.

TEST(CellOcrSynthetic, DigitsAtTableSizes) {
  for (int font : kFonts)
    for (const auto& sz : kSizes)
      for (const std::string v : kNumbers) {
        SCOPED_TRACE(std::string(sz.name) + " font " + std::to_string(font) + " " + v);
        const Reading r = read_synth(draw_cell(v, font, sz.scale, sz.thickness, sz.cell), CellKind::Number);
        EXPECT_FALSE(r.empty_cell);
        EXPECT_EQ(r.text, v);
        EXPECT_GE(r.confidence, 0.5);
        expect_sane_alternatives(r);
      }
}

TEST(CellOcrSynthetic, BlurredNoisyDigits) {
  int n = 0;
  for (int font : kFonts)
    for (const auto& sz : kSizes)
      for (const std::string v : kNumbers) {
        SCOPED_TRACE(std::string(sz.name) + " font " + std::to_string(font) + " " + v);
        SynthCell s = draw_cell(v, font, sz.scale, sz.thickness, sz.cell);
        degrade(s.page, sz.scale < 1 ? 0.8 : 1.2, 12, 12, 1000 + n++);
        const Reading r = read_synth(s, CellKind::Number);
        EXPECT_FALSE(r.empty_cell);
        EXPECT_EQ(r.text, v);
        expect_sane_alternatives(r);
      }
}

TEST(CellOcrSynthetic, EmptyCells) {
  for (const auto& sz : kSizes) {
    SCOPED_TRACE(sz.name);
    // Clean.
    SynthCell s = draw_cell("", cv::FONT_HERSHEY_SIMPLEX, 1, 1, sz.cell);
    Reading r = read_synth(s, CellKind::Number);
    EXPECT_TRUE(r.empty_cell);
    EXPECT_EQ(r.text, "");
    EXPECT_DOUBLE_EQ(r.confidence, 1.0);
    // Thick lines, the cell rectangle given a little off the lines' middle, a
    // tilted page, grain and dust.
    s = draw_cell("", cv::FONT_HERSHEY_SIMPLEX, 1, 1, sz.cell, 4);
    const cv::Mat rot = cv::getRotationMatrix2D(cv::Point2f(s.page.cols / 2.f, s.page.rows / 2.f), 0.8, 1);
    cv::warpAffine(s.page, s.page, rot, s.page.size(), cv::INTER_LINEAR, cv::BORDER_REPLICATE);
    degrade(s.page, 0.8, 10, 8, 7);
    shared_reader().set_page(s.page);
    for (const cv::Rect& cell : {s.cell, s.cell + cv::Point(2, -2), s.cell - cv::Size(3, 0)}) {
      SCOPED_TRACE(::testing::Message() << cell);
      const Reading n = shared_reader().read(cell, CellKind::Number);
      EXPECT_TRUE(n.empty_cell) << n.text;
      const Reading l = shared_reader().read(cell, CellKind::Label);
      EXPECT_TRUE(l.empty_cell) << l.text;
    }
  }
  // Outside the page, or degenerate.
  SynthCell s = draw_cell("5", cv::FONT_HERSHEY_SIMPLEX, 1, 2, {100, 60});
  shared_reader().set_page(s.page);
  EXPECT_TRUE(shared_reader().read({5000, 5000, 100, 60}, CellKind::Number).empty_cell);
  EXPECT_TRUE(shared_reader().read({s.cell.x, s.cell.y, 0, 0}, CellKind::Number).empty_cell);
}

// "-" and "/" stand for "none" in number cells; they are decided from the shape.
TEST(CellOcrSynthetic, DashAndSlash) {
  for (const auto& sz : kSizes) {
    SCOPED_TRACE(sz.name);
    EXPECT_EQ(read_synth(draw_cell("-", cv::FONT_HERSHEY_SIMPLEX, sz.scale, sz.thickness, sz.cell), CellKind::Number).text, "-");
    EXPECT_EQ(read_synth(draw_cell("/", cv::FONT_HERSHEY_SIMPLEX, sz.scale, sz.thickness, sz.cell), CellKind::Number).text, "/");
    EXPECT_EQ(read_synth(draw_cell("/", cv::FONT_HERSHEY_DUPLEX, sz.scale, sz.thickness, sz.cell), CellKind::Number).text, "/");
    // A long dash (——) drawn as a line.
    SynthCell s = draw_cell("", cv::FONT_HERSHEY_SIMPLEX, 1, 1, sz.cell);
    const cv::Point c(s.cell.x + s.cell.width / 2, s.cell.y + s.cell.height / 2);
    cv::line(s.page, c - cv::Point(s.cell.width / 4, 0), c + cv::Point(s.cell.width / 4, 0), cv::Scalar(0), sz.thickness + 1);
    const Reading r = read_synth(s, CellKind::Number);
    EXPECT_EQ(r.text, "-");
    EXPECT_FALSE(r.empty_cell);
    // Lone strokes that are digits stay digits.
    EXPECT_EQ(read_synth(draw_cell("1", cv::FONT_HERSHEY_SIMPLEX, sz.scale, sz.thickness, sz.cell), CellKind::Number).text, "1");
    EXPECT_EQ(read_synth(draw_cell("7", cv::FONT_HERSHEY_DUPLEX, sz.scale, sz.thickness, sz.cell), CellKind::Number).text, "7");
  }
}

// Dust in a number cell does not become a decimal point or a digit; a real
// decimal point is kept.
TEST(CellOcrSynthetic, DustIsNotADecimalPoint) {
  SynthCell s = draw_cell("50", cv::FONT_HERSHEY_SIMPLEX, 0.9, 2, {130, 66});
  const cv::Rect& c = s.cell;
  cv::circle(s.page, {c.x + c.width - 25, c.y + c.height / 2 + 9}, 2, cv::Scalar(0), cv::FILLED);  // after, on the baseline
  cv::circle(s.page, {c.x + 20, c.y + 12}, 2, cv::Scalar(0), cv::FILLED);                          // top left
  EXPECT_EQ(read_synth(s, CellKind::Number).text, "50");
  EXPECT_EQ(read_synth(draw_cell("5.0", cv::FONT_HERSHEY_SIMPLEX, 0.9, 2, {130, 66}), CellKind::Number).text, "5.0");
}

// A digit made doubtful on purpose: the alternatives must then offer the true
// reading, for the table's sums to pick.
TEST(CellOcrSynthetic, DoubtfulDigitHasAlternatives) {
  // 8 with a 5 x 6 px patch of its lower loop's left side rubbed out.
  SynthCell s = draw_cell("1288", cv::FONT_HERSHEY_SIMPLEX, 0.9, 2, {130, 66});
  int base = 0;
  const cv::Size ts = cv::getTextSize("1288", cv::FONT_HERSHEY_SIMPLEX, 0.9, 2, &base);
  const int x_last = s.cell.x + (s.cell.width - ts.width) / 2 + ts.width * 3 / 4;
  const int y_mid = s.cell.y + s.cell.height / 2;
  cv::rectangle(s.page, cv::Rect(x_last, y_mid + 1, 5, 6), cv::Scalar(255), cv::FILLED);
  const Reading r = read_synth(s, CellKind::Number);
  expect_sane_alternatives(r);
  // Tesseract is sure it is a 3 (confidence 0.99: the per-symbol confidence
  // does not flag it), but its choices still hold the 8, likely enough for a
  // second look; at 1.3 times the scale that look reads 1288, and two looks
  // that disagree leave the reading doubtful.
  EXPECT_EQ(r.text, "1283");
  ASSERT_GE(r.alternatives.size(), 2u) << r.text;
  EXPECT_EQ(r.alternatives[1].text, "1288");
  EXPECT_LT(r.confidence, 0.9);
}

// A 2776 in a light phone photo (tests/data/ocr/README.md): Tesseract read the
// second 7 as a 1 with confidence 0.99, 2776 being an alternative at 0.56; a
// second look at another scale reads 2776. No identity covers this cell
// (table 二, 行政处罚), so a sure wrong reading would be a wrong number
// without a finding: two looks that disagree leave the cell doubtful.
TEST(CellOcrReal, LooksThatDisagreeAreDoubtful) {
  const cv::Mat cell = load("photo-light-n-2776.png");
  shared_reader().set_page(cell);
  const Reading r = shared_reader().read(cv::Rect(0, 0, cell.cols, cell.rows), CellKind::Number);
  if (r.text != "2776") EXPECT_LT(r.confidence, 0.9) << r.text;
  const bool offered = std::any_of(r.alternatives.begin(), r.alternatives.end(),
                                   [](const Alternative& a) { return a.text == "2776"; });
  EXPECT_TRUE(offered) << r.text;
}

// The scan reader's first pass (PageConditions::first_look_only): a row
// label read as a number is given one look and marked as wanting more; a
// clean number is settled by its one look, as a full reading would be.
TEST(CellOcrReal, FirstLookOnlyMarksWhatItDidNotSettle) {
  PageConditions glance;
  glance.crisp = glance.first_look_only = true;
  PageConditions full;
  full.crisp = true;
  const cv::Mat label = load("200s-l-xingzhengchufa.png");
  const cv::Rect inside(6, 6, label.cols - 12, label.rows - 12);
  shared_reader().set_page(label, glance);
  const Reading words = shared_reader().read(inside, CellKind::Number);
  EXPECT_TRUE(words.more_looks_wanted) << words.text << " at " << words.confidence;
  for (const std::string v : {"1362", "454", "12", "88283"}) {
    SCOPED_TRACE(v);
    const cv::Mat cell = load("200s-n-" + v + ".png");
    const cv::Rect in(6, 6, cell.cols - 12, cell.rows - 12);
    shared_reader().set_page(cell, glance);
    const Reading once = shared_reader().read(in, CellKind::Number);
    shared_reader().set_page(cell, full);
    const Reading fully = shared_reader().read(in, CellKind::Number);
    EXPECT_FALSE(once.more_looks_wanted);
    EXPECT_FALSE(fully.more_looks_wanted);
    EXPECT_EQ(once.text, v);
    EXPECT_EQ(once.text, fully.text);
    EXPECT_DOUBLE_EQ(once.confidence, fully.confidence);
  }
  shared_reader().set_page(label, full);
  EXPECT_FALSE(shared_reader().read(inside, CellKind::Number).more_looks_wanted);
  // 3001 with a speck of dust on its 1: read 3001 with a strong alternative,
  // which the full reading checks (and doubts). One look does not settle it.
  const cv::Mat dusty = load("200s-n-3001.png");
  shared_reader().set_page(dusty, glance);
  EXPECT_TRUE(shared_reader().read({6, 6, dusty.cols - 12, dusty.rows - 12}, CellKind::Number).more_looks_wanted);
}

// ---------------------------------------------------------------------------------------------
// Models, errors, the pool.

namespace {
struct TempDir {
  fs::path path;
  TempDir() {
    path = fs::temp_directory_path() / ("gongkai-ocr-test-" + std::to_string(::getpid()) + "-" + std::to_string(rand()));
    fs::create_directories(path);
  }
  ~TempDir() { fs::remove_all(path); }
};

std::optional<std::string> error_of(const OcrOptions& o) {
  try {
    CellReader r(o);
  } catch (const std::runtime_error& e) {
    return std::string(e.what());
  }
  return std::nullopt;
}
}  // namespace

TEST(CellOcrModels, MissingModelIsNamedWithWhereItLooked) {
  TempDir dir;
  OcrOptions o;
  o.tessdata = dir.path.string();
  auto err = error_of(o);
  ASSERT_TRUE(err);
  EXPECT_NE(err->find((dir.path / "eng.traineddata").string()), std::string::npos) << *err;
  EXPECT_NE(err->find("tesseract-ocr-eng"), std::string::npos) << *err;

  // eng is there, chi_sim is not.
  const std::string system_dir = resolve_tessdata("");
  ASSERT_TRUE(fs::exists(fs::path(system_dir) / "eng.traineddata")) << system_dir;
  fs::create_symlink(fs::path(system_dir) / "eng.traineddata", dir.path / "eng.traineddata");
  err = error_of(o);
  ASSERT_TRUE(err);
  EXPECT_NE(err->find((dir.path / "chi_sim.traineddata").string()), std::string::npos) << *err;
  EXPECT_NE(err->find("tesseract-ocr-chi-sim"), std::string::npos) << *err;

  // Both: enough for the default reader; chi_sim_vert only when asked for.
  fs::create_symlink(fs::path(system_dir) / "chi_sim.traineddata", dir.path / "chi_sim.traineddata");
  EXPECT_FALSE(error_of(o));
  o.vertical = VerticalMethod::VerticalModel;
  err = error_of(o);
  ASSERT_TRUE(err);
  EXPECT_NE(err->find("chi_sim_vert.traineddata"), std::string::npos) << *err;

  // The pool reports it too, from its worker threads.
  try {
    CellOcrPool pool(o);
    FAIL() << "no error";
  } catch (const std::runtime_error& e) {
    EXPECT_NE(std::string(e.what()).find("chi_sim_vert.traineddata"), std::string::npos) << e.what();
  }

  // A file that is not a model.
  fs::remove(dir.path / "eng.traineddata");
  std::ofstream(dir.path / "eng.traineddata") << "not a model";
  o.vertical = VerticalMethod::Restack;
  err = error_of(o);
  ASSERT_TRUE(err);
  EXPECT_NE(err->find("could not be loaded"), std::string::npos) << *err;
}

TEST(CellOcrModels, TessdataResolution) {
  const char* old = std::getenv("TESSDATA_PREFIX");
  const std::optional<std::string> saved = old ? std::optional<std::string>(old) : std::nullopt;
  TempDir empty;
  ::unsetenv("TESSDATA_PREFIX");
  EXPECT_EQ(resolve_tessdata(""), "/usr/share/tesseract-ocr/5/tessdata");
  EXPECT_EQ(resolve_tessdata(empty.path.string()), empty.path.string());  // given: the only place
  ::setenv("TESSDATA_PREFIX", "/usr/share/tesseract-ocr/5", 1);           // the parent also works
  EXPECT_EQ(resolve_tessdata(""), "/usr/share/tesseract-ocr/5/tessdata");
  ::setenv("TESSDATA_PREFIX", empty.path.c_str(), 1);  // nothing there: the Debian default
  EXPECT_EQ(resolve_tessdata(""), "/usr/share/tesseract-ocr/5/tessdata");
  if (saved) ::setenv("TESSDATA_PREFIX", saved->c_str(), 1);
  else ::unsetenv("TESSDATA_PREFIX");
}

TEST(CellOcrReader, Misuse) {
  OcrOptions o;
  CellReader& r = shared_reader();
  EXPECT_THROW(r.set_page(cv::Mat(10, 10, CV_8UC3)), std::invalid_argument);
  CellReader fresh(o);
  EXPECT_THROW(fresh.read({0, 0, 10, 10}, CellKind::Number), std::logic_error);
}

namespace {
// A page holding a grid of number cells (some empty) and two real label cells.
struct GridPage {
  cv::Mat page;
  std::vector<std::pair<cv::Rect, CellKind>> cells;
  std::vector<std::string> truth;  // "" for empty cells
};

GridPage grid_page(int seed) {
  GridPage g;
  const int cols = 6, rows = 8, w = 130, h = 66, m = 10;
  const cv::Mat label = load("200s-l-guojiamimi.png");
  g.page = cv::Mat(m * 2 + rows * h + label.rows, m * 2 + cols * w, CV_8U, cv::Scalar(255));
  cv::RNG rng(seed);
  for (int r = 0; r < rows; ++r)
    for (int c = 0; c < cols; ++c) {
      const cv::Rect cell(m + c * w, m + r * h, w, h);
      cv::rectangle(g.page, cell, cv::Scalar(0), 2);
      std::string v;
      if (rng.uniform(0, 5) != 0) v = std::to_string(rng.uniform(0, 100000) >> rng.uniform(0, 16));
      if (!v.empty()) {
        int base = 0;
        const cv::Size ts = cv::getTextSize(v, cv::FONT_HERSHEY_SIMPLEX, 0.9, 2, &base);
        cv::putText(g.page, v, {cell.x + (w - ts.width) / 2, cell.y + (h + ts.height) / 2}, cv::FONT_HERSHEY_SIMPLEX, 0.9, cv::Scalar(0), 2,
                    cv::LINE_AA);
      }
      g.cells.push_back({cell, CellKind::Number});
      g.truth.push_back(v);
    }
  label.copyTo(g.page(cv::Rect(m, m + rows * h, label.cols, label.rows)));
  g.cells.push_back({cv::Rect(m + 6, m + rows * h + 6, label.cols - 12, label.rows - 12), CellKind::Label});
  g.truth.push_back("1.属于国家秘密");
  return g;
}
}  // namespace

TEST(CellOcrPool, SameReadingsAsOneReaderInInputOrder) {
  OcrOptions o;
  o.threads = 2;
  CellOcrPool pool(o);
  EXPECT_EQ(pool.threads(), 2);
  for (int seed : {1, 2}) {  // two pages: the workers' readers are reused
    SCOPED_TRACE(seed);
    const GridPage g = grid_page(seed);
    const std::vector<Reading> got = pool.read_page(g.page, g.cells);
    ASSERT_EQ(got.size(), g.cells.size());
    shared_reader().set_page(g.page);
    for (size_t i = 0; i < g.cells.size(); ++i) {
      SCOPED_TRACE(i);
      const Reading one = shared_reader().read(g.cells[i].first, g.cells[i].second);
      EXPECT_EQ(got[i].text, one.text);
      EXPECT_EQ(got[i].empty_cell, one.empty_cell);
      EXPECT_DOUBLE_EQ(got[i].confidence, one.confidence);
      if (g.cells[i].second == CellKind::Number) {
        EXPECT_EQ(got[i].empty_cell, g.truth[i].empty());
        EXPECT_EQ(got[i].text, g.truth[i]);
      } else {
        EXPECT_LE(edit_distance(got[i].text, g.truth[i]), 1) << got[i].text;
      }
    }
  }
  EXPECT_TRUE(pool.read_page(cv::Mat(10, 10, CV_8U, cv::Scalar(255)), {}).empty());
  EXPECT_THROW(pool.read_page(cv::Mat(10, 10, CV_8UC3), {{cv::Rect(0, 0, 5, 5), CellKind::Number}}), std::invalid_argument);
}
