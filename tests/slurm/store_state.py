#!/usr/bin/python3
"""Small reads and one surgery on a gongkai store, for the Slurm test's resubmission step.

    store_state.py extracted STORE      one line per report: sha256 and when it was extracted
    store_state.py kill-tail STORE K    removes the K reports stored last, whole (rows, cells,
                                        findings, paths), as a task killed K reports before its
                                        end leaves its store (one transaction per report)
"""
import sqlite3
import sys


def extracted(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    for sha, at in db.execute("SELECT sha256, extracted_at FROM reports ORDER BY sha256"):
        print(sha, at)


def kill_tail(path, k):
    db = sqlite3.connect(path)
    db.execute("PRAGMA foreign_keys = ON")  # cells and findings go with their report
    last = [r[0] for r in db.execute("SELECT sha256 FROM reports ORDER BY id DESC LIMIT ?", (k,))]
    if len(last) != k:
        sys.exit(f"{path}: holds {len(last)} reports, fewer than {k}")
    with db:
        for sha in last:
            db.execute("DELETE FROM reports WHERE sha256 = ?", (sha,))
            db.execute("DELETE FROM report_paths WHERE sha256 = ?", (sha,))
    left = db.execute("SELECT COUNT(*) FROM cells WHERE report_id NOT IN (SELECT id FROM reports)").fetchone()[0]
    if left:
        sys.exit(f"{path}: {left} cells outlived their report")
    db.close()


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "extracted":
        extracted(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "kill-tail":
        kill_tail(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
