#!/usr/bin/env bash
# Accuracy of the scan reader on phone photos and colour scans with a red seal
# (tools/photoify.cpp): every effect alone, then all together, on fresh copies
# of each PDF (each next to NAME.expected.json).
#   tools/eval_photos.sh SEED PDF...
#   EFFECTS="seal all" tools/eval_photos.sh SEED PDF...   (a subset of the runs)
# Prints one score line per effect (correct / wrong / missing / wrong without a
# finding) and the reader's time per page. Needs build/photoify and build/gongkai
# (GONGKAI=path: another build of it, e.g. the one before a change).
set -euo pipefail
cd "$(dirname "$0")/.."
SEED=$1
shift
GONGKAI=${GONGKAI:-build/gongkai}
EFFECTS=${EFFECTS:-"colour seal perspective rotate light blur all curl all,curl"}
WORK=$(mktemp -d /tmp/eval_photos.XXXX)
for effect in $EFFECTS; do
  mkdir -p "$WORK/$effect/photo" "$WORK/$effect/ours" "$WORK/$effect/expected"
  i=0
  ms=0
  pages_total=0
  for pdf in "$@"; do
    name=$(basename "$pdf" .pdf)
    cp "${pdf%.pdf}.expected.json" "$WORK/$effect/expected/$name.expected.json"
    build/photoify "$pdf" "$WORK/$effect/photo/$name.pdf" --effects "$effect" --seed $((SEED * 1000 + i)) -q
    pages=$(pdfinfo "$WORK/$effect/photo/$name.pdf" | awk '/^Pages:/ {print $2}')
    pages_total=$((pages_total + pages))
    s=$(date +%s%N)
    "$GONGKAI" extract "$WORK/$effect/photo/$name.pdf" > "$WORK/$effect/ours/$name.json" \
      2> "$WORK/$effect/ours/$name.err" || true
    e=$(date +%s%N)
    ms=$((ms + (e - s) / 1000000))
    i=$((i + 1))
  done
  printf '%-12s %d reports, %d pages, %d ms/page: ' "$effect" "$i" "$pages_total" $((ms / pages_total))
  "$GONGKAI" score "$WORK/$effect/expected" "$WORK/$effect/ours" | tail -1
done
echo "work files: $WORK"
