// The review site's behaviour, plain JavaScript and no network: selecting a
// cell (from a finding, a table cell or a box on the page), and corrections
// kept in this browser (localStorage) and exported as JSON for
// `gongkai apply-review`.
(function () {
  "use strict";
  var body = document.body;
  if (body.classList.contains("index")) return indexPage();
  if (body.classList.contains("report")) return reportPage();

  function reportPage() {
    var data = JSON.parse(document.getElementById("record").textContent);
    var storeKey = "gongkai-review:" + data.sha256;
    var corrections = load(storeKey, {});
    var selected = null;
    var $ = function (id) { return document.getElementById(id); };
    var all = function (sel) { return Array.prototype.slice.call(document.querySelectorAll(sel)); };
    var byCell = function (id, sel) { return all((sel || "[data-cell]") + '[data-cell="' + id + '"]'); };

    function clear(cls) { all("." + cls).forEach(function (e) { e.classList.remove(cls); }); }

    // Select one cell: mark it everywhere; bring the page's box (or the
    // table's cell) into view.
    function select(id, reveal) {
      clear("sel");
      selected = id;
      byCell(id).forEach(function (e) { e.classList.add("sel"); });
      var target = reveal === "table" ? byCell(id, "td")[0] : byCell(id, ".box")[0] || byCell(id, "td")[0];
      if (target) target.scrollIntoView({ block: "center", inline: "nearest" });
      showEditor();
    }

    function selectFinding(li) {
      clear("related");
      all(".finding.sel").forEach(function (e) { e.classList.remove("sel"); });
      li.classList.add("sel");
      var cells = (li.getAttribute("data-cells") || "").split(" ").filter(Boolean);
      cells.forEach(function (id) { byCell(id).forEach(function (e) { e.classList.add("related"); }); });
      if (cells.length) select(cells[0], "page");
    }

    function label(id) {
      var td = byCell(id, "td")[0];
      return td ? td.getAttribute("data-label") : id;
    }

    function showEditor() {
      var cell = data.cells[selected] || {};
      var c = corrections[selected];
      var read = cell.value === null || cell.value === undefined ? "（无）" : String(cell.value);
      document.querySelector(".sel-info").textContent = label(selected) + "：读数 " + read +
        (cell.raw ? "，原文「" + cell.raw + "」" : "") + (cell.page ? "，第" + cell.page + "页" : "") +
        (cell.state ? "，" + cell.state : "") + (c ? "。已" + (c.action === "confirm" ? "确认" : "更正为 " + c.reviewed) : "");
      $("corrected").disabled = $("confirm").disabled = $("save").disabled = false;
      $("undo").disabled = !c;
      $("corrected").value = c && c.action === "correct" ? c.reviewed : "";
    }

    function record(action, value) {
      if (!selected) return;
      var cell = data.cells[selected] || {};
      var parts = selected.split(".");
      corrections[selected] = {
        table: parts[0], row: parts[1], col: parts[2], action: action,
        read: cell.value === undefined ? null : cell.value, reviewed: value,
        reviewed_by: $("reviewer").value.trim(), reviewed_at: new Date().toISOString()
      };
      save();
    }

    function save() {
      try { localStorage.setItem(storeKey, JSON.stringify(corrections)); } catch (e) { /* private mode: kept for this visit */ }
      paint();
      if (selected) showEditor();
    }

    function paint() {
      all("td.v").forEach(function (td) {
        var c = corrections[td.getAttribute("data-cell")];
        td.classList.toggle("confirmed", !!c && c.action === "confirm");
        td.classList.toggle("corrected", !!c && c.action === "correct");
      });
      var n = Object.keys(corrections).length;
      $("count").textContent = n ? "本报告已有 " + n + " 处审阅记录（保存在本浏览器中）。" : "";
    }

    function exportJson() {
      var list = Object.keys(corrections).map(function (k) { return corrections[k]; });
      var doc = { format: "gongkai-review-corrections", version: 1, exported_at: new Date().toISOString(),
        reports: [{ file: data.file, sha256: data.sha256, agency: data.agency, year: data.year, corrections: list }] };
      var blob = new Blob([JSON.stringify(doc, null, 1)], { type: "application/json" });
      var a = document.createElement("a");
      a.href = URL.createObjectURL(blob);
      a.download = "corrections-" + (data.file || "report").replace(/\.[^.]*$/, "") + ".json";
      document.body.appendChild(a);
      a.click();
      a.remove();
      window.gongkaiExport = doc;  // for scripts and tests
    }

    function activate(e, fn) {
      if (e.type === "click" || e.key === "Enter" || e.key === " ") { e.preventDefault(); fn(); }
    }
    document.addEventListener("click", handle);
    document.addEventListener("keydown", handle);
    function handle(e) {
      var t = e.target;
      if (!t.closest) return;
      var li = t.closest(".finding");
      if (li) return activate(e, function () { selectFinding(li); });
      var td = t.closest("td.v");
      if (td) return activate(e, function () { clear("related"); select(td.getAttribute("data-cell"), "page"); });
      var box = t.closest(".box");
      if (box && e.type === "click") { clear("related"); select(box.getAttribute("data-cell"), "table"); byCell(box.getAttribute("data-cell"), "td").forEach(function (x) { x.focus({ preventScroll: true }); }); }
    }
    $("reviewer").value = load("gongkai-reviewer", "");
    $("reviewer").addEventListener("change", function () {
      try { localStorage.setItem("gongkai-reviewer", JSON.stringify($("reviewer").value.trim())); } catch (e) { }
    });
    $("confirm").addEventListener("click", function () { var c = data.cells[selected] || {}; record("confirm", c.value === undefined ? null : c.value); });
    $("save").addEventListener("click", saveCorrection);
    $("corrected").addEventListener("keydown", function (e) { if (e.key === "Enter") saveCorrection(); });
    $("undo").addEventListener("click", function () { delete corrections[selected]; save(); });
    $("export").addEventListener("click", exportJson);
    function saveCorrection() {
      var text = $("corrected").value.trim();
      var value = text === "" ? null : Number(text);
      if (text !== "" && !isFinite(value)) { $("corrected").setCustomValidity("请输入数字，或留空表示无值"); $("corrected").reportValidity(); return; }
      $("corrected").setCustomValidity("");
      record("correct", value);
    }
    paint();
    // Printing needs every page picture, not only those scrolled to.
    window.addEventListener("beforeprint", function () {
      all("figure.page img").forEach(function (img) { img.loading = "eager"; });
    });
    window.gongkaiSelect = select;
  }

  function load(key, fallback) {
    try { var v = localStorage.getItem(key); return v ? JSON.parse(v) : fallback; } catch (e) { return fallback; }
  }

  function indexPage() {
    var tbody = document.querySelector(".index-table tbody");
    var rows = Array.prototype.slice.call(tbody.rows);
    var q = document.getElementById("q"), fmt = document.getElementById("fmt"), only = document.getElementById("flagged-only");
    function filter() {
      var text = q.value.trim(), f = fmt.value, shown = 0;
      rows.forEach(function (r) {
        var ok = (!text || r.getAttribute("data-agency").indexOf(text) >= 0) && (!f || r.getAttribute("data-format") === f) &&
          (!only.checked || r.getAttribute("data-flagged") !== "0");
        r.classList.toggle("hidden", !ok);
        shown += ok ? 1 : 0;
      });
      document.getElementById("shown").textContent = "显示 " + shown + " / " + rows.length;
    }
    [q, fmt, only].forEach(function (e) { e.addEventListener("input", filter); e.addEventListener("change", filter); });
    Array.prototype.forEach.call(document.querySelectorAll("th button.sort"), function (b) {
      b.addEventListener("click", function () {
        var th = b.parentNode, col = Array.prototype.indexOf.call(th.parentNode.children, th);
        var dir = th.getAttribute("aria-sort") === "ascending" ? -1 : 1;
        Array.prototype.forEach.call(th.parentNode.children, function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", dir > 0 ? "ascending" : "descending");
        var key = function (r) { var c = r.cells[col]; var s = c.getAttribute("data-sort"); return s === null ? c.textContent : s; };
        var numeric = rows.every(function (r) { return !isNaN(parseFloat(key(r))); });
        rows.sort(function (a, b2) {
          var x = key(a), y = key(b2);
          return dir * (numeric ? parseFloat(x) - parseFloat(y) : x.localeCompare(y, "zh-CN"));
        });
        var frag = document.createDocumentFragment();
        rows.forEach(function (r) { frag.appendChild(r); });
        tbody.appendChild(frag);
      });
    });
    filter();
  }
})();
