#!/usr/bin/env python3
"""Writes fuzz/corpus/pdf/mini-report.pdf: a one-page PDF small enough to
fuzz well (about 4 KB, no compression, no embedded font) that still reaches
the interesting code: Chinese text through a Type0 font whose ToUnicode map
is the identity (CID = Unicode), a ruled grid of vector lines with numbers in
its cells, and the template's headings around it. Run from the repo root."""
import sys

TITLE = "某区人民政府2021年政府信息公开工作年度报告"
LINES = ["一、总体情况", "全年主动公开政府信息12条。", "二、主动公开政府信息情况"]
GRID = [["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"],
        ["规章", "0", "0", "0"],
        ["行政规范性文件", "1", "0", "5"]]
AFTER = ["三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况"]


def hexstr(s):
    return "<" + "".join("%04X" % ord(c) for c in s) + ">"


def content():
    ops = []
    y = 800
    def text(s, x, y, size=10):
        ops.append("BT /F1 %d Tf %d %d Td %s Tj ET" % (size, x, y, hexstr(s)))
    text(TITLE, 60, y, 14)
    for s in LINES:
        y -= 24
        text(s, 60, y)
    # The grid: 4 columns of 110 pt, rows of 20 pt, lines 0.5 pt wide.
    x0, w, h = 60, 110, 20
    top = y - 14
    rows = len(GRID)
    ops.append("0.5 w")
    for r in range(rows + 1):
        ops.append("%d %d m %d %d l S" % (x0, top - r * h, x0 + 4 * w, top - r * h))
    for c in range(5):
        ops.append("%d %d m %d %d l S" % (x0 + c * w, top, x0 + c * w, top - rows * h))
    for r, row in enumerate(GRID):
        for c, cell in enumerate(row):
            text(cell, x0 + c * w + 4, top - (r + 1) * h + 6, 9)
    y = top - rows * h - 10
    for s in AFTER:
        y -= 24
        text(s, 60, y)
    return "\n".join(ops).encode("ascii")


def main(path):
    tounicode = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                 b"/CMapName /Identity-UCS def /CMapType 2 def\n"
                 b"1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                 b"1 beginbfrange <0000> <FFFF> <0000> endbfrange\n"
                 b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    body = content()
    objs = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(body) + body + b"\nendstream",
        b"<< /Type /Font /Subtype /Type0 /BaseFont /SimSun /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        b"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /SimSun /DW 1000 "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> "
        b"/FontDescriptor 8 0 R /CIDToGIDMap /Identity >>",
        b"<< /Length %d >>\nstream\n" % len(tounicode) + tounicode + b"endstream",
        b"<< /Type /FontDescriptor /FontName /SimSun /Flags 4 /FontBBox [0 -140 1000 860] "
        b"/ItalicAngle 0 /Ascent 860 /Descent -140 /CapHeight 700 /StemV 80 >>",
    ]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for i, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    for off in offsets:
        out += b"%010d 00000 n \n" % off
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "fuzz/corpus/pdf/mini-report.pdf")
