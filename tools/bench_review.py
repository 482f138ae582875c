#!/usr/bin/python3
"""The review site's weight and the index's opening time in Chromium (figures, not a test).

    tools/bench_review.py [--reports N] [--pdf-share F] [--runs R] [--gongkai build/gongkai]

1. Page weight: the site of samples/huaian-city-2024.pdf (6 pages): its page,
   its pictures and the assets, in bytes (target: under 3 MB).
2. An index of N reports (default 1000): copies of the samples under distinct
   names, a share F of them the three real PDFs (pictures, thumbnails), the
   rest the text samples; written by `gongkai review`, then opened R times in
   headless Chromium. Prints the median time from navigation to the load
   event and to the first contentful paint (target: under 2 s).
"""
import argparse
import glob
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "tests", "review"))
from cdp import Browser  # noqa: E402


def site_weight(gongkai, pdf):
    out = tempfile.mkdtemp(prefix="gk-weight-")
    subprocess.run([gongkai, "review", pdf, "--out", out], check=True, stdout=subprocess.DEVNULL)
    stem = os.path.splitext(os.path.basename(pdf))[0]
    files = [os.path.join(out, stem + ".html")] + glob.glob(os.path.join(out, "assets", "*")) + \
        [f for f in glob.glob(os.path.join(out, stem, "*")) if not f.endswith("thumb.jpg")]
    total = sum(os.path.getsize(f) for f in files)
    pages = len(glob.glob(os.path.join(out, stem, "p*.jpg")))
    print(f"page weight: {os.path.basename(pdf)} ({pages} pages): {total / 1e6:.2f} MB "
          f"(page {os.path.getsize(files[0]) / 1e3:.0f} kB, pictures "
          f"{sum(os.path.getsize(f) for f in glob.glob(os.path.join(out, stem, 'p*.jpg'))) / 1e6:.2f} MB)")
    shutil.rmtree(out)


def index_site(gongkai, n, pdf_share):
    src = tempfile.mkdtemp(prefix="gk-inputs-")
    pdfs = sorted(glob.glob(os.path.join(ROOT, "samples", "huaian-*.pdf")))
    texts = sorted(glob.glob(os.path.join(ROOT, "samples", "*.txt")) + glob.glob(os.path.join(ROOT, "samples", "*.md")))
    inputs = []
    for i in range(n):
        pool = pdfs if i < n * pdf_share else texts
        orig = pool[i % len(pool)]
        link = os.path.join(src, f"r{i:05d}-{os.path.basename(orig)}")
        os.symlink(orig, link)
        inputs.append(link)
    out = tempfile.mkdtemp(prefix="gk-index-")
    t = time.time()
    subprocess.run([gongkai, "review", *inputs, "--out", out], check=True, stdout=subprocess.DEVNULL)
    print(f"wrote the site of {n} reports ({int(n * pdf_share)} PDFs) in {time.time() - t:.0f} s; "
          f"index.html {os.path.getsize(os.path.join(out, 'index.html')) / 1e6:.2f} MB")
    return src, out


def open_index(site, runs):
    browser = Browser()
    loads, paints = [], []
    try:
        for _ in range(runs):
            browser.goto("about:blank")
            t = time.time()
            browser.goto(f"file://{site}/index.html")
            loads.append(time.time() - t)
            paints.append(browser.js(
                "performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null"))
            rows = browser.js("document.querySelectorAll('.index-table tbody tr').length")
        # Sorting 1000 rows by a column, as a reviewer would.
        t = time.time()
        browser.js("document.querySelectorAll('th button.sort')[1].click()")
        sort_s = time.time() - t
    finally:
        browser.close()
    print(f"index of {rows} rows in Chromium over {runs} runs: navigation to load event median "
          f"{statistics.median(loads):.2f} s (max {max(loads):.2f}); first contentful paint median "
          f"{statistics.median([p for p in paints if p is not None]) / 1000:.2f} s; one sort {sort_s:.2f} s")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--reports", type=int, default=1000)
    ap.add_argument("--pdf-share", type=float, default=0.1)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--gongkai", default=os.path.join(ROOT, "build", "gongkai"))
    a = ap.parse_args()
    site_weight(a.gongkai, os.path.join(ROOT, "samples", "huaian-city-2024.pdf"))
    src, site = index_site(a.gongkai, a.reports, a.pdf_share)
    try:
        open_index(site, a.runs)
    finally:
        shutil.rmtree(src)
        shutil.rmtree(site)


if __name__ == "__main__":
    main()
