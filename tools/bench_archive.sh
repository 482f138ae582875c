#!/usr/bin/env bash
# Archive benchmarks (issue 14); prints figures, asserts nothing. Run under
# nice on a shared machine and quote the load printed with each figure.
#   tools/bench_archive.sh kinds            throughput by kind, -j1 against -j2, without and with a store
#                                           (KINDS="text pdf" for some kinds only)
#   tools/bench_archive.sh startup          in-process cost per report against process start-up
#   tools/bench_archive.sh scale ARCHIVE N...  time and memory on the first N inputs of an
#                                           archive from tools/gen_archive.sh, then an
#                                           incremental rerun with 10 new reports
# Wall time depends on the machine's load; CPU seconds (user+sys of gongkai and
# its workers) do much less, so both are printed.
set -euo pipefail
cd "$(dirname "$0")/.."
G=$PWD/build/gongkai
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
load() { cut -d' ' -f1 /proc/loadavg; }
calc() { awk "BEGIN {printf \"%.3f\", $*}"; }

# run LABEL ARGS...: one timed run; prints wall, CPU and the store's count.
run() {
  local label=$1; shift
  /usr/bin/time -f "%e %U %S %M" -o "$TMP/time" "$G" extract -q "$@" > /dev/null 2> "$TMP/err" || true
  read -r wall user sys peak < "$TMP/time"
  echo "$label $wall $(calc "$user + $sys")"
}

# distinct COUNT SRC DIR: COUNT distinct copies of the PDF SRC (a comment appended).
distinct() {
  mkdir -p "$3"
  for ((i = 0; i < $1; i++)); do { cat "$2"; printf '\n%% copy %d\n' "$i"; } > "$3/$i.pdf"; done
}

# median_run ARGS...: the median wall and CPU of 3 runs (a fresh store each
# time when ARGS hold --db, so that nothing is skipped).
median_run() {
  for i in 1 2 3; do rm -f "$TMP/k.sqlite"*; run x "$@"; done | sort -k2 -n | sed -n 2p | cut -d' ' -f2-
}

kinds() {
  /usr/bin/python3 tools/gen_text_corpus.py --out "$TMP/text" --count 300 --seed 7 --styles tsv,lines,markdown >/dev/null
  /usr/bin/python3 tools/gen_text_corpus.py --out "$TMP/html" --count 300 --seed 8 --styles html >/dev/null
  mkdir -p "$TMP/pdf"
  for f in samples/*.pdf tests/data/generated-pdf/*.pdf; do distinct 12 "$f" "$TMP/pdf/$(basename "$f" .pdf)"; done
  distinct 4 tests/data/scans/huaian-city-2024-p3-5.scan.pdf "$TMP/scan"
  echo "medians of 3; wall and CPU (user+sys of gongkai and its workers) in seconds"
  printf "%-6s %6s %-8s %9s %9s %9s %9s %8s %s\n" kind inputs store "j1 wall" "j1 CPU" "j2 wall" "j2 CPU" "j2/j1" "load before"
  for kind in ${KINDS:-text html pdf scan}; do
    n=$(find "$TMP/$kind" -type f ! -name '*.json' | wc -l)
    for store in none sqlite; do
      db=(); [ "$store" = sqlite ] && db=(--db "$TMP/k.sqlite")
      l=$(load)
      read -r w1 c1 < <(median_run "${db[@]}" -j 1 "$TMP/$kind")
      read -r w2 c2 < <(median_run "${db[@]}" -j 2 "$TMP/$kind")
      printf "%-6s %6d %-8s %8.2fs %8.2fs %8.2fs %8.2fs %7.2fx %s\n" "$kind" "$n" "$store" "$w1" "$c1" "$w2" "$c2" \
        "$(calc "$w1 / $w2")" "$l"
    done
    echo "       $(calc "1000 * $c1 / $n" | xargs printf '%.1f') CPU ms per report (-j1, with the store)"
  done
}

startup() {
  /usr/bin/python3 tools/gen_text_corpus.py --out "$TMP/one" --count 20 --seed 9 --styles tsv >/dev/null
  f=$(ls "$TMP"/one/*.txt | head -1)
  echo "load $(load)"
  echo "in-process, per report (build/bench_text, 20 reports):"
  build/bench_text "$TMP"/one/*.txt --repeat 5 | tail -3
  for i in $(seq 21); do /usr/bin/time -f "%e" "$G" --version 2>&1 >/dev/null | tail -1; done | sort -n |
    awk '{t[NR]=$1} END {printf "process start-up (gongkai --version): median %.1f ms (n=%d)\n", 1000*t[int((NR+1)/2)], NR}'
  for i in $(seq 11); do /usr/bin/time -f "%e" "$G" extract "$f" 2>&1 >/dev/null | tail -1; done | sort -n |
    awk '{t[NR]=$1} END {printf "one report by the CLI (start-up, one worker, extraction): median %.1f ms (n=%d)\n", 1000*t[int((NR+1)/2)], NR}'
}

# The largest resident memory of the supervisor and of any worker while PID runs.
sample_rss() {
  local pid=$1 parent=0 worker=0
  while kill -0 "$pid" 2>/dev/null; do
    p=$(awk '/VmRSS/ {print $2}' "/proc/$pid/status" 2>/dev/null || echo 0)
    ((p > parent)) && parent=$p
    for c in $(pgrep -P "$pid" 2>/dev/null); do
      w=$(awk '/VmRSS/ {print $2}' "/proc/$c/status" 2>/dev/null || echo 0)
      ((w > worker)) && worker=$w
    done
    sleep 0.5
  done
  echo "$((parent / 1024)) $((worker / 1024))"
}

scale() {
  local archive=$1; shift
  # Every input of the archive in a fixed interleaved order: the first N hold
  # small reports and PDFs in the archive's proportion.
  find "$archive/small" -type f ! -name '*.json' | sort > "$TMP/small"
  find "$archive/pdf" -type f | sort > "$TMP/pdf"
  /usr/bin/python3 - "$TMP/small" "$TMP/pdf" > "$TMP/all" <<'PY'
import sys
small = open(sys.argv[1]).read().split(); pdf = open(sys.argv[2]).read().split()
step = max(1, len(small) // max(1, len(pdf)))
out = []
for i, s in enumerate(small):
    out.append(s)
    if i % step == step - 1 and pdf: out.append(pdf.pop(0))
out += pdf
print("\n".join(out))
PY
  printf "%7s %6s %9s %9s %10s %13s %13s %s\n" inputs pdfs wall CPU "reports/s" "parent RSS" "worker RSS" "load before"
  for n in "$@"; do
    head -n "$n" "$TMP/all" > "$TMP/list"
    rm -f "$TMP/s.sqlite"*
    l=$(load)
    /usr/bin/time -f "%e %U %S" -o "$TMP/time" "$G" extract -j 2 --db "$TMP/s.sqlite" --files-from "$TMP/list" \
      2> "$TMP/run.err" > /dev/null &
    pid=$!
    sleep 0.2
    gk=$(pgrep -P "$pid" -x gongkai || echo "$pid")
    read -r prss wrss < <(sample_rss "$gk")
    wait "$pid" || true
    read -r wall user sys < "$TMP/time"
    printf "%7d %6d %8.1fs %8.1fs %10.1f %10d MB %10d MB %s\n" "$n" "$(grep -c '/pdf/' "$TMP/list")" "$wall" \
      "$(calc "$user + $sys")" "$(calc "$n / $wall")" "$prss" "$wrss" "$l"
    # The batch's own time (its summary) against the cross-year checks of the agencies read, after it.
    echo "        batch $(grep -o '; [0-9.]* s (' "$TMP/run.err" | tr -dc '0-9.') s of the wall;" \
      "$(grep -o 'cross-year checks: .*' "$TMP/run.err")"
  done
  # Incremental: 10 new reports beside the archive's last run.
  /usr/bin/python3 tools/gen_text_corpus.py --out "$TMP/new" --count 10 --seed 424242 --styles tsv,html >/dev/null
  find "$TMP/new" -type f ! -name '*.json' >> "$TMP/list"
  /usr/bin/time -f "%e" -o "$TMP/time" "$G" extract -j 2 --db "$TMP/s.sqlite" --files-from "$TMP/list" 2> "$TMP/err" > /dev/null || true
  echo "incremental rerun with 10 new files: $(cat "$TMP/time") s wall; $(grep 'distinct inputs' "$TMP/err" | sed 's/^gongkai: //')"
}

case "${1:-}" in
  kinds) kinds ;;
  startup) startup ;;
  scale) shift; scale "$@" ;;
  *) sed -n '2,12p' "$0"; exit 2 ;;
esac
