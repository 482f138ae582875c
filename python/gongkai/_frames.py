"""tables and to_frame: records as pandas DataFrames. pandas is imported
when first needed: `import gongkai` alone stays quick (pandas takes ~0.3 s)."""
import functools
from collections import namedtuple

from . import _native
from ._errors import ReadError

TABLES = ("active", "requests", "review_litigation")

Tables = namedtuple("Tables", TABLES)
Tables.__doc__ = """The three template tables of one record (二, 三, 四) as DataFrames.
记录中的三张模板表（二、三、四）。"""


@functools.lru_cache(maxsize=None)
def _template(table, variant):
    # The template lives in C++ (src/template/): the labels here are the ones
    # the mapper matches and the CSV writer prints.
    return tuple(_native.template_rows(table, variant))


def _variant(record, table):
    """Which form of a table the record holds: table 二 follows meta.template;
    table 三 prints （六） in three rows (2021) or as one row `other` (2019, or
    a 2021 report that prints it undivided)."""
    fmt = (record.get("meta") or {}).get("template") or "2021"
    if table == "requests":
        rows = (record.get("tables") or {}).get("requests") or {}
        if "other" in rows:
            return "2019"
        if rows:
            return "2021"
    return fmt


def _group(row):
    return " / ".join(row["path"])


def _dtype(kinds):
    return "Float64" if "money" in kinds else "Int64"


def _table_frame(record, table):
    import pandas as pd

    variant = _variant(record, table)
    rows = _template(table, variant)
    printed = (record.get("tables") or {}).get(table) or {}
    columns = {}  # key -> (label, kinds); the template's order, first row first
    for r in rows:
        for c in r["columns"]:
            label, kinds = columns.setdefault(c["key"], (c["label"], set()))
            kinds.add(c["kind"])
    data = {}
    for key, (label, kinds) in columns.items():
        values = [(printed.get(r["key"]) or {}).get(key) for r in rows]
        data[(label, key)] = pd.array([pd.NA if v is None else v for v in values], dtype=_dtype(kinds))
    index = pd.MultiIndex.from_tuples([(_group(r), r["label"], r["key"]) for r in rows],
                                      names=["group", "label", "key"])
    frame = pd.DataFrame(data, index=index)
    frame.columns = pd.MultiIndex.from_tuples(list(data), names=["label", "key"])
    meta = record.get("meta") or {}
    frame.attrs.update(table=table, variant=variant, found=bool(printed),
                       file=(record.get("source") or {}).get("file"), agency=meta.get("agency"),
                       year=meta.get("year"))
    return frame


def tables(record):
    """The record's three tables as DataFrames labelled like the template:
    rows indexed by (``group``, ``label``, ``key``) — the headings above the
    row, the row's Chinese label, the spec's row key — and columns by
    (``label``, ``key``). Values are the record's (``Int64`` counts,
    ``Float64`` money); ``<NA>`` where the report prints nothing, the value
    could not be read, or the row has no such column. A table the report does
    not print has every row and no value (``frame.attrs["found"]`` is False).
    Select by key: ``t.requests.xs("total", level="key")[("总计", "total")]``.

    返回记录中的三张表（二、主动公开；三、申请办理；四、复议诉讼），行、列标签
    与模板一致（中文标签，规范中的键为 MultiIndex 的一层）。未印出或未能读取的
    值为 ``<NA>``。
    """
    if not isinstance(record, dict):
        raise TypeError(f"tables() takes a record (dict), not {type(record).__name__}")
    return Tables(*(_table_frame(record, t) for t in TABLES))


_META = (("file", ("source", "file")), ("sha256", ("source", "sha256")), ("kind", ("source", "kind")),
         ("pages", ("source", "pages")), ("agency", ("meta", "agency")), ("year", ("meta", "year")),
         ("template", ("meta", "template")))
_FINDING_KINDS = ("source", "extraction", "repair", "narrative")


def _findings(record):
    # Counted as the CLI's --summary counts them: info findings only of kind repair.
    counts = dict.fromkeys(_FINDING_KINDS, 0)
    for f in record.get("findings") or []:
        if f.get("severity") == "info" and f.get("kind") != "repair":
            continue
        counts[f.get("kind")] = counts.get(f.get("kind"), 0) + 1
    return {f"findings_{k}": n for k, n in counts.items()}


def _row(record):
    if isinstance(record, ReadError):
        return {"file": record.path, "error": record.reason}
    if not isinstance(record, dict):
        raise TypeError(f"to_frame() takes records (dicts), not {type(record).__name__}")
    row = {name: (record.get(a) or {}).get(b) for name, (a, b) in _META}
    row.update(_findings(record))
    for table in TABLES:
        for key, cols in ((record.get("tables") or {}).get(table) or {}).items():
            for col, value in cols.items():
                row[f"{table}.{key}.{col}"] = value
    return row


def _column(values):
    import pandas as pd

    present = [v for v in values if v is not None]
    if present and all(isinstance(v, int) and not isinstance(v, bool) for v in present):
        return pd.array([pd.NA if v is None else v for v in values], dtype="Int64")
    if present and all(isinstance(v, (int, float)) and not isinstance(v, bool) for v in present):
        return pd.array([pd.NA if v is None else v for v in values], dtype="Float64")
    return values


def to_frame(records):
    """One wide row per report: ``file``, ``sha256``, ``kind``, ``pages``,
    ``agency``, ``year``, ``template``, the findings by kind (counted as
    ``gongkai extract --summary`` counts them), then one column per cell named
    ``table.row.col`` (``requests.total.total``), in the template's order.
    ``records`` is any iterable of records (a list, ``extract_many(...)``); a
    :class:`ReadError` yielded by ``extract_many(..., errors="yield")`` gives a
    row with its ``file`` and ``error``.

    每份报告一行的宽表：来源、机关、年度、格式、各类 findings 数，以及每个单元格一列
    （列名为 ``表.行.列``，如 ``requests.total.total``）。
    """
    import pandas as pd

    rows = [_row(r) for r in records]
    names = {}
    for row in rows:
        for k in row:
            names.setdefault(k, None)
    order = [n for n, _ in _META] + [f"findings_{k}" for k in _FINDING_KINDS]
    order += [n for n in names if n not in order]
    if any("error" in r for r in rows):
        order.insert(1, "error")
        order = list(dict.fromkeys(order))
    data = {n: _column([r.get(n) for r in rows]) for n in order}
    return pd.DataFrame(data, columns=order)
