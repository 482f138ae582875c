#!/usr/bin/env python3
"""PDFs of disclosure reports as other producers make them, with known values.

Producers (real tools, as a user would meet their output):
  browser   headless Chromium's print-to-PDF of an HTML page (Type 3 and CID fonts,
            every cell drawing its own borders);
  outlined  Ghostscript's pdfwrite with -dNoOutputFonts: every glyph a filled path,
            no text layer;
  nounicode the browser print with every /ToUnicode map removed (qpdf --qdf, the
            references cut, qpdf again): a text layer whose codes mean nothing.

Sources:
  --html FILE...   print existing HTML pages (the HTML's own record is the reference);
  --count N        generate N HTML reports (tools/gen_text_corpus.py values, 2021 format)
                   in which some value cells are left empty, in three border styles:
                   cellspacing 0 (adjacent double borders), cellspacing 4 (separated
                   double borders) and border-collapse; NAME.expected.json holds the
                   generator's values with the empty cells as null.

  /usr/bin/python3 tools/make_producer_pdfs.py --out DIR [--count N --seed S] [--html F...]
      [--producers browser,outlined,nounicode]

Writes NAME.html (generated only), NAME.browser.pdf, NAME.outlined.pdf (of the browser
print, or of --pdf inputs), NAME.nounicode.pdf. --pdf FILE... makes outlined copies of
existing PDFs. Needs chromium, gs and qpdf (Debian packages). The HTML and the expected
values depend only on the arguments.
"""
import argparse
import json
import random
import re
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_text_corpus as gtc  # noqa: E402

BORDERS = {
    "spacing0": '<table border="1" cellspacing="0">',
    "spacing4": '<table border="1" cellspacing="4">',
    "collapse": '<table style="border-collapse:collapse" cellpadding="3">',
}
COLLAPSE_CSS = "<style>td{border:1px solid #000}</style>"


def blank_cells(rng, blocks, expected, rate):
    """Empty some value cells of tables 三 and 四 (never a whole row); their expected value is null."""
    n = 0
    for kind, grid in blocks:
        if kind != "table":
            continue
        for row in grid:
            values = [c for c in row if c.ref and c.ref[0] != "active"]
            for c in values[:-1]:  # the row's last value (总计) stays: a row is never all blank
                if rng.random() < rate:
                    table, key, col = c.ref
                    c.text = ""
                    expected["tables"][table][key][col] = None
                    n += 1
    return n


def generate(out, count, seed, rate):
    names = []
    styles = list(BORDERS)
    for i in range(count):
        rng = random.Random(f"producer:{seed}:{i}")
        blocks, expected, _, _ = gtc.build(rng, "2021", "html", 0.0)
        blank_cells(rng, blocks, expected, rate)
        style = styles[i % len(styles)]
        page = gtc.render_html(blocks, blocks[0][1])
        page = page.replace('<table border="1" cellspacing="0">', BORDERS[style])
        if style == "collapse":
            page = page.replace("</head>", COLLAPSE_CSS + "</head>")
        name = f"{i:04d}_{style}"
        (out / f"{name}.html").write_text(page, encoding="utf-8")
        (out / f"{name}.expected.json").write_text(json.dumps(expected, ensure_ascii=False, indent=1) + "\n",
                                                   encoding="utf-8")
        names.append(out / f"{name}.html")
    return names


def browser_print(html, pdf):
    with tempfile.TemporaryDirectory() as profile:
        subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", html.resolve().as_uri()],
                       check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, timeout=120)
    if not pdf.exists():
        raise RuntimeError(f"chromium did not print {html}")


def outline(pdf, out):
    subprocess.run(["gs", "-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", "-dNoOutputFonts",
                    f"-sOutputFile={out}", str(pdf)], check=True, timeout=300)


def strip_tounicode(pdf, out):
    with tempfile.TemporaryDirectory() as tmp:
        qdf = Path(tmp) / "q.pdf"
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(qdf)], check=True)
        data = re.sub(rb"/ToUnicode \d+ 0 R", b"", qdf.read_bytes())
        qdf.write_bytes(data)
        # fix-qdf mends the offsets the edit moved; qpdf then writes a normal file.
        fixed = Path(tmp) / "f.pdf"
        fixed.write_bytes(subprocess.run(["fix-qdf", str(qdf)], check=True, capture_output=True).stdout)
        subprocess.run(["qpdf", str(fixed), str(out)], check=True)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True)
    ap.add_argument("--count", type=int, default=0)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--blank-rate", type=float, default=0.15)
    ap.add_argument("--html", nargs="*", default=[])
    ap.add_argument("--pdf", nargs="*", default=[], help="existing PDFs to outline")
    ap.add_argument("--producers", default="browser,outlined,nounicode")
    a = ap.parse_args()
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    producers = a.producers.split(",")
    pages = generate(out, a.count, a.seed, a.blank_rate) + [Path(h) for h in a.html]
    for html in pages:
        stem = out / html.stem
        printed = Path(f"{stem}.browser.pdf")
        browser_print(html, printed)
        if "outlined" in producers:
            outline(printed, Path(f"{stem}.outlined.pdf"))
        if "nounicode" in producers:
            strip_tounicode(printed, Path(f"{stem}.nounicode.pdf"))
        if "browser" not in producers:
            printed.unlink()
    for pdf in a.pdf:
        outline(Path(pdf), out / (Path(pdf).stem + ".outlined.pdf"))
    print(f"wrote {len(pages)} printed pages and {len(a.pdf)} outlined PDFs to {out}")


if __name__ == "__main__":
    main()
