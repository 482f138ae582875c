"""gongkai.extract and extract_many give the CLI's records; bad input raises ReadError."""
import json
import os
import re
import subprocess
import threading

import pytest

import gongkai
from conftest import BINARY, SAMPLE_FILES, TEST_DATA, cli_outcome, cli_record, exact


def test_version_is_a_version_number():
    assert re.fullmatch(r"\d+\.\d+\.\d+", gongkai.__version__)


@pytest.mark.parametrize("path", SAMPLE_FILES, ids=lambda p: p.name)
def test_record_is_the_cli_json(path, records):
    record = records[path.name]
    assert record == cli_record(path)
    assert exact(record) == exact(cli_record(path))  # key order and number types too


def test_bytes_give_the_record_of_the_file():
    path = next(p for p in SAMPLE_FILES if p.suffix == ".pdf")
    from_bytes = gongkai.extract(path.read_bytes(), name=path.name)
    assert exact(from_bytes) == exact(gongkai.extract(path))
    assert from_bytes["source"]["file"] == path.name
    assert exact(gongkai.extract(memoryview(path.read_bytes()), name=path.name)) == exact(from_bytes)


def test_path_like_and_str_agree():
    path = SAMPLE_FILES[0]
    assert exact(gongkai.extract(str(path))) == exact(gongkai.extract(path))


BAD_INPUTS = sorted((TEST_DATA / "pdf-bad").iterdir()) + [
    TEST_DATA / "regressions" / n for n in ("empty.txt", "bom-only.txt", "nul-bytes.txt", "utf16-odd-length.txt",
                                             "pdf-header-only.pdf", "tiff-header-only.tif", "html-unclosed-table.html")]


@pytest.mark.parametrize("bad", BAD_INPUTS, ids=lambda p: p.name)
def test_bad_input_ends_as_the_cli_ends(bad):
    # The CLI either reads it (the record says what is wrong) or names the
    # file and the reason; the module does the same, as a ReadError.
    record, said = cli_outcome(bad)
    if record is not None:
        assert exact(gongkai.extract(bad)) == exact(record)
        return
    with pytest.raises(gongkai.ReadError) as e:
        gongkai.extract(bad)
    assert e.value.path == str(bad)
    assert "gongkai: " + str(e.value) == said


def test_missing_file_and_directory_raise_read_error(tmp_path):
    missing = tmp_path / "no-such-report.pdf"
    with pytest.raises(gongkai.ReadError, match="no-such-report.pdf: file not found") as e:
        gongkai.extract(missing)
    assert e.value.reason == "file not found"
    with pytest.raises(gongkai.ReadError, match="is a directory"):
        gongkai.extract(tmp_path)


def test_empty_and_binary_bytes_raise_read_error():
    with pytest.raises(gongkai.ReadError) as e:
        gongkai.extract(b"", name="empty.txt")
    assert e.value.path == "empty.txt" and e.value.reason
    with pytest.raises(gongkai.ReadError):
        gongkai.extract(bytes(range(256)) * 64, name="noise.bin")


def test_wrong_arguments_raise_python_errors():
    with pytest.raises(TypeError):
        gongkai.extract(42)
    with pytest.raises(ValueError):
        gongkai.extract(SAMPLE_FILES[0], dpi=5)
    with pytest.raises(ValueError):
        gongkai.extract_many(SAMPLE_FILES, jobs=0)
    with pytest.raises(ValueError):
        gongkai.extract_many(SAMPLE_FILES, errors="ignore")


def test_extract_many_jobs_2_gives_the_records_of_jobs_1(records):
    one = [exact(r) for r in gongkai.extract_many(SAMPLE_FILES, jobs=1)]
    two = [exact(r) for r in gongkai.extract_many(SAMPLE_FILES * 2, jobs=2)]
    assert one == [exact(records[p.name]) for p in SAMPLE_FILES]
    assert two == one * 2  # in input order, each input read afresh


def test_extract_many_keeps_the_other_records_of_a_batch(tmp_path):
    paths = [SAMPLE_FILES[0], tmp_path / "missing.txt", SAMPLE_FILES[1]]
    out = list(gongkai.extract_many(paths, jobs=2, errors="yield"))
    assert out[0]["source"]["file"] == SAMPLE_FILES[0].name
    assert isinstance(out[1], gongkai.ReadError) and out[1].path == str(paths[1])
    assert out[2]["source"]["file"] == SAMPLE_FILES[1].name
    gen = gongkai.extract_many(paths, jobs=2)
    assert next(gen)["source"]["file"] == SAMPLE_FILES[0].name
    with pytest.raises(gongkai.ReadError, match="missing.txt: file not found"):
        next(gen)


def test_extract_many_closed_early_stops_its_workers():
    gen = gongkai.extract_many(SAMPLE_FILES * 20, jobs=2)
    next(gen)
    gen.close()  # joins the workers after their current input; must not hang


def test_threads_read_in_parallel_with_the_same_results(records):
    results, errors = {}, []

    def read(name_paths):
        try:
            for p in name_paths:
                results[(threading.get_ident(), p.name)] = exact(gongkai.extract(p))
        except Exception as e:  # noqa: BLE001 - reported below
            errors.append(e)

    threads = [threading.Thread(target=read, args=(SAMPLE_FILES,)) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 2 * len(SAMPLE_FILES)
    for (_, name), text in results.items():
        assert text == exact(records[name])


def test_stdin_name_gives_the_cli_record_of_stdin():

    path = next(p for p in SAMPLE_FILES if p.suffix == ".md")
    out = subprocess.run([str(BINARY), "extract", "-"], input=path.read_bytes(), capture_output=True, check=True)
    assert exact(gongkai.extract(path.read_bytes(), name="stdin")) == exact(json.loads(out.stdout))


def test_extract_many_jobs_2_reads_on_two_threads():
    # Whether both cores run is a figure (tools/bench_python.py: CPU/wall, and
    # each worker's CPU time); here: both workers of the pool extract_many
    # iterates read inputs, each on its own context.
    options = gongkai._extract._options(True, 300, None, None, False)
    batch = gongkai._native.Batch([str(p).encode() for p in SAMPLE_FILES * 3], 2, *options)
    assert batch.jobs == 2 and len(batch) == 3 * len(SAMPLE_FILES)
    assert sum(1 for record, reason in batch if reason is None) == len(batch)
    cpu = batch.worker_cpu_seconds
    assert all(c > 0.1 * sum(cpu) for c in cpu), cpu  # each read a share (a thread start costs ~0)


def test_ctrl_c_stops_extract_many():
    import signal
    import sys
    import time

    script = ("import sys, gongkai\n"
              "print('start', flush=True)\n"
              "try:\n"
              "    for r in gongkai.extract_many(sys.argv[1:] * 200, jobs=2): pass\n"
              "except KeyboardInterrupt:\n"
              "    print('interrupted', flush=True)\n")
    proc = subprocess.Popen([sys.executable, "-c", script, *map(str, SAMPLE_FILES)], stdout=subprocess.PIPE,
                            text=True, env=dict(os.environ))
    assert proc.stdout.readline().strip() == "start"
    time.sleep(0.5)
    proc.send_signal(signal.SIGINT)
    out, _ = proc.communicate(timeout=60)  # the workers finish their current input and stop
    assert "interrupted" in out and proc.returncode == 0
