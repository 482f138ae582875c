#!/usr/bin/env bash
# Scan reader benchmark: end-to-end CLI wall time on a scanned PDF (both
# cores, as the reader uses them), per page and per table cell, and peak memory.
#   tools/bench_scan.sh [RUNS] [SCANNED.pdf]   (default: 5 runs of the 3-page test scan)
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS=${1:-5}
PDF=${2:-tests/data/scans/huaian-city-2024-p3-5.scan.pdf}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
pages=$(pdfinfo "$PDF" | awk '/^Pages:/ {print $2}')
for i in $(seq "$RUNS"); do
  /usr/bin/time -f "%e %M" build/gongkai extract "$PDF" > "$TMP/out.json" 2> "$TMP/time.txt"
  tail -1 "$TMP/time.txt"
done > "$TMP/runs.txt"
cells=$(python3 -c "import json; r=json.load(open('$TMP/out.json')); print(len(r['cells']))")
sort -n "$TMP/runs.txt" | awk -v p="$pages" -v c="$cells" '{t[NR]=$1; if ($2>m) m=$2} END {
  med=t[int((NR+1)/2)];
  printf "%s: %d pages, %d table cells; median %.2f s wall (%.2f s/page, %.1f ms/cell), min %.2f s, max %.2f s, peak RSS %.0f MB (n=%d)\n",
    FILENAME, p, c, med, med/p, 1000*med/c, t[1], t[NR], m/1024, NR }' FILENAME="$(basename "$PDF")"
