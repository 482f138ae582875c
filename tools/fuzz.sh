#!/usr/bin/env bash
# Builds the libFuzzer harnesses of fuzz/ (clang, -fsanitize=fuzzer,address,
# undefined, the whole project instrumented) in build-fuzz and runs each for
# SECONDS, then prints the executions per harness and in total.
#
#   tools/fuzz.sh SECONDS [-j N] [HARNESS...]     HARNESS: text html pdf image (default: all)
#
#   -j N   run N harnesses at once (default 1; the machine has 2 cores)
#   FUZZ_NO_BUILD=1        skip the configure/build step
#   FUZZ_ARGS="..."        extra libFuzzer flags for every harness
#   GONGKAI_FUZZ_IMAGE_OCR=0  the image harness decodes only (no OCR even for tiny images)
#
# The corpus grows in build-fuzz/corpus/<harness> (seeded from fuzz/corpus/<harness>,
# which stays as committed). Crashes, leaks, time-outs (30 s) and
# out-of-memory inputs (4 GB) are written to build-fuzz/crashes/<harness>/ and
# the script exits 1 when there is any; each harness stops at its first one.
# Slow units (over 10 s) are written there too but do not count as findings.
# Logs: build-fuzz/logs/.
# A crash input is replayed with: build-fuzz/fuzz/fuzz_<harness> FILE
# Not part of CI (fuzzers need clang and time).
set -euo pipefail
cd "$(dirname "$0")/.."

usage() { sed -n '2,/^set -/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 2; }
[ $# -ge 1 ] || usage
SECONDS_EACH=$1; shift
[[ "$SECONDS_EACH" =~ ^[0-9]+$ ]] || usage
PARALLEL=1
HARNESSES=()
while [ $# -gt 0 ]; do
  case "$1" in
    -j) PARALLEL=${2:-}; shift 2 || usage ;;
    -j*) PARALLEL=${1#-j}; shift ;;
    text|html|pdf|image) HARNESSES+=("$1"); shift ;;
    *) usage ;;
  esac
done
[[ "$PARALLEL" =~ ^[1-9][0-9]*$ ]] || usage
[ ${#HARNESSES[@]} -gt 0 ] || HARNESSES=(text html pdf image)

BUILD=build-fuzz
CC=${CC:-clang}
CXX=${CXX:-clang++}

# --- clang and its fuzzer/sanitizer runtimes --------------------------------
missing_clang() {
  echo "fuzz.sh: $1" >&2
  echo "fuzz.sh: install clang and its runtimes (Debian 12):" >&2
  echo "    apt-get install -y clang libclang-rt-14-dev" >&2
  exit 2
}
command -v "$CXX" >/dev/null 2>&1 || missing_clang "$CXX not found"
"$CXX" --version | head -1 | grep -qi clang || missing_clang "$CXX is not clang"
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf '#include <cstdint>\n#include <cstddef>\nextern "C" int LLVMFuzzerTestOneInput(const uint8_t*, size_t) { return 0; }\n' \
  >"$probe/p.cpp"
"$CXX" -fsanitize=fuzzer,address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err" ||
  missing_clang "$CXX cannot link a libFuzzer binary: $(head -3 "$probe/err")"

# --- build --------------------------------------------------------------------
if [ "${FUZZ_NO_BUILD:-0}" != 1 ]; then
  # -O1 -g: line numbers in reports; _GLIBCXX_ASSERTIONS: bounds-checked
  # operator[] and front()/back() on empty containers abort like a crash.
  FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer -D_GLIBCXX_ASSERTIONS"
  CC=$CC CXX=$CXX cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DGONGKAI_FUZZ=ON \
    -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" >/dev/null
  targets=()
  for h in "${HARNESSES[@]}"; do targets+=("fuzz_$h"); done
  cmake --build "$BUILD" -j"$(nproc)" --target "${targets[@]}"
fi

# --- run ------------------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1:symbolize=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
if [ -f tools/lsan.supp ]; then
  export LSAN_OPTIONS=${LSAN_OPTIONS:-suppressions=$PWD/tools/lsan.supp:print_suppressions=0}
fi
mkdir -p "$BUILD/logs" "$BUILD/crashes"
CRASHES=$PWD/$BUILD/crashes

run_one() {
  local h=$1 bin=$BUILD/fuzz/fuzz_$1 dict=()
  local corpus=$BUILD/corpus/$h crashes=$CRASHES/$h
  mkdir -p "$corpus" "$crashes"
  [ -f "fuzz/$h.dict" ] && dict=(-dict="fuzz/$h.dict")
  # Time-outs: 30 s for one input (the slowest seed takes well under 5 s
  # instrumented); 4 GB of memory per harness process.
  # shellcheck disable=SC2086
  "$bin" "$corpus" "fuzz/corpus/$h" "${dict[@]}" \
    -max_total_time="$SECONDS_EACH" -print_final_stats=1 -timeout=30 -rss_limit_mb=4096 \
    -artifact_prefix="$crashes/" ${FUZZ_ARGS:-} >"$BUILD/logs/$h.log" 2>&1 || true
}

echo "fuzz.sh: ${HARNESSES[*]}, $SECONDS_EACH s each, $PARALLEL at a time; logs in $BUILD/logs/"
running=0
for h in "${HARNESSES[@]}"; do
  run_one "$h" &
  running=$((running + 1))
  if [ "$running" -ge "$PARALLEL" ]; then wait -n || true; running=$((running - 1)); fi
done
wait

# --- report -----------------------------------------------------------------------
# crash-*, leak-*, timeout-*, oom-* are findings; slow-unit-* (over 10 s, not a
# time-out) are listed apart: worth a look, but they do not fail the run.
total=0
found=0
printf '%-8s %12s %8s %8s %s\n' harness executions corpus findings slow-units
for h in "${HARNESSES[@]}"; do
  log=$BUILD/logs/$h.log
  n=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || true)
  n=${n:-0}
  total=$((total + n))
  c=$(find "$BUILD/corpus/$h" -type f | wc -l)
  art=$(find "$CRASHES/$h" -type f ! -name 'slow-unit-*' | wc -l)
  slow=$(find "$CRASHES/$h" -type f -name 'slow-unit-*' | wc -l)
  found=$((found + art))
  printf '%-8s %12s %8s %8s %s\n' "$h" "$n" "$c" "$art" "$slow"
  grep -m4 'ERROR: libFuzzer\|ERROR: AddressSanitizer\|runtime error:\|ERROR: LeakSanitizer\|^SUMMARY' "$log" |
    sed 's/^/    /' || true
done
printf '%-8s %12s\n' total "$total"
echo "findings and slow units: $CRASHES/<harness>/ ($found finding(s))"
[ "$found" -eq 0 ]
