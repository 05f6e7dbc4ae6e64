#!/usr/bin/env python3
"""`kshape inspect` against Keras on the same job: a saved model applied at several sizes.

For each golden model file (Tests/ShapeEngineTests/Golden/modelfiles/INDEX.json), kshape runs
`kshape inspect FILE --size S1 --size S2 ... --json` as a user would (one process: start-up, file
read, every layer at every size). Keras does the same job in-process with the golden
generator's own path (tools/golden/model_replay.py): load the config, then for each size
`clone_model` with new inputs and read every layer's output shapes and params (variables are
created without initial values, the fastest shape path Keras has). Keras's import is excluded
and reported apart. Median of REPEAT runs.

Run:  swift build -c release && KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/bench/inspect_bench.py
It writes docs/benchmarks-inspect.md. It needs Keras, so CI does not run it.
"""

import json
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "tools" / "golden"))
FOLDER = ROOT / "Tests" / "ShapeEngineTests" / "Golden" / "modelfiles"
KSHAPE = ROOT / ".build" / "release" / "kshape"
REPEAT = int(sys.argv[1]) if len(sys.argv) > 1 else 5

t0 = time.perf_counter()
import keras_runtime as kr  # noqa: E402
import model_replay  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - t0


def time_kshape(path, sizes):
    args = [str(KSHAPE), "inspect", str(path), "--json"]
    for s in sizes:
        args += ["--size", s]
    runs, out = [], None
    for _ in range(REPEAT):
        start = time.perf_counter()
        out = subprocess.run(args, capture_output=True, check=False)
        runs.append(time.perf_counter() - start)
    results = json.loads(out.stdout)["results"]
    return statistics.median(runs), results


def time_keras(text, form, sizes):
    runs, results = [], None
    for _ in range(REPEAT):
        start = time.perf_counter()
        results = [model_replay.evaluate(text, form, s) for s in sizes]
        runs.append(time.perf_counter() - start)
    return statistics.median(runs), results


def same(k_results, s_results):
    """Do both give the same ok/failing layer and the same per-layer shapes and params?"""
    for k, s in zip(k_results, s_results):
        if k["ok"] != s["ok"]:
            return False
        if not k["ok"]:
            if k["error"]["layer"] != s.get("error", {}).get("layer"):
                return False
            continue
        strip = lambda ls: [(l["name"], l["output_shapes"], l["params"]["total"]) for l in ls]  # noqa: E731
        if strip(k["layers"]) != strip(s["layers"]):
            return False
    return len(k_results) == len(s_results)


def main():
    index = json.loads((FOLDER / "INDEX.json").read_text())
    rows, total_k, total_s = [], 0.0, 0.0
    for m in index["models"]:
        path = FOLDER / m["file"]
        text = path.read_text()
        layers = len(json.loads(text).get("config", json.loads(text))["layers"])
        ks, s_results = time_kshape(path, m["sizes"])
        kk, k_results = time_keras(text, m["form"], m["sizes"])
        total_k += kk
        total_s += ks
        rows.append((m["name"], layers, len(m["sizes"]), ks, kk, same(k_results, s_results)))
        print(f"{m['name']}: kshape {ks * 1000:.1f} ms, Keras {kk * 1000:.1f} ms", file=sys.stderr)
    import jax
    import keras

    lines = [
        "# Benchmarks: `kshape inspect` against Keras",
        "",
        "Written by tools/bench/inspect_bench.py; do not edit by hand. Each golden model file",
        "(Tests/ShapeEngineTests/Golden/modelfiles) applied at each of its sizes. kshape:",
        "`kshape inspect FILE --size ... --json`, one process, start-up and file read included",
        "(release build). Keras: load the config, then `clone_model` at each size and read every",
        "layer's shapes and params, in-process, variables created without initial values, import",
        f"excluded. Median of {REPEAT} runs. `same` = both give the same layers, shapes, params",
        "and failing layers.",
        "",
        "Which comparison: kshape's whole process (start-up and file read included) against Keras in",
        "a loaded process with its import excluded, on `clone_model`, which makes every layer again at",
        "each size (about twice the work of a warm `model(keras.Input(shape))`): neither the user's job",
        "(a fresh Python process, import included) nor Keras's best case; both of those are in",
        "docs/benchmarks-speed.md.",
        "",
        f"Machine: {platform.machine()}, {__import__('os').cpu_count()} cores; Keras {keras.__version__}, "
        f"JAX {jax.__version__}, Python {platform.python_version()}.",
        f"Keras import (once per process, not counted below): {IMPORT_SECONDS:.2f} s",
        "",
        "| model | layers | sizes | kshape (ms) | Keras (ms) | Keras / kshape | same |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for name, layers, sizes, ks, kk, ok in rows:
        lines.append(
            f"| {name} | {layers} | {sizes} | {ks * 1000:.1f} | {kk * 1000:.1f} | {kk / ks:.0f}x | {'yes' if ok else 'NO'} |"
        )
    lines += [
        "",
        f"Total: kshape {total_s:.2f} s, Keras {total_k:.2f} s (plus {IMPORT_SECONDS:.2f} s import): "
        f"{total_k / total_s:.0f}x.",
    ]
    (ROOT / "docs" / "benchmarks-inspect.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
