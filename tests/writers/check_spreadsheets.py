#!/usr/bin/python3
"""Reads the spreadsheets gongkai wrote back with pandas, openpyxl and the
CSV LibreOffice made of them, and checks every cell value against the JSON
records. Run by tests/writers/spreadsheet_test.cpp (Debian's python3 with
python3-pandas and python3-openpyxl).

    check_spreadsheets.py RECORDS_DIR COLUMNS.tsv WIDE.csv BOOK.xlsx LO_DIR

COLUMNS.tsv: label, table, row, col, sheet column (one line per wide column).
LO_DIR: LibreOffice's conversions: wide.xlsx (the wide CSV read as UTF-8) and
book-<sheet>.csv (each sheet of BOOK.xlsx). Prints what differs; exit 1 if
anything does."""
import csv
import json
import math
import sys
from pathlib import Path

import openpyxl
import pandas as pd

SHEETS = {"active": "二 主动公开", "requests": "三 依申请公开", "review_litigation": "四 复议诉讼"}
HEADER_ROWS = 3
LEADING = 3  # 文件, 机关, 年度


def same(expected, got):
    if expected is None:
        return got is None or got == "" or (isinstance(got, float) and math.isnan(got))
    try:
        return abs(float(got) - float(expected)) < 1e-9
    except (TypeError, ValueError):
        return False


def main():
    records_dir, columns_tsv, wide_csv, book, lo_dir = map(Path, sys.argv[1:6])
    records = {}
    for p in sorted(records_dir.glob("*.json")):
        r = json.loads(p.read_text(encoding="utf-8"))
        records[r["source"]["file"]] = r
    columns = [line.split("\t") for line in columns_tsv.read_text(encoding="utf-8").splitlines()]
    errors = []
    checked = 0

    def expect(where, record, table, row, col, got):
        nonlocal checked
        want = record["tables"].get(table, {}).get(row, {}).get(col)
        checked += 1
        if not same(want, got):
            errors.append(f"{where}: {record['source']['file']} {table}.{row}.{col}: want {want!r}, got {got!r}")

    # The wide CSV, by pandas and by LibreOffice (via openpyxl).
    frame = pd.read_csv(wide_csv, encoding="utf-8-sig", dtype=object)
    lo_wide = openpyxl.load_workbook(lo_dir / "wide.xlsx").active
    lo_rows = list(lo_wide.iter_rows(values_only=True))
    lo_header = list(lo_rows[0])
    if list(frame.columns) != [h if h is not None else "" for h in lo_header][: len(frame.columns)]:
        errors.append("LibreOffice read other headings than pandas")
    for _, line in frame.iterrows():
        record = records[line["文件"]]
        for label, table, row, col, _ in columns:
            expect("pandas wide", record, table, row, col, line[label])
    for values in lo_rows[1:]:
        record = records[values[0]]
        by_label = dict(zip(lo_header, values))
        for label, table, row, col, _ in columns:
            expect("LibreOffice wide", record, table, row, col, by_label[label])

    # The workbook: each table sheet by openpyxl and LibreOffice's CSV of it.
    wb = openpyxl.load_workbook(book)
    for table, sheet in SHEETS.items():
        cols = [c for c in columns if c[1] == table]
        ws = wb[sheet]
        for i, (label, _, row, col, col_label) in enumerate(cols):
            heading = ws.cell(row=HEADER_ROWS, column=LEADING + 1 + i).value
            if heading != col_label:
                errors.append(f"{sheet}: column {i} heading {heading!r}, want {col_label!r}")
        for r in range(HEADER_ROWS + 1, ws.max_row + 1):
            record = records[ws.cell(row=r, column=1).value]
            for i, (_, _, row, col, _) in enumerate(cols):
                expect("openpyxl " + sheet, record, table, row, col, ws.cell(row=r, column=LEADING + 1 + i).value)
        if not ws.merged_cells.ranges:
            errors.append(f"{sheet}: no merged header cells")
        with open(lo_dir / f"book-{sheet}.csv", encoding="utf-8") as f:
            lines = list(csv.reader(f))
        for values in lines[HEADER_ROWS:]:
            record = records[values[0]]
            for i, (_, _, row, col, _) in enumerate(cols):
                expect("LibreOffice " + sheet, record, table, row, col, values[LEADING + i])
    # Every error finding's cells carry it as a comment.
    for sheet_table, sheet in SHEETS.items():
        ws = wb[sheet]
        cols = [c for c in columns if c[1] == sheet_table]
        position = {(c[2], c[3]): LEADING + 1 + i for i, c in enumerate(cols)}
        for r in range(HEADER_ROWS + 1, ws.max_row + 1):
            record = records[ws.cell(row=r, column=1).value]
            for f in record["findings"]:
                if f["severity"] != "error":
                    continue
                for c in f["cells"]:
                    if c["table"] != sheet_table:
                        continue
                    cell = ws.cell(row=r, column=position[(c["row"], c["col"])])
                    checked += 1
                    if cell.comment is None or f["rule"] not in cell.comment.text:
                        errors.append(f"{sheet}: {record['source']['file']} {c['row']}.{c['col']}: no comment for {f['rule']}")
                    elif cell.fill.fgColor.rgb[-6:] != "FFC7CE":
                        errors.append(f"{sheet}: {record['source']['file']} {c['row']}.{c['col']}: not coloured")
    for e in errors[:40]:
        print(e)
    print(f"checked={checked} differences={len(errors)}")
    return 1 if errors else 0


if __name__ == "__main__":
    sys.exit(main())
