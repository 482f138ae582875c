#!/usr/bin/env bash
# Resolution's worst inputs: time to read, map, resolve and validate each
# generated report with dropped cells (run-together text is the slow kind),
# as build/bench_text prints it (median / p90 / p99 / max per seed).
#   tools/bench_resolve.sh [SEED...]     (default: 9100 9200; 150 reports per drop rate)
# Target (src/validation): median < 5 ms, p99 < 10 ms. On a loaded machine the
# wall-clock figures run well above the CPU time; compare runs side by side.
set -euo pipefail
cd "$(dirname "$0")/.."
seeds=("$@")
[ ${#seeds[@]} -gt 0 ] || seeds=(9100 9200)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for seed in "${seeds[@]}"; do
  for drop in 0.02 0.05; do
    python3 tools/gen_text_corpus.py --out "$work/$seed-$drop" --count 150 --seed "$seed" --drop-rate "$drop" >/dev/null
  done
  echo "seed $seed (drops 2 % and 5 %): $(ls "$work/$seed"-*/* | grep -v '\.json$' | xargs build/bench_text --repeat 3 | tail -1)"
done
