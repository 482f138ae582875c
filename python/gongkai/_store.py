"""open_store: the SQLite store of ``gongkai extract --db`` as DataFrames."""
import os
import sqlite3


class Store:
    """A store written by ``gongkai extract --db FILE``, read as DataFrames.
    Schema-light on purpose: it lists whatever tables and views the file
    holds (``names()``) and returns any of them whole (``store["reports"]``),
    so it reads the store of any version. ``query(sql)`` runs a query;
    ``cells()`` is every cell with its report's path, agency and year.

    ``gongkai extract --db`` 生成的 SQLite 库，以 DataFrame 读取：``names()``
    列出表和视图，``store[名称]`` 返回整表，``query(sql)`` 执行查询，
    ``cells()`` 返回全部单元格及其报告的路径、机关、年度。
    """

    def __init__(self, path):
        path = os.fspath(path)
        if not os.path.isfile(path):
            raise FileNotFoundError(f"{path}: no such store")
        self.path = path
        self._db = sqlite3.connect(path)
        try:
            self.names()
        except sqlite3.DatabaseError as e:
            self._db.close()
            raise ValueError(f"{path}: not a gongkai store: {e}") from None

    def names(self):
        """The tables and views, by name. 库中的表和视图名。"""
        rows = self._db.execute("SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                                "AND name NOT LIKE 'sqlite_%' ORDER BY name").fetchall()
        return [r[0] for r in rows]

    def _columns(self, name):
        return [r[1] for r in self._db.execute(f'PRAGMA table_info("{name}")')]

    def __contains__(self, name):
        return name in self.names()

    def __getitem__(self, name):
        if name not in self.names():
            raise KeyError(f"{self.path} has no table or view {name!r} (it has: {', '.join(self.names())})")
        import pandas as pd

        return pd.read_sql_query(f'SELECT * FROM "{name}"', self._db)

    def query(self, sql, params=()):
        """The result of one SQL query. 执行一条 SQL 查询。"""
        import pandas as pd

        return pd.read_sql_query(sql, self._db, params=params)

    def cells(self):
        """Every cell, with its report's sha256, path (the first, when the same
        content was found at several), agency and year where the store links
        cells to reports (``cells.report_id`` → ``reports.id``).
        全部单元格，附所属报告的路径、机关、年度。"""
        if "cells" not in self:
            raise KeyError(f"{self.path} has no table cells (it has: {', '.join(self.names())})")
        cell_cols = self._columns("cells")
        report_cols = self._columns("reports") if "reports" in self else []
        if "report_id" not in cell_cols or "id" not in report_cols:
            return self["cells"]
        extra = [c for c in ("sha256", "path", "agency", "year", "template") if c in report_cols and c not in cell_cols]
        picked = "".join(f', r."{c}"' for c in extra)
        if "path" not in report_cols and "report_paths" in self and "sha256" in report_cols:
            # Store schema 1 keys a report on its content: its paths are rows of
            # report_paths. One cell row per cell: the first path stands for them.
            picked += ", (SELECT MIN(p.path) FROM report_paths p WHERE p.sha256 = r.sha256) AS path"
        return self.query(f'SELECT c.*{picked} FROM cells c JOIN reports r ON r.id = c.report_id')

    def close(self):
        self._db.close()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def open_store(path):
    """Open the SQLite store written by ``gongkai extract --db`` (see
    :class:`Store`). Raises FileNotFoundError for a missing file, ValueError
    for a file that is not SQLite.

    打开 ``gongkai extract --db`` 写入的 SQLite 库。
    """
    return Store(path)
