#!/usr/bin/python3
"""The review site in a real browser (Debian's headless Chromium, no network).

    review_browser_test.py GONGKAI SAMPLES_DIR [--screenshots DIR]

Writes the site for the three real PDFs and two text inputs, opens it in
Chromium over --remote-debugging-pipe and checks:
  - every cell box lands on its printed value: for each cell with printed
    text, the word Poppler's text layer (pdftotext -bbox-layout) prints there
    lies inside the box as the browser lays it out, within 2 px at the
    rendered dpi;
  - clicking a finding (a real mouse click) selects and highlights its cells
    and scrolls the first into view; clicking a box selects its table cell;
    Enter on a focused table cell selects it (keyboard);
  - a correction entered and exported comes out as JSON naming exactly that cell;
  - text inputs show their text with the cells' characters marked;
  - the index lists every report and sorts;
  - at phone width nothing makes the page scroll sideways.
Exit 0 passed, 1 failed, 77 skipped (Chromium cannot start: said loudly).
"""
import html
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cdp import Browser, BrowserUnavailable  # noqa: E402

DPI = 110  # ReviewOptions::dpi
TOLERANCE_PX = 2.0
SHOT_SCALE = float(os.environ.get("GONGKAI_SHOT_SCALE", "0.75"))  # the kept screenshots: legible, ~150 kB
PDFS = ["huaian-city-2024.pdf", "huaian-hongze-district-2023.pdf", "huaian-hongze-district-2024.pdf"]
TEXTS = ["pingtan-2022.txt", "shuyang-county-ndrc-2023.html"]

failures = []


def check(ok, what):
    if not ok:
        failures.append(what)
        print("FAIL:", what)
    return ok


def words_by_page(pdf):
    """Every word of the text layer, in px at DPI, origin top left."""
    out = subprocess.run(["pdftotext", "-bbox-layout", pdf, "-"], capture_output=True, check=True).stdout.decode()
    # Read with patterns, not an XML parser: the document's <title> may hold
    # characters poppler does not escape.
    pages, s = {}, DPI / 72.0
    word = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>')
    for n, page in enumerate(out.split("<page ")[1:], 1):
        pages[n] = [(html.unescape(m[5]), float(m[1]) * s, float(m[2]) * s, float(m[3]) * s, float(m[4]) * s)
                    for m in word.finditer(page)]
    return pages


# Each box, in px of the page picture at DPI, as the browser lays it out.
BOXES_JS = """(() => {
  const rec = JSON.parse(document.getElementById('record').textContent);
  return [...document.querySelectorAll('figure.page .box')].map(b => {
    const fig = b.closest('figure'), img = fig.querySelector('img');
    const f = img.getBoundingClientRect(), r = b.getBoundingClientRect();
    const s = Number(img.getAttribute('width')) / f.width;
    const id = b.dataset.cell, c = rec.cells[id] || {};
    return {id, page: Number(fig.dataset.page), raw: c.raw || '',
            x0: (r.left - f.left) * s, y0: (r.top - f.top) * s, x1: (r.right - f.left) * s, y1: (r.bottom - f.top) * s};
  });
})()"""

# The darkest grey (0-255) of the page picture inside each [page, x0, y0, x1, y1] (px).
INK_JS = """(async (words) => {
  const out = [], canvases = {};
  for (const [page, x0, y0, x1, y1] of words) {
    if (!canvases[page]) {
      const img = document.querySelector(`figure[data-page="${page}"] img`);
      img.loading = 'eager';
      await img.decode();
      const c = document.createElement('canvas');
      c.width = img.naturalWidth; c.height = img.naturalHeight;
      c.getContext('2d').drawImage(img, 0, 0);
      canvases[page] = c.getContext('2d');
    }
    const d = canvases[page].getImageData(x0, y0, Math.max(1, x1 - x0), Math.max(1, y1 - y0)).data;
    let min = 255;
    for (let i = 0; i < d.length; i += 4) min = Math.min(min, d[i]);
    out.push(min);
  }
  return out;
})(%s)"""


def check_boxes(browser, pdf, name, gongkai):
    words = words_by_page(pdf)
    # The record as extract writes it: each cell's box in points.
    record = json.loads(subprocess.run([gongkai, "extract", pdf], capture_output=True, check=True).stdout)
    expected = {f"{c['table']}.{c['row']}.{c['col']}": [v * DPI / 72 for v in c["bbox"]]
                for c in record["cells"] if c.get("bbox") and c.get("bbox_unit") == "pt"}
    boxes = browser.js(BOXES_JS)
    check(len(boxes) == len(expected), f"{name}: {len(boxes)} boxes drawn for {len(expected)} cells with a box")
    check(len(boxes) > 50, f"{name}: only {len(boxes)} boxes on the pages")
    checked, worst, worst_drift, misses, ink_words = 0, 0.0, 0.0, [], []
    for b in boxes:
        raw = b["raw"].strip()
        if not raw:
            continue
        # What the text layer prints inside the box (words whose centre is in
        # it) must be the cell's text: a box one cell off holds another value.
        inside = [w for w in words.get(b["page"], [])
                  if b["x0"] <= (w[1] + w[3]) / 2 <= b["x1"] and b["y0"] <= (w[2] + w[4]) / 2 <= b["y1"]]
        printed = "".join(w[0] for w in inside)
        if printed != raw.replace(" ", ""):
            misses.append(f"{b['id']} (box holds {printed!r}, the cell read {raw!r})")
            continue
        # How far the printed words stick out of the box, in px.
        out = max([max(b["x0"] - w[1], b["y0"] - w[2], w[3] - b["x1"], w[4] - b["y1"], 0.0) for w in inside])
        worst = max(worst, out)
        checked += 1
        if out > TOLERANCE_PX:
            misses.append(f"{b['id']} ({raw!r} sticks out {out:.1f} px)")
        drift = max(abs(b[k] - e) for k, e in zip(("x0", "y0", "x1", "y1"), expected[b["id"]]))
        worst_drift = max(worst_drift, drift)
        if drift > TOLERANCE_PX:
            misses.append(f"{b['id']} (drawn {drift:.1f} px from the record's box)")
        ink_words.append([b["page"]] + [round(v) for v in inside[0][1:]])
    # The picture is in the same frame as the text layer: each word's box holds ink.
    inks = browser.js(INK_JS % json.dumps(ink_words))
    pale = [w for w, v in zip(ink_words, inks) if v is None or v > 160]
    check(not pale, f"{name}: {len(pale)} printed values have no ink under them in the page picture: {pale[:5]}")
    print(f"{name}: {checked} boxes checked against the text layer, worst overshoot {worst:.2f} px, "
          f"worst drift from the record's box {worst_drift:.2f} px, palest value in the picture (its darkest pixel) "
          f"{max(v for v in inks if v is not None) if inks else '-'} (0 black, 255 white)")
    check(checked > 50, f"{name}: only {checked} boxes could be checked")
    check(not misses, f"{name}: boxes off their printed values: {misses[:10]}")


def check_clicks(browser, name):
    n = browser.js("document.querySelectorAll('.finding').length")
    if not n:
        print(f"{name}: no findings to click")
    else:
        first = browser.js("document.querySelector('.finding').dataset.cells.split(' ')[0]")
        browser.click_element(".finding")
        sel = browser.js(f"""[...document.querySelectorAll('[data-cell="{first}"]')].map(e => e.classList.contains('sel'))""")
        check(sel and all(sel), f"{name}: clicking a finding did not select its cell {first}: {sel}")
        # The box is scrolled into the pages pane's view.
        visible = browser.js(f"""(() => {{ const b = document.querySelector('.box[data-cell="{first}"]');
            if (!b) return 'no box'; const p = b.closest('.pane').getBoundingClientRect(), r = b.getBoundingClientRect();
            return r.top >= p.top && r.bottom <= p.bottom; }})()""")
        check(visible in (True, "no box"), f"{name}: the finding's cell {first} is not scrolled into view")
    # A box on the page selects its table cell.
    target = browser.js("document.querySelectorAll('.box')[5].dataset.cell")
    browser.click_element(f'.box[data-cell="{target}"]')
    check(browser.js(f"""document.querySelector('td[data-cell="{target}"]').classList.contains('sel')"""),
          f"{name}: clicking the box of {target} did not select its table cell")
    # Keyboard: focus a table cell, press Enter.
    cell = browser.js("document.querySelectorAll('td.v')[3].dataset.cell")
    browser.js(f"""document.querySelector('td[data-cell="{cell}"]').focus()""")
    browser.key("Enter")
    check(browser.js(f"""document.querySelector('.box[data-cell="{cell}"]')?.classList.contains('sel')"""),
          f"{name}: Enter on the table cell {cell} did not select its box")
    return cell


def check_apply(browser, gongkai, pdf, site):
    """The page's export, applied to a store: exactly that cell changes, the identities are re-run."""
    import sqlite3
    cell = "review_litigation.review.total"  # printed 0 under 10 + 1 + 0 + 0: a source finding
    browser.js("localStorage.clear(); location.reload()")
    browser.wait_event("Page.loadEventFired")
    browser.click_element(f'td[data-cell="{cell}"]')
    browser.js("document.getElementById('reviewer').value = '测试员'")
    browser.js("document.getElementById('corrected').value = '11'")
    browser.click_element("#save")
    browser.click_element("#export")
    doc = browser.js("window.gongkaiExport")
    browser.js("localStorage.clear()")
    db, corr = os.path.join(site, "store.sqlite"), os.path.join(site, "corrections.json")
    with open(corr, "w") as f:
        json.dump(doc, f, ensure_ascii=False)
    subprocess.run([gongkai, "extract", "--db", db, pdf], check=True, capture_output=True)
    read = lambda: json.loads(sqlite3.connect(db).execute("SELECT record FROM reports").fetchone()[0])
    before = read()
    r = subprocess.run([gongkai, "apply-review", corr, "--db", db], capture_output=True, text=True)
    check(r.returncode == 0, f"apply-review failed: {r.stderr}")
    after = read()
    changed = [f"{a['table']}.{a['row']}.{a['col']}" for a, b in zip(after["cells"], before["cells"]) if a != b]
    check(changed == [cell], f"apply-review changed {changed}, not exactly {cell}")
    a = next(c for c in after["cells"] if f"{c['table']}.{c['row']}.{c['col']}" == cell)
    check(a.get("reviewed") == 11 and a.get("value") == 0 and a.get("reviewed_by") == "测试员",
          f"the reviewed cell holds {a}")
    still = [f for f in after.get("reviewed_findings", []) if f["rule"] == "review_litigation.group_total"
             and any(c["row"] == "review" for c in f["cells"])]
    check(not still and before["findings"] == after["findings"],
          "the identities were not re-run over the reviewed value (or the findings as read changed)")
    print(f"apply-review: the exported correction changed exactly {changed}; findings over the reviewed values "
          f"{len(after.get('reviewed_findings', []))}, as read {len(after['findings'])}")


def check_correction(browser, name, cell):
    browser.js("localStorage.clear()")
    browser.js(f"""document.querySelector('td[data-cell="{cell}"]').click()""")
    browser.js("document.getElementById('reviewer').value = '测试员'")
    browser.js("document.getElementById('corrected').value = '4321'")
    browser.click_element("#save")
    browser.click_element("#export")
    doc = browser.js("window.gongkaiExport")
    corr = doc["reports"][0]["corrections"] if doc else []
    table, row, col = cell.split(".")
    check(len(corr) == 1 and corr[0]["table"] == table and corr[0]["row"] == row and corr[0]["col"] == col
          and corr[0]["reviewed"] == 4321 and corr[0]["reviewed_by"] == "测试员" and corr[0]["action"] == "correct",
          f"{name}: exported corrections {corr} do not name exactly {cell} = 4321")
    check(browser.js(f"""document.querySelector('td[data-cell="{cell}"]').classList.contains('corrected')"""),
          f"{name}: the corrected cell is not marked")
    browser.js("localStorage.clear()")
    return doc


def check_text_page(browser, site, stem):
    browser.goto(f"file://{site}/{stem}.html")
    marks = browser.js("""(() => { const rec = JSON.parse(document.getElementById('record').textContent);
        return [...document.querySelectorAll('mark.box')].map(m => [m.dataset.cell, m.textContent, (rec.cells[m.dataset.cell]||{}).raw]); })()""")
    read = browser.js("""Object.values(JSON.parse(document.getElementById('record').textContent).cells).filter(c => c.raw).length""")
    print(f"{stem}: {len(marks)} of {read} cells with printed text marked in the source text")
    check(len(marks) >= 0.9 * read, f"{stem}: only {len(marks)} of {read} cells marked")
    check(all(m[1] == m[2] for m in marks), f"{stem}: a mark's text differs from its cell's raw text")
    if marks:
        browser.js(f"""document.querySelector('td[data-cell="{marks[-1][0]}"]').click()""")
        check(browser.js(f"""document.querySelector('mark[data-cell="{marks[-1][0]}"]').classList.contains('sel')"""),
              f"{stem}: clicking a table cell did not highlight its characters")


def check_index(browser, site, count, shots):
    browser.goto(f"file://{site}/index.html")
    if shots:
        browser.screenshot(os.path.join(shots, "index.png"), SHOT_SCALE)
    check(browser.js("document.querySelectorAll('.index-table tbody tr').length") == count,
          f"index: not {count} rows")
    browser.js("document.querySelectorAll('th button.sort')[1].click()")  # 年度
    years = browser.js("[...document.querySelectorAll('.index-table tbody tr')].map(r => Number(r.cells[2].dataset.sort))")
    check(years == sorted(years), f"index: sorting by year gave {years}")
    browser.js("const q = document.getElementById('q'); q.value = '洪泽'; q.dispatchEvent(new Event('input'))")
    shown = browser.js("[...document.querySelectorAll('.index-table tbody tr')].filter(r => !r.classList.contains('hidden')).length")
    check(shown == 2, f"index: filtering by 洪泽 shows {shown} rows, not 2")


def main():
    gongkai, samples = sys.argv[1], sys.argv[2]
    shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else None
    site = tempfile.mkdtemp(prefix="gk-review-")
    inputs = [os.path.join(samples, f) for f in PDFS + TEXTS]
    subprocess.run([gongkai, "review", *inputs, "--out", site], check=True, stdout=subprocess.DEVNULL)
    try:
        browser = Browser()
    except BrowserUnavailable as e:
        print("#" * 72 + f"\n# SKIPPED: the review site's browser tests did not run: {e}\n" + "#" * 72)
        return 77
    try:
        for pdf in PDFS:
            stem = pdf[:-4]
            browser.goto(f"file://{site}/{stem}.html")
            check_boxes(browser, os.path.join(samples, pdf), stem, gongkai)
            cell = check_clicks(browser, stem)
            check_correction(browser, stem, cell)
            if stem == "huaian-hongze-district-2023":
                check_apply(browser, gongkai, os.path.join(samples, pdf), site)
            if shots:
                # A fresh page, its first finding (or table 三's 总计) selected.
                browser.js("localStorage.clear()")
                browser.goto(f"file://{site}/{stem}.html")
                browser.js("(document.querySelector('.finding') || "
                           "document.querySelector('td[data-cell=\"requests.total.total\"]')).click()")
                browser.js("new Promise(r => setTimeout(r, 300))")
                browser.screenshot(os.path.join(shots, stem + ".png"), SHOT_SCALE)
        for t in TEXTS:
            check_text_page(browser, site, os.path.splitext(t)[0])
        check_index(browser, site, len(inputs), shots)
        browser.send("Emulation.setDeviceMetricsOverride", {"width": 390, "height": 844, "deviceScaleFactor": 1, "mobile": True})
        browser.goto(f"file://{site}/{PDFS[0][:-4]}.html")
        wide = browser.js("document.documentElement.scrollWidth")
        check(wide <= 392, f"phone: the page is {wide} px wide at 390")
        if shots:
            browser.screenshot(os.path.join(shots, "phone.png"), SHOT_SCALE)
    finally:
        browser.close()
    print("review browser tests:", "FAILED" if failures else "passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
