#!/usr/bin/env python3
"""Writes kshape's Keras golden data: layers/<Layer>.jsonl, models.jsonl and VERSIONS.json.

Run from anywhere:  KERAS_BACKEND=jax /work/kenv/bin/python tools/golden/generate.py
The output is a pure function of the case tables, the seed and the Keras version.
"""

import argparse
import os
import random
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent

# Some Keras messages print Python sets ({'same', 'valid', 'causal'}): their order follows string
# hashing, so fix the hash seed for byte-identical output.
if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])
sys.path.insert(0, str(HERE))

import keras_runtime as kr  # noqa: E402  (sets KERAS_BACKEND before keras is imported)
from golden_common import SEED, dumps, write_jsonl  # noqa: E402
from layer_runner import run_case  # noqa: E402
from layer_table import LAYER_GENERATORS  # noqa: E402

DEFAULT_OUT = HERE.parent.parent / "Tests" / "ShapeEngineTests" / "Golden"
OUTPUTS = ("models.jsonl", "VERSIONS.json")
LAYERS = "layers"  # one file per layer class: layers/Conv2D.jsonl


def layer_rows(only, seed=None):
    """Every layer's cases run through Keras; `only` (a set of class names) restricts them.
    `seed` replaces SEED to draw fresh random cases (the fixed cases stay the same)."""
    seed = SEED if seed is None else seed
    rows = []
    for layer, generate in LAYER_GENERATORS:
        if only and layer not in only:
            continue
        cases = generate(random.Random(f"{seed}/{layer}"))
        seen = set()
        for i, case in enumerate(cases):
            key = (case.call, tuple(case.inputs), case.call_args, case.list_input)
            if key in seen:
                raise ValueError(f"{layer}: duplicate case {case.call} on {case.inputs}")
            seen.add(key)
            rows.append(run_case(f"{layer}/{i:03d}", layer, case))
    return rows


def model_rows():
    from model_programs import PROGRAMS
    from model_runner import run_program

    return [run_program(p) for p in PROGRAMS]


def summarize_layers(rows):
    ok, err = Counter(), Counter()
    for r in rows:
        (ok if r["expect"]["ok"] else err)[r["layer"]] += 1
    print(f"{'layer':<26}{'ok':>5}{'error':>7}")
    for layer, _ in LAYER_GENERATORS:
        if ok[layer] or err[layer]:
            print(f"{layer:<26}{ok[layer]:>5}{err[layer]:>7}")
    print(f"{'total':<26}{sum(ok.values()):>5}{sum(err.values()):>7}  ({len(rows)} cases)")


def summarize_models(rows):
    evals = [e for r in rows for e in r["evaluations"]]
    bad = sum(1 for e in evals if not e["ok"])
    print(f"models: {len(rows)} programs, {len(evals)} evaluations, {bad} error evaluations")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="output folder")
    parser.add_argument(
        "--only", nargs="+", metavar="LAYER", help="print these layers' cases as a table; write nothing"
    )
    parser.add_argument(
        "--check", action="store_true", help="regenerate into a temporary folder and fail if --out differs"
    )
    parser.add_argument(
        "--layers", nargs="+", metavar="LAYER",
        help="regenerate only these layers' files (layers/LAYER.jsonl); models are left as they are",
    )
    parser.add_argument(
        "--models", action="store_true", help="regenerate only models.jsonl (and VERSIONS.json)"
    )
    parser.add_argument(
        "--seed",
        help="draw the random cases from another seed, to test kshape on cases it has never seen "
        "(write them with --out to a scratch folder and run the tests with KSHAPE_GOLDEN_DIR)",
    )
    parser.add_argument(
        "--model-files", nargs=argparse.REMAINDER, metavar="ARG",
        help="run model_files.py instead (modelfiles/: configs of real models and their golden results); "
        "the arguments after it go to model_files.py",
    )
    parser.add_argument(
        "--layer-configs", nargs=argparse.REMAINDER, metavar="ARG",
        help="run layer_configs.py instead (layer_configs.jsonl: every class saved by Keras in a "
        "one-layer model); the arguments after it go to layer_configs.py",
    )
    args = parser.parse_args()
    if args.layer_configs is not None:
        import layer_configs

        return layer_configs.main(args.layer_configs)
    if args.model_files is not None:
        import model_files

        return model_files.main(args.model_files)
    if args.check:
        return check(args.out)
    if args.only:
        unknown = set(args.only) - {name for name, _ in LAYER_GENERATORS}
        if unknown:
            parser.error(f"no generator for {sorted(unknown)}")
        rows = layer_rows(set(args.only))
        for row in rows:
            print(describe(row))
        summarize_layers(rows)
        return 0

    args.out.mkdir(parents=True, exist_ok=True)
    (args.out / LAYERS).mkdir(exist_ok=True)
    if args.models:
        models = model_rows()
        summarize_models(models)
        write_jsonl(args.out / "models.jsonl", models)
        return 0
    selected = set(args.layers or [])
    unknown = selected - {name for name, _ in LAYER_GENERATORS}
    if unknown:
        parser.error(f"no generator for {sorted(unknown)}")
    rows = layer_rows(selected, args.seed)
    summarize_layers(rows)
    by_layer = {}
    for row in rows:
        by_layer.setdefault(row["layer"], []).append(row)
    for layer, layer_rows_ in by_layer.items():
        write_jsonl(args.out / LAYERS / f"{layer}.jsonl", layer_rows_)
    print(f"wrote {len(by_layer)} files in {args.out / LAYERS}")
    if selected:
        return 0
    models = model_rows()
    summarize_models(models)
    write_jsonl(args.out / "models.jsonl", models)
    (args.out / "VERSIONS.json").write_text(dumps(kr.versions(args.seed or SEED)) + "\n", encoding="utf-8")
    for name in OUTPUTS:
        path = args.out / name
        print(f"wrote {path} ({path.stat().st_size} bytes)")
    return 0


def describe(row):
    """One readable line per case, for reviewing a generator with --only."""
    fmt = lambda t: f"{tuple(t['shape'])}{'' if t['dtype'] == 'float32' else ':' + t['dtype']}"  # noqa: E731
    ins = " + ".join(fmt(t) for t in row["inputs"])
    e = row["expect"]
    if e["ok"]:
        outs = ", ".join(fmt(t) for t in e["outputs"])
        return f"{row['id']:<26} {row['call']:<60} {ins} -> {outs}  params={e['params']['total']}"
    return f"{row['id']:<26} {row['call']:<60} {ins} !! {e['stage']} {e['type']}: {e['reason'][:160]}"


def check(committed):
    """Exit status 1 when regenerating does not reproduce `committed` byte for byte."""
    import subprocess
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run([sys.executable, __file__, "--out", tmp], check=True)
        names = list(OUTPUTS) + sorted(
            f"{LAYERS}/{p.name}" for p in {*(Path(tmp) / LAYERS).glob("*.jsonl"), *(committed / LAYERS).glob("*.jsonl")}
        )

        def read(folder, name):
            path = Path(folder) / name
            return path.read_bytes() if path.exists() else None

        stale = [n for n in names if read(tmp, n) != read(committed, n)]
    print("golden files are up to date" if not stale else f"stale golden files: {stale}")
    return 1 if stale else 0


if __name__ == "__main__":
    sys.exit(main())
