#!/usr/bin/env python3
"""Generate synthetic 政府信息公开工作年度报告 renderings with known true values.

Real reports are few and their expected values are costly to write by hand, so this
produces any number of internally consistent reports (every identity of
shared/spec/report-json.md holds) in the shapes the extractor meets in the wild:
tab-separated, one-cell-per-line, markdown, run-together text and HTML tables.
Each rendering comes with NAME.expected.json; with --drop-rate, value cells are
deleted from the text (NAME.dropped.json lists them) while expected keeps the
true values, so the identity-based repair can be scored.

  python3 tools/gen_text_corpus.py --out /tmp/gen --count 50 --seed 1 \
      [--styles tsv,lines,markdown,runtogether,html] [--drop-rate 0.05] [--formats 2019,2021]

Standard library only; output depends only on the arguments.
"""
import argparse
import html
import json
import random
import re
from pathlib import Path

STYLES = ["tsv", "lines", "markdown", "runtogether", "html"]
DROPPABLE = {"tsv", "lines", "markdown", "runtogether"}  # HTML cells are never lost this way
EXT = {"tsv": ".txt", "lines": ".txt", "runtogether": ".txt", "markdown": ".md", "html": ".html"}

APPLICANTS = ["natural_person", "commercial", "research", "nonprofit", "legal_services", "other"]
COLS = APPLICANTS + ["total"]
REVIEW_GROUPS = ["review", "litigation_direct", "litigation_after_review"]
REVIEW_COLS = ["upheld", "corrected", "other", "pending", "total"]
REVIEW_LABELS = ["结果维持", "结果纠正", "其他结果", "尚未审结", "总计"]

# Outcome sub-groups of table 三 in print order: (group label, [(key, item label)]).
SUBGROUPS = [
    ("（三）不予公开", [
        ("denied_state_secret", "1.属于国家秘密"),
        ("denied_prohibited_by_law", "2.其他法律行政法规禁止公开"),
        ("denied_security_stability", "3.危及“三安全一稳定”"),
        ("denied_third_party", "4.保护第三方合法权益"),
        ("denied_internal_affairs", "5.属于三类内部事务信息"),
        ("denied_process_info", "6.属于四类过程性信息"),
        ("denied_enforcement_file", "7.属于行政执法案卷"),
        ("denied_query_item", "8.属于行政查询事项")]),
    ("（四）无法提供", [
        ("unavailable_not_held", "1.本机关不掌握相关政府信息"),
        ("unavailable_needs_creation", "2.没有现成信息需要另行制作"),
        ("unavailable_unclear", "3.补正后申请内容仍不明确")]),
    ("（五）不予处理", [
        ("rejected_complaint", "1.信访举报投诉类申请"),
        ("rejected_duplicate", "2.重复申请"),
        ("rejected_publication", "3.要求提供公开出版物"),
        ("rejected_excessive", "4.无正当理由大量反复申请"),
        ("rejected_confirmation", "5.要求行政机关确认或重新出具已获取信息")]),
    ("（六）其他处理", [
        ("other_overdue_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请"),
        ("other_unpaid_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请"),
        ("other_other", "3.其他")]),
]
# How often an outcome row is non-zero and its share of a column's activity:
# granted and "not held" dominate real reports, the denial reasons are rare.
ROW_WEIGHT = {"granted": (0.9, 0.45), "partially_granted": (0.4, 0.1),
              "unavailable_not_held": (0.6, 0.2), "unavailable_needs_creation": (0.3, 0.05),
              "unavailable_unclear": (0.3, 0.05), "rejected_complaint": (0.3, 0.08),
              "rejected_duplicate": (0.3, 0.05)}
DEFAULT_WEIGHT = (0.12, 0.03)

AGENCIES = [
    "洪泽区人民政府", "淮安市交通运输局", "西工区西工街道办事处", "沭阳县发展和改革局",
    "淮安市人民政府", "清江浦区教育体育局", "涟水县自然资源和规划局", "盱眙县卫生健康委员会",
    "金湖县市场监督管理局", "淮阴区住房和城乡建设局", "宿迁市生态环境局", "泗洪县人力资源和社会保障局",
    "下沙街道办事处", "南关街道办事处", "天坛街道办事处", "新华区人民政府办公室",
    "平潭综合实验区管委会", "杭州市钱塘区民政局", "洛阳市老城区财政局", "文峰区农业农村局",
    "上海市人民政府办公厅", "徐汇区应急管理局", "福州市鼓楼区司法局", "宜兴市水利局",
    "常州市武进区商务局", "南通市崇川区退役军人事务局", "邳州市城市管理局", "海安市统计局",
    "淮安经济技术开发区管委会", "沭阳县人民政府",
]


class Cell:
    """One table cell laid out like an HTML <td>; ref=(table,row,col) marks a value cell."""

    def __init__(self, text, colspan=1, rowspan=1, ref=None, dropped=False):
        self.text, self.colspan, self.rowspan = text, colspan, rowspan
        self.ref, self.dropped = ref, dropped


def num_text(v):
    # repr() of a float is what json.dumps writes, so the printed cell equals expected.
    return repr(v) if isinstance(v, float) else str(v)


def skewed(rng, top, zero_p=0.3, power=4):
    """Counts spanning orders of magnitude: most agencies small, a few huge."""
    return 0 if rng.random() < zero_p else int(top * rng.random() ** power)


def money(rng, top):
    """A decimal amount with 0-4 decimals; integral values stay int so they print without '.0'."""
    if rng.random() < 0.35:
        return 0
    v = round(top * rng.random() ** 3, rng.randint(0, 4))
    return int(v) if v == int(v) else v


# ---------------------------------------------------------------- values
def outcome_keys(fmt, undivided):
    keys = ["granted", "partially_granted"]
    for _, items in SUBGROUPS:
        keys += [k for k, _ in items if not k.startswith("other_")]
    return keys + (["other"] if fmt == "2019" or undivided else [k for k, _ in SUBGROUPS[3][1]])


def gen_requests(rng, keys):
    table = {k: {} for k in ["new_received", "carried_over"] + keys + ["total", "carried_forward"]}
    for c in APPLICANTS:
        if c == "natural_person":
            level = rng.choices([0, rng.randint(1, 300), rng.randint(300, 5000)], [10, 75, 15])[0]
        else:
            level = 0 if rng.random() < 0.7 else rng.randint(1, 20)
        for k in keys:
            p, share = ROW_WEIGHT.get(k, DEFAULT_WEIGHT)
            p = p if c == "natural_person" else p / 2
            on = level and rng.random() < p
            table[k][c] = max(1, round(level * share * rng.uniform(0.3, 1.7))) if on else 0
        total = sum(table[k][c] for k in keys)
        co = rng.randint(0, 40 if c == "natural_person" else 5) if level and rng.random() < 0.5 else 0
        upper = total + co
        cf = rng.randint(0, upper) if rng.random() < 0.3 else rng.randint(0, min(upper, 10))
        if total + cf - co < 0:  # more carried in than handled: the rest must carry forward
            cf = co - total
        table["total"][c], table["carried_over"][c], table["carried_forward"][c] = total, co, cf
        table["new_received"][c] = total + cf - co
    for row in table.values():
        row["total"] = sum(row[c] for c in APPLICANTS)
    return table


def gen_review(rng):
    quiet = rng.random() < 0.5  # half of all agencies report no review or litigation at all
    out = {}
    for g in REVIEW_GROUPS:
        vals = [0 if quiet or rng.random() < 0.75 else 1 + int(79 * rng.random() ** 3) for _ in range(4)]
        out[g] = dict(zip(REVIEW_COLS, vals + [sum(vals)]))
    return out


def gen_active(rng, fmt, money_top=5e7):
    if fmt == "2021":
        reg_on = rng.random() < 0.2  # few bodies may issue 规章
        ri = rng.randint(0, 5) if reg_on else 0
        ni = skewed(rng, 30, power=1)
        return {"regulations": {"issued": ri, "repealed": rng.randint(0, 3) if reg_on else 0,
                                "in_force": rng.randint(ri, ri + 80) if reg_on else 0},
                "normative_documents": {"issued": ni, "repealed": skewed(rng, 10, 0.5, 1),
                                        "in_force": rng.randint(ni, ni + 300)},
                "licensing": {"decisions": skewed(rng, 500000, power=5)},
                "penalty": {"decisions": skewed(rng, 500000, power=5)},
                "enforcement": {"decisions": skewed(rng, 500000, power=6)},
                "fees": {"amount": money(rng, 100000)}}
    act = {}
    for k in ["regulations", "normative_documents"]:
        made = skewed(rng, 60, 0.5 if k == "regulations" else 0.3, 2)
        pub = made if rng.random() < 0.8 else rng.randint(0, made)
        act[k] = {"made": made, "published": pub, "public_total": pub + skewed(rng, 500, 0.2, 2)}
    for k in ["licensing", "other_services", "penalty", "enforcement"]:
        prev = skewed(rng, 400, 0.3, 2)
        act[k] = {"previous_items": prev, "change": rng.randint(-min(prev, 30), 30),
                  "decisions": skewed(rng, 500000, power=5)}
    prev = skewed(rng, 60, 0.4, 2)
    act["fees"] = {"previous_items": prev, "change": rng.randint(-min(prev, 10), 10)}
    act["procurement"] = {"items": skewed(rng, 2000, 0.3, 3), "amount": money(rng, money_top)}
    return act


# ---------------------------------------------------------------- document model
def build(rng, fmt, style, drop_rate):
    """Return (blocks, expected, dropped, flags). Blocks: (kind, payload) in print order."""
    agency = rng.choice(AGENCIES)
    year = rng.randint(2019, 2020) if fmt == "2019" else rng.randint(2021, 2025)
    undivided = fmt == "2021" and rng.random() < 0.15
    keys = outcome_keys(fmt, undivided)
    unit = rng.choice(["", "元", "万元"])  # 2019 procurement amount suffix; 万元 amounts are smaller
    req, rev, act = gen_requests(rng, keys), gen_review(rng), gen_active(rng, fmt, 5000 if unit == "万元" else 5e7)
    # Noise flags are drawn independently so every combination shows up eventually.
    f = {"norm_short": rng.random() < 0.3, "heji": rng.random() < 0.2,
         "prohibited": rng.choice([None, None, None, "2.其他法律行政止公开", "2.其他法律法规禁止公开"]),
         "spaced": rng.random() < 0.2, "halfwidth": rng.random() < 0.3,
         "footers": rng.random() < 0.3, "notes": rng.random() < 0.25,
         "shift": rng.random() < 0.3, "wrap": rng.random() < 0.3}
    dropped = []

    def val(table, row, col, v, note="", unit="", **span):
        gone = table != "active" and style in DROPPABLE and rng.random() < drop_rate
        if gone:
            dropped.append({"table": table, "row": row, "col": col})
        return Cell(num_text(v) + note + unit, ref=(table, row, col), dropped=gone, **span)

    def note(v):
        if f["notes"] and v >= 2 and rng.random() < 0.5:
            return rng.choice(["（其中修订{}件）", "（含{}件联合发文）"]).format(rng.randint(1, v - 1))
        return ""

    def heading(t):
        if f["spaced"] and rng.random() < 0.5:  # "三 、收 到 和 处 理 …" from PDF letter-spacing
            return t[0] + " 、" + " ".join(t[2:])
        return t

    # Table 二: one grid with the 第二十条 sub-tables, 4 columns wide as in the template.
    A, g = act, []
    sec = lambda n: [Cell(f"第二十条第（{n}）项", colspan=4)]
    if fmt == "2021":
        g += [sec("一"), [Cell(t) for t in ["信息内容", "本年制发件数", "本年废止件数", "现行有效件数"]]]
        for k, lab in [("regulations", "规章"),
                       ("normative_documents", "规范性文件" if f["norm_short"] else "行政规范性文件")]:
            g.append([Cell(lab)] + [val("active", k, c, A[k][c], note(A[k][c]) if c == "issued" else "")
                                    for c in ["issued", "repealed", "in_force"]])
        for n, items in [("五", [("licensing", "行政许可")]),
                         ("六", [("penalty", "行政处罚"), ("enforcement", "行政强制")])]:
            g += [sec(n), [Cell("信息内容"), Cell("本年处理决定数量", colspan=3)]]
            g += [[Cell(lab), val("active", k, "decisions", A[k]["decisions"], colspan=3)] for k, lab in items]
        fee_hdr = rng.choice(["本年收费金额（单位：万元）", "本年收费金额（单位：万元，保留4位小数）"])
        g += [sec("八"), [Cell("信息内容"), Cell(fee_hdr, colspan=3)],
              [Cell("行政事业性收费"), val("active", "fees", "amount", A["fees"]["amount"], colspan=3)]]
    else:
        g += [sec("一"), [Cell(t) for t in ["信息内容", "本年新制作数量", "本年新公开数量", "对外公开总数量"]]]
        for k, lab in [("regulations", "规章"), ("normative_documents", "规范性文件")]:
            g.append([Cell(lab)] + [val("active", k, c, A[k][c], note(A[k][c]) if c == "made" else "")
                                    for c in ["made", "published", "public_total"]])
        hdr = ["信息内容", "上一年项目数量", "本年增/减", "处理决定数量"]
        for n, items in [("五", [("licensing", "行政许可"), ("other_services", "其他对外管理服务事项")]),
                         ("六", [("penalty", "行政处罚"), ("enforcement", "行政强制")])]:
            g += [sec(n), [Cell(t) for t in hdr]]
            g += [[Cell(lab)] + [val("active", k, c, A[k][c]) for c in ["previous_items", "change", "decisions"]]
                  for k, lab in items]
        g += [sec("八"), [Cell("信息内容"), Cell("上一年项目数量"), Cell("本年增/减", colspan=2)],
              [Cell("行政事业性收费"), val("active", "fees", "previous_items", A["fees"]["previous_items"]),
               val("active", "fees", "change", A["fees"]["change"], colspan=2)]]
        g += [sec("九"), [Cell("信息内容"), Cell("采购项目数量"), Cell("采购总金额", colspan=2)],
              [Cell("政府集中采购"), val("active", "procurement", "items", A["procurement"]["items"]),
               val("active", "procurement", "amount", A["procurement"]["amount"], unit=unit, colspan=2)]]
    active_grid = g

    # Table 三: header block and rows with rowspan group labels, as in the official template.
    vals = lambda k: [val("requests", k, c, req[k][c]) for c in COLS]
    g = [[Cell("（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）", colspan=3, rowspan=3),
          Cell("申请人情况", colspan=7)],
         [Cell("自然人", rowspan=2), Cell("法人或其他组织", colspan=5), Cell("总计", rowspan=2)],
         [Cell(t) for t in ["商业企业", "科研机构", "社会公益组织", "法律服务机构", "其他"]],
         [Cell("一、本年新收政府信息公开申请数量", colspan=3)] + vals("new_received"),
         [Cell("二、上年结转政府信息公开申请数量", colspan=3)] + vals("carried_over")]
    body = [[Cell("（一）予以公开", colspan=2)] + vals("granted"),
            [Cell("（二）部分公开（区分处理的，只计这一情形，不计其他情形）", colspan=2)] + vals("partially_granted")]
    for glab, items in SUBGROUPS:
        items = [(k, lab) for k, lab in items if k in keys]
        if not items:  # （六） printed undivided
            body.append([Cell(glab, colspan=2)] + vals("other"))
            continue
        for i, (k, lab) in enumerate(items):
            if k == "denied_prohibited_by_law" and f["prohibited"]:
                lab = f["prohibited"]
            lead = [Cell(glab, rowspan=len(items))] if i == 0 else []
            body.append(lead + [Cell(lab)] + vals(k))
    body.append([Cell("合计" if f["heji"] else "（七）总计", colspan=2)] + vals("total"))
    body[0].insert(0, Cell("三、本年度办理结果", rowspan=len(body)))
    g += body + [[Cell("四、结转下年度继续办理", colspan=3)] + vals("carried_forward")]
    requests_grid = g

    review_grid = [
        [Cell("行政复议", colspan=5), Cell("行政诉讼", colspan=10)],
        [Cell(t, rowspan=2) for t in REVIEW_LABELS] + [Cell("未经复议直接起诉", colspan=5), Cell("复议后起诉", colspan=5)],
        [Cell(t) for t in REVIEW_LABELS * 2],
        [val("review_litigation", grp, c, rev[grp][c]) for grp in REVIEW_GROUPS for c in REVIEW_COLS]]

    # Narrative: realistic numbers that an extractor must not mistake for table cells.
    n = lambda a, b: rng.randint(a, b)
    pubs = n(50, 5000)
    subs = [("（一）主动公开情况", f"{year}年，{agency}坚持以公开为常态、不公开为例外，全年主动公开政府信息{pubs}条，"
             f"其中政策文件{n(0, 60)}条、工作动态{n(10, pubs)}条、通知公告{n(0, 200)}条；通过政务新媒体发布信息{n(0, 900)}条。"),
            ("（二）依申请公开情况", f"{year}年共收到政府信息公开申请{req['new_received']['total']}件，"
             f"上年结转{req['carried_over']['total']}件，均在法定期限内答复。"),
            ("（三）政府信息管理", f"严格落实信息发布“三审三校”制度，全年开展保密审查{n(1, 400)}次，"
             f"清理规范性文件{n(0, 40)}件，修订完善工作制度{n(1, 9)}项。"),
            ("（四）平台建设情况", f"持续优化政府门户网站信息公开专栏，全年新增栏目{n(0, 12)}个，"
             f"网站访问量达{n(1, 900)}万人次，政务微信公众号发布信息{n(0, 2000)}条。"),
            ("（五）监督保障情况", f"将政务公开工作纳入年度绩效考核，分值占比{n(2, 8)}%，"
             f"组织业务培训{n(1, 12)}场次、参训{n(10, 600)}人次。")]
    picks = sorted(rng.sample(range(len(subs)), rng.randint(2, 4)))
    fee_line = rng.choice(["本年度未收取信息处理费。", "无其他需要报告的事项。",
                           f"按照《政府信息公开信息处理费管理办法》，{year}年本机关共收取信息处理费{n(0, 3)}00元。"])
    sp = rng.choice(["", " "])
    blocks = [("title", f"{agency}{sp}{year}{sp}年政府信息公开工作年度报告"),
              ("h", heading("一、总体情况"))]
    for i in picks:
        blocks += [("sub", subs[i][0]), ("p", subs[i][1])]
    blocks += [("h", heading("二、主动公开政府信息情况")), ("table", active_grid),
               ("h", heading("三、收到和处理政府信息公开申请情况")), ("table", requests_grid),
               ("h", heading("四、政府信息公开行政复议、行政诉讼情况")), ("table", review_grid),
               ("h", heading(rng.choice(["五、存在的主要问题及改进情况", "五、政府信息公开工作存在的主要问题及改进情况"]))),
               ("p", f"{year}年，我单位政府信息公开工作取得了一定成效，但仍存在公开内容不够全面、政策解读形式较为单一等问题。"),
               ("p", f"{year + 1}年，将进一步加强业务培训{n(2, 6)}次以上，完善公开目录，提升信息公开的及时性和规范性。"),
               ("h", heading("六、其他需要报告的事项")), ("p", fee_line)]
    expected = {"meta": {"agency": agency, "year": year, "template": fmt},
                "tables": {"active": act, "requests": req, "review_litigation": rev}}
    return blocks, expected, dropped, f


# ---------------------------------------------------------------- rendering
def layout(grid):
    """Place cells on a full grid: each slot is ('cell'|'colspan'|'rowspan', Cell)."""
    occ, out = {}, []
    for r, row in enumerate(grid):
        slots, c, queue = [], 0, list(row)
        while queue or (r, c) in occ:
            if (r, c) in occ:
                slots.append(("rowspan", occ[(r, c)]))
                c += 1
                continue
            cell = queue.pop(0)
            for dc in range(cell.colspan):
                slots.append(("colspan" if dc else "cell", cell))
                for dr in range(1, cell.rowspan):
                    occ[(r + dr, c + dc)] = cell
            c += cell.colspan
        out.append(slots)
    return out


def flat_fields(rng, slots, f, shift_ok):
    """Row as tsv-like fields; a dropped cell's separator vanishes half the time."""
    out = []
    for kind, cell in slots:
        if kind == "cell" and cell.dropped:
            if rng.random() < 0.5:
                out.append("")
        else:
            out.append(cell.text if kind == "cell" else "")
    if shift_ok and f["shift"] and slots[0][0] == "rowspan" and rng.random() < 0.15:
        # Extractors sometimes lose a row's leading empty cells (seeds 000/003: "3.其他\t\t0…").
        k = next((i for i, x in enumerate(out) if x), 0)
        out = out[k:] + [""] * k
    return out


def add_footers(rng, lines):
    page, pos, fmt = rng.randint(1, 3), rng.randint(20, 45), rng.choice(["- {} -", "— {} —", "-{}-"])
    while pos < len(lines):
        lines.insert(pos, fmt.format(page))
        page, pos = page + 1, pos + rng.randint(30, 60)
    return lines


def render_text(rng, style, blocks, f):
    lines = []
    for kind, x in blocks:
        if kind != "table":
            if style == "markdown" and kind in ("title", "h", "sub"):
                x = "#" * {"title": 1, "h": rng.choice([2, 2, 3, 4]), "sub": rng.choice([3, 4, 5])}[kind] + " " + x
            lines += [x, ""] if style != "lines" else [x]
            continue
        rows = layout(x)
        for i, slots in enumerate(rows):
            if style == "lines":  # one cell per line; one tab line per rowspan-covered cell (seed 001)
                seen = None
                for kind2, cell in slots:
                    if kind2 == "colspan" or cell is seen or (kind2 == "cell" and cell.dropped and rng.random() < 0.5):
                        continue
                    seen = cell
                    text = "" if kind2 == "rowspan" or cell.dropped else cell.text
                    if f["wrap"] and cell.ref is None and 4 <= len(text) <= 6:
                        text = text[:2] + "\n" + text[2:]  # Word cell line break: "商业\n企业"
                    lines.append("\t" + text)
                lines.append("")
            else:
                fields = flat_fields(rng, slots, f, style == "tsv")
                if style == "markdown":
                    lines.append("| " + " | ".join(fields) + " |")
                    if i == 0:
                        lines.append("|" + "---|" * len(fields))
                else:
                    lines.append("\t".join(fields) + ("\t" if rng.random() < 0.2 else ""))
        lines.append("")
    if f["footers"]:
        add_footers(rng, lines)
    return "\n".join(lines) + "\n"


def render_runtogether(rng, blocks, title):
    """Pingtan-style page text: cells concatenated with no separator, body on 1-3 lines."""
    space = rng.random() < 0.5  # pingtan-2022 puts spaces between labels; pingtan-2019 does not
    parts, line = [], []
    for kind, x in blocks:
        if kind == "h" and x.replace(" ", "")[:2] in ("二、", "五、"):
            parts.append(line)
            line = []
        if kind != "table":
            line.append(x)
            continue
        for slots in layout(x):
            labels = [c.text for k, c in slots if k == "cell" and c.ref is None]
            cells = [c.text for k, c in slots if k == "cell" and c.ref is not None and not c.dropped]
            digits = "".join(cells)
            # Stray spaces, as in pingtan ("230 000023" is 23,0 | 0,0,0,0,23): they fall
            # between cells, never inside one, in every real run-together page seen.
            if len(cells) >= 2 and rng.random() < 0.3:
                p = rng.randint(1, len(cells) - 1)
                digits = "".join(cells[:p]) + " " + "".join(cells[p:])
            sep = " " if space and rng.random() < 0.5 else ""
            line.append(sep.join(labels) + (sep if labels else "") + digits)
    parts.append(line)
    bodies = ["".join(p) if not space else " ".join(p) for p in parts]
    if rng.random() < 0.5:
        bodies = ["".join(bodies)]
    head = f"标题: {title}\n发布机构: \n{'=' * 20} 正文 {'=' * 20}\n" if rng.random() < 0.5 else ""
    return head + "\n".join(bodies) + "\n"


def render_html(blocks, title):
    e = html.escape
    out = ['<!DOCTYPE html>', f'<html><head><meta charset="utf-8"><title>{e(title)}</title></head><body>']
    for kind, x in blocks:
        if kind == "title":
            out.append(f"<h1>{e(x)}</h1>")
        elif kind != "table":
            out.append(f"<p>{e(x)}</p>")
        else:
            out.append('<table border="1" cellspacing="0">')
            for row in x:
                tds = []
                for c in row:
                    span = (f' colspan="{c.colspan}"' if c.colspan > 1 else "") + \
                           (f' rowspan="{c.rowspan}"' if c.rowspan > 1 else "")
                    tds.append(f"<td{span}>{e(c.text)}</td>")
                out.append("<tr>" + "".join(tds) + "</tr>")
            out.append("</table>")
    return "\n".join(out + ["</body></html>"]) + "\n"


def halfwidth(rng, text):
    """'（一）' → '(一) ' and other full-width parens to half-width, as many PDF extractions print."""
    gap = rng.choice(["", " "])
    text = re.sub(r"（([一二三四五六七八九十]+)）(项?)",
                  lambda m: f"({m.group(1)})" + (m.group(2) or gap), text)
    return text.replace("（", "(").replace("）", ")")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--styles", default=",".join(STYLES))
    ap.add_argument("--drop-rate", type=float, default=0.0,
                    help="probability that each requests/review value cell vanishes from the text")
    ap.add_argument("--formats", default="2019,2021")
    a = ap.parse_args()
    styles = a.styles.split(",")
    formats = a.formats.split(",")
    bad = [s for s in styles if s not in STYLES] + [x for x in formats if x not in ("2019", "2021")]
    if bad:
        ap.error(f"unknown style/format: {bad}")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    for i in range(a.count):
        # A per-report stream keeps report i identical whatever --count is.
        rng = random.Random(f"{a.seed}:{i}")
        style, fmt = styles[i % len(styles)], rng.choice(formats)
        blocks, expected, dropped, f = build(rng, fmt, style, a.drop_rate)
        title = blocks[0][1]
        if style == "html":
            text = render_html(blocks, title)
        elif style == "runtogether":
            text = render_runtogether(rng, blocks, title)
        else:
            text = render_text(rng, style, blocks, f)
        if f["halfwidth"]:
            text = halfwidth(rng, text)
        name = f"{i:04d}_{style}_{fmt}" + ("_drop" if dropped else "")
        (out / (name + EXT[style])).write_text(text, encoding="utf-8")
        dump = lambda obj, p: (out / p).write_text(json.dumps(obj, ensure_ascii=False, indent=1) + "\n",
                                                    encoding="utf-8")
        dump(expected, name + ".expected.json")
        if dropped:
            dump(dropped, name + ".dropped.json")
    print(f"wrote {a.count} reports to {out}")


if __name__ == "__main__":
    main()
