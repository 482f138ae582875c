#!/usr/bin/python3
"""Reads every report of a folder (default: samples/) into one DataFrame and
prints, per year, how many reports were read and the totals of table 三
(applications received, carried over, handled, carried forward).

    PYTHONPATH=build/python /usr/bin/python3 examples/per_year_totals.py [FOLDER]

读取一个目录下的全部报告，合成一张表，按年度打印申请数量合计。
"""
import sys
from pathlib import Path

import gongkai

folder = Path(sys.argv[1] if len(sys.argv) > 1 else Path(__file__).resolve().parents[1] / "samples")
inputs = sorted(p for p in folder.iterdir() if p.is_file() and not p.name.endswith(".json"))

# Records in input order, read on every core; an unreadable file is a row with its error.
frame = gongkai.to_frame(gongkai.extract_many(inputs, errors="yield"))
if "error" in frame:
    for file, error in frame.loc[frame["error"].notna(), ["file", "error"]].itertuples(index=False):
        print(f"not read: {file}: {error}", file=sys.stderr)

columns = {
    "requests.new_received.total": "本年新收",
    "requests.carried_over.total": "上年结转",
    "requests.total.total": "办理合计",
    "requests.carried_forward.total": "结转下年",
}
totals = frame.groupby("year")[list(columns)].sum(min_count=1).rename(columns=columns)
totals.insert(0, "报告数", frame.groupby("year")["file"].count())
print(totals.to_string())
