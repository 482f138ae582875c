"""Shared fixtures: where the samples and the CLI are. ctest sets the paths
(src/python/python.cmake); run by hand:
    PYTHONPATH=build/python /usr/bin/python3 -m pytest tests/python
"""
import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = Path(os.environ.get("GONGKAI_SAMPLES", ROOT / "samples"))
TEST_DATA = Path(os.environ.get("GONGKAI_TEST_DATA", ROOT / "tests" / "data"))
BINARY = Path(os.environ.get("GONGKAI_BINARY", ROOT / "build" / "gongkai"))

# Every report in samples/ (the expected files aside): each kind of input.
SAMPLE_FILES = sorted(p for p in SAMPLES.iterdir() if not p.name.endswith(".expected.json"))


def cli_record(path):
    """The record `gongkai extract PATH` prints (one input: the record on stdout)."""
    out = subprocess.run([str(BINARY), "extract", str(path)], capture_output=True, check=True)
    return json.loads(out.stdout)


def cli_outcome(path):
    """(record, None) when `gongkai extract PATH` reads the input, else
    (None, what it says on stderr)."""
    out = subprocess.run([str(BINARY), "extract", str(path)], capture_output=True)
    if out.returncode == 0:
        return json.loads(out.stdout), None
    assert out.returncode == 1, out
    return None, out.stderr.decode().strip()


def expected(name):
    return json.loads((SAMPLES / f"{name}.expected.json").read_text(encoding="utf-8"))


def exact(record):
    """The record as text, keys in order: equal only when every key, order,
    value and number type (1 vs 1.0) is."""
    return json.dumps(record, ensure_ascii=False)


@pytest.fixture(scope="session")
def records():
    """The module's record of every sample, read once."""
    import gongkai

    return {p.name: gongkai.extract(p) for p in SAMPLE_FILES}
