"""extract and extract_many: the C++ pipeline (gongkai._native) with Python's
arguments and exceptions."""
import os
import threading

from . import _native
from ._errors import ReadError

# One extractor (one C++ ReadContext, so one set of OCR engines, loaded on the
# first scanned page) per thread and set of options: a second scan read in
# the same thread does not load the models again.
_local = threading.local()


def _path_bytes(p):
    return os.fsencode(p) if p is not None else b""


def _options(ocr, dpi, tessdata, debug_dir, scan_narrative):
    if dpi is None:
        dpi = 0  # chosen per page: 200, or 300 where the digits are small
    elif isinstance(dpi, bool) or not isinstance(dpi, (int, float)) or not 100 <= dpi <= 600:
        raise ValueError(f"dpi must be None or a number from 100 to 600, not {dpi!r}")
    return (bool(ocr), float(dpi), _path_bytes(tessdata), _path_bytes(debug_dir), bool(scan_narrative))


def _extractor(options):
    cache = getattr(_local, "extractors", None)
    if cache is None:
        cache = _local.extractors = {}
    ex = cache.get(options)
    if ex is None:
        ex = cache[options] = _native.Extractor(*options)
    return ex


def extract(source, *, ocr=True, dpi=None, tessdata=None, name=None, scan_narrative=False, debug_dir=None):
    """Read one report into its record, a dict equal to ``json.loads`` of
    ``gongkai extract FILE``'s output (keys of ../shared/spec/report-json.md).

    ``source`` is a path (``str`` or ``os.PathLike``) or the file's content
    (``bytes``, ``bytearray``, ``memoryview``; ``name`` is then the record's
    file name and a hint for the format, default ``"bytes"``). ``ocr=False``
    leaves image pages unread (a finding says so); ``dpi`` is the resolution
    scanned PDF pages are rendered at (100–600; ``None``: 200 dpi, or 300 for
    a page whose digits are small at 200, as the CLI); ``tessdata`` is the directory
    of the OCR models (default ``$TESSDATA_PREFIX``, then Debian's).
    Raises :class:`ReadError` when the input cannot be read at all. The
    interpreter's lock is released while the report is read, so threads
    calling ``extract`` run in parallel.

    读取一份报告，返回其记录（dict），与 ``gongkai extract FILE`` 输出的 JSON
    完全相同。``source`` 为路径或文件内容（bytes；此时 ``name`` 为记录中的文件名
    并用于判断格式）。``ocr=False`` 不识别图像页；``dpi`` 为扫描页渲染分辨率（None：200 dpi，数字过小的页用 300）；
    ``tessdata`` 为 OCR 模型目录。输入完全无法读取时抛出 :class:`ReadError`。
    读取期间释放 GIL，多线程调用可并行。
    """
    ex = _extractor(_options(ocr, dpi, tessdata, debug_dir, scan_narrative))
    if isinstance(source, (bytes, bytearray, memoryview)):
        label = "bytes" if name is None else str(name)
        record, reason = ex.data(bytes(source), label)
    elif isinstance(source, (str, os.PathLike)):
        label = os.fsdecode(source)
        record, reason = ex.path(os.fsencode(source))
    else:
        raise TypeError(f"extract() takes a path or bytes, not {type(source).__name__}")
    if reason is not None:
        raise ReadError(label, reason)
    return record


def extract_many(paths, *, jobs=None, ocr=True, dpi=None, tessdata=None, scan_narrative=False, debug_dir=None,
                 errors="raise"):
    """Read many reports with ``jobs`` worker threads (default: one per
    core), each with its own OCR engines; yields the records in the order of
    ``paths``. Workers run a few inputs ahead of the consumer, never the whole
    list, and without the interpreter's lock.

    ``errors="raise"`` (default) raises :class:`ReadError` at an input that
    cannot be read, which ends the generator; ``errors="yield"`` yields the
    ``ReadError`` in that input's place and goes on, so no other input's
    record is lost. Closing the generator stops the workers after their
    current input.

    用 ``jobs`` 个工作线程（默认每核一个，各有自己的 OCR 引擎）读取多份报告，
    按 ``paths`` 的顺序逐个产出记录。``errors="raise"`` 遇到无法读取的输入时抛出
    :class:`ReadError`（生成器随之结束）；``errors="yield"`` 则在该位置产出
    ``ReadError`` 对象并继续，其他输入的记录不会丢失。
    """
    if errors not in ("raise", "yield"):
        raise ValueError(f"errors must be 'raise' or 'yield', not {errors!r}")
    if jobs is None:
        jobs = os.cpu_count() or 1
    if isinstance(jobs, bool) or not isinstance(jobs, int) or jobs < 1:
        raise ValueError(f"jobs must be a whole number >= 1, not {jobs!r}")
    options = _options(ocr, dpi, tessdata, debug_dir, scan_narrative)
    paths = list(paths)
    for p in paths:
        if not isinstance(p, (str, os.PathLike)):
            raise TypeError(f"extract_many() takes paths, not {type(p).__name__}")
    labels = [os.fsdecode(p) for p in paths]
    batch = _native.Batch([os.fsencode(p) for p in paths], jobs, *options)
    return _records(batch, labels, errors)


def _records(batch, labels, errors):
    for label, (record, reason) in zip(labels, batch):
        if reason is None:
            yield record
        elif errors == "raise":
            raise ReadError(label, reason)
        else:
            yield ReadError(label, reason)
