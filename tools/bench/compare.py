#!/usr/bin/env python3
"""kshape against Keras on the same work: every golden model program, evaluated at every size.

For each program, kshape runs it as a user would (`kshape run FILE`: the statements, then one
`apply SIZE` per size, in one process, start-up included); Keras builds the same program at each
size in-process, shapes only (variables are not initialised, the fastest shape path Keras has),
import excluded and reported apart. Each is timed REPEAT times; the median is reported.

Run:  swift build -c release && KERAS_BACKEND=jax /work/kenv/bin/python tools/bench/compare.py
It writes docs/benchmarks.md. It needs Keras, so CI does not run it.
"""

import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tools" / "golden"))
REPEAT = 7

t0 = time.perf_counter()
import keras_runtime as kr  # noqa: E402
from model_programs import PROGRAMS  # noqa: E402
from model_runner import evaluate  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - t0
KSHAPE = ROOT / ".build" / "release" / "kshape"


def time_kshape(program):
    lines = program["statements"] + [f"apply {s}" if s else "apply" for s in program["sizes"]]
    with tempfile.NamedTemporaryFile("w", suffix=".ks", delete=False) as f:
        f.write("\n".join(lines) + "\n")
        path = f.name
    runs = []
    try:
        for _ in range(REPEAT):
            start = time.perf_counter()
            # Exit status 1 is expected for programs that fail at some size.
            subprocess.run([str(KSHAPE), "run", path], capture_output=True, check=False)
            runs.append(time.perf_counter() - start)
    finally:
        os.unlink(path)
    return statistics.median(runs)


def time_keras(program):
    runs = []
    for _ in range(REPEAT):
        start = time.perf_counter()
        for size in program["sizes"]:
            evaluate(program["statements"], size)
        runs.append(time.perf_counter() - start)
    return statistics.median(runs)


def main():
    if not KSHAPE.exists():
        sys.exit("build kshape first: swift build -c release")
    rows = []
    for p in PROGRAMS:
        k = time_kshape(p)
        ker = time_keras(p)
        rows.append((p["id"], len(p["statements"]), len(p["sizes"]), k, ker))
        print(f"{p['id']:32} kshape {k * 1000:7.1f} ms   keras {ker * 1000:8.1f} ms", flush=True)
    total_k = sum(r[3] for r in rows)
    total_ker = sum(r[4] for r in rows)
    out = [
        "# Benchmarks: kshape against Keras",
        "",
        "Written by tools/bench/compare.py; do not edit by hand. Each golden model program",
        "(tools/golden/model_programs.py) evaluated at each of its sizes. kshape: `kshape run` of the",
        "statements plus one `apply` per size, one process, start-up included. Keras: the same",
        "program built at each size in-process, shapes only (variables not initialised), import",
        f"excluded. Median of {REPEAT} runs.",
        "",
        "Which comparison: kshape's whole process (start-up included) against Keras's work in a",
        "loaded process with its import excluded: neither the user's job (a fresh Python process,",
        "import included) nor Keras's best case (a warm `model(keras.Input(shape))` per size); both",
        "of those are in docs/benchmarks-speed.md.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores; Keras {kr.versions(0)['keras']}, "
        f"JAX {kr.versions(0)['jax']}, Python {platform.python_version()}.",
        f"Keras import (once per process, not counted below): {IMPORT_SECONDS:.2f} s",
        "",
        "| program | statements | sizes | kshape (ms) | Keras (ms) | Keras / kshape |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for pid, n, sizes, k, ker in rows:
        out.append(f"| {pid} | {n} | {sizes} | {k * 1000:.1f} | {ker * 1000:.1f} | {ker / k:.0f}x |")
    out += [
        f"| **all {len(rows)} programs** | | | **{total_k * 1000:.0f}** | **{total_ker * 1000:.0f}** "
        f"| **{total_ker / total_k:.0f}x** |",
        "",
    ]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(out), encoding="utf-8")
    print(f"total: kshape {total_k:.2f} s, keras {total_ker:.2f} s; wrote docs/benchmarks.md")


if __name__ == "__main__":
    main()
