#!/usr/bin/env bash
# Integration test of tools/slurm on a real single-node Slurm cluster started here (cluster.sh):
# a job array of `gongkai extract --shard I/N`, submitted with sbatch --wait, then the merge job;
# the merged store must equal a one-process run over the same inputs, table by table. Then a task
# killed midway (its store cut, its marker gone) is resubmitted as the README says, and must redo
# only its missing reports.
#   slurm_test.sh GONGKAI_BINARY SOURCE_DIR [--bringup-only]
# --bringup-only proves the cluster with a trivial array (each task writes a file) and stops.
# Exit 0 pass, 1 fail, 77 skip (ctest SKIP_RETURN_CODE): only when not root or the daemons cannot
# start, always with the reason. The daemons are stopped by their pid files on every exit.
set -uo pipefail

gongkai=${1:?usage: slurm_test.sh GONGKAI_BINARY SOURCE_DIR [--bringup-only]}
source_dir=${2:?usage: slurm_test.sh GONGKAI_BINARY SOURCE_DIR [--bringup-only]}
mode=${3:-}
here=$(cd "$(dirname "$0")" && pwd)
# shellcheck source=cluster.sh
. "$here/cluster.sh"

shards=4
started=$SECONDS
# Every wait below ends by this time, well before ctest's TIMEOUT (240 s) would kill this script
# with no chance to stop the daemons.
deadline=$((SECONDS + 170))
left() { echo $((deadline - SECONDS > 1 ? deadline - SECONDS : 1)); }
work=$(mktemp -d "${TMPDIR:-/tmp}/gongkai-slurm-test.XXXXXX")
chmod 0755 "$work"  # munged runs as user munge, in a folder below this one
cleanup() {
  cluster_stop "$work/cluster"
  if [ -n "${GONGKAI_KEEP_SLURM_TEST:-}" ]; then echo "kept $work" >&2; else rm -rf "$work"; fi
}
trap cleanup EXIT
trap 'exit 1' INT TERM HUP  # through the EXIT trap: the daemons are stopped on a kill too

fail() {
  echo "FAIL: $*" >&2
  for log in "$work"/logs/*; do [ -f "$log" ] && { echo "--- $log" >&2; tail -n 15 "$log" >&2; }; done
  echo "--- slurmctld.log" >&2; tail -n 15 "$work/cluster/slurmctld.log" >&2 2>/dev/null
  exit 1
}
step() { echo "[$((SECONDS - started))s] $*"; }

mkdir -p "$work/cluster" "$work/logs"
cluster_start "$work/cluster"
case $? in
  0) ;;
  "$CLUSTER_SKIP") echo "SKIPPED: no Slurm cluster can be started here (reason above)" >&2; exit "$CLUSTER_SKIP" ;;
  *) fail "the cluster did not come up" ;;
esac
step "cluster up"

if [ "$mode" = --bringup-only ]; then
  printf '#!/bin/bash\necho "task $SLURM_ARRAY_TASK_ID on $(hostname -s)" >"%s/task-$SLURM_ARRAY_TASK_ID"\n' \
    "$work" >"$work/trivial.sh"
  timeout "$(left)" sbatch --quiet --wait --array=0-$((shards - 1)) --output="$work/logs/trivial-%A_%a.out" \
    --chdir="$work" "$work/trivial.sh" || fail "the trivial array did not succeed"
  for ((i = 0; i < shards; i++)); do
    grep -q "^task $i on" "$work/task-$i" 2>/dev/null || fail "array task $i wrote nothing"
  done
  step "PASS: trivial array of $shards tasks ran"
  exit 0
fi

# A handful of inputs of every kind that reads fast (text, HTML, one text PDF), and one of them
# again under another name: the same content must be one report with two paths in either run.
[ -x "$gongkai" ] || fail "no gongkai binary at $gongkai"
inputs=$work/inputs.txt
ls "$source_dir"/samples/*.txt "$source_dir"/samples/*.html "$source_dir/samples/huaian-hongze-district-2024.pdf" \
  >"$inputs" || fail "samples missing in $source_dir/samples"
mkdir -p "$work/again"
cp "$source_dir/samples/pingtan-2024.txt" "$work/again/pingtan-copy.txt"
echo "$work/again/pingtan-copy.txt" >>"$inputs"
distinct=$(xargs sha256sum <"$inputs" | cut -d' ' -f1 | sort -u | wc -l)

export GONGKAI=$gongkai  # sbatch passes the environment on to the tasks
stores=$work/stores
timeout "$(left)" sbatch --quiet --wait --array=0-$((shards - 1)) --output="$work/logs/extract-%A_%a.out" \
  --chdir="$work" "$source_dir/tools/slurm/extract-array.sbatch" "$shards" "$stores" --files-from "$inputs" -q ||
  fail "the extract array did not succeed (sbatch --wait: $?)"
step "extract array of $shards tasks done"
for ((i = 0; i < shards; i++)); do
  grep -q "^gongkai shard $i/$shards of job" "$work"/logs/extract-*_"$i".out 2>/dev/null ||
    fail "no log of array task $i"
done

timeout "$(left)" sbatch --quiet --wait --output="$work/logs/merge-%j.out" --chdir="$work" \
  "$source_dir/tools/slurm/merge.sbatch" "$shards" "$stores" "$work/merged.sqlite" || fail "the merge job failed"
step "merge job done"

timeout "$(left)" "$gongkai" extract --files-from "$inputs" --db "$work/one.sqlite" -j 1 -q || fail "the one-process run failed"
step "one-process run done"
/usr/bin/python3 "$here/compare_stores.py" "$distinct" "$work/one.sqlite" "$work/merged.sqlite" "$stores"/shard-*.sqlite ||
  fail "the merged store differs from the one-process store"

# A task killed before its end: its store lacks its last reports and it wrote no marker. The
# merge step refuses and names it; resubmitted alone, it extracts only what is missing; merging
# again gives the same store.
state() { /usr/bin/python3 "$here/store_state.py" "$@"; }
victim=0
for ((i = 1; i < shards; i++)); do
  [ "$(state extracted "$stores/shard-$i.sqlite" | wc -l)" -gt "$(state extracted "$stores/shard-$victim.sqlite" | wc -l)" ] &&
    victim=$i
done
state extracted "$stores/shard-$victim.sqlite" >"$work/before.txt"
[ "$(wc -l <"$work/before.txt")" -ge 3 ] || fail "shard $victim holds fewer than 3 reports"
state kill-tail "$stores/shard-$victim.sqlite" 2 || fail "cannot cut shard $victim's store"
rm "$stores/shard-$victim.done"
if bash "$source_dir/tools/slurm/merge.sbatch" "$shards" "$stores" "$work/partial.sqlite" >"$work/logs/refused.out" 2>&1; then
  fail "merge.sbatch merged with shard $victim unfinished"
fi
grep -q "shards $victim of $shards did not finish" "$work/logs/refused.out" || fail "merge.sbatch did not name shard $victim"
[ ! -e "$work/partial.sqlite" ] || fail "merge.sbatch wrote a store with shard $victim unfinished"

# As the README submits: the array with --parsable, the merge job after it with afterany.
again=$(sbatch --parsable --array="$victim" --output="$work/logs/again-%A_%a.out" --chdir="$work" \
  "$source_dir/tools/slurm/extract-array.sbatch" "$shards" "$stores" --files-from "$inputs" -q) ||
  fail "cannot resubmit task $victim"
timeout "$(left)" sbatch --quiet --wait --dependency="afterany:${again%%;*}" --output="$work/logs/merge-again-%j.out" \
  --chdir="$work" "$source_dir/tools/slurm/merge.sbatch" "$shards" "$stores" "$work/merged.sqlite" ||
  fail "the merge job after the resubmitted task failed"
grep -q "^gongkai shard $victim/$shards: exit 0" "$work"/logs/again-*.out || fail "the resubmitted task $victim did not finish"
state extracted "$stores/shard-$victim.sqlite" >"$work/after.txt"
kept=$(comm -12 "$work/before.txt" "$work/after.txt" | wc -l)
[ "$(wc -l <"$work/after.txt")" -eq "$(wc -l <"$work/before.txt")" ] && [ "$kept" -eq $(($(wc -l <"$work/before.txt") - 2)) ] ||
  fail "the resubmitted task did not redo exactly its 2 missing reports: $(diff "$work/before.txt" "$work/after.txt")"
/usr/bin/python3 "$here/compare_stores.py" "$distinct" "$work/one.sqlite" "$work/merged.sqlite" "$stores"/shard-*.sqlite ||
  fail "after the resubmitted task and a second merge the stores differ"
step "killed task resubmitted: its $kept finished reports kept, the 2 missing redone; merged again: equal"

step "PASS"
