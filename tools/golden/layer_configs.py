#!/usr/bin/env python3
"""Writes Golden/layer_configs.jsonl: every catalog class saved by Keras inside a tiny model.

  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/golden/layer_configs.py           # write
  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/golden/layer_configs.py --check   # up to date?

For each class in layer_table.py, a few successful cases of its golden file (layers/CLASS.jsonl)
are rebuilt as `keras.Model(inputs, layer(x))`, plus the hand-written cases of EXTRA_CASES (wrapped
layers, cells, non-default initializers, regularizers, constraints and dtype policies). Each line:
{"id", "layer", "name", "model": model.to_json() text, "outputs": [{"shape", "dtype"}],
"params"}: the config exactly as Keras saves it, and what the layer gives in Keras. kshape must
load every one (GoldenLayerConfigTests); a config that Keras itself cannot load back fails here.
"""

import argparse
import contextlib
import json
import os
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent

if os.environ.get("PYTHONHASHSEED") != "0":
    os.environ["PYTHONHASHSEED"] = "0"
    os.execv(sys.executable, [sys.executable, *sys.argv])
sys.path.insert(0, str(HERE))

import keras_runtime as kr  # noqa: E402
from golden_common import dumps  # noqa: E402
from keras_runtime import keras  # noqa: E402
from layer_config_extras import EXTRA_CASES  # noqa: E402
from layer_table import LAYER_GENERATORS  # noqa: E402

GOLDEN = HERE.parent.parent / "Tests" / "ShapeEngineTests" / "Golden"
DEFAULT_OUT = GOLDEN / "layer_configs.jsonl"
PER_CLASS = 3  # single-call cases per class, plus one with call arguments where there is one
_STATELESS_REFUSAL = "create a variable while in a stateless scope"


class Unmodelable(Exception):
    """A case that no functional model can hold."""


def spread(items, count):
    """Up to `count` items, evenly spaced (first and last included): varied, deterministic."""
    if len(items) <= count:
        return items
    if count == 1:
        return [items[len(items) // 2]]
    return [items[round(i * (len(items) - 1) / (count - 1))] for i in range(count)]


def golden_cases(layer):
    """The chosen successful cases of layers/LAYER.jsonl, one per distinct (call, call_args)."""
    rows = [json.loads(line) for line in (GOLDEN / "layers" / f"{layer}.jsonl").open(encoding="utf-8")]
    seen, single, with_args = set(), [], []
    for r in rows:
        key = (r["call"], r.get("call_args"))
        if not r["expect"]["ok"] or key in seen:
            continue
        seen.add(key)
        (with_args if "call_args" in r else single).append(r)
    chosen = spread(single, PER_CLASS) + spread(with_args, 1 if single else PER_CLASS)
    return [(r["call"], [(t["shape"], t["dtype"]) for t in r["inputs"]], r["list_input"], r.get("call_args")) for r in chosen]


def namespace():
    ns = kr.layer_namespace()
    ns["keras"] = keras
    return ns


def build(call, inputs, list_input, call_args, deferred):
    """(model, layer): a fresh functional model whose one layer is made by `call`."""
    kr.fresh_session()
    with kr.deferred_weights() if deferred else contextlib.nullcontext():
        layer = eval(call, namespace())  # noqa: S307 - the case tables' literal calls
        tensors = [kr.make_input(s, d, name=f"x{i}") for i, (s, d) in enumerate(inputs)]
        if call_args is not None:
            out = eval(f"__layer({call_args})", {"__layer": layer, **{f"x{i}": t for i, t in enumerate(tensors)}})  # noqa: S307
        else:
            out = layer(tensors if list_input else tensors[0])
        if any(o is t for o in kr.flat_outputs(out) for t in tensors):
            raise Unmodelable("its symbolic call returns the input tensor itself")
        model = keras.Model(tensors, kr.flat_outputs(out))
    return model, layer, kr.flat_outputs(out)


def row(case_id, layer_name, call, inputs, list_input=False, call_args=None):
    try:
        model, layer, outs = build(call, inputs, list_input, call_args, deferred=True)
    except Exception as exc:  # noqa: BLE001
        if _STATELESS_REFUSAL not in str(exc):
            raise
        model, layer, outs = build(call, inputs, list_input, call_args, deferred=False)
    text = model.to_json()
    record = {
        "id": case_id,
        "layer": layer_name,
        "call": call if call_args is None else f"{call}({call_args})",
        "name": layer.name,
        "model": text,
    }
    built = {"outputs": [kr.tensor_record(t) for t in outs], "params": kr.params_of([layer])}
    # kshape evaluates the config, so the reference is the model Keras loads from it (Lambda's
    # function needs unsafe deserialization). Some classes save values their constructor refuses
    # (RandomShear's negative factors): then kshape must refuse the config too.
    try:
        loaded = load(text, deferred=True)
    except Exception as exc:  # noqa: BLE001
        loaded = load(text, deferred=False) if _STATELESS_REFUSAL in str(exc) else exc
    if isinstance(loaded, Exception):
        record["load_error"] = _innermost(str(loaded))
        record.update(built)
        return record
    again = loaded.get_layer(layer.name)
    record["outputs"] = [kr.tensor_record(t) for t in again._inbound_nodes[0].output_tensors]
    record["params"] = kr.params_of([again])
    if {"outputs": record["outputs"], "params": record["params"]} != built:
        # Keras's get_config loses something (SpatialDropout1D saves its variable dtype, not
        # its mixed policy): what the layer gave before saving, for the record.
        record["before_saving"] = built
    return record


def load(text, deferred):
    kr.fresh_session()
    try:
        with keras.src.saving.serialization_lib.SafeModeScope(False), (
            kr.deferred_weights() if deferred else contextlib.nullcontext()
        ):
            return keras.models.model_from_json(text)
    except Exception as exc:  # noqa: BLE001
        if deferred:
            raise
        return exc


def _innermost(message):
    """The last 'Exception encountered: ...' of Keras's nested deserialization message."""
    reason = message.rsplit("Exception encountered: ", 1)[-1]
    return kr.error_record(Exception(reason))["reason"]


def rows():
    cases = [
        (f"{layer}/{i}", layer, *case)
        for layer, _ in LAYER_GENERATORS
        for i, case in enumerate(golden_cases(layer))
    ]
    cases += [(f"{c.layer}/extra{i}", c.layer, c.call, c.inputs, c.list_input, c.call_args) for i, c in enumerate(EXTRA_CASES)]
    out = []
    for case_id, layer, call, inputs, list_input, call_args in cases:
        try:
            out.append(row(case_id, layer, call, inputs, list_input, call_args))
        except Unmodelable as exc:
            print(f"skipped {case_id} {call}: {exc}", file=sys.stderr)
    return out


def write(path, lines):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for r in lines:
            f.write(dumps(r) + "\n")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--check", action="store_true", help="fail if --out is not what regenerating gives")
    args = parser.parse_args(argv)
    lines = rows()
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            fresh = Path(tmp) / "layer_configs.jsonl"
            write(fresh, lines)
            same = args.out.exists() and fresh.read_bytes() == args.out.read_bytes()
        print("layer_configs.jsonl is up to date" if same else f"stale: {args.out}")
        return 0 if same else 1
    write(args.out, lines)
    classes = len({r["layer"] for r in lines})
    print(f"wrote {args.out}: {len(lines)} cases, {classes} classes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
