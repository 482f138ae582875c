#!/usr/bin/env bash
# Builds the whole project with AddressSanitizer + UndefinedBehaviorSanitizer
# (and LeakSanitizer, part of ASan) in build-asan and runs the ctest suite
# there. Any sanitizer report fails: UB aborts (-fno-sanitize-recover), ASan
# halts on the first error, LeakSanitizer fails a test's process at exit.
#
#   tools/sanitize.sh [CTEST_ARGS...]      e.g. tools/sanitize.sh -R Regression
#
#   SANITIZE_CXX=clang++   compiler (default: g++; clang++ works too)
#   SANITIZE_NO_BUILD=1    skip the configure/build step
#   SANITIZE_CCACHE=0      build without ccache (used when installed; CCACHE_DIR
#                          and CCACHE_BASEDIR come from the environment)
#
# The Python module's test (Python.pytest) runs Debian's uninstrumented
# /usr/bin/python3, which can load the ASan-built module only with the
# sanitizer runtimes preloaded: the build passes them to that test alone
# (GONGKAI_PYTHON_TEST_PRELOAD), with the leak check off in that test (the
# interpreter's own memory at exit is not ours); memory errors and undefined
# behaviour in the module are still caught there.
#
# Leaks inside third-party libraries (Tesseract, Leptonica, …) that are not
# ours to fix are listed, each with the reason, in tools/lsan.supp; leaks in
# gongkai's own code are never suppressed. Log: build-asan/sanitize.log.
# Not part of CI (the sanitized suite takes several times as long).
set -euo pipefail
cd "$(dirname "$0")/.."

BUILD=build-asan
CXX=${SANITIZE_CXX:-g++}
case "$CXX" in
  *clang*) CC=${CXX/clang++/clang}; HINT="apt-get install -y clang libclang-rt-14-dev"
    RUNTIMES="libclang_rt.asan-x86_64.so" ;;  # holds UBSan's handlers too
  *) CC=${CXX/g++/gcc}; HINT="apt-get install -y g++ libasan8 libubsan1"
    RUNTIMES="libasan.so libubsan.so" ;;
esac

# --- the compiler and its sanitizer runtimes ------------------------------------
probe=$(mktemp -d)
trap 'rm -rf "$probe"' EXIT
printf 'int main() { return 0; }\n' >"$probe/p.cpp"
if ! command -v "$CXX" >/dev/null 2>&1 ||
   ! "$CXX" -fsanitize=address,undefined "$probe/p.cpp" -o "$probe/p" 2>"$probe/err"; then
  echo "sanitize.sh: $CXX cannot build with -fsanitize=address,undefined: $(head -3 "$probe/err" 2>/dev/null)" >&2
  echo "sanitize.sh: install the compiler and its sanitizer runtimes (Debian 12):" >&2
  echo "    $HINT" >&2
  exit 2
fi

# --- build ----------------------------------------------------------------------
FLAGS="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
PRELOAD=""
for lib in $RUNTIMES; do
  path=$("$CXX" -print-file-name="$lib")
  [ -e "$path" ] && PRELOAD="$PRELOAD${PRELOAD:+ }$path"
done
LAUNCHER=()
if [ "${SANITIZE_CCACHE:-1}" != 0 ] && command -v ccache >/dev/null 2>&1; then
  LAUNCHER=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
fi
if [ "${SANITIZE_NO_BUILD:-0}" != 1 ]; then
  # -O1 -g1: ASan's advice for speed (-O1), and line tables (-g1) that put a
  # file and line on every frame of a report; full -g only lengthens the
  # build, which on two cores is most of this script's time.
  CC=$CC CXX=$CXX cmake -S . -B "$BUILD" -DCMAKE_BUILD_TYPE=RelWithDebInfo "${LAUNCHER[@]}" \
    -DCMAKE_CXX_FLAGS="$FLAGS" -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g1 -DNDEBUG" \
    -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
    -DGONGKAI_PYTHON_TEST_PRELOAD="$PRELOAD" >/dev/null
  cmake --build "$BUILD" -j"$(nproc)"
fi

# --- test -----------------------------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
LSAN_OPTIONS=${LSAN_OPTIONS:-print_suppressions=0}
[ -f tools/lsan.supp ] && LSAN_OPTIONS="suppressions=$PWD/tools/lsan.supp:$LSAN_OPTIONS"
export LSAN_OPTIONS
LOG=$BUILD/sanitize.log
status=0
ctest --test-dir "$BUILD" -j"$(nproc)" --output-on-failure "$@" >"$LOG" 2>&1 || status=$?
tail -n 25 "$LOG" | sed -n '/tests passed\|tests failed/,$p'

# Reports in the output of a test that passed nonetheless (none should: every
# report stops its process) are a failure too.
reports=$(grep -c 'ERROR: AddressSanitizer\|ERROR: LeakSanitizer\|runtime error:' "$LOG" || true)
if [ "$status" -ne 0 ] || [ "$reports" -ne 0 ]; then
  echo "sanitize.sh: FAILED ($reports sanitizer report(s)); see $LOG"
  grep -n '^SUMMARY: \|runtime error:' "$LOG" | sort -t: -k3 | uniq -f1 -c | head -20 || true
  exit 1
fi
echo "sanitize.sh: passed (no sanitizer report)"
