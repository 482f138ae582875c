// Recognition of single table cells with Tesseract. See cell_ocr.h for what is done and why.
#include <tesseract/baseapi.h>
#include <tesseract/ltrresultiterator.h>
#include <tesseract/resultiterator.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <stdexcept>

#include "ocr/cell_image.h"
#include "ocr/cell_ocr.h"
#include "ocr/engine.h"
#include "ocr/number_looks.h"
#include "ocr/text_cleanup.h"
#include "ocr/vertical_heading.h"

namespace gongkai::ocr {
namespace {

// Confidence of a number reading whose digit count is not the ink's (below
// the scan reader's trust threshold: the cell is left to the identities).
constexpr double kCountMismatchConfidence = 0.5;

// A number is looked at again when another reading is this likely, however
// sure Tesseract was of its best one, and when the two looks read different
// numbers that both fit the ink, the reading is doubtful (this confidence):
// neither look is then believed above the scan reader's trust threshold.
// Measured: 2776 in a light photo (seed 61, ~167 dpi) was read 2716 at 0.99
// with 2776 as an alternative at 0.56; the second look read 2776 at 0.98. Of
// 1714 number cells read at >= 0.9 from photoify copies, 22 had an
// alternative at 0.5 or more (mostly a 1 that might be a 4), so the extra
// looks cost about 1 % more digit reads.
constexpr double kStrongAlternative = 0.5;
constexpr double kLooksDisagreeConfidence = 0.5;
// The look taken for a strong alternative only is larger, never smaller: at
// 0.6 of the scale (a 16 px digit seen 14 px high) a generated report's lone
// 1s, read 1 at 0.98 with 4 at 0.59, were read 4 at 0.94-0.97, and the
// disagreement left 14 cells of one sealed copy (generated seed 43) unread.
// At 1.3 (and 1.15) all 21 such 1s, 4s and longer numbers read as before, and
// 2776 still read differently.
constexpr double kAlternativeLookScale = 1.3;

// A first look surer than this, fitting the ink, with no strong alternative,
// is not looked at again. Between reread_below and this, it is checked (kept
// unless another look reads a different number that fits the ink): on a
// sealed photo (real seed 81, curled) a 0 under a seal's strokes was read 5
// at 0.90 and 0.91, and the look at the strokes' cores read 0.
constexpr double kSureAlone = 0.95;

// A label read with less confidence than this (nothing read: 0) is looked at
// again without its pale ink. On a blurred copy (generated 0001, photo seed
// 13001, all effects) the pale ink made 规章 bold enough that chi_sim read
// nothing and the row was lost; at the plain threshold it read 规章.
constexpr double kLabelSecondLookBelow = 0.5;

// A lone 0 on a crisp page (PageConditions) is read from its shape, with
// Tesseract's usual confidence in a clean 0. Zeros are most of a report's
// numbers (152 of 186 in huaian-hongze-district-2024), each a digit read.
// Over 81 scans and photos (eval_scan and eval_photos copies, crisp or not)
// the shape said 0 for 11856 cells Tesseract read 0, and for 13 it read as
// nothing (clean zeros, each looked at); never for another digit. Only
// crisp pages take it: photos keep every look.
constexpr double kZeroShapeConfidence = 0.99;

// The resolution cut-outs are given to Tesseract with.
constexpr int kCellDpi = 300;

struct SymbolChoices {
  std::string best;
  double conf = 0;  // 0..1
  std::vector<std::pair<std::string, double>> choices;  // LSTM choices, probability 0..1
};

}  // namespace

struct CellReader::Impl {
  OcrOptions opt;
  std::unique_ptr<CellEngine> digits, chinese, vertical;
  cv::Mat page;
  PageConditions conditions;

  explicit Impl(const OcrOptions& o) : opt(o) {
    serialise_openmp_in_this_thread();
    digits = std::make_unique<CellEngine>(opt.tessdata, "eng", tesseract::PSM_SINGLE_LINE,
                                          TesseractVariables{{"tessedit_char_whitelist", "0123456789.-"},
                                                             {"lstm_choice_mode", "2"}});
    chinese = std::make_unique<CellEngine>(opt.tessdata, "chi_sim", tesseract::PSM_SINGLE_BLOCK, TesseractVariables{});
    if (opt.vertical == VerticalMethod::VerticalModel)
      vertical = std::make_unique<CellEngine>(opt.tessdata, "chi_sim_vert", tesseract::PSM_SINGLE_BLOCK_VERT_TEXT,
                                              TesseractVariables{});
  }

  // Recognises a framed number image; returns per-symbol results.
  std::vector<SymbolChoices> recognise_number(const cv::Mat& img) {
    auto& api = digits->api;
    set_image(api, img, kCellDpi);
    std::vector<SymbolChoices> out;
    if (api.Recognize(nullptr) != 0) return out;
    std::unique_ptr<tesseract::ResultIterator> it(api.GetIterator());
    if (!it) return out;
    do {
      std::unique_ptr<char[]> t(it->GetUTF8Text(tesseract::RIL_SYMBOL));
      if (!t || !t[0]) continue;
      SymbolChoices s;
      s.best = t.get();
      s.conf = std::clamp(it->Confidence(tesseract::RIL_SYMBOL) / 100.0, 0.0, 1.0);
      tesseract::ChoiceIterator ci(*it);
      do {
        const char* c = ci.GetUTF8Text();
        if (c && *c) s.choices.emplace_back(c, std::clamp(ci.Confidence() / 100.0, 0.0, 1.0));
      } while (ci.Next());
      out.push_back(std::move(s));
    } while (it->Next(tesseract::RIL_SYMBOL));
    return out;
  }

  Reading read(const cv::Rect& cell, CellKind kind) {
    if (page.empty()) throw std::logic_error("CellReader::read before set_page");
    serialise_openmp_in_this_thread();
    Reading r;
    PreparedCell p = prepare_cell(page, cell, kind);
    if (p.empty) {
      r.empty_cell = true;
      r.confidence = 1;
      return r;
    }
    if (!p.shape_text.empty()) {
      r.text = p.shape_text;
      r.confidence = 1;
      r.alternatives.push_back({r.text, 1});
      return r;
    }
    const double target = kind == CellKind::Number ? opt.number_text_px : opt.label_text_px;
    const double f = std::clamp(target / std::max(1.0, p.text_h), 0.25, 4.0);
    if (kind == CellKind::Number && p.zero_shape && conditions.crisp) {
      // A lone 0 on a crisp page is known from its shape (zero_shape.h).
      r.text = "0";
      r.confidence = kZeroShapeConfidence;
      r.alternatives.push_back({r.text, r.confidence});
      return r;
    }
    if (kind == CellKind::Number) return read_number(p, f);
    if (kind == CellKind::Vertical && opt.vertical == VerticalMethod::Restack) {
      double ch = 0;
      const cv::Mat line = restack_vertical(p.ink, ch);
      if (!line.empty()) {
        const double f2 = std::clamp(opt.label_text_px / std::max(1.0, ch), 0.25, 4.0);
        return read_text(*chinese, tesseract::PSM_SINGLE_LINE, framed(line, f2));
      }
      // Not one column of characters: read the cell as it is (below).
    }
    if (kind == CellKind::Vertical && opt.vertical == VerticalMethod::VerticalModel)
      return read_text(*vertical, tesseract::PSM_SINGLE_BLOCK_VERT_TEXT, framed(p.ink, f));
    Reading label = read_text(*chinese, tesseract::PSM_SINGLE_BLOCK, framed(p.ink, f));
    if (kind == CellKind::Label && label.confidence < kLabelSecondLookBelow) {
      // The pale ink kept may have made the strokes too bold (a blurred
      // page): another look at the number cells' threshold; the surer wins.
      const PreparedCell q = prepare_cell(page, cell, kind, false);
      if (!q.empty && q.shape_text.empty()) {
        const double fq = std::clamp(target / std::max(1.0, q.text_h), 0.25, 4.0);
        Reading plain = read_text(*chinese, tesseract::PSM_SINGLE_BLOCK, framed(q.ink, fq));
        if (plain.confidence > label.confidence) return plain;
      }
    }
    return label;
  }

  Reading read_text(CellEngine& e, tesseract::PageSegMode psm, const cv::Mat& img) {
    Reading r;
    e.api.SetPageSegMode(psm);
    set_image(e.api, img, kCellDpi);
    if (e.api.Recognize(nullptr) == 0) {
      std::unique_ptr<char[]> t(e.api.GetUTF8Text());
      if (t) r.text = join_text(t.get());
      r.confidence = r.text.empty() ? 0 : std::clamp(e.api.MeanTextConf() / 100.0, 0.0, 1.0);
    }
    return r;
  }

  // Adds the readings one recognition yields: the best string and single-symbol
  // substitutions from the LSTM choices.
  static void add_candidates(const std::vector<SymbolChoices>& syms, std::map<std::string, double>& cands,
                             std::string* best_out, double* best_conf) {
    std::string best;
    double minc = 1;
    for (const auto& s : syms) {
      best += s.best;
      minc = std::min(minc, s.conf);
    }
    if (syms.empty()) minc = 0;
    const std::string tb = tidy_number(best);
    if (best_out) *best_out = tb;
    if (best_conf) *best_conf = minc;
    if (!tb.empty()) cands[tb] = std::max(cands[tb], minc);
    // One symbol replaced by one of its choices: the confidence of such a string is
    // the lower of that choice's probability and the rest's minimum.
    for (size_t i = 0; i < syms.size(); ++i) {
      double rest = 1;
      for (size_t j = 0; j < syms.size(); ++j)
        if (j != i) rest = std::min(rest, syms[j].conf);
      for (const auto& [c, prob] : syms[i].choices) {
        if (c == syms[i].best || prob < 0.01) continue;
        std::string alt;
        for (size_t j = 0; j < syms.size(); ++j) alt += j == i ? c : syms[j].best;
        // Only substitutions that give a well-formed number as they stand ("10." from
        // a '.' choice for the last digit is not an alternative reading of "105").
        const std::string ta = tidy_number(alt);
        if (ta.empty() || ta != alt) continue;
        const double conf = std::min(prob, rest);
        cands[ta] = std::max(cands[ta], conf);
      }
    }
  }

  // One look at a number image: its best reading and confidence; its
  // candidates are added to `cands`.
  NumberLook look_at(const cv::Mat& img, std::map<std::string, double>& cands) {
    NumberLook l;
    add_candidates(recognise_number(img), cands, &l.text, &l.conf);
    return l;
  }

  Reading read_number(const PreparedCell& p, double f) {
    Reading r;
    std::map<std::string, double> cands;
    // A reading with more or fewer digits than the ink shows inserted or
    // lost one, however sure Tesseract was (".11" -> 411 at 0.96: a speck at
    // the foot of a 1; 111 -> 1411 at 0.97). Nor does a 1 or a 7 where the
    // ink shows a digit split in two (two runs of tall columns joined): each
    // is one stroke. 447 whose 44 had blurred into two stems was counted as
    // two digits, the second 4's stem and the 7 joined, and read 47 at 0.93
    // by every look; the row's sum held with 454 read 54, and the error had
    // no finding (real seed 81, all effects). Of the 2884 other readings
    // fitting the count in those copies, 4 had a joined digit: 2, 2, 3, 6.
    auto fits_ink = [&](const std::string& t) {
      if (p.digits_seen == 0) return true;
      std::string digits;
      std::copy_if(t.begin(), t.end(), std::back_inserter(digits), [](char c) { return c >= '0' && c <= '9'; });
      if ((int)digits.size() != p.digits_seen) return false;
      for (size_t i = 0; i < digits.size() && i < p.digit_joined.size(); ++i)
        if (p.digit_joined[i] && (digits[i] == '1' || digits[i] == '7')) return false;
      return true;
    };
    const cv::Mat at_f = framed(p.ink, f);
    const NumberLook first = look_at(at_f, cands);
    std::string best = first.text;
    double conf = first.conf;
    double strongest_other = 0;
    for (const auto& [t, c] : cands)
      if (t != best) strongest_other = std::max(strongest_other, c);
    const bool first_was_sure = fits_ink(best) && !best.empty() && conf >= opt.reread_below;
    const bool strong_other = strongest_other >= kStrongAlternative;
    if (opt.reread_below <= 0 ||
        (first_was_sure && !strong_other && (conf >= kSureAlone || conditions.crisp))) {
      // Sure, and nothing else near: one look.
    } else if (conditions.first_look_only) {
      r.more_looks_wanted = true;
    } else if (first_was_sure) {
      // Checked, not replaced: the first look, at the scale chosen for
      // reading, keeps its text; it is doubtful when a look at the larger
      // scale or at the strokes' cores reads another number that fits the
      // ink. On a crisp page (PageConditions) a strong alternative is checked
      // at the larger scale alone.
      std::vector<cv::Mat> others{framed(p.ink, f * kAlternativeLookScale)};
      if (!conditions.crisp) others.push_back(framed(stroke_cores(p.ink), f));
      for (const cv::Mat& img : others) {
        const NumberLook other = look_at(img, cands);
        if (!other.text.empty() && other.text != best && fits_ink(other.text))
          conf = std::min(conf, kLooksDisagreeConfidence);
      }
    } else {
      // Unsure: looks at another scale, at the strokes' cores and sharpened;
      // the reading that fits the ink and most looks agree on wins.
      std::vector<NumberLook> looks{first};
      looks.push_back(look_at(framed(p.ink, f * (f >= 1.2 ? 0.6 : 1.6)), cands));
      if (!(conditions.crisp && first.text.empty() && looks.back().text.empty())) {
        looks.push_back(look_at(framed(stroke_cores(p.ink), f), cands));
        looks.push_back(look_at(sharpened(at_f), cands));
      }
      for (auto& l : looks) l.fits_ink = fits_ink(l.text);
      const NumberLook chosen = agreed_reading(looks, kLooksDisagreeConfidence);
      best = chosen.text;
      conf = chosen.conf;
    }
    if (!best.empty() && !fits_ink(best)) conf = std::min(conf, kCountMismatchConfidence);
    r.text = best;
    r.confidence = best.empty() ? 0 : conf;
    std::vector<Alternative> alts;
    // An alternative whose digit count is not the ink's is as doubtful as such a best reading.
    for (const auto& [t, c] : cands)
      alts.push_back({t, t == best ? conf : fits_ink(t) ? c : std::min(c, kCountMismatchConfidence)});
    std::stable_sort(alts.begin(), alts.end(), [&](const Alternative& a, const Alternative& b) {
      if ((a.text == best) != (b.text == best)) return a.text == best;
      return a.confidence > b.confidence;
    });
    if ((int)alts.size() > opt.max_alternatives) alts.resize(std::max(1, opt.max_alternatives));
    r.alternatives = std::move(alts);
    return r;
  }
};

CellReader::CellReader(const OcrOptions& options) : impl_(std::make_unique<Impl>(options)) {}
CellReader::~CellReader() = default;

void CellReader::set_page(const cv::Mat& grey, const PageConditions& conditions) {
  if (!grey.empty() && grey.type() != CV_8UC1)
    throw std::invalid_argument("CellReader::set_page: the page must be CV_8UC1 (grey)");
  impl_->page = grey;
  impl_->conditions = conditions;
}

Reading CellReader::read(const cv::Rect& cell, CellKind kind) { return impl_->read(cell, kind); }

}  // namespace gongkai::ocr
