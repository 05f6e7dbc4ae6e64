#!/usr/bin/env python3
"""Writes kshape's Keras golden data: layers.jsonl, models.jsonl and VERSIONS.json.

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


def layer_rows(only):
    rows = []
    for layer, generate in LAYER_GENERATORS:
        if only and layer not in only:
            continue
        cases = generate(random.Random(f"{SEED}/{layer}"))
        seen = set()
        for i, case in enumerate(cases):
            key = (case.call, tuple(case.inputs))
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
    parser.add_argument("--only", nargs="*", help="generate just these layers (skips models)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)

    rows = layer_rows(set(args.only or []))
    summarize_layers(rows)
    write_jsonl(args.out / "layers.jsonl", rows)
    if not args.only:
        models = model_rows()
        summarize_models(models)
        write_jsonl(args.out / "models.jsonl", models)
        (args.out / "VERSIONS.json").write_text(dumps(kr.versions(SEED)) + "\n", encoding="utf-8")
    for name in ("layers.jsonl", "models.jsonl", "VERSIONS.json"):
        path = args.out / name
        if path.exists():
            print(f"wrote {path} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
