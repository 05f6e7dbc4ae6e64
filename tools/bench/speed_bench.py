#!/usr/bin/env python3
"""kshape's speed and peak memory against Keras on the same work, both ways (issue 12).

Work measured (the issue's list):
  statements  a script of N `Dense(8)` lines on one input, N = 1k, 10k, 100k (the fitted exponent
              of time against N says whether it is linear); the same chain with each tensor
              bound to a name of its own (`h1 = Dense(8)(h0)`), so the session's names grow
  apply       a chain of N layers (Conv2D 3x3 same, BatchNormalization, ReLU, repeated), N = 500
              and 5,000, saved by Keras as a config, evaluated at 64x64
  inspect     the largest golden model files at one size and at ten sizes
  scan        `inspect --scan 1-512` on the same models

Two comparisons, never mixed:
  fresh  the user's job, one process each, start-up included: `kshape ...` against
         `python -c '<import keras; load; call>'` (Keras's import included: the user pays it).
  warm   Keras's best case: in this already-loaded process, `model(keras.Input(shape))` per size
         (import and loading excluded, one warm-up call first), against kshape's in-process
         evaluation of one size (the Swift benchmark suite in Benchmarks/, `--format json`).

Peak memory is each process's maximum resident set (VmHWM polled from /proc), for both tools'
fresh runs; for kshape in one run apart from the timed ones.

kshape's release build on Linux is one static executable (Package.swift, `-static-executable`):
the Swift runtime, Foundation and libc are linked in, so no dynamic loader runs at start
(`kshape --version`: 23 ms with shared Swift libraries, 5 ms static Swift, 2.4 ms fully static).

Run:  swift build -c release --static-swift-stdlib && (cd Benchmarks && swift build -c release) &&
      KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/bench/speed_bench.py [REPEAT] [--warm]
It writes docs/benchmarks-speed.md (with --warm it only prints the warm table of every golden
model: Benchmarks/ built is all it needs). It needs Keras and minutes, so CI does not run it.
"""

import json
import math
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
KSHAPE = ROOT / ".build" / "release" / "kshape"
BENCH = ROOT / "Benchmarks" / ".build" / "release" / "kshape-benchmarks"
GOLDEN = ROOT / "Tests" / "ShapeEngineTests" / "Golden" / "modelfiles"
REPEAT = int(next((a for a in sys.argv[1:] if a.isdigit()), 5))
TIMEOUT = float(os.environ.get("SPEED_BENCH_TIMEOUT", "60"))
STATEMENTS = [1_000, 10_000, 100_000]
CHAINS = [500, 5_000]
MODELS = ["nasnetmobile", "efficientnetv2s", "densenet121", "resnet101v2"]
ONE = ["224x224"]
TEN = [f"{s}x{s}" for s in (96, 128, 160, 192, 224, 256, 288, 320, 352, 384)]
PYTHON = sys.executable
# `--warm`: only the warm per-size comparison (every golden model and the chains), printed and
# not written to the docs: minutes instead of an hour.
WARM_ONLY = "--warm" in sys.argv
ENV = dict(os.environ, KERAS_BACKEND=os.environ.get("KERAS_BACKEND", "jax"))

t0 = time.perf_counter()
import keras  # noqa: E402

IMPORT_SECONDS = time.perf_counter() - t0


def run(args, peak_too=False):
    """One process: (seconds, peak RSS in MB or None, exit status); seconds is None past TIMEOUT.

    The time ends when `wait4` returns: this thread blocks on it, so a short run is not rounded
    up to a polling interval (a loop sleeping 2 ms between checks added up to 2 ms to every
    kshape run). With `peak_too` the peak is read from /proc/PID/status (VmHWM, the exec'd
    program's own) by another thread every half millisecond until the process exits: `wait4`'s
    ru_maxrss of a child forked from this process counts this process's resident set at the fork
    (Keras and its models loaded: about 1.8 GB), whatever the child. That thread wakes every half
    millisecond on a 2-core machine: kshape's timed runs go without it, and one more run
    measures the peak.
    """
    peak = [None]
    done = threading.Event()
    start = time.perf_counter()
    p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=ENV)

    def poll():
        while not done.is_set():
            try:
                with open(f"/proc/{p.pid}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peak[0] = max(peak[0] or 0, int(line.split()[1]) / 1024)
            except (OSError, ValueError):
                pass
            done.wait(0.0005)

    killed = threading.Event()

    def kill():
        killed.set()
        p.kill()

    poller = threading.Thread(target=poll, daemon=True)
    if peak_too:
        poller.start()
    timer = threading.Timer(TIMEOUT, kill)
    timer.start()
    _, status, _ = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    timer.cancel()
    done.set()
    if peak_too:
        poller.join()
    p.returncode = os.waitstatus_to_exitcode(status)
    if killed.is_set():
        return None, None, None
    return elapsed, peak[0], p.returncode


def median_run(args, repeat, peak_apart=True):
    """Median seconds over `repeat` runs and the largest peak RSS; None when a run timed out.
    With `peak_apart` (kshape's runs: milliseconds) the timed runs go without the peak's
    thread and one more run measures the peak; Keras's runs (seconds) are timed and measured
    at once."""
    times, peaks = [], []
    for _ in range(repeat):
        t, m, _ = run(args, peak_too=not peak_apart)
        if t is None:
            return None, None
        times.append(t)
        peaks.append(m)
    if peak_apart:
        _, m, _ = run(args, peak_too=True)
        peaks = [m]
    return statistics.median(times), max((m for m in peaks if m is not None), default=None)


# ---------------------------------------------------------------------------- the workloads


def write_workloads(folder):
    """Scripts and configs both tools read: Keras itself writes the chain configs."""
    paths = {}
    for n in STATEMENTS:
        p = folder / f"dense{n}.ks"
        p.write_text("x = Input((16,))\n" + "Dense(8)\n" * n)
        paths[f"dense{n}"] = p
        # The same chain with every tensor bound to a name of its own (h1 = Dense(8)(h0)): the
        # session's names grow with the script.
        p = folder / f"named{n}.ks"
        p.write_text("h0 = Input((16,))\n" + "".join(f"h{i} = Dense(8)(h{i - 1})\n" for i in range(1, n + 1)))
        paths[f"named{n}"] = p
        # Keras's own script for this work (KERAS_STATEMENTS without its thread), as a program:
        # the same text both tools run.
        p = folder / f"program{n}.py"
        p.write_text("import keras\nx = keras.Input((16,))\nfor _ in range(" + str(n) + "):\n"
                     "    x = keras.layers.Dense(8)(x)\n")
        paths[f"program{n}"] = p
    for n in CHAINS:
        model = chain(n)
        p = folder / f"chain{n}.json"
        p.write_text(model.to_json())
        paths[f"chain{n}"] = p
        CHAIN_MODELS[n] = model
        # The same chain typed as statements in a session, then applied (its compiled calls).
        typed = ["x = Input((None, None, 3))"] + [
            ["Conv2D(8, 3, padding='same')", "BatchNormalization()", "ReLU()"][i % 3]
            for i in range(n)
        ]
        p = folder / f"typed{n}.ks"
        p.write_text("\n".join(typed + ["apply 64x64"]) + "\n")
        paths[f"typed{n}"] = p
    return paths


# Keras's `model_from_json` of the 5,000-layer chain did not finish in 9 minutes here, so Keras
# builds the chains from their layers (about 25 s for 5,000) where kshape reads the config Keras
# wrote for them.
CHAIN_MODELS = {}


def chain(n):
    return keras.Sequential([keras.Input((None, None, 3))] + [chain_layer(i) for i in range(n)])


def chain_layer(i):
    return [
        lambda: keras.layers.Conv2D(8, 3, padding="same"),
        keras.layers.BatchNormalization,
        keras.layers.ReLU,
    ][i % 3]()


# Keras recurses once per layer when it builds or loads a Sequential: a 5,000-layer one needs a
# deeper stack than Python's default, in the scripts and in this process alike.
DEEP = """
import sys, threading
sys.setrecursionlimit(1_000_000)
threading.stack_size(1 << 30)
"""

KERAS_STATEMENTS = DEEP + """
def main():
    import keras
    x = keras.Input((16,))
    for _ in range({n}):
        x = keras.layers.Dense(8)(x)
t = threading.Thread(target=main)
t.start()
t.join()
"""

KERAS_CHAIN = DEEP + """
def main():
    import keras
    layers = [keras.layers.Conv2D(8, 3, padding="same") if i % 3 == 0
              else keras.layers.BatchNormalization() if i % 3 == 1 else keras.layers.ReLU()
              for i in range({n})]
    model = keras.Sequential([keras.Input((None, None, 3))] + layers)
    model(keras.Input((64, 64, 3)))
t = threading.Thread(target=main)
t.start()
t.join()
"""

KERAS_SIZES = DEEP + """
def main():
    import keras
    model = keras.models.model_from_json(open({path!r}).read())
    for s in {sides!r}:
        try:
            model(keras.Input((s, s, 3)))
        except Exception:
            pass
t = threading.Thread(target=main)
t.start()
t.join()
"""

KERAS_CHAIN = DEEP + """
def main():
    import keras
    layers = [keras.layers.Conv2D(8, 3, padding="same") if i % 3 == 0
              else keras.layers.BatchNormalization() if i % 3 == 1 else keras.layers.ReLU()
              for i in range({n})]
    model = keras.Sequential([keras.Input((None, None, 3))] + layers)
    model(keras.Input((64, 64, 3)))
t = threading.Thread(target=main)
t.start()
t.join()
"""


def golden_sizes():
    """Every golden model file (INDEX.json) with the size the warm comparison evaluates: the
    first of its sizes Keras accepts (its expected file's first `ok` result), or its first size
    when Keras accepts none (NASNetMobile raises at every size: the raising is timed). The
    Swift suite (Benchmarks/, Workloads.goldenSizes) picks the same."""
    index = json.loads((GOLDEN / "INDEX.json").read_text())["models"]
    out = []
    for m in index:
        if m["file"] != f"{m['name']}.json":
            continue
        results = json.loads((GOLDEN / f"{m['name']}.expected.json").read_text())["results"]
        ok = next((r for r in results if r["ok"]), results[0] if results else None)
        if ok is not None:
            out.append((m["name"], m["form"], ok["size"], ok["ok"]))
    return out


def golden_warm():
    """Keras's warm call on every golden model at its size: the config loaded as the golden
    tools load it (`model_from_json`, or `from_config` for a bare config), the inputs made at the
    size as `apply` binds it (tools/golden/model_replay.new_inputs), one warm-up call, then the
    median of REPEAT calls `model(<keras.Input at the size>)`, the Inputs' making included."""
    sys.path.insert(0, str(ROOT / "tools" / "golden"))
    import model_replay  # noqa: E402  (imports Keras the golden tools' way)

    out = {}
    for name, form, size, _ in golden_sizes():
        model = model_replay.load((GOLDEN / f"{name}.json").read_text(), form)
        times = []
        for i in range(REPEAT + 1):
            start = time.perf_counter()
            try:
                model(model_replay.new_inputs(model, size)[0])
            except Exception:
                pass
            if i:
                times.append(time.perf_counter() - start)
        out[name] = statistics.median(times)
    return out


def sides(sizes):
    return [int(s.split("x")[0]) for s in sizes]


# ---------------------------------------------------------------------------- measuring


def fresh(paths):
    """Each job as its own process, kshape and Keras."""
    rows = []
    for n in STATEMENTS:
        # Every length REPEAT times: one run of 100,000 (as until 2026-12-07) was often the
        # slow first run of the workload (twice the median here: 385 ms against 161 ms).
        k = median_run([str(KSHAPE), "run", str(paths[f"dense{n}"])], REPEAT)
        if n >= 100_000 and not os.environ.get("SPEED_BENCH_KERAS_100K"):
            p = (None, None)  # minutes of Keras: SPEED_BENCH_KERAS_100K=1 runs it
        else:
            p = median_run([PYTHON, "-c", KERAS_STATEMENTS.format(n=n)], 3, peak_apart=False)
        rows.append(("statements", f"{n} x Dense(8)", n, k, p))
    for n in STATEMENTS:
        # Keras's work is the same chain (a name is a Python variable): its figure is reused.
        k = median_run([str(KSHAPE), "run", str(paths[f"named{n}"])], REPEAT)
        p = next(r[4] for r in rows if r[0] == "statements" and r[2] == n)
        rows.append(("named statements", f"{n} x hI = Dense(8)(hI-1)", n, k, p))
    for n in STATEMENTS:
        # The program Keras runs, run by kshape (`kshape run programN.py`: a loop, no output).
        k = median_run([str(KSHAPE), "run", str(paths[f"program{n}"])], REPEAT)
        p = next(r[4] for r in rows if r[0] == "statements" and r[2] == n)
        rows.append(("program", f"Keras's script: a loop of {n} x = keras.layers.Dense(8)(x)", n, k, p))
    for n in CHAINS:
        path = str(paths[f"chain{n}"])
        k = median_run([str(KSHAPE), "inspect", path, "--size", "64x64"], REPEAT)
        p = median_run([PYTHON, "-c", KERAS_CHAIN.format(n=n)], 1 if n > 1000 else 3, peak_apart=False)
        rows.append(("apply", f"chain of {n} layers at 64x64", n, k, p))
        k = median_run([str(KSHAPE), "run", str(paths[f"typed{n}"])], REPEAT)
        rows.append(("apply", f"chain of {n} layers typed in a session, then apply 64x64", n, k, p))
    for m in MODELS:
        path = str(GOLDEN / f"{m}.json")
        for label, sizes in (("1 size", ONE), ("10 sizes", TEN)):
            args = [str(KSHAPE), "inspect", path] + [a for s in sizes for a in ("--size", s)]
            k = median_run(args, REPEAT)
            kj = median_run(args + ["--json"], REPEAT)
            p = median_run([PYTHON, "-c", KERAS_SIZES.format(path=path, sides=sides(sizes))], 3, peak_apart=False)
            rows.append(("inspect", f"{m}, {label}", len(sizes), k, p, kj))
        k = median_run([str(KSHAPE), "inspect", path, "--scan", "1-512"], REPEAT)
        p = median_run([PYTHON, "-c", KERAS_SIZES.format(path=path, sides=list(range(1, 513)))], 1, peak_apart=False)
        rows.append(("scan", f"{m}, 1-512", 512, k, p))
    return rows


def warm_call(model, shape, repeat):
    """Keras's warm call: median seconds of `model(keras.Input(shape))` (after one warm-up)."""
    times = []
    for i in range(repeat + 1):
        start = time.perf_counter()
        try:
            model(keras.Input(shape))
        except Exception:
            pass
        if i:
            times.append(time.perf_counter() - start)
    return statistics.median(times)


def warm(paths):
    """Keras in this process, per size; seconds."""
    out = {}
    for n in STATEMENTS[:2]:
        start = time.perf_counter()
        x = keras.Input((16,))
        for _ in range(n):
            x = keras.layers.Dense(8)(x)
        out[f"statements/dense{n}"] = time.perf_counter() - start
    for n in CHAINS:
        out[f"apply/chain{n}"] = warm_call(CHAIN_MODELS[n], (64, 64, 3), REPEAT)
    for m in MODELS:
        model = keras.models.model_from_json((GOLDEN / f"{m}.json").read_text())
        out[f"size/{m}"] = warm_call(model, (224, 224, 3), REPEAT)
        start = time.perf_counter()
        for s in range(1, 513):
            try:
                model(keras.Input((s, s, 3)))
            except Exception:
                pass
        out[f"scan/{m}"] = time.perf_counter() - start
    return out


def in_process(only=None):
    """kshape's own benchmark suite, in seconds by name (`only`: a regex of names); empty when
    it is not built."""
    if not BENCH.exists():
        return {}
    args = [str(BENCH), "--format", "json", "--quiet", "--min-time", "0.5"]
    if only:
        args += ["--filter", only]
    p = subprocess.run(args, capture_output=True, text=True, timeout=3600)
    try:
        results = json.loads(p.stdout)["benchmarks"]
    except (ValueError, KeyError):
        return {}
    # google/swift-benchmark 0.1.2 reports each benchmark's median as "time" (ns), no samples.
    return {
        r["name"].replace("\\/", "/"): (statistics.median(r["samples"]) if "samples" in r else r["time"]) / 1e9
        for r in results
    }


# ---------------------------------------------------------------------------- the report


def ms(t):
    return "not measured" if t is None else (f"{t * 1000:.3f}" if t < 0.01 else f"{t * 1000:.1f}")


def ratio(a, b):
    return "-" if a is None or b is None or b <= 0 else f"{a / b:,.0f}x"


def exponent(points):
    """The slope of log(time) against log(n), least squares."""
    pts = [(math.log(n), math.log(t)) for n, t in points if t]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    return sum((x - mx) * (y - my) for x, y in pts) / sum((x - mx) ** 2 for x, _ in pts)


def report(rows, keras_warm, swift, keras_golden):
    mem = lambda m: "-" if m is None else f"{m:.0f}"  # noqa: E731
    lines = [
        "# Benchmarks: speed and memory (issue 12)",
        "",
        "Written by tools/bench/speed_bench.py; do not edit by hand. The machine (2 cores) is a",
        "shared virtual machine: figures are medians of repeated runs and still noisy; compare",
        "ratios, not the last digit.",
        "",
        f"Machine: {platform.machine()}, {os.cpu_count()} cores; Keras {keras.__version__}, "
        f"backend {keras.backend.backend()}, Python {platform.python_version()}. "
        f"Keras import in this process: {IMPORT_SECONDS:.2f} s. kshape release build, one static "
        "executable (`swift build -c release --static-swift-stdlib`; Package.swift adds "
        "`-static-executable` on Linux).",
        "",
        "## Fresh process: the user's job",
        "",
        "Each job is one process, start-up included: `kshape run SCRIPT` or `kshape inspect FILE "
        "--size ...`/`--scan 1-512`, against `python -c` that imports Keras, loads the same config "
        "(or builds the same layers) and calls the model on `keras.Input` at each size. Peak "
        "memory is the process's maximum resident set (polled from /proc by a thread every "
        "half millisecond: for kshape in one run more than the timed ones, so that the polling "
        "is not timed). A "
        "run's time is from its spawn to `wait4` returning, for both tools (before this page's "
        "run of 2026-12-05 a 2 ms polling loop rounded every short run up). Median of "
        f"{REPEAT} runs for kshape; Keras runs fewer times where one run takes long. For the "
        "chains Keras builds the layers (its `model_from_json` of the 5,000-layer config did not "
        "finish in 9 minutes here) while kshape reads the config Keras wrote for them.",
        "",
        "| work | kshape (ms) | kshape --json (ms) | kshape peak (MB) | Keras (ms) | Keras peak (MB) "
        "| Keras / kshape |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        kind, label, _, k, p = r[:5]
        kj = r[5] if len(r) > 5 else (None, None)
        lines.append(
            f"| {kind}: {label} | {ms(k[0])} | {ms(kj[0]) if len(r) > 5 else '-'} | {mem(k[1])} "
            f"| {ms(p[0])} | {mem(p[1])} | {ratio(p[0], k[0])} |")
    pts = [(r[2], r[3][0]) for r in rows if r[0] == "statements"]
    e = exponent(pts)
    named = [(r[2], r[3][0]) for r in rows if r[0] == "named statements"]
    en = exponent(named)
    lines += [
        "",
        "Statements: time against the script's length fits n^"
        + ("?" if e is None else f"{e:.2f}")
        + " for kshape (1 is linear) over the lengths that finished within "
        + f"{TIMEOUT:.0f} s (\"not measured\": it did not, or for Keras 100k, was not run); "
        + "per second: "
        + ", ".join(f"{n:,}: {n / t:,.0f}/s" for n, t in pts if t)
        + ". With a name bound per statement: n^"
        + ("?" if en is None else f"{en:.2f}")
        + ". From 10,000 to 100,000 (ten times the work; the 1,000 point is mostly start-up): "
        + "; ".join(
            f"{kind} x{ts[100_000] / ts[10_000]:.1f}"
            for kind in ("statements", "named statements", "program")
            for ts in [{r[2]: r[3][0] for r in rows if r[0] == kind}]
            if ts.get(10_000) and ts.get(100_000))
        + ". The program rows run Keras's own script, a loop of `x = keras.layers.Dense(8)(x)`, "
        "as `kshape run programN.py`: the same text both tools run (it prints nothing); the "
        "statement rows are kshape session scripts, a statement a line, each line's tensor shown.",
    ]
    ins = {k: v for k, v in swift.items()}
    lines += [
        "",
        "## Warm: Keras's best case, per size",
        "",
        "Keras: `model(keras.Input(shape))` in this loaded process (import and loading excluded, "
        "one warm-up call first), median of "
        f"{REPEAT}. kshape: its in-process benchmark suite (Benchmarks/, google/swift-benchmark, "
        "median sample): the evaluation of one size alone (`Session.evaluate`, the import "
        "compiled once beforehand), and the rendering apart.",
        "",
        "| work | kshape evaluate (ms) | kshape table (ms) | kshape JSON (ms) | Keras warm (ms) "
        "| Keras / kshape evaluate |",
        "|---|---:|---:|---:|---:|---:|",
    ]
    for n in CHAINS:
        for how in ("imported", "typed"):
            ev = ins.get(f"apply/{how}{n}/evaluate")
            lines.append(
                f"| apply: chain of {n}, {how} | {ms(ev)} | {ms(ins.get(f'apply/{how}{n}/table'))} "
                f"| {ms(ins.get(f'apply/{how}{n}/json'))} | {ms(keras_warm.get(f'apply/chain{n}'))} "
                f"| {ratio(keras_warm.get(f'apply/chain{n}'), ev)} |")
    for m in MODELS:
        ev = ins.get(f"size/{m}/evaluate")
        lines.append(
            f"| one size: {m} at 224x224 | {ms(ev)} | - | - | {ms(keras_warm.get(f'size/{m}'))} "
            f"| {ratio(keras_warm.get(f'size/{m}'), ev)} |")
    for m in MODELS:
        sc = ins.get(f"scan/{m}/1-512")
        lines.append(
            f"| scan 1-512 (all 512 sizes): {m} | {ms(sc)} | - | - | {ms(keras_warm.get(f'scan/{m}'))} "
            f"| {ratio(keras_warm.get(f'scan/{m}'), sc)} |")
    for n in STATEMENTS:
        st = ins.get(f"statements/dense{n}")
        kw = keras_warm.get(f"statements/dense{n}")
        lines.append(
            f"| statements: {n} x Dense(8), whole script in-process | {ms(st)} | - | - | {ms(kw)} "
            f"| {ratio(kw, st)} |")
    lines += [
        "",
        "A failing line typed after a loop of n `Dense(8)` layers, in-process: "
        "`Dense(8)(not_defined)` (its layer is made, then a NameError) and `Conv2D(8, 3)(x)` (the "
        "layer refuses a rank-2 input). A failure is undone in the cost of its own changes, so "
        "the time must not grow with n.",
        "",
        "| layers in the session | NameError (ms) | layer error (ms) |",
        "|---:|---:|---:|",
    ]
    for n in (1_000, 10_000, 100_000):
        lines.append(
            f"| {n:,} | {ms(ins.get(f'failure/name/after{n}'))} "
            f"| {ms(ins.get(f'failure/call/after{n}'))} |")
    lines += [
        "",
        "`rules` on the chains (every size 1-64 of H and of W evaluated: 128 sizes), in-process; "
        "it must grow linearly with the layers:",
        "",
        "| chain | typed (ms) | imported (ms) |",
        "|---:|---:|---:|",
    ]
    for n in CHAINS:
        lines.append(
            f"| {n:,} | {ms(ins.get(f'rules/typed{n}'))} | {ms(ins.get(f'rules/imported{n}'))} |")
    lines += [
        "",
        "Other ways tutorials build models, each in one statement, in-process: "
        "`keras.Sequential([keras.Input((16,))] + [layers.Dense(8) for i in range(n)])`, and a "
        "loop of n/2 residual blocks `x = layers.Add()([x, layers.Dense(16)(x)])`. Time must grow "
        "linearly with n. (A loop of `model.add` does not: Keras rebuilds the Sequential at every "
        "add, calling every layer again, and kshape makes the same calls.)",
        "",
        "| n | Sequential from a list (ms) | residual blocks (ms) |",
        "|---:|---:|---:|",
    ]
    for n in (1_000, 10_000):
        lines.append(
            f"| {n:,} | {ms(ins.get(f'styles/sequential-list/{n}'))} "
            f"| {ms(ins.get(f'styles/residual-blocks/{n}'))} |")
    lines += golden_table(keras_golden, swift)
    lines += [
        "",
        "In-process figures for the whole inspect job (parse, decode, import, every size, the "
        "report), from the same suite:",
        "",
        "| work | text (ms) | JSON (ms) |",
        "|---|---:|---:|",
    ]
    for m in MODELS:
        for label in ("1size", "10sizes"):
            lines.append(
                f"| inspect {m}, {label} | {ms(ins.get(f'inspect/{m}/{label}/text'))} "
                f"| {ms(ins.get(f'inspect/{m}/{label}/json'))} |")
    return "\n".join(lines) + "\n"


def golden_table(keras_golden, swift):
    """The warm comparison on every golden model, at the size golden_sizes() picks."""
    lines = [
        "",
        "### Warm, every golden model",
        "",
        "Each golden model file (Tests/ShapeEngineTests/Golden/modelfiles, INDEX.json) at the first "
        "of its golden sizes Keras accepts: Keras's warm `model(<keras.Input at the size>)` "
        f"(median of {REPEAT}, after a warm-up call) against kshape's evaluation of that size "
        "(`Session.evaluate`, the import compiled once beforehand; the suite's "
        "`golden/NAME/evaluate`). The target is 20x or more on every model.",
        "",
        "| model | size | kshape evaluate (ms) | Keras warm (ms) | Keras / kshape |",
        "|---|---|---:|---:|---:|",
    ]
    ratios = []
    for name, _, size, ok in golden_sizes():
        ev = swift.get(f"golden/{name}/evaluate")
        kw = keras_golden.get(name)
        if ev and kw:
            ratios.append(kw / ev)
        note = "" if ok else " (raises, in both)"
        lines.append(f"| {name} | {size}{note} | {ms(ev)} | {ms(kw)} | {ratio(kw, ev)} |")
    if ratios:
        lines += [
            "",
            f"Smallest ratio {min(ratios):,.0f}x, median {statistics.median(ratios):,.0f}x over "
            f"{len(ratios)} models; {sum(r < 20 for r in ratios)} under 20x.",
        ]
    return lines


def main():
    if WARM_ONLY:
        swift = in_process(only="golden/|apply/.*evaluate")
        print("\n".join(golden_table(golden_warm(), swift)))
        return
    with tempfile.TemporaryDirectory() as d:
        paths = write_workloads(Path(d))
        swift = in_process()
        keras_warm = warm(paths)
        keras_golden = golden_warm()
        rows = fresh(paths)
        text = report(rows, keras_warm, swift, keras_golden)
    (ROOT / "docs" / "benchmarks-speed.md").write_text(text)
    print(text)


if __name__ == "__main__":
    sys.setrecursionlimit(1_000_000)
    threading.stack_size(1 << 30)
    worker = threading.Thread(target=main)
    worker.start()
    worker.join()
