#!/usr/bin/env bash
# PDFs from other producers (issue 11), measured afresh:
#  1. outlined copies (Ghostscript -dNoOutputFonts) of fresh generated PDFs and of
#     samples/*.pdf: cells against the original's record and the expected file, whether
#     meta and tables are the same record, and the time per page (read through OCR);
#  2. Chromium prints of samples/*.html and of generated HTML pages with empty cells:
#     cells against the HTML's own record;
#  3. the PDFs that must not regress: samples/*.pdf and tests/data/generated-pdf.
#   tools/eval_producers.sh SEED [COUNT_PDF] [COUNT_HTML]    (defaults 6 and 6)
# Needs chromium, gs, qpdf; step 1's fresh PDFs need LibreOffice Writer
# (libreoffice-writer-nogui) and are left out, saying so, without it. CPU-heavy:
# run under nice on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=${1:?usage: tools/eval_producers.sh SEED [COUNT_PDF] [COUNT_HTML]}
NPDF=${2:-6}
NHTML=${3:-6}
GK=build/gongkai
W=$(mktemp -d /tmp/eval_producers.XXXX)
trap 'rm -rf "$W"' EXIT
mkdir -p "$W"/{gen,orig,outl,exp,prints,ref,read}

same_record() {  # NAME A.json B.json: meta and tables equal?
  if diff <(jq -S '{meta,tables}' "$2") <(jq -S '{meta,tables}' "$3") > /dev/null; then echo "$1: same record"
  else echo "$1: records differ:"; diff <(jq -S '{meta,tables}' "$2") <(jq -S '{meta,tables}' "$3") | head -6 || true; fi
}
timed() {  # PDF OUT.json: extract, print seconds per page
  local s e p
  s=$(date +%s%N); $GK extract "$1" > "$2"; e=$(date +%s%N)
  p=$(pdfinfo "$1" | awk '/^Pages:/ {print $2}')
  echo "$(basename "$1"): $p pages, $(( (e - s) / 1000000 / p )) ms per page" >> "$W/times.txt"
}

echo "== 1. outlined copies"
pdfs=(samples/*.pdf)
if /usr/bin/python3 tools/gen_pdf_corpus.py --out "$W/gen" --count "$NPDF" --seed "$SEED" > /dev/null 2>&1; then
  pdfs+=("$W"/gen/*.pdf)
else
  echo "(no fresh generated PDFs: tools/gen_pdf_corpus.py failed — is libreoffice-writer-nogui installed?)"
fi
for pdf in "${pdfs[@]}"; do
  n=$(basename "$pdf" .pdf)
  cp "${pdf%.pdf}.expected.json" "$W/exp/$n.expected.json"
  $GK extract "$pdf" > "$W/orig/$n.expected.json"
  gs -q -dBATCH -dNOPAUSE -dSAFER -sDEVICE=pdfwrite -dNoOutputFonts -sOutputFile="$W/outl/$n.pdf" "$pdf"
  timed "$W/outl/$n.pdf" "$W/outl/$n.json"
  same_record "$n" "$W/orig/$n.expected.json" "$W/outl/$n.json"
done
echo "-- outlined copy against the original's record"
$GK score "$W/orig" "$W/outl" | grep -v '^ '
echo "-- outlined copy against the expected file"
$GK score "$W/exp" "$W/outl" | tail -1
echo "-- time per page (OCR)"
cat "$W/times.txt"

echo "== 2. browser prints against the HTML's record"
/usr/bin/python3 tools/make_producer_pdfs.py --out "$W/prints" --count "$NHTML" --seed "$SEED" \
  --html samples/*.html --producers browser > /dev/null
for html in "$W"/prints/*.html samples/*.html; do
  n=$(basename "$html" .html)
  $GK extract "$html" > "$W/ref/$n.expected.json"
  $GK extract "$W/prints/$n.browser.pdf" > "$W/read/$n.json"
done
$GK score -v "$W/ref" "$W/read" | grep -v '^  MISSING'
echo "-- the generated HTML's own record against the generator's values (empty cells null)"
mkdir -p "$W/genexp" "$W/htmlrec"
for f in "$W"/prints/*.expected.json; do
  n=$(basename "$f" .expected.json)
  cp "$f" "$W/genexp/"
  cp "$W/ref/$n.expected.json" "$W/htmlrec/$n.json"
done
$GK score "$W/genexp" "$W/htmlrec" | tail -1

echo "== 3. no regression: samples/*.pdf and tests/data/generated-pdf"
mkdir -p "$W/regexp" "$W/reg"
for pdf in samples/*.pdf tests/data/generated-pdf/*.pdf; do
  n=$(basename "$pdf" .pdf)
  cp "${pdf%.pdf}.expected.json" "$W/regexp/"
  $GK extract "$pdf" > "$W/reg/$n.json"
done
$GK score "$W/regexp" "$W/reg" | tail -1
