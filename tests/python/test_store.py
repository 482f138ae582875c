"""gongkai.open_store reads the store `gongkai extract --db` writes, whatever its tables."""
import sqlite3
import subprocess

import pytest

import gongkai
from conftest import BINARY, SAMPLES, expected


def test_store_of_the_cli(tmp_path):
    db = tmp_path / "all.sqlite"
    pdfs = sorted(SAMPLES.glob("huaian-*.pdf"))
    subprocess.run([str(BINARY), "extract", "--db", str(db), *map(str, pdfs)], check=True, capture_output=True)
    with gongkai.open_store(db) as store:
        assert {"reports", "cells", "findings"} <= set(store.names())
        reports = store["reports"]
        assert sorted(reports["year"]) == [2023, 2024, 2024]
        cells = store.cells()
        assert {"agency", "year", "tbl", "row", "col", "value"} <= set(cells.columns)
        city = cells[(cells["path"] == str(SAMPLES / "huaian-city-2024.pdf")) & (cells["tbl"] == "requests")
                     & (cells["row"] == "total") & (cells["col"] == "total")]
        assert list(city["value"]) == [expected("huaian-city-2024")["tables"]["requests"]["total"]["total"]]
        q = store.query("SELECT COUNT(*) AS n FROM reports WHERE year = ?", (2024,))
        assert q["n"].iloc[0] == 2


def test_store_of_another_schema(tmp_path):
    # The store's schema changes (tables added, renamed): what is there is listed and read.
    db = tmp_path / "other.sqlite"
    con = sqlite3.connect(db)
    con.executescript("CREATE TABLE inputs (id INTEGER, path TEXT); INSERT INTO inputs VALUES (1, 'a.pdf');"
                      "CREATE VIEW paths AS SELECT path FROM inputs;")
    con.close()
    store = gongkai.open_store(db)
    assert store.names() == ["inputs", "paths"]
    assert list(store["paths"]["path"]) == ["a.pdf"]
    with pytest.raises(KeyError, match="has no table cells"):
        store.cells()
    with pytest.raises(KeyError, match="it has: inputs, paths"):
        store["reports"]
    store.close()


def test_bad_stores(tmp_path):
    with pytest.raises(FileNotFoundError):
        gongkai.open_store(tmp_path / "missing.sqlite")
    junk = tmp_path / "junk.sqlite"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(ValueError, match="not a gongkai store"):
        gongkai.open_store(junk)
    assert not (tmp_path / "missing.sqlite").exists()  # reading never creates a store
