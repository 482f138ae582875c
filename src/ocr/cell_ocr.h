// OCR of single table cells in a scanned page image, with Tesseract 5 (LSTM).
//
// The scan reader finds the grid of a table in the page image and asks this
// layer for the text of one cell at a time, saying what the cell should hold:
//
//   kind      model          page segmentation   for
//   Number    eng            7 (one text line)   counts and amounts: 3001, 96171.6, -3
//                                                (whitelist "0123456789.-")
//   Label     chi_sim        6 (one text block)  row and column headings, wrapped or not
//   Vertical  chi_sim        7 (one text line)   tall narrow headings written one
//                                                character per line (三、本年度办理结果),
//                                                restacked into one horizontal line
//
// Why eng for numbers: Debian's chi_sim misreads digits (3985758 -> 3983738,
// 11 -> ll); eng restricted to digits does not.
// Vertical cells: the characters are cut apart (rows of ink, grouped to about
// one character size) and laid side by side, and that line is read like a
// label. Measured on the real 三、本年度办理结果 cell (300 dpi render, the
// same scaled to 200 dpi, the 200 dpi scan, the scan scaled to 150 dpi), edit
// distance to the truth:
//   restacked, chi_sim psm 7        0 1 0 0   (二 for 三 once)
//   chi_sim_vert psm 5              1 3 2 2   (三本年度办理结果. : 、 lost)
//   chi_sim psm 6 on the cell       2 2 2 2   (本年度办理结果: 三 lost)
// (VerticalMethod; a test keeps the comparison.) chi_sim_vert is therefore
// loaded only when VerticalMethod::VerticalModel is asked for.
//
// What happens to a cell before Tesseract sees it (clipped, inset, ink
// separated from paper, ruling-line remnants and specks dropped, dashes and
// slashes told from their shape, the ink cut out, scaled and framed): see
// cell_image.h, which says why each step is done the way it is.
//
// Numbers: the confidence is the lowest per-symbol confidence (a single
// doubtful digit is what matters for a number, and the mean hides it). It is
// not a guarantee: a digit that really looks like another one is misread with
// confidence 0.97-0.99 (1288 with a rubbed 8 -> 1283 at 0.99), so the table's
// sums stay the real check. Alternatives are full strings: the best reading,
// then every single-symbol substitution from Tesseract's LSTM choices
// (lstm_choice_mode=2; confidence of a string = min(that choice's
// probability, the other symbols' confidences)), and, when the confidence is
// below `OcrOptions::reread_below` (or the digit count is not the ink's), the
// readings of three more looks: at 1.6x (or 0.6x) the scale, at the strokes'
// cores (their pale rim dropped: cell_image.h, stroke_cores) and sharpened;
// the reading that fits the ink and most looks read wins (one look's reading
// alone needs 0.98: number_looks.h). A sure reading
// under 0.95, or with another reading of probability 0.5 or more, gets two
// more looks (1.3x the scale, the strokes' cores) and keeps its text. Looks
// that read different numbers, both fitting the ink, leave the reading
// doubtful (confidence 0.5: a light photo's 2776 read 2716 at 0.99 had no
// other warning; a curled photo's faint 3001 read 2001 at 0.94). On light
// serif digits ~14 px high (淮安市 2024, photoify copies with every effect,
// flat and curled, seeds 12, 41, 81, 91: 720 number cells) these looks took
// the cells read right and trusted from 662 to 700 and the trusted misreads
// from 6 to 3; on the 2884 number cells of the other reports' copies from
// 2863 to 2884, none wrong before or after. An
// alternative whose digit count is not the ink's has at most 0.5, as such a
// best reading has. Misreads seen so far had
// the truth among the alternatives (1283: 1288 at 0.29; 3004: 3001 at 0.76;
// 109: 105 at 0.68). Insertions and deletions are not offered (8835 for 883
// would need one); the second look only catches them when it reads
// differently. The re-read cut errors on 600 blurred, noisy synthetic numbers
// from 28 to 19.
// Labels: the confidence is Tesseract's mean word confidence / 100; no
// alternatives (labels are matched fuzzily downstream). A label cell keeps
// the pale ink joined to its strokes (a Song face's thin horizontals on a
// light photo); read under 0.5 so, it gets a second look without it.
//
// Threads: a CellReader is not thread safe; use one per thread (CellOcrPool
// does). OpenMP inside Tesseract is switched off (see tesseract_threads.cpp):
// on cells this small it makes recognition several times slower; parallelism
// comes from reading several cells at once instead.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <opencv2/core.hpp>

#include "ocr/models.h"             // resolve_tessdata
#include "ocr/tesseract_threads.h"  // serialise_openmp_in_this_thread

namespace gongkai::ocr {

enum class CellKind {
  Label,     // horizontal Chinese text, one or more lines
  Number,    // a count or an amount, or "-" / "/" for "none"
  Vertical,  // Chinese text written one character per line
};

struct Alternative {
  std::string text;
  double confidence = 0;  // 0..1, same scale as Reading::confidence
};

struct Reading {
  // UTF-8. Number: digits, at most one '.', an optional leading '-'; or "-" or
  // "/" alone. Label/Vertical: the text with line breaks and the spaces
  // between Han characters removed (a space is kept only between two ASCII
  // letters or digits), as chi_sim prints it otherwise: full-width brackets
  // and colons usually come out ASCII "(" ")" ":" (NFKC downstream does the
  // same), now and then as 〈 or ;. A backslash, chi_sim's reading of a raised
  // 、, is turned back into 、. "" when the cell is empty or nothing could
  // be read.
  std::string text;
  // 0..1. Number: the lowest confidence of any symbol. Label/Vertical:
  // Tesseract's mean word confidence / 100. An empty cell has 1.
  double confidence = 0;
  // Number cells only: distinct readings, best first, at most
  // OcrOptions::max_alternatives. When non-empty the first is `text`. Empty
  // for Label/Vertical cells and for empty cells.
  std::vector<Alternative> alternatives;
  // True when the cell holds no ink once ruling-line remnants and specks are
  // removed. `text` is then "".
  bool empty_cell = false;
  // Number cells read with PageConditions::first_look_only: the one look
  // taken was not sure, and the cell's full reading would take more.
  bool more_looks_wanted = false;
};

enum class VerticalMethod {
  Restack,        // characters cut apart and laid in one line, chi_sim psm 7;
                  // a cell that is not one column of characters: as Block
  VerticalModel,  // chi_sim_vert psm 5 on the cell as it is
  Block,          // chi_sim psm 6 on the cell as it is
};

struct OcrOptions {
  // Directory holding eng.traineddata and chi_sim.traineddata (and
  // chi_sim_vert.traineddata for VerticalMethod::VerticalModel). "" means:
  // $TESSDATA_PREFIX (the directory itself or its tessdata/ subdirectory),
  // then the Debian default /usr/share/tesseract-ocr/5/tessdata. A directory
  // given here (the CLI's --tessdata) is the only place looked at.
  std::string tessdata;
  // Worker threads of CellOcrPool (each with its own CellReader and models:
  // ~0.3 s to load; a process holding one reader and a 300 dpi page peaks at
  // ~130 MB). At least 1.
  int threads = 2;
  // Number cells whose confidence is below this are re-read at another scale
  // and the readings merged. 0 never re-reads.
  double reread_below = 0.90;
  // At most this many alternatives per number cell (>= 1).
  int max_alternatives = 5;
  // Height in pixels the text of a cell is scaled to before recognition:
  // digits of number cells, Han characters of label and vertical cells.
  // Measured: the 94 real number cells in four versions (300 dpi render, it
  // scaled to 200 dpi, the 200 dpi scan, it scaled to 150 dpi) read all or
  // all but one (the dusty 3001) at any height from 20 to 40; 300 synthetic
  // numbers (Hershey fonts, 15-35 px) had 2, 0, 1, 1, 12, 13, 19 errors at
  // 16, 20, 24, 28, 32, 36, 40 px, and ~14 at every height once blurred and
  // noisy. Labels: best at 24 (300 dpi text, ~30 px, is then scaled down a
  // little), by one or two cells of 29.
  int number_text_px = 24;
  int label_text_px = 24;
  // How Vertical cells are read (see above).
  VerticalMethod vertical = VerticalMethod::Restack;
};

// What the reader is told of the page its cells lie on.
struct PageConditions {
  // A crisp page: a clean scan, not a photo (the scan reader's test:
  // scan_page.h). Issue 12's extra looks at numbers were measured to catch
  // misreads on photographed pages under 200 dpi and under seals only; on
  // clean scans they changed no cell (eval_scan seeds 71, 72) and added 30 %
  // digit reads. On a crisp page a sure reading is not checked unless it has
  // a strong alternative (then once, at the larger scale), and a cell that
  // two looks read nothing in holds no digits (words one row high: 26 cells of
  // a 6-page report, each given four looks) and is not looked at further.
  // Not crisp (the default): every look.
  bool crisp = false;
  // A number cell is given one look, however unsure it leaves the reading
  // (Reading::more_looks_wanted). The scan reader's first pass on a crisp
  // page, which reads column headings and row labels as numbers to find the
  // value columns: the cells that prove to hold values are then read fully.
  bool first_look_only = false;
};

// Reads the cells of one page. Holds one initialised Tesseract engine per
// model, created in the constructor and reused for every cell and page.
class CellReader {
 public:
  // Throws std::runtime_error when a model file is missing or cannot be
  // loaded; the message names the file and every place looked at.
  explicit CellReader(const OcrOptions& options = {});
  ~CellReader();
  CellReader(const CellReader&) = delete;
  CellReader& operator=(const CellReader&) = delete;

  // The page the following read() calls refer to: CV_8UC1, dark text on light
  // paper (otherwise std::invalid_argument). Not copied: `grey`'s pixels must
  // stay alive and unchanged until the next set_page (a cv::Mat that owns its
  // data is kept alive by the reference this takes).
  void set_page(const cv::Mat& grey, const PageConditions& conditions = {});

  // The cell `cell` (page pixel coordinates, as drawn by its ruling lines or
  // inside them) read as `kind`. A rectangle outside the page gives an empty
  // cell. Throws std::logic_error when no page was set.
  Reading read(const cv::Rect& cell, CellKind kind);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// Reads many cells of a page on OcrOptions::threads threads. Each worker
// thread creates its own CellReader once (in the pool's constructor, which
// throws like CellReader's if a model is missing) and keeps it for the pool's
// lifetime, so the models load once however many pages are read.
// read_page is not reentrant: call it from one thread at a time.
class CellOcrPool {
 public:
  explicit CellOcrPool(const OcrOptions& options = {});
  ~CellOcrPool();
  CellOcrPool(const CellOcrPool&) = delete;
  CellOcrPool& operator=(const CellOcrPool&) = delete;

  // One reading per cell, in the order of `cells`. Exceptions thrown while
  // reading a cell are rethrown here (the first one).
  std::vector<Reading> read_page(const cv::Mat& grey,
                                 const std::vector<std::pair<cv::Rect, CellKind>>& cells,
                                 const PageConditions& conditions = {});

  int threads() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gongkai::ocr
