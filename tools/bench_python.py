#!/usr/bin/python3
"""What the Python module costs over the C++ it calls, and whether
extract_many uses every core. Prints figures; it is not a test.

    nice /usr/bin/python3 tools/bench_python.py [--build build] [--repeat N] [--copies K] [FILE...]
    (default FILE...: samples/*, the expected files aside)

1. Per report, the median of N runs of
     C++     build/bench_python_baseline: extract_file + the JSON writer, one
             ReadContext kept (exactly what gongkai.extract runs, without Python);
     Python  gongkai.extract(FILE) in this process (the same, plus the GIL
             release and the dict);
   both as wall time and as the reading thread's CPU time (text and PDF
   inputs are read on the calling thread alone; CPU time is what the other
   load of a shared machine changes least);
     CLI     `gongkai extract FILE > /dev/null` as a new process (its start-up
             included: what a script that shells out to the CLI pays).
   The overhead is Python over C++ (sum of the medians); the CLI ratio says what
   calling the module saves against running the command per file.
2. extract_many's pool over K copies of the inputs with jobs=1 and jobs=2:
   wall time, CPU time of this process (all threads), CPU/wall — about 2 when
   both cores work — and each worker thread's CPU time (an even split shows
   the work runs on two threads with nothing serialising them, even where
   the machine's other load keeps CPU/wall down).
"""
import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def median_ms(fn, repeat):
    """Medians of wall and of this thread's CPU time, in ms."""
    wall, cpu = [], []
    for _ in range(repeat):
        c0, t0 = time.thread_time(), time.perf_counter()
        fn()
        wall.append((time.perf_counter() - t0) * 1000)
        cpu.append((time.thread_time() - c0) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def per_report(files, build, repeat, gongkai):
    baseline = build / "bench_python_baseline"
    cli = build / "gongkai"
    print(f"{'file':40} {'C++ wall':>9} {'Py wall':>9} {'C++ CPU':>9} {'Py CPU':>9} {'CPU +':>7} {'CLI wall':>9}  (ms)")
    sums = [0.0] * 5
    for f in files:
        # Interleaved per file, so that the machine's load falls on all three alike.
        out = subprocess.run([str(baseline), str(f), "--repeat", str(repeat)], capture_output=True, text=True,
                             check=True)
        cxx_wall, cxx_cpu = map(float, out.stdout.split()[-2:])
        py_wall, py_cpu = median_ms(lambda: gongkai.extract(f), repeat)
        cmd, _ = median_ms(lambda: subprocess.run([str(cli), "extract", str(f)], stdout=subprocess.DEVNULL,
                                                  check=True), max(3, repeat // 4))
        row = [cxx_wall, py_wall, cxx_cpu, py_cpu, cmd]
        sums = [a + b for a, b in zip(sums, row)]
        print(f"{f.name:40} {cxx_wall:9.3f} {py_wall:9.3f} {cxx_cpu:9.3f} {py_cpu:9.3f} "
              f"{100 * (py_cpu / cxx_cpu - 1):6.1f}% {cmd:9.2f}")
    cxx_wall, py_wall, cxx_cpu, py_cpu, cmd = sums
    print(f"{'ALL (sum of medians)':40} {cxx_wall:9.3f} {py_wall:9.3f} {cxx_cpu:9.3f} {py_cpu:9.3f} "
          f"{100 * (py_cpu / cxx_cpu - 1):6.1f}% {cmd:9.2f}")
    print(f"Python over C++: CPU {100 * (py_cpu / cxx_cpu - 1):+.1f} %, wall {100 * (py_wall / cxx_wall - 1):+.1f} %;"
          f"  Python wall / CLI wall per file: {py_wall / cmd:.3f}")


def parallel(files, copies, gongkai):
    inputs = [os.fsencode(p) for p in files] * copies
    options = gongkai._extract._options(True, 300, None, None, False)
    walls = {}
    for jobs in (1, 2):
        # The pool extract_many iterates, used directly for its workers' CPU times.
        c0, t0 = cpu_seconds(), time.perf_counter()
        batch = gongkai._native.Batch(inputs, jobs, *options)
        n = sum(1 for _ in batch)
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        workers = " + ".join(f"{c:.2f}" for c in batch.worker_cpu_seconds)
        walls[jobs] = wall
        print(f"extract_many jobs={jobs}: {n} inputs  wall {wall:.2f} s  CPU {cpu:.2f} s  CPU/wall {cpu / wall:.2f}"
              f"  workers' CPU {workers} s")
    print(f"speed-up jobs=2 over jobs=1: {walls[1] / walls[2]:.2f}x")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("files", nargs="*", type=Path)
    ap.add_argument("--build", type=Path, default=ROOT / "build")
    ap.add_argument("--repeat", type=int, default=20)
    ap.add_argument("--copies", type=int, default=10)
    args = ap.parse_args()
    sys.path.insert(0, str(args.build / "python"))
    import gongkai

    files = args.files or sorted(p for p in (ROOT / "samples").iterdir() if not p.name.endswith(".expected.json"))
    print(f"gongkai {gongkai.__version__} ({gongkai.__file__}), {len(files)} files, {os.cpu_count()} cores, "
          f"load {os.getloadavg()[0]:.2f}")
    per_report(files, args.build, args.repeat, gongkai)
    parallel(files, args.copies, gongkai)


if __name__ == "__main__":
    main()
