#!/usr/bin/env bash
# The real archive (tests/data/real-archive: 24 department reports as crawled,
# 5 of them checked by hand): scores the hand-checked ones, then counts over
# all 24 the cells whose value no printed digit supports (each with the
# finding that gives its evidence) and the findings by kind and rule.
#   tools/eval_real_archive.sh [ARCHIVE_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
archive=${1:-tests/data/real-archive}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
build/gongkai extract --out-dir "$work" "$archive"/*.txt > /dev/null || true
echo "== hand-checked records ($archive/expected)"
build/gongkai score "$archive/expected" "$work" -v | grep -E 'WRONG|MISSING|TOTAL' || true
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
"$PY" - "$work" <<'EOF'
import json, sys, glob, collections
kinds, rules, repaired = collections.Counter(), collections.Counter(), []
files = sorted(glob.glob(sys.argv[1] + "/*.json"))
for path in files:
    rec = json.load(open(path))
    for f in rec["findings"]:
        kinds[f["kind"]] += 1
        rules[(f["kind"], f["rule"])] += 1
    for c in rec["cells"]:
        if not c.get("repaired"):
            continue
        key = (c["table"], c["row"], c["col"])
        why = [f["rule"] + ": " + f["message"] for f in rec["findings"]
               if f["kind"] == "repair" and any((x["table"], x["row"], x["col"]) == key for x in f["cells"])]
        repaired.append((path.split("/")[-1], ".".join(key), c["value"], why[0] if why else "(no evidence named!)"))
print(f"== all {len(files)} reports: findings by kind")
for k, n in sorted(kinds.items()):
    print(f"  {k:11s} {n}")
print("== by rule")
for (k, r), n in sorted(rules.items()):
    print(f"  {k:11s} {r:40s} {n}")
print(f"== cells whose value no printed digit supports: {len(repaired)}")
for name, key, value, why in repaired:
    print(f"  {name} {key} = {value}\n      {why[:300]}")
EOF
