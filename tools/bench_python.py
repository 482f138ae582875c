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
     CLI     `gongkai extract FILE > /dev/null` as a new process (its start-up
             included: what a script that shells out to the CLI pays).
   The overhead is Python over C++ (sum of medians); the CLI ratio says what
   calling the module saves against running the command per file.
2. extract_many over K copies of the inputs with jobs=1 and jobs=2: wall
   time, CPU time of this process (all threads) and CPU/wall — about 2 when
   both cores work.
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
    times = []
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def cpu_seconds():
    r = resource.getrusage(resource.RUSAGE_SELF)
    return r.ru_utime + r.ru_stime


def per_report(files, build, repeat, gongkai):
    baseline = build / "bench_python_baseline"
    cli = build / "gongkai"
    print(f"{'file':46} {'C++ ms':>9} {'Python ms':>10} {'overhead':>9} {'CLI ms':>9}")
    sums = [0.0, 0.0, 0.0]
    for f in files:
        # Interleaved per file, so that the machine's load falls on all three alike.
        out = subprocess.run([str(baseline), str(f), "--repeat", str(repeat)], capture_output=True, text=True,
                             check=True)
        cxx = float(out.stdout.split()[-1])
        py = median_ms(lambda: gongkai.extract(f), repeat)
        cmd = median_ms(lambda: subprocess.run([str(cli), "extract", str(f)], stdout=subprocess.DEVNULL,
                                               check=True), max(3, repeat // 4))
        sums = [sums[0] + cxx, sums[1] + py, sums[2] + cmd]
        print(f"{f.name:46} {cxx:9.3f} {py:10.3f} {100 * (py / cxx - 1):8.1f}% {cmd:9.2f}")
    cxx, py, cmd = sums
    print(f"{'ALL (sum of medians)':46} {cxx:9.3f} {py:10.3f} {100 * (py / cxx - 1):8.1f}% {cmd:9.2f}")
    print(f"Python over C++: {100 * (py / cxx - 1):+.1f} %   Python / CLI per file: {py / cmd:.3f}")


def parallel(files, copies, gongkai):
    inputs = list(files) * copies
    results = {}
    for jobs in (1, 2):
        c0, t0 = cpu_seconds(), time.perf_counter()
        n = sum(1 for _ in gongkai.extract_many(inputs, jobs=jobs))
        wall, cpu = time.perf_counter() - t0, cpu_seconds() - c0
        results[jobs] = wall
        print(f"extract_many jobs={jobs}: {n} inputs  wall {wall:.2f} s  CPU {cpu:.2f} s  CPU/wall {cpu / wall:.2f}")
    print(f"speed-up jobs=2 over jobs=1: {results[1] / results[2]:.2f}x")


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
