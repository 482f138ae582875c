#!/usr/bin/env python3
"""Generate synthetic 政府信息公开工作年度报告 PDFs (2021 format) with known true values.

Fills the official blank template (tools/template-2021.docx, from shared/corpus) with random but
consistent values (every identity of shared/spec/report-json.md holds; the values come
from gen_text_corpus.py), adds a title, an introduction and narrative text around the
tables, varies the typography and layout per report, and renders each report to PDF
with LibreOffice. Each NAME.pdf comes with NAME.expected.json ({meta, tables} exactly as
printed).

  python3 tools/gen_pdf_corpus.py --out /tmp/genpdf --count 20 --seed 1 \
      [--template PATH] [--keep-docx] [--check] [--manifest FILE] [--batch 16]

Varied per report (drawn from the seed): body and table fonts (6 CJK families), body
and table font sizes, column widths (each grid column ±15 %, total kept), page
margins, line spacing, the amount of narrative before table 三 (so that it breaks
across pages at different rows), repeated header rows (w:tblHeader) and forbidden row
splitting (w:cantSplit) in table 三, header-cell shading, value alignment and page
number footers, top- or centre-aligned value cells.

--check reads every PDF back with `pdftotext -bbox-layout` and verifies, table by
table, that the numbers printed between the section headings are exactly the expected
values in their cells (tables 三 and 四 column by column, read top to bottom across
pages; table 二 line by line); it also reports the row before which table 三 breaks
across a page.

Where table 三 happens to fit on one page, most reports (force_break) are rendered again
with more narrative at the end of section 一 (digit-free sentences), so that the page ends
at a chosen fraction of the table; that pass reads the first rendering with pdftotext
(line pitch, where the table landed).

Standard library only, plus soffice (LibreOffice) and pdftotext (poppler-utils). The
documents depend only on the arguments; PDF creation dates and IDs are pinned, so the
PDF bytes do as well (for the same LibreOffice and fonts). Report i is the same whatever
--count is. About 1 s per report when rendered in batches (LibreOffice start-up, ~2 s,
is paid once per batch).
"""
import argparse
import copy
import hashlib
import json
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import gen_text_corpus as gtc  # noqa: E402  (value generators; not modified here)

DEFAULT_TEMPLATE = str(Path(__file__).resolve().parent / "template-2021.docx")  # copied from the corpus
WNS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
W = "{%s}" % WNS
RNS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"

FONTS = ["Noto Serif CJK SC", "Noto Sans CJK SC", "WenQuanYi Zen Hei", "WenQuanYi Micro Hei",
         "AR PL UMing CN", "AR PL UKai CN"]
SHADES = ["D9D9D9", "F2F2F2", "DEEAF6", "C6D9F1", "E7E6E6", "FFF2CC"]

REQ_ROWS = ["new_received", "carried_over", "granted", "partially_granted"] + \
    [k for _, items in gtc.SUBGROUPS for k, _ in items] + ["total", "carried_forward"]
ACTIVE_CELLS = {  # table 二: template row index -> [(key, field)] for its value cells in order
    2: [("regulations", "issued"), ("regulations", "repealed"), ("regulations", "in_force")],
    3: [("normative_documents", "issued"), ("normative_documents", "repealed"),
        ("normative_documents", "in_force")],
    6: [("licensing", "decisions")], 9: [("penalty", "decisions")],
    10: [("enforcement", "decisions")], 13: [("fees", "amount")]}

MORE_AGENCIES = [
    "南京市玄武区司法局", "苏州市吴中区民政局", "无锡市梁溪区人民政府", "扬州市江都区教育局",
    "盐城市亭湖区卫生健康委员会", "连云港市海州区财政局", "镇江市丹徒区人力资源和社会保障局",
    "合肥市蜀山区自然资源和规划局", "芜湖市鸠江区交通运输局", "杭州市西湖区文化广电旅游局",
    "宁波市鄞州区市场监督管理局", "温州市鹿城区住房和城乡建设局", "济南市历下区人民政府办公室",
    "青岛市黄岛区农业农村局", "郑州市金水区城市管理局", "开封市鼓楼区应急管理局",
    "武汉市江汉区退役军人事务局", "长沙市岳麓区商务局", "成都市武侯区统计局", "重庆市渝中区审计局",
    "西安市雁塔区生态环境局", "昆明市五华区水务局", "南宁市青秀区林业局", "石家庄市长安区科学技术局",
    "太原市小店区医疗保障局", "沈阳市和平区体育局", "哈尔滨市南岗区信访局", "福州市仓山区园林中心",
    "厦门市思明区中华街道办事处", "广州市越秀区北京街道办事处", "深圳市福田区政务服务数据管理局",
    "东莞市人民政府", "佛山市南海区人民政府", "泰州市姜堰区人民政府", "宿迁市宿城区人民政府",
]
AGENCIES = gtc.AGENCIES + MORE_AGENCIES
SITES = ["门户网站", "官方网站", "政府信息公开专栏", "政务公开专栏"]


# ---------------------------------------------------------------- narrative
def narrative(rng, agency, year, req, rev):
    """Return (intro, sections) where sections maps '一'/'五'/'六' to [(kind, text)], kind 'sub'|'p'."""
    n = rng.randint
    rt = req["new_received"]["total"]
    intro = [
        f"本报告根据《中华人民共和国政府信息公开条例》（以下简称《条例》）和《国务院办公厅政府信息与政务公开办公室"
        f"关于印发〈中华人民共和国政府信息公开工作年度报告格式〉的通知》（国办公开办函〔2021〕30号）要求，"
        f"由{agency}编制。",
        "全文包括总体情况、主动公开政府信息情况、收到和处理政府信息公开申请情况、政府信息公开行政复议和行政诉讼情况、"
        "存在的主要问题及改进情况、其他需要报告的事项。",
        f"本报告所列数据的统计期限自{year}年1月1日起至{year}年12月31日止。",
        f"本报告电子版可在{agency}{rng.choice(SITES)}查阅或下载。",
        f"如对本报告有任何疑问，请与{agency}办公室联系（电话：0{n(10, 999)}-{n(2000000, 89999999)}）。",
    ]
    intro = intro[:3] + [s for s in intro[3:] if rng.random() < 0.7]
    subs = {
        "（一）主动公开": [
            f"{year}年，{agency}坚持以公开为常态、不公开为例外，全年主动公开政府信息{n(50, 6000)}条。",
            f"其中，发布政策文件{n(0, 80)}件、政策解读{n(0, 60)}篇，图文解读{n(0, 30)}篇，发布工作动态{n(10, 2000)}条。",
            f"围绕重点领域信息公开，公开财政预决算、“三公”经费等信息{n(1, 40)}条，公开重大建设项目信息{n(0, 90)}条。",
            f"通过政务新媒体发布信息{n(0, 3000)}条，回应社会关切{n(0, 120)}次，召开新闻发布会{n(0, 24)}场。",
            f"全年开展政府开放日活动{n(0, 12)}次，邀请公众代表{n(0, 300)}人次参与。",
            "严格落实政策文件与解读方案、解读材料同步组织、同步审签、同步部署的要求，提升政策解读质量。",
        ],
        "（二）依申请公开": [
            f"{year}年共收到政府信息公开申请{rt}件，上年结转{req['carried_over']['total']}件。",
            f"已办结{req['total']['total']}件，结转下年度继续办理{req['carried_forward']['total']}件，均在法定期限内答复。",
            "进一步规范依申请公开受理、审查、答复等环节，完善依申请公开答复文书模板。",
            f"全年因政府信息公开被申请行政复议{rev['review']['total']}件，"
            f"提起行政诉讼{rev['litigation_direct']['total'] + rev['litigation_after_review']['total']}件。",
            "对疑难复杂申请组织法律顾问会商，切实保障申请人合法权益。",
        ],
        "（三）政府信息管理": [
            f"严格落实信息发布“三审三校”制度，全年开展保密审查{n(1, 400)}次。",
            f"组织开展规范性文件清理，清理规范性文件{n(0, 40)}件，废止{n(0, 10)}件。",
            f"动态更新政府信息公开指南和公开目录，修订完善工作制度{n(1, 9)}项。",
            "加强政府信息发布审查，确保公开内容准确、规范、及时。",
        ],
        "（四）平台建设": [
            f"持续优化政府门户网站信息公开专栏，全年新增栏目{n(0, 12)}个，网站访问量达{n(1, 900)}万人次。",
            f"政务微信公众号发布信息{n(0, 2000)}条，关注人数{n(1000, 90000)}人。",
            f"推进政务公开专区建设，在{n(1, 30)}个便民服务中心设置政务公开查阅点。",
            "加强网站安全防护，全年未发生安全事故。",
        ],
        "（五）监督保障": [
            f"将政务公开工作纳入年度绩效考核，分值占比{n(2, 8)}%。",
            f"组织业务培训{n(1, 12)}场次，参训{n(10, 600)}人次。",
            "成立政务公开工作领导小组，明确分管领导和专职工作人员，形成主要领导亲自抓、分管领导具体抓的工作格局。",
            f"全年开展政务公开工作自查{n(1, 6)}次，发现并整改问题{n(0, 30)}个，未发生因政务公开工作引发的责任追究。",
        ],
    }
    sec1 = []
    keys = list(subs)
    picks = keys if rng.random() < 0.5 else sorted(rng.sample(keys, rng.randint(2, 5)), key=keys.index)
    for num, k in zip("一二三四五", picks):
        sents = subs[k]
        chosen = sents[:1] + [s for s in sents[1:] if rng.random() < 0.65]
        sec1.append(("sub", f"（{num}）{k[3:]}"))  # numbered in print order
        # one to three paragraphs per sub-section
        cut = sorted(rng.sample(range(1, len(chosen)), min(len(chosen) - 1, rng.randint(0, 2)))) if len(chosen) > 1 else []
        prev = 0
        for c in cut + [len(chosen)]:
            sec1.append(("p", "".join(chosen[prev:c])))
            prev = c
    sec5 = [("p", f"{year}年，{agency}政府信息公开工作取得了一定成效，但仍存在一些问题：一是公开内容不够全面，"
                   "部分领域信息更新不够及时；二是政策解读形式较为单一，图解、视频等解读方式运用不多；"
                   "三是工作人员业务能力有待进一步提升。"),
            ("p", f"{year + 1}年，将从以下方面加以改进：一是加强业务培训{n(2, 6)}次以上，提升工作人员业务水平；"
                  "二是丰富政策解读形式，提高解读质量；三是完善公开目录，提升信息公开的及时性和规范性。")]
    if rng.random() < 0.5:
        sec5 = [("p", "".join(t for _, t in sec5))]
    fee = rng.choice([f"本年度未收取信息处理费。",
                      f"{year}年，本机关依据《政府信息公开信息处理费管理办法》收取信息处理费{n(1, 9)}00元。",
                      "本机关未收取信息处理费。无其他需要报告的事项。"])
    sec6 = [("p", fee)]
    if rng.random() < 0.5:
        sec6.append(("p", f"{year}年，本机关共办理人大代表建议{n(0, 40)}件、政协提案{n(0, 40)}件，均已按期办结。"))
    return intro, {"一": sec1, "五": sec5, "六": sec6}


# Digit-free sentences for the extra narrative that moves table 三 down the page (section 一).
FILLER = [
    "坚持把政务公开作为建设法治政府、服务型政府的重要抓手，不断完善工作机制，推动各项工作落到实处。",
    "围绕中心工作和群众关切，突出重点领域信息公开，持续提升公开实效。",
    "进一步健全政务公开工作制度，明确责任分工，做到公开内容全面、公开程序规范。",
    "严格执行政府信息发布协调机制，对涉及其他机关的政府信息，及时沟通确认，确保发布信息准确一致。",
    "加强政策解读工作，坚持政策文件与解读材料同步组织、同步审签、同步部署。",
    "积极回应社会关切，对社会公众普遍关注的热点问题，及时发布权威信息，主动解疑释惑。",
    "依法依规做好政府信息公开申请的受理、登记、审查、答复等工作，切实保障申请人的知情权。",
    "不断拓展公开渠道，充分发挥政府网站、政务新媒体、政务服务中心等平台的作用。",
    "加强对公开内容的日常监测和动态更新，及时清理过时信息，确保信息准确有效。",
    "按照公开为常态、不公开为例外的原则，推进决策、执行、管理、服务、结果全过程公开。",
    "认真落实重大行政决策预公开制度，广泛听取社会公众意见，提高决策的科学性和透明度。",
    "定期对政务公开工作开展自查，对发现的问题建立台账，明确整改时限，逐项整改到位。",
    "组织开展政务公开业务培训，提高工作人员的政策水平和业务能力。",
    "推进基层政务公开标准化规范化建设，完善公开事项目录，规范公开流程。",
    "加强政务公开与政务服务的深度融合，推动办事指南、办事流程等信息全面公开。",
    "强化信息发布保密审查，严格落实先审查、后公开和一事一审的要求，防止泄密事件发生。",
    "做好政府公报、政府网站等平台的信息发布工作，提升政府信息的权威性和影响力。",
    "完善政民互动机制，及时受理和办理群众留言，切实做到件件有回音、事事有着落。",
    "持续优化政府信息公开专栏的栏目设置，方便公众查阅和获取政府信息。",
    "将政务公开工作纳入年度工作要点统筹推进，主要负责同志定期听取工作汇报，研究解决重点问题。",
]


def make_filler(rng, shift_pt, pitch, cpl, gap_pt):
    """Paragraphs of FILLER sentences about shift_pt high (each line pitch, gap_pt after each paragraph)."""
    paras, height = [], 0.0
    while height < shift_pt:
        text = ""
        for sent in rng.sample(FILLER, rng.randint(2, 4)):
            text += sent
            lines = -(-(len(text) + 2) // cpl)  # first-line indent of two characters
            if height + lines * pitch + gap_pt >= shift_pt:
                break
        paras.append(text)
        height += -(-(len(text) + 2) // cpl) * pitch + gap_pt
    return paras


# ---------------------------------------------------------------- XML helpers
def txt(e):
    return "".join(t.text or "" for t in e.iter(W + "t"))


def sub(parent, tag, attrs=None, index=None):
    el = ET.Element(W + tag, {W + k: v for k, v in (attrs or {}).items()})
    if index is None:
        parent.append(el)
    else:
        parent.insert(index, el)
    return el


def child(parent, tag, attrs=None, before=()):
    """The child `tag` of parent (created if missing, before the first of `before`)."""
    el = parent.find(W + tag)
    if el is None:
        idx = None
        for i, c in enumerate(list(parent)):
            if c.tag in [W + b for b in before]:
                idx = i
                break
        el = sub(parent, tag, index=idx)
    for k, v in (attrs or {}).items():
        el.set(W + k, v)
    return el


def set_font(rpr, font, size=None, bold=None):
    f = child(rpr, "rFonts", before=["b", "bCs", "color", "kern", "sz", "szCs", "lang"])
    f.attrib.clear()
    for k in ["ascii", "hAnsi", "eastAsia", "cs"]:
        f.set(W + k, font)
    f.set(W + "hint", "eastAsia")
    if bold is not None:
        for t in ["b", "bCs"]:
            e = rpr.find(W + t)
            if bold and e is None:
                child(rpr, t, before=["color", "kern", "sz", "szCs", "lang"])
            elif not bold and e is not None:
                rpr.remove(e)
    if size is not None:
        child(rpr, "sz", before=["szCs", "lang"]).set(W + "val", str(size))
        child(rpr, "szCs", before=["lang"]).set(W + "val", str(size))


def make_run(text, font, size, bold=False):
    r = ET.Element(W + "r")
    rpr = sub(r, "rPr")
    set_font(rpr, font, size, bold)
    t = sub(r, "t")
    t.text = text
    if text != text.strip():
        t.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    return r


def set_par_text(p, runs):
    for r in p.findall(W + "r"):
        p.remove(r)
    for r in runs:
        p.append(r)


def grid_of(tbl):
    return [int(g.get(W + "w")) for g in tbl.find(W + "tblGrid").findall(W + "gridCol")]


def perturb_grid(rng, tbl, amount=0.15):
    """Scale each grid column by 1±amount, keep the table width, and make tcW agree."""
    old = grid_of(tbl)
    total = sum(old)
    new = [w * rng.uniform(1 - amount, 1 + amount) for w in old]
    k = total / sum(new)
    new = [int(round(w * k)) for w in new]
    new[new.index(max(new))] += total - sum(new)
    for g, w in zip(tbl.find(W + "tblGrid").findall(W + "gridCol"), new):
        g.set(W + "w", str(w))
    tbl.find(W + "tblPr").find(W + "tblW").set(W + "w", str(total))
    for tr in tbl.findall(W + "tr"):
        col = 0
        for tc in tr.findall(W + "tc"):
            pr = tc.find(W + "tcPr")
            gs = pr.find(W + "gridSpan")
            span = int(gs.get(W + "val")) if gs is not None else 1
            pr.find(W + "tcW").set(W + "w", str(sum(new[col:col + span])))
            pr.find(W + "tcW").set(W + "type", "dxa")
            col += span
    return new


def cell_cols(tr):
    """[(tc, first grid column, span)] of a row."""
    out, col = [], 0
    for tc in tr.findall(W + "tc"):
        gs = tc.find(W + "tcPr").find(W + "gridSpan")
        span = int(gs.get(W + "val")) if gs is not None else 1
        out.append((tc, col, span))
        col += span
    return out


def shade(tc, fill):
    pr = tc.find(W + "tcPr")
    s = pr.find(W + "shd")
    if s is None:
        s = child(pr, "shd", before=["noWrap", "tcMar", "textDirection", "tcFitText", "vAlign", "hideMark"])
    s.set(W + "val", "clear")
    s.set(W + "color", "auto")
    s.set(W + "fill", fill)


def add_row_prop(tr, tag):
    trpr = tr.find(W + "trPr")
    if trpr is None:
        trpr = sub(tr, "trPr", index=1 if tr.find(W + "tblPrEx") is not None else 0)
    if trpr.find(W + tag) is None:
        sub(trpr, tag, index=0)


# ---------------------------------------------------------------- document
def pick_style(rng):
    body_font = rng.choice(FONTS)
    s = {
        "body_font": body_font,
        "table_font": body_font if rng.random() < 0.4 else rng.choice(FONTS),
        "title_font": rng.choice([body_font] + FONTS),
        "body_size": rng.choice([21, 22, 23, 24]),            # half-points: 10.5–12 pt
        "table_label_size": rng.choice([18, 19, 20, 21, 22]),  # 9–11 pt
        "table_value_size": rng.choice([20, 21, 22, 24]),     # 10–12 pt, capped to fit the cells
        "title_size": rng.choice([32, 36, 40, 44]),
        "margins": {"top": rng.randint(1100, 1800), "bottom": rng.randint(1100, 1700),
                    "left": rng.randint(1150, 1800), "right": rng.randint(1150, 1800)},
        "line": rng.choice([("auto", 240), ("auto", 276), ("auto", 300), ("auto", 360), ("exact", 560),
                            ("exact", 480)]),
        "para_after": rng.choice([0, 0, 60, 120]),
        "blank_after_active": rng.randint(0, 9),   # the template's empty paragraphs before 三
        "note_after_active": rng.random() < 0.3,
        "header_rows": rng.random() < 0.4,         # w:tblHeader on table 三's three header rows
        "cant_split": rng.random() < 0.5,          # w:cantSplit on every row of table 三
        "shading": rng.choice(["template", "none", "headers", "headers"]),
        "shade_fill": rng.choice(SHADES),
        "value_align": rng.choice(["center"] * 6 + ["right", "left"]),
        "value_valign": rng.choice(["template", "center"]),  # the template top-aligns many value cells
        "footer": rng.choice([None, None, "— {} —", "- {} -", "第{}页"]),
        "signature": rng.random() < 0.6,
        "year_word": rng.choice(["年", "年", "年度"]),
        "sub_bold": rng.random() < 0.6,
        "docgrid": rng.random() < 0.5,
        "keep_headings": rng.random() < 0.3,       # w:keepNext on the headings of 二, 三, 四
        # If table 三 fits on one page as laid out, push it down in most reports (more narrative in
        # section 一, rendered again) so that this fraction of heading + table goes to the next page:
        "force_break": rng.random() < 0.65,
        "break_at": round(rng.uniform(0.08, 0.85), 3),
    }
    return s


def num_text(v):
    return gtc.num_text(v)


def value_size(style, widths, values_by_col, margin_twips):
    """Largest size (half-points) ≤ the chosen one at which every value fits its cell on one line."""
    size = style["table_value_size"]
    for col, texts in values_by_col.items():
        room_pt = (widths[col] - 2 * margin_twips) / 20.0
        longest = max(len(t) for t in texts)
        fit = int(2 * room_pt / (0.62 * longest))  # digits are ≈0.5–0.6 em wide in these fonts
        size = min(size, fit)
    return max(size, 14)


def build_document(rng, doc_xml, values, style, filler=()):
    """Fill the template's document.xml; return (xml bytes, title)."""
    agency, year = values["meta"]["agency"], values["meta"]["year"]
    act, req, rev = (values["tables"][k] for k in ["active", "requests", "review_litigation"])
    root = ET.fromstring(doc_xml)
    body = root.find(W + "body")
    kids = list(body)
    tables = [k for k in kids if k.tag == W + "tbl"]
    assert len(tables) == 3, "template must hold the three tables"
    t_act, t_req, t_rev = tables
    paras = {txt(k): k for k in kids if k.tag == W + "p" and txt(k)}
    title_p = paras["政府信息公开工作年度报告格式模板"]
    heads = {h: paras[h] for h in ["一、总体情况", "二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况",
                                    "四、政府信息公开行政复议、行政诉讼情况", "五、存在的主要问题及改进情况",
                                    "六、其他需要报告的事项"]}
    body_proto = copy.deepcopy(paras["（文字描述）"])
    bf, bs = style["body_font"], style["body_size"]

    def body_par(text, kind="p"):
        p = copy.deepcopy(body_proto)
        ppr = p.find(W + "pPr")
        ind = ppr.find(W + "ind")
        ind.attrib.clear()
        ind.set(W + "firstLineChars", "200")
        ind.set(W + "firstLine", str(bs * 20))
        sp = ppr.find(W + "spacing")
        sp.set(W + "after", str(style["para_after"]))
        sp.set(W + "line", str(style["line"][1]))
        sp.set(W + "lineRule", style["line"][0])
        set_par_text(p, [make_run(text, bf, bs, bold=(kind == "sub" and style["sub_bold"]))])
        return p

    # --- title and introduction
    title = f"{agency}{year}{style['year_word']}政府信息公开工作年度报告"
    set_par_text(title_p, [make_run(title, style["title_font"], style["title_size"], bold=True)])
    intro, secs = narrative(rng, agency, year, req, rev)
    out = [title_p, sub(ET.Element("x"), "p")]  # title, one empty line
    intro_ps = [body_par("".join(intro))] if rng.random() < 0.5 else \
        [body_par("".join(intro[:3])), body_par("".join(intro[3:]))] if len(intro) > 3 else [body_par("".join(intro))]
    out += intro_ps

    def heading(h):
        p = heads[h]
        ppr = p.find(W + "pPr")
        sp = ppr.find(W + "spacing")
        sp.set(W + "line", str(style["line"][1]))
        sp.set(W + "lineRule", style["line"][0])
        for r in p.findall(W + "r"):
            set_font(r.find(W + "rPr"), bf, bs, bold=True)
        if style["keep_headings"] and h[0] in "二三四":  # keep the heading with its table
            ppr.find(W + "keepNext").set(W + "val", "1")
        return p

    out.append(heading("一、总体情况"))
    out += [body_par(t, k) for k, t in secs["一"]]
    out += [body_par(t) for t in filler]  # extra narrative that moves the tables down the page
    out.append(heading("二、主动公开政府信息情况"))
    out.append(t_act)
    out += [sub(ET.Element("x"), "p") for _ in range(style["blank_after_active"])]
    if style["note_after_active"]:
        out.append(body_par("注：上表行政事业性收费金额以万元为单位，行政许可、行政处罚、行政强制数量按本年度作出的处理决定统计。"))
    out.append(heading("三、收到和处理政府信息公开申请情况"))
    out.append(t_req)
    out.append(sub(ET.Element("x"), "p"))
    out.append(heading("四、政府信息公开行政复议、行政诉讼情况"))
    out.append(t_rev)
    out.append(sub(ET.Element("x"), "p"))
    out.append(heading("五、存在的主要问题及改进情况"))
    out += [body_par(t) for _, t in secs["五"]]
    out.append(heading("六、其他需要报告的事项"))
    out += [body_par(t) for _, t in secs["六"]]
    if style["signature"]:
        for t in ["", agency, f"{year + 1}年{rng.randint(1, 3)}月{rng.randint(1, 28)}日"]:
            p = body_par(t)
            p.find(W + "pPr").find(W + "ind").attrib.clear()
            p.find(W + "pPr").find(W + "jc").set(W + "val", "right")
            out.append(p)
    sect = body.find(W + "sectPr")
    for k in list(body):
        body.remove(k)
    for k in out + [sect]:
        body.append(k)

    # --- page setup
    mar = sect.find(W + "pgMar")
    for k, v in style["margins"].items():
        mar.set(W + k, str(v))
    if not style["docgrid"]:
        sect.remove(sect.find(W + "docGrid"))
    if style["footer"]:
        ref = ET.Element(W + "footerReference", {W + "type": "default", "{%s}id" % RNS: "rIdFooter1"})
        sect.insert(0, ref)

    # --- tables: widths, fonts, values, row properties, shading
    tf, ls = style["table_font"], style["table_label_size"]
    widths = {id(t): perturb_grid(rng, t) for t in tables}
    for t in tables:
        for r in t.iter(W + "r"):
            rpr = r.find(W + "rPr")
            if rpr is None:
                rpr = sub(r, "rPr", index=0)
            set_font(rpr, tf, ls)
        for p in t.iter(W + "p"):  # paragraph marks set the height of empty lines
            ppr = p.find(W + "pPr")
            if ppr is None:
                ppr = sub(p, "pPr", index=0)
            set_font(child(ppr, "rPr"), tf, ls)

    def fill(tc, text, size):
        ps = tc.findall(W + "p")
        for p in ps[1:]:
            tc.remove(p)
        p = ps[0]
        ppr = p.find(W + "pPr")
        if ppr is None:
            ppr = sub(p, "pPr", index=0)
        child(ppr, "jc", before=["textAlignment", "rPr"]).set(W + "val", style["value_align"])
        if style["value_valign"] == "center":
            child(tc.find(W + "tcPr"), "vAlign", before=["hideMark"]).set(W + "val", "center")
        set_par_text(p, [make_run(text, tf, size)])

    # table 二
    rows = t_act.findall(W + "tr")
    cells = {}
    for ri, refs in ACTIVE_CELLS.items():
        tcs = cell_cols(rows[ri])[1:]
        assert len(tcs) == len(refs)
        for (tc, col, span), (k, f) in zip(tcs, refs):
            cells[(tc, col, span)] = num_text(act[k][f])
    _fill_table(cells, widths[id(t_act)], style, fill, 57)
    # table 三
    rows = t_req.findall(W + "tr")
    assert len(rows) == 28
    cells = {}
    for ri, key in enumerate(REQ_ROWS, start=3):
        tcs = cell_cols(rows[ri])[-7:]
        for (tc, col, span), c in zip(tcs, gtc.COLS):
            cells[(tc, col, span)] = num_text(req[key][c])
    _fill_table(cells, widths[id(t_req)], style, fill, 57)
    for tr in t_act.findall(W + "tr"):  # single-line rows; LibreOffice otherwise sometimes strands
        add_row_prop(tr, "cantSplit")     # the first row alone on a page
    if style["header_rows"]:
        for tr in rows[:3]:
            add_row_prop(tr, "tblHeader")
    if style["cant_split"]:
        for tr in rows:
            add_row_prop(tr, "cantSplit")
    # table 四
    rows = t_rev.findall(W + "tr")
    tcs = cell_cols(rows[3])
    assert len(tcs) == 15
    cells = {}
    for i, (tc, col, span) in enumerate(tcs):
        cells[(tc, col, span)] = num_text(rev[gtc.REVIEW_GROUPS[i // 5]][gtc.REVIEW_COLS[i % 5]])
    _fill_table(cells, widths[id(t_rev)], style, fill, 108)

    # shading
    header_rows = {id(t_act): [0, 1, 4, 5, 7, 8, 11, 12], id(t_req): [0, 1, 2], id(t_rev): [0, 1, 2]}
    for t in tables:
        if style["shading"] == "none":
            for s in t.iter(W + "shd"):
                s.set(W + "fill", "auto")
        elif style["shading"] == "headers":
            for s in t.iter(W + "shd"):
                s.set(W + "fill", "auto")
            rows = t.findall(W + "tr")
            for ri in header_rows[id(t)]:
                for tc, _, _ in cell_cols(rows[ri]):
                    shade(tc, style["shade_fill"])
            if t is t_req:  # the row labels of table 三 as well, as many agencies do
                for tr in rows[3:]:
                    for tc, col, _ in cell_cols(tr):
                        if col < 3:
                            shade(tc, style["shade_fill"])

    xml = ET.tostring(root, encoding="unicode")
    # Keep the template's own root start tag: it declares every prefix mc:Ignorable names.
    orig_start = re.search(r"<w:document[^>]*>", doc_xml.decode("utf-8")).group(0)
    xml = re.sub(r"^<w:document[^>]*>", lambda m: orig_start, xml, count=1)
    return ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' + xml).encode("utf-8"), title


def _fill_table(cells, widths, style, fill, margin):
    by_col = {}
    for (tc, col, span), text in cells.items():
        by_col.setdefault((col, span), []).append(text)
    w = {(c, s): sum(widths[c:c + s]) for c, s in by_col}
    size = value_size(style, w, by_col, margin)
    style["value_sizes_used"].append(size)
    for (tc, col, span), text in cells.items():
        fill(tc, text, size)


def register_namespaces(doc_xml):
    for prefix, uri in re.findall(r'xmlns:(\w+)="([^"]+)"', doc_xml.decode("utf-8")[:5000]):
        ET.register_namespace(prefix, uri)


def patch_styles(styles_xml, font, size):
    s = styles_xml.decode("utf-8")
    fonts = f'<w:rFonts w:ascii="{font}" w:hAnsi="{font}" w:eastAsia="{font}" w:cs="{font}"/>'
    s = re.sub(r"<w:rFonts [^>]*/>", fonts, s)
    s = s.replace('<w:sz w:val="21"/>', f'<w:sz w:val="{size}"/>', 1)
    return s.encode("utf-8")


FOOTER = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
          '<w:ftr xmlns:w="%s"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>'
          '<w:r><w:rPr><w:rFonts w:ascii="{F}" w:hAnsi="{F}" w:eastAsia="{F}" w:cs="{F}"/><w:sz w:val="{S}"/></w:rPr>'
          '<w:t xml:space="preserve">{A}</w:t></w:r>'
          '<w:r><w:rPr><w:rFonts w:ascii="{F}" w:hAnsi="{F}" w:eastAsia="{F}" w:cs="{F}"/><w:sz w:val="{S}"/></w:rPr>'
          '<w:fldChar w:fldCharType="begin"/></w:r>'
          '<w:r><w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>'
          '<w:r><w:fldChar w:fldCharType="separate"/></w:r>'
          '<w:r><w:rPr><w:rFonts w:ascii="{F}" w:hAnsi="{F}" w:eastAsia="{F}" w:cs="{F}"/><w:sz w:val="{S}"/></w:rPr><w:t>1</w:t></w:r>'
          '<w:r><w:fldChar w:fldCharType="end"/></w:r>'
          '<w:r><w:rPr><w:rFonts w:ascii="{F}" w:hAnsi="{F}" w:eastAsia="{F}" w:cs="{F}"/><w:sz w:val="{S}"/></w:rPr>'
          '<w:t xml:space="preserve">{B}</w:t></w:r></w:p></w:ftr>') % WNS

CORE = ('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
        '<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" '
        'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" '
        'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>{T}</dc:title><dc:creator>{A}</dc:creator>'
        '<dcterms:created xsi:type="dcterms:W3CDTF">{D}</dcterms:created>'
        '<dcterms:modified xsi:type="dcterms:W3CDTF">{D}</dcterms:modified></cp:coreProperties>')


def write_docx(template, path, doc_xml, style, title, agency, year):
    with zipfile.ZipFile(template) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    parts["word/document.xml"] = doc_xml
    parts["word/styles.xml"] = patch_styles(parts["word/styles.xml"], style["body_font"], style["body_size"])
    esc = lambda s: s.replace("&", "&amp;").replace("<", "&lt;")
    parts["docProps/core.xml"] = CORE.format(T=esc(title), A=esc(agency), D=f"{year + 1}-01-15T08:00:00Z").encode()
    if style["footer"]:
        a, b = style["footer"].split("{}")
        parts["word/footer1.xml"] = FOOTER.replace("{F}", style["body_font"]).replace(
            "{S}", str(min(style["body_size"], 21))).replace("{A}", a).replace("{B}", b).encode("utf-8")
        rels = parts["word/_rels/document.xml.rels"].decode()
        rels = rels.replace("</Relationships>", '<Relationship Id="rIdFooter1" Type="http://schemas.openxmlformats.org/'
                            'officeDocument/2006/relationships/footer" Target="footer1.xml"/></Relationships>')
        parts["word/_rels/document.xml.rels"] = rels.encode()
        ct = parts["[Content_Types].xml"].decode()
        ct = ct.replace("</Types>", '<Override PartName="/word/footer1.xml" ContentType="application/'
                        'vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/></Types>')
        parts["[Content_Types].xml"] = ct.encode()
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as z:
        for n, data in parts.items():
            zi = zipfile.ZipInfo(n, date_time=(2020, 1, 1, 0, 0, 0))
            zi.compress_type = zipfile.ZIP_DEFLATED
            z.writestr(zi, data)


# ---------------------------------------------------------------- rendering
def render(docx_paths, outdir, profile):
    """Convert docx files to PDF with one LibreOffice process."""
    cmd = ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--norestore",
           "--convert-to", "pdf", "--outdir", str(outdir)] + [str(p) for p in docx_paths]
    r = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=600)
    missing = [p for p in docx_paths if not (Path(outdir) / (Path(p).stem + ".pdf")).exists()]
    if missing:
        raise RuntimeError(f"soffice did not convert {missing}: {r.stderr.decode(errors='replace')[-2000:]}")


def pin_pdf(path, key):
    """Replace the creation date and document ID (same byte lengths, so the xref stays valid)."""
    data = Path(path).read_bytes()
    data = re.sub(rb"/CreationDate\(D:\d{14}", b"/CreationDate(D:20200101000000", data)
    digest = hashlib.md5(key.encode()).hexdigest().upper().encode()

    def ids(m):
        return b"/ID [ <" + digest + b">" + m.group(1) + b"<" + digest + b">"
    data = re.sub(rb"/ID \[ <[0-9A-F]{32}>(\s*)<[0-9A-F]{32}>", ids, data)
    data = re.sub(rb"/DocChecksum /[0-9A-F]{32}", b"/DocChecksum /" + digest, data)
    Path(path).write_bytes(data)


# ---------------------------------------------------------------- check
NUM = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?![\d.])")
FOOTER_LINE = re.compile(r"^\s*([-—–]\s*\d+\s*[-—–]|第\s*\d+\s*页)\s*$")
HEADS = ["二、主动公开政府信息情况", "三、收到和处理政府信息公开申请情况", "四、政府信息公开行政复议、行政诉讼情况",
         "五、存在的主要问题及改进情况"]
LINE_RE = re.compile(r"<line [^>]*>(.*?)</line>", re.S)
WORD_RE = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')


def pdf_lines(pdf):
    """[(page, y, text, [(x0, x1, y, word)])] from pdftotext -bbox-layout, in reading order."""
    xhtml = subprocess.run(["pdftotext", "-bbox-layout", str(pdf), "-"], stdout=subprocess.PIPE,
                           check=True).stdout.decode()
    out = []
    for pno, page in enumerate(xhtml.split("<page ")[1:], start=1):
        for lm in LINE_RE.finditer(page):
            words = [(float(a), float(c), float(b), html_unescape(t)) for a, b, c, d, t in WORD_RE.findall(lm.group(1))]
            if words:
                out.append((pno, min(w[2] for w in words), "".join(w[3] for w in words), words))
    return out


def html_unescape(s):
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&amp;", "&")


def columns(tokens):
    """Group number tokens whose x-extents overlap (one group per table column), left to right."""
    groups = []
    for t in sorted(tokens, key=lambda t: t[0]):
        if groups and t[0] <= groups[-1][1]:
            groups[-1][1] = max(groups[-1][1], t[1])
            groups[-1][2].append(t)
        else:
            groups.append([t[0], t[1], [t]])
    return [sorted(g[2], key=lambda t: (t[3], t[2])) for g in groups]


def read_regions(pdf):
    """(pages, page height, heading positions [(page, y)], number tokens per table region).

    A table's region runs from its section heading to the next heading, in page and
    top-to-bottom order; tokens are (x0, x1, y, page, text). Page-number footers are
    skipped. Returns None when a heading is missing.
    """
    lines = sorted(pdf_lines(pdf), key=lambda ln: (ln[0], ln[1], ln[3][0][0]))  # page, top, left
    pos = []
    for h in HEADS:
        idx = next((i for i, ln in enumerate(lines) if re.sub(r"\s+", "", ln[2]).startswith(h)), None)
        if idx is None:
            return None
        pos.append(idx)
    regions = []
    for a, b in zip(pos, pos[1:]):
        toks = []
        for pno, y, text, words in lines[a + 1:b]:
            if "申请人情况" in text and not any(t[4] == "header" for t in toks):
                toks.append((0.0, 0.0, y, pno, "header"))  # where table 三's header starts
            if FOOTER_LINE.match(text):
                continue
            for x0, x1, wy, w in words:
                for m in NUM.finditer(w):
                    toks.append((x0, x1, wy, pno, m.group(0)))
        regions.append(toks)
    header = [t for t in regions[1] if t[4] == "header"]
    regions[1] = [t for t in regions[1] if t[4] != "header"]
    heads = [(lines[i][0], lines[i][1]) for i in pos]
    heads.append(header[0][3:4] + header[0][2:3] if header else None)  # (page, y) of table 三's header
    return max(ln[0] for ln in lines), heads, regions


def check_pdf(pdf, expected):
    """Return (errors, info): each table's numbers, read back from the PDF by position, equal the expected ones.

    Tables 三 and 四 are read column by column (numbers whose x-extents overlap form a
    column, read top to bottom across pages), table 二 line by line.
    """
    got_regions = read_regions(pdf)
    if got_regions is None:
        return ["a section heading was not found in the text layer"], {}
    npages, _, regions = got_regions
    T = expected["tables"]
    errors, info = [], {"pages": npages}
    # 二: line by line
    toks = sorted(regions[0], key=lambda t: (t[3], t[2], t[0]))
    got = [t[4] for t in toks]
    exp = [num_text(T["active"][k][f]) for refs in ACTIVE_CELLS.values() for k, f in refs]
    if got != exp:
        errors.append(f"active: expected {exp}, read {got}")
    # 三: column by column
    cols = columns(regions[1])
    if len(cols) != 7:
        errors.append(f"requests: {len(cols)} columns of numbers, expected 7")
    else:
        for c, col in zip(gtc.COLS, cols):
            exp = [num_text(T["requests"][r][c]) for r in REQ_ROWS]
            got = [t[4] for t in col]
            if got != exp:
                errors.append(f"requests/{c}: expected {exp}, read {got}")
        pages = [t[3] for t in cols[0]]
        header = got_regions[1][4]
        first = header[0] if header else pages[0]
        info["requests_pages"] = sorted(set(t[3] for col in cols for t in col) | {first})
        br = next((i for i, p in enumerate(pages) if p != first), None)
        info["requests_break_before"] = REQ_ROWS[br] if br is not None else None
    # 四: one number per column
    cols = columns(regions[2])
    got = [t[4] for col in cols for t in col]
    exp = [num_text(T["review_litigation"][g][c]) for g in gtc.REVIEW_GROUPS for c in gtc.REVIEW_COLS]
    if got != exp or len(cols) != 15:
        errors.append(f"review_litigation: expected {exp}, read {got} in {len(cols)} columns")
    return errors, info


def table3_layout(pdf, style):
    """Where table 三 landed, or None if it already breaks across pages (if only after its header).

    Returns (pos, offset, page, height, usable, pitch): the heading's position in the flow of
    page bodies (points from the top of page 1's body), its offset on its page, that page, the
    height of heading plus table, the body height of a page and the line pitch of the body text.
    """
    got = read_regions(pdf)
    if got is None:
        return None
    _, heads, regions = got
    toks = regions[1]
    if not toks or len({t[3] for t in toks} | ({heads[4][0]} if heads[4] else set())) > 1:
        return None
    m = style["margins"]
    top_lim, limit = m["top"] / 20.0, 841.89 - m["bottom"] / 20.0
    usable = limit - top_lim
    bottom = max(t[2] for t in toks) + style["table_value_size"] / 2.0 + 6  # last row's lower edge, about
    hpage, hy = heads[1]
    if hpage == toks[0][3]:
        height = bottom - hy
    else:  # heading left alone at the foot of the page before the table
        height = bottom - top_lim + style["body_size"] / 2.0 * 1.6
    # line pitch of the body text: the smallest step between consecutive lines of page 1
    ys = sorted({round(y, 1) for pno, y, text, words in pdf_lines(pdf)[:60] if pno == 1})
    steps = [b - a for a, b in zip(ys, ys[1:]) if b - a > 5]
    pitch = min(steps) if steps else style["body_size"] / 2.0 * 1.5
    offset = hy - top_lim
    return (hpage - 1) * usable + offset, offset, hpage, height, usable, pitch


def underfilled_pages(pdf):
    """Pages before the last whose text ends above 55 % of the page height (LibreOffice sometimes
    moves the rest of a table to the next page, leaving a page nearly empty)."""
    lines = pdf_lines(pdf)
    last = max(ln[0] for ln in lines)
    bottom = {}
    for pno, y, text, words in lines:
        if not FOOTER_LINE.match(text):
            bottom[pno] = max(bottom.get(pno, 0.0), y)
    return [p for p in range(1, last) if bottom.get(p, 0.0) < 0.55 * 841.89]


class Job:
    """One report: its values and style drawn from the seed, and what later passes changed."""

    def __init__(self, i, seed, work):
        self.name = f"{i:04d}_pdf_2021"
        rng = random.Random(f"{seed}:{i}")  # per report: report i is the same whatever --count is
        self.values = make_values(rng)
        self.style = pick_style(rng)
        self.state = rng.getstate()  # the narrative is drawn from here on, again at every rebuild
        self.seed, self.i = seed, i
        self.target, self.shift, self.filler = None, 0.0, []  # extra narrative in section 一 (force_break)
        self.docx = work / (self.name + ".docx")
        self.pdf = work / (self.name + ".pdf")

    def aim(self, layout):
        """Set the extra narrative so that the page ends at break_at of heading 三 plus its table.

        The first layout fixes the target position of the heading (the next place where its
        page ends at that fraction); later layouts correct the narrative by how far the heading
        missed the target, scaled by how far the narrative actually moved it.
        """
        pos, offset, page, height, usable, pitch = layout
        if self.target is None:
            want = usable - (1 - self.style["break_at"]) * height  # offset of the heading on its page
            target = (page - 1) * usable + want + (0 if want > offset else usable)
            pos0, shift = pos, target - pos
        else:
            target, pos0 = self.target, self.pos0
            moved = pos - pos0
            scale = self.shift / moved if moved > 20 else 1.0
            shift = max(0.0, self.shift - (pos - target) * min(max(scale, 0.5), 2.0))
        if shift > usable:  # never more than about a page of extra narrative
            return False
        self.target, self.pos0, self.shift = target, pos0, shift
        st = self.style
        cpl = int((11906 - st["margins"]["left"] - st["margins"]["right"]) / 20.0 // (st["body_size"] / 2.0))
        frng = random.Random(f"{self.seed}:{self.i}:filler")  # its own stream: same text, longer or shorter
        self.filler = make_filler(frng, self.shift, pitch, cpl, st["para_after"] / 20.0)
        st["filler_paragraphs"] = len(self.filler)
        st["filler_chars"] = sum(len(t) for t in self.filler)
        return True

    def reset_aim(self):
        self.target, self.shift, self.filler = None, 0.0, []
        self.style.pop("filler_paragraphs", None)
        self.style.pop("filler_chars", None)

    def emit(self, template, doc_xml):
        rng = random.Random()
        rng.setstate(self.state)
        self.style["value_sizes_used"] = []
        xml, title = build_document(rng, doc_xml, self.values, self.style, self.filler)
        meta = self.values["meta"]
        write_docx(template, self.docx, xml, self.style, title, meta["agency"], meta["year"])
        if self.pdf.exists():
            self.pdf.unlink()


def render_all(jobs, work, batch):
    for k in range(0, len(jobs), batch):
        render([j.docx for j in jobs[k:k + batch]], work, work / "profile")


# ---------------------------------------------------------------- main
def expected_agency(printed):
    """The agency as the hand-checked real files name it: a county-level government
    without its prefecture (淮安市洪泽区人民政府 is 洪泽区人民政府); departments keep the
    name as printed."""
    m = re.fullmatch(r"[\u4e00-\u9fff]{2,5}市([\u4e00-\u9fff]{1,4}[区县]人民政府)", printed)
    return m.group(1) if m else printed


def make_values(rng):
    agency = rng.choice(AGENCIES)
    year = rng.randint(2021, 2025)
    req = gtc.gen_requests(rng, gtc.outcome_keys("2021", False))
    rev = gtc.gen_review(rng)
    act = gtc.gen_active(rng, "2021")
    return {"meta": {"agency": agency, "year": year, "template": "2021"},
            "tables": {"active": act, "requests": req, "review_litigation": rev}}


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", required=True, help="output directory (created)")
    ap.add_argument("--count", type=int, default=20)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--template", default=DEFAULT_TEMPLATE)
    ap.add_argument("--keep-docx", action="store_true", help="also keep NAME.docx next to the PDF")
    ap.add_argument("--check", action="store_true", help="read each PDF back with pdftotext and verify the values")
    ap.add_argument("--manifest", help="write the per-report variations (and check results) to this JSON file")
    ap.add_argument("--batch", type=int, default=16, help="documents per LibreOffice run")
    a = ap.parse_args()
    for tool in ["soffice", "pdftotext"]:
        if not shutil.which(tool):
            sys.exit(f"{tool} not found (LibreOffice / poppler-utils)")
    out = Path(a.out)
    out.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(a.template) as z:
        doc_xml = z.read("word/document.xml")
    register_namespaces(doc_xml)
    t0 = time.time()
    work = Path(tempfile.mkdtemp(prefix="gen_pdf_"))
    manifest, failures = [], 0
    try:
        jobs = [Job(i, a.seed, work) for i in range(a.count)]
        for j in jobs:
            j.emit(a.template, doc_xml)
        render_all(jobs, work, a.batch)
        # Up to four more renderings of the reports that need one:
        # - LibreOffice 7.4 sometimes splits a table that starts at the top of a page (its heading
        #   left on the page before) after a few rows and moves the rest on, leaving the page nearly
        #   empty: render again with the headings kept with their tables, failing that with the
        #   other row-splitting setting of table 三;
        # - where table 三 fits on one page but this report wants it broken (force_break), push it
        #   down by more narrative in section 一 so that the page ends at the chosen fraction of it.
        for _ in range(4):
            again = []
            for j in jobs:
                if underfilled_pages(j.pdf):
                    done = j.style.setdefault("relayout", [])
                    fix = next((f for f in ["keep_headings", "cant_split"] if f not in done), None)
                    if fix is None:
                        continue
                    j.style[fix] = not j.style[fix]
                    done.append(fix)
                    j.reset_aim()
                else:
                    layout = table3_layout(j.pdf, j.style) if j.style["force_break"] else None
                    if layout is None or not j.aim(layout):
                        continue
                j.emit(a.template, doc_xml)
                again.append(j)
            if not again:
                break
            render_all(again, work, a.batch)
        for j in jobs:
            name, values, style = j.name, j.values, j.style
            pdf = out / (name + ".pdf")
            shutil.move(str(j.pdf), pdf)
            pin_pdf(pdf, f"{a.seed}:{name}")
            if a.keep_docx:
                shutil.copy(j.docx, out / (name + ".docx"))
            expected = json.loads(json.dumps(values))
            expected["meta"]["agency"] = expected_agency(values["meta"]["agency"])
            (out / (name + ".expected.json")).write_text(
                json.dumps(expected, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
            entry = {"name": name, "style": style}
            if a.check:
                errors, info = check_pdf(pdf, values)
                info["underfilled_pages"] = underfilled_pages(pdf)
                entry.update(info, errors=errors)
                failures += bool(errors)
                print(f"{name}: {'OK' if not errors else 'FAIL'} pages={info.get('pages')} "
                      f"table3 pages={info.get('requests_pages')} break before={info.get('requests_break_before')}"
                      + (f" UNDERFILLED pages {info['underfilled_pages']}" if info["underfilled_pages"] else "")
                      + "".join("\n  " + e for e in errors))
            manifest.append(entry)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    if a.manifest:
        Path(a.manifest).write_text(json.dumps(manifest, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    dt = time.time() - t0
    print(f"wrote {a.count} reports to {out} in {dt:.1f}s ({dt / max(a.count, 1):.2f}s each)")
    if a.check:
        broken = sum(1 for m in manifest if m.get("requests_break_before"))
        print(f"check: {a.count - failures}/{a.count} OK; table 三 breaks across pages in {broken}/{a.count}")
        sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
