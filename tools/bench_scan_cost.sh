#!/usr/bin/env bash
# Scan cost benchmark: CPU time (user+sys, robust when other work shares the
# machine) and wall time per scanned page, the CPU-to-wall ratio (how well
# one report keeps the cores busy: needs a quiet machine) and peak memory.
#   tools/bench_scan_cost.sh [RUNS] [SCANNED.pdf ...]
# Defaults: 5 runs; the 3-page test scan (200 dpi), a 6-page scan of
# samples/huaian-city-2024.pdf and a 5-page scan of
# samples/huaian-hongze-district-2024.pdf made here with build/scanify (seed 7,
# 300 dpi). The first 300 dpi report has small digits (15 px at 200 dpi: its
# table pages are read at 300), the second does not (28 px: read at 200).
# Prints, per scan:
#   single  one `gongkai extract` process per run: models loaded, then the
#           report read (what one report costs alone);
#   steady  the archive runner (`extract -j1 --db`) over 1 copy and over 1+K
#           copies of the scan (K=4, each copy's bytes made distinct): the
#           difference per page is the cost of a page once the worker holds
#           its engines; what the first copy costs beyond a later one is the
#           model load and the worker's start;
#   calls   Tesseract recognitions per page of one `extract` (chi_sim: label
#           cells and running text; eng: number cells), counted by
#           tools/recognize_counter.cpp preloaded (built here with c++; the
#           line is left out when that cannot be built).
# Every figure is the median of RUNS runs. Set GONGKAI to bench another build.
set -euo pipefail
cd "$(dirname "$0")/.."
GONGKAI=${GONGKAI:-build/gongkai}
RUNS=${1:-5}
shift || true
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
if [ $# -eq 0 ]; then
  build/scanify samples/huaian-city-2024.pdf "$TMP/huaian-city-2024-6p.scan.pdf" --seed 7 --dpi 300 -q
  build/scanify samples/huaian-hongze-district-2024.pdf "$TMP/huaian-hongze-district-2024-5p.scan.pdf" --seed 7 --dpi 300 -q
  set -- tests/data/scans/huaian-city-2024-p3-5.scan.pdf "$TMP/huaian-city-2024-6p.scan.pdf" \
    "$TMP/huaian-hongze-district-2024-5p.scan.pdf"
fi
K=4
COUNTER=""
c++ -shared -fPIC -O1 -o "$TMP/recognize_counter.so" tools/recognize_counter.cpp -ltesseract -ldl 2> /dev/null &&
  COUNTER="$TMP/recognize_counter.so"
median() { sort -g | awk '{v[NR]=$1} END {print (NR % 2) ? v[(NR+1)/2] : (v[NR/2]+v[NR/2+1])/2}'; }
# Runs "$@" once under /usr/bin/time; appends "wall cpu rss_kb" to $TMP/t.
timed() { /usr/bin/time -f "%e %U %S %M" -o "$TMP/one" "$@" > /dev/null 2> "$TMP/err" || { cat "$TMP/err" >&2; exit 1; }
          awk '{printf "%s %.3f %s\n", $1, $2 + $3, $4}' "$TMP/one" >> "$TMP/t"; }
col() { awk -v c="$1" '{print $c}' "$TMP/t" | median; }

for pdf in "$@"; do
  name=$(basename "$pdf" .pdf)
  pages=$(pdfinfo "$pdf" | awk '/^Pages:/ {print $2}')
  : > "$TMP/t"
  for _ in $(seq "$RUNS"); do timed "$GONGKAI" extract "$pdf"; done
  wall=$(col 1) cpu=$(col 2) rss=$(col 3)
  printf "%s: %d pages\n" "$name" "$pages"
  printf "  single  %.2f CPU s (%.2f CPU s/page), %.2f s wall (%.2f s/page), CPU/wall %.2f, peak RSS %.0f MB\n" \
    "$cpu" "$(echo "$cpu / $pages" | bc -l)" "$wall" \
    "$(echo "$wall / $pages" | bc -l)" "$(echo "$cpu / $wall" | bc -l)" "$(echo "$rss / 1024" | bc -l)"
  # Copies whose bytes differ (a comment after %%EOF), so the store reads each.
  rm -rf "$TMP/copies" && mkdir -p "$TMP/copies"
  for c in $(seq 0 "$K"); do cp "$pdf" "$TMP/copies/c$c.pdf" && printf '%% copy %d\n' "$c" >> "$TMP/copies/c$c.pdf"; done
  : > "$TMP/t"
  for _ in $(seq "$RUNS"); do rm -f "$TMP/db"; timed "$GONGKAI" extract -j1 -q --db "$TMP/db" "$TMP/copies/c0.pdf"; done
  one=$(col 2)
  : > "$TMP/t"
  for _ in $(seq "$RUNS"); do rm -f "$TMP/db"; timed "$GONGKAI" extract -j1 -q --db "$TMP/db" "$TMP"/copies/c*.pdf; done
  many=$(col 2) many_wall=$(col 1) many_rss=$(col 3)
  printf "  steady  %.2f CPU s/page with the engines loaded; model load + worker start %.2f CPU s (archive runner -j1: 1 copy %.2f CPU s, %d copies %.2f CPU s, %.2f s wall, peak RSS %.0f MB)\n" \
    "$(echo "($many - $one) / ($K * $pages)" | bc -l)" "$(echo "$one - ($many - $one) / $K" | bc -l)" "$one" "$((K + 1))" "$many" \
    "$many_wall" "$(echo "$many_rss / 1024" | bc -l)"
  if [ -n "$COUNTER" ]; then
    rm -f "$TMP"/calls.*
    GK_RECOGNIZE_COUNTS="$TMP/calls" LD_PRELOAD="$COUNTER" "$GONGKAI" extract "$pdf" > /dev/null 2>&1 || true
    cat "$TMP"/calls.* 2> /dev/null | awk -v p="$pages" '{c += $1; e += $2; cm += $4; em += $5} END {
      printf "  calls   %.1f chi_sim + %.1f eng recognitions per page (%d + %d), taking %.2f + %.2f CPU s/page (%.1f + %.1f ms each)\n",
        c / p, e / p, c, e, cm / 1000 / p, em / 1000 / p, c ? cm / c : 0, e ? em / e : 0 }'
  fi
done
echo "(median of $RUNS runs each; load average now: $(cut -d' ' -f1-3 /proc/loadavg))"
