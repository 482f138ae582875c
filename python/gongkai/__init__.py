"""gongkai: government information-disclosure annual reports
(政府信息公开工作年度报告) to verified, structured records.

    import gongkai
    record = gongkai.extract("report.pdf")          # the CLI's JSON record, as a dict
    active, requests, review = gongkai.tables(record)
    frame = gongkai.to_frame(gongkai.extract_many(paths, jobs=2))

The same C++ pipeline as the ``gongkai`` command (gongkai._native).
与命令行 ``gongkai`` 使用同一个 C++ 处理流程。
"""
from ._errors import ReadError
from ._extract import extract, extract_many
from ._frames import Tables, tables, to_frame
from ._native import __version__
from ._store import Store, open_store

__all__ = ["ReadError", "Store", "Tables", "__version__", "extract", "extract_many", "open_store", "tables",
           "to_frame"]
