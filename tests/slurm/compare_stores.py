#!/usr/bin/python3
"""Checks that a merged store of a sharded run equals the store of one process over the same inputs.

    compare_stores.py EXPECTED_REPORTS ONE.sqlite MERGED.sqlite SHARD.sqlite...

Every table of the store is compared row by row, as a multiset: each column but the ones that are
meant to differ between two runs (the row ids, which the merge renumbers, and the time of the
extraction), with a report id replaced by the report's sha256. The shard stores must cut the
reports into disjoint shares whose union is the whole, and more than one share must hold reports
(else the run was not sharded at all). Exit 1 with the differences named.
"""
import sqlite3
import sys

# Columns that differ between two runs of the same inputs by design.
RUN_COLUMNS = {"id", "extracted_at"}


def read_store(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    tables = [r[0] for r in db.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
    if "reports" not in tables:
        sys.exit(f"{path}: no reports table: not a gongkai store")
    sha_of = dict(db.execute("SELECT id, sha256 FROM reports"))
    content = {}
    for table in tables:
        columns = [r[1] for r in db.execute(f"PRAGMA table_info({table})")]
        kept = [c for c in columns if c not in RUN_COLUMNS]
        rows = []
        for row in db.execute(f"SELECT {', '.join(kept)} FROM {table}"):
            rows.append(tuple(sha_of.get(v, f"<no report {v}>") if c == "report_id" else v
                              for c, v in zip(kept, row)))
        content[table] = (kept, sorted(rows, key=repr))
    version = db.execute("PRAGMA user_version").fetchone()[0]
    db.close()
    return version, content, set(sha_of.values())


def differences(name_a, a, name_b, b):
    problems = []
    for table in sorted(set(a) | set(b)):
        if table not in a or table not in b:
            problems.append(f"table {table} only in {name_a if table in a else name_b}")
            continue
        (cols_a, rows_a), (cols_b, rows_b) = a[table], b[table]
        if cols_a != cols_b:
            problems.append(f"{table}: columns differ: {cols_a} vs {cols_b}")
        elif rows_a != rows_b:
            only_a = [r for r in rows_a if r not in rows_b]
            only_b = [r for r in rows_b if r not in rows_a]
            problems.append(f"{table}: {len(rows_a)} rows vs {len(rows_b)}; e.g. only in {name_a}: "
                            f"{only_a[:1]!r:.300}; only in {name_b}: {only_b[:1]!r:.300}")
    return problems


def main():
    if len(sys.argv) < 5:
        sys.exit(__doc__)
    expected, one_path, merged_path, shard_paths = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4:]
    one_version, one, one_reports = read_store(one_path)
    merged_version, merged, merged_reports = read_store(merged_path)
    problems = []
    if len(one_reports) != expected:
        problems.append(f"the one-process store holds {len(one_reports)} reports, not the {expected} distinct inputs")
    if one_version != merged_version:
        problems.append(f"schema version {one_version} (one process) vs {merged_version} (merged)")
    problems += differences("one process", one, "merged", merged)

    seen, non_empty = set(), 0
    for path in shard_paths:
        _, _, reports = read_store(path)
        if reports & seen:
            problems.append(f"{path} holds reports another shard holds too: {sorted(reports & seen)[:2]}")
        seen |= reports
        non_empty += bool(reports)
    if seen != one_reports:
        problems.append(f"the shards hold {len(seen)} reports, the one-process store {len(one_reports)}")
    if non_empty < 2:
        problems.append(f"only {non_empty} of {len(shard_paths)} shards hold reports: the inputs were not shared out")

    for p in problems:
        print("DIFFERENT:", p)
    if problems:
        return 1
    counts = ", ".join(f"{t} {len(rows)}" for t, (_, rows) in sorted(one.items()))
    print(f"equal: merged store of {len(shard_paths)} shards ({non_empty} non-empty) = one process: {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
