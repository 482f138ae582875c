#!/usr/bin/env bash
# PDF reader benchmark: end-to-end CLI time per report on one core (median and
# p90 over repeated runs), and peak memory on a 300-page PDF.
#   tools/bench_pdf.sh [RUNS] [PDF...]     (default: 30 runs of samples/*.pdf)
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=build/gongkai
RUNS=${1:-30}
shift || true
PDFS=("$@")
[ ${#PDFS[@]} -gt 0 ] || PDFS=(samples/*.pdf)
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

stats() {  # prints median and p90 of the numbers on stdin (ms)
  sort -n | awk '{a[NR]=$1} END {m=a[int((NR+1)/2)]; p=a[int(NR*0.9+0.5)]; printf "median %.1f ms  p90 %.1f ms  (n=%d)\n", m, p, NR}'
}

echo "== end to end, one core (taskset -c 0): gongkai extract FILE > /dev/null"
for f in "${PDFS[@]}"; do
  pages=$(pdfinfo "$f" 2>/dev/null | awk '/^Pages:/ {print $2}')
  for i in $(seq "$RUNS"); do
    s=$(date +%s%N)
    taskset -c 0 "$BIN" extract "$f" > /dev/null
    e=$(date +%s%N)
    echo $(( (e - s) / 1000 ))
  done | awk '{printf "%.3f\n", $1/1000}' | stats | sed "s|^|$(basename "$f") (${pages} pages): |"
done

echo "== 300-page PDF (pdfunite of ${PDFS[0]} repeated), peak memory"
n=$(pdfinfo "${PDFS[0]}" | awk '/^Pages:/ {print $2}')
copies=$(( (300 + n - 1) / n ))
args=()
for i in $(seq "$copies"); do args+=("${PDFS[0]}"); done
pdfunite "${args[@]}" "$TMP/big.pdf"
pages=$(pdfinfo "$TMP/big.pdf" | awk '/^Pages:/ {print $2}')
/usr/bin/time -f "%e s wall, %M KB peak RSS" taskset -c 0 "$BIN" extract "$TMP/big.pdf" > /dev/null 2> "$TMP/time.txt" || true
echo "$pages pages: $(tail -1 "$TMP/time.txt")"
