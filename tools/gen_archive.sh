#!/usr/bin/env bash
# A generated archive for the archive benchmarks (tools/bench_archive.sh):
# SMALL small reports (tab-separated, one-cell-per-line and markdown text, and
# HTML, from tools/gen_text_corpus.py; their NAME.expected.json files are left
# beside them, as an archive's other files would be: the walk skips them) and
# PDFS text PDFs. The PDFs are copies of the repository's real and generated
# PDFs, each made a distinct input by a PDF comment appended after %%EOF (a
# reader ignores it; the content hash differs), so each costs what its original
# costs to read.
#   tools/gen_archive.sh OUT [SMALL=20000] [PDFS=500] [SEED=1]
set -euo pipefail
cd "$(dirname "$0")/.."
OUT=${1:?usage: tools/gen_archive.sh OUT [SMALL] [PDFS] [SEED]}
SMALL=${2:-20000}
PDFS=${3:-500}
SEED=${4:-1}
mkdir -p "$OUT/small" "$OUT/pdf"
# In folders of 1,000, as an archive by agency or year would be.
per=1000
for ((start = 0; start < SMALL; start += per)); do
  n=$(( SMALL - start < per ? SMALL - start : per ))
  /usr/bin/python3 tools/gen_text_corpus.py --out "$OUT/small/$((start / per))" --count "$n" \
    --seed "$((SEED * 100000 + start))" --styles tsv,lines,markdown,html >/dev/null
done
sources=(samples/*.pdf tests/data/generated-pdf/*.pdf)
for ((i = 0; i < PDFS; i++)); do
  src=${sources[$((i % ${#sources[@]}))]}
  dst=$(printf '%s/pdf/%04d-%s' "$OUT" "$i" "$(basename "$src")")
  { cat "$src"; printf '\n%% gongkai archive copy %d\n' "$i"; } > "$dst"
done
echo "$OUT: $(find "$OUT/small" -type f ! -name '*.json' | wc -l) small reports, $(find "$OUT/pdf" -type f | wc -l) PDFs"
