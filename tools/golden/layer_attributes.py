#!/usr/bin/env python3
"""Writes Tests/ShapeEngineTests/Golden/layer_attributes.jsonl: `layer.supports_masking` and
`layer.built` (before any call: a layer without a `build` of its own is built when made, and an
unbuilt Sequential's summary says "0 (unbuilt)" for the others) as Keras gives them for every
class of layer_configs.jsonl (constructed from that file's `call` string), and for the classes
where they depend on an argument, both ways.

Run:  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/golden/layer_attributes.py
"""

import json
import os
from pathlib import Path

os.environ.setdefault("KERAS_BACKEND", "jax")
import keras  # noqa: E402
from keras import layers  # noqa: E402

HERE = Path(__file__).resolve().parent
GOLDEN = HERE.parent.parent / "Tests" / "ShapeEngineTests" / "Golden"
EXTRA = [
    "Embedding(10, 4, mask_zero=True)",
    "Embedding(10, 4)",
    "Lambda(lambda t: t, output_shape=(3,), mask=lambda t, m: m)",
]


def constructor(call):
    """`GRUCell(4)(x0, [x1])` -> `GRUCell(4)`: the layer, not its call."""
    depth = 0
    for i, ch in enumerate(call):
        if ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
            if depth == 0:
                return call[: i + 1]
    return call


def main():
    calls = {}
    for line in (GOLDEN / "layer_configs.jsonl").read_text().splitlines():
        row = json.loads(line)
        calls.setdefault(row["layer"], constructor(row["call"]))
    rows = []
    namespace = {name: getattr(layers, name) for name in dir(layers)}
    namespace["fn"] = lambda t: t
    for call in sorted(calls.values()) + EXTRA:
        try:
            layer = eval(call, namespace)  # noqa: S307 - the repo's own case strings
        except Exception as exc:  # noqa: BLE001 - recorded, not hidden
            print(f"skipped {call}: {type(exc).__name__}: {exc}")
            continue
        rows.append(
            {
                "call": call,
                "supports_masking": bool(layer.supports_masking),
                "built": bool(layer.built),
            }
        )
    out = GOLDEN / "layer_attributes.jsonl"
    out.write_text("".join(json.dumps(r, sort_keys=True) + "\n" for r in rows))
    print(f"{len(rows)} rows, keras {keras.__version__} -> {out}")


if __name__ == "__main__":
    main()
