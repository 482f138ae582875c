# Type hints for gongkai (the package's functions are documented in Chinese
# and English in their docstrings: help(gongkai.extract)).
import os
import sqlite3
from typing import Any, Iterable, Iterator, Literal, NamedTuple, Sequence

import pandas as pd

__version__: str

Record = dict[str, Any]
"""The record of ../shared/spec/report-json.md (schema_version 1)."""

StrPath = str | os.PathLike[str]

class ReadError(Exception):
    path: str
    reason: str
    def __init__(self, path: str, reason: str) -> None: ...

def extract(
    source: StrPath | bytes | bytearray | memoryview,
    *,
    ocr: bool = True,
    dpi: float | None = None,
    tessdata: StrPath | None = None,
    name: str | None = None,
    scan_narrative: bool = False,
    debug_dir: StrPath | None = None,
) -> Record: ...
def extract_many(
    paths: Iterable[StrPath],
    *,
    jobs: int | None = None,
    ocr: bool = True,
    dpi: float | None = None,
    tessdata: StrPath | None = None,
    scan_narrative: bool = False,
    debug_dir: StrPath | None = None,
    errors: Literal["raise", "yield"] = "raise",
) -> Iterator[Record | ReadError]:
    """Records in input order; a ReadError in a failed input's place only with errors="yield"."""

class Tables(NamedTuple):
    active: pd.DataFrame
    requests: pd.DataFrame
    review_litigation: pd.DataFrame

def tables(record: Record) -> Tables: ...
def to_frame(records: Iterable[Record | ReadError]) -> pd.DataFrame: ...

class Store:
    path: str
    def __init__(self, path: StrPath) -> None: ...
    def names(self) -> list[str]: ...
    def __contains__(self, name: str) -> bool: ...
    def __getitem__(self, name: str) -> pd.DataFrame: ...
    def query(self, sql: str, params: Sequence[Any] | dict[str, Any] = ()) -> pd.DataFrame: ...
    def cells(self) -> pd.DataFrame: ...
    def close(self) -> None: ...
    def __enter__(self) -> Store: ...
    def __exit__(self, *exc: object) -> None: ...

def open_store(path: StrPath) -> Store: ...
