#!/usr/bin/env bash
# Scan accuracy and speed on print-and-scan copies made fresh from PDFs with
# known values, and the same copies through OCRmyPDF + pdftotext -layout +
# gongkai's text reader, measured in the same run for comparison.
#   tools/eval_scan.sh SEED PDF...    (each PDF next to NAME.expected.json)
# Needs build/scanify and build/gongkai; the comparison needs ocrmypdf (apt);
# SKIP_OCRMYPDF=1 leaves it out (quicker, for iterating).
set -euo pipefail
cd "$(dirname "$0")/.."
GONGKAI=${GONGKAI:-build/gongkai}  # another build to compare with, e.g. the one before a change
SEED=$1
shift
WORK=$(mktemp -d /tmp/eval_scan.XXXX)
mkdir -p "$WORK/scan" "$WORK/ours" "$WORK/ocrmypdf" "$WORK/expected"
i=0
ours_ms=0
theirs_ms=0
pages_total=0
for pdf in "$@"; do
  name=$(basename "$pdf" .pdf)
  cp "${pdf%.pdf}.expected.json" "$WORK/expected/$name.expected.json"
  # 200–300 dpi, angle, noise from the seed: a different scan every time.
  dpi=$(( 200 + (SEED * 37 + i * 53) % 101 ))
  build/scanify "$pdf" "$WORK/scan/$name.pdf" --seed $((SEED * 1000 + i)) --dpi "$dpi" -q
  pages=$(pdfinfo "$WORK/scan/$name.pdf" | awk '/^Pages:/ {print $2}')
  pages_total=$((pages_total + pages))
  s=$(date +%s%N)
  "$GONGKAI" extract "$WORK/scan/$name.pdf" > "$WORK/ours/$name.json" 2> "$WORK/ours/$name.err" || true
  e=$(date +%s%N)
  ours_ms=$((ours_ms + (e - s) / 1000000))
  echo "$name: $pages pages at $dpi dpi, gongkai $(( (e - s) / 1000000 )) ms" >&2
  if [ -z "${SKIP_OCRMYPDF:-}" ] && command -v ocrmypdf > /dev/null; then
    s=$(date +%s%N)
    ocrmypdf -q -l chi_sim "$WORK/scan/$name.pdf" "$WORK/ocrmypdf/$name.ocr.pdf" 2> /dev/null || true
    pdftotext -layout "$WORK/ocrmypdf/$name.ocr.pdf" "$WORK/ocrmypdf/$name.txt" 2> /dev/null || true
    e=$(date +%s%N)
    theirs_ms=$((theirs_ms + (e - s) / 1000000))
    build/gongkai extract "$WORK/ocrmypdf/$name.txt" > "$WORK/ocrmypdf/$name.json" 2> /dev/null || true
  fi
  i=$((i + 1))
done
echo "== gongkai (scan reader): $i reports, $pages_total pages, $ours_ms ms total ($((ours_ms / pages_total)) ms/page)"
"$GONGKAI" score "$WORK/expected" "$WORK/ours" | tail -1
if [ -z "${SKIP_OCRMYPDF:-}" ] && command -v ocrmypdf > /dev/null; then
  echo "== OCRmyPDF -l chi_sim + pdftotext -layout + gongkai text reader: $theirs_ms ms OCR ($((theirs_ms / pages_total)) ms/page)"
  build/gongkai score "$WORK/expected" "$WORK/ocrmypdf" | tail -1
fi
echo "work files: $WORK"
