#!/usr/bin/env bash
# Accuracy on freshly generated text renderings (not the files the code was tuned on):
#   tools/eval_text.sh [SEED] [COUNT] [DROP_RATE]
# Generates COUNT reports in every style, extracts them, and prints correct /
# wrong / missing per style and in total (the scorer is `gongkai score`).
set -euo pipefail
cd "$(dirname "$0")/.."
seed=${1:-$RANDOM}; count=${2:-200}; drop=${3:-0}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 tools/gen_text_corpus.py --out "$work/in" --count "$count" --seed "$seed" --drop-rate "$drop" >/dev/null
mkdir -p "$work/out"
ls "$work"/in/* | grep -v -E '\.(expected|dropped)\.json$' | xargs build/gongkai extract --out-dir "$work/out" || true
build/gongkai score "$work/in" "$work/out" -v > "$work/score.txt"
echo "seed=$seed count=$count drop_rate=$drop"
awk -F'\t' '/^[0-9]/ { split($1, p, "_"); style = p[2]; sub("correct=", "", $2); sub("wrong=", "", $3); sub("missing=", "", $4);
  c[style] += $2; w[style] += $3; m[style] += $4 }
  END { for (s in c) { t = c[s] + w[s] + m[s]; printf "  %-12s cells=%6d correct=%.3f%% wrong=%d missing=%d\n", s, t, 100*c[s]/t, w[s], m[s] } }' "$work/score.txt" | sort
grep '^TOTAL' "$work/score.txt"
if [ -n "${SHOW_WRONG:-}" ]; then grep -B0 'WRONG' "$work/score.txt" | head -50; fi
