#!/usr/bin/env python3
"""Writes Golden/ops/cases.jsonl: raw operations (`keras.src.ops.*` classes, as saved configs
hold them) called on symbolic tensors, with what Keras's `compute_output_spec` gives: the output
shapes and dtypes, or the error it raises. Covers the error paths a functional model cannot
reach (with batch None, Keras never checks a reshape).

  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/golden/ops_cases.py
"""

import json
import os
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from keras_runtime import keras  # noqa: E402
from keras.src.backend import KerasTensor  # noqa: E402
from keras.src.ops import core, nn, numpy as knp  # noqa: E402

OUT = HERE.parent.parent / "Tests" / "ShapeEngineTests" / "Golden" / "ops" / "cases.jsonl"


def T(*shape, dtype="float32"):
    return ("t", list(shape), dtype)


S = slice
CASES = [
    (knp.Reshape, {"newshape": [2, -1]}, [T(3, 4)]),
    (knp.Reshape, {"newshape": [5, -1]}, [T(3, 4)]),
    (knp.Reshape, {"newshape": [2, 5]}, [T(3, 4)]),
    (knp.Reshape, {"newshape": [-1, 4]}, [T(None, 2, 4)]),
    (knp.Reshape, {"newshape": [0, -1]}, [T(3, 4)]),
    (knp.Transpose, {"axes": [1, 0, 2]}, [T(2, 3, 4)]),
    (knp.Transpose, {"axes": None}, [T(2, 3, 4)]),
    (knp.Transpose, {"axes": [0, 1]}, [T(2, 3, 4)]),
    (knp.Transpose, {"axes": [0, 0, 1]}, [T(2, 3, 4)]),
    (knp.ExpandDims, {"axis": -1}, [T(2, 3)]),
    (knp.ExpandDims, {"axis": [0, 2]}, [T(2, 3)]),
    (knp.ExpandDims, {"axis": 5}, [T(2, 3)]),
    (knp.Squeeze, {"axis": None}, [T(1, 3, 1, None)]),
    (knp.Squeeze, {"axis": 1}, [T(2, 3)]),
    (knp.Squeeze, {"axis": -2}, [T(2, 1, 3)]),
    (knp.Concatenate, {"axis": 1}, [[T(2, 3), T(2, 5)]]),
    (knp.Concatenate, {"axis": 0}, [[T(2, 3), T(2, 5)]]),
    (knp.Concatenate, {"axis": -1}, [[T(2, None), T(2, 5, dtype="int32")]]),
    (knp.Stack, {"axis": -1}, [[T(2, 3), T(2, 3)]]),
    (knp.Stack, {"axis": 0}, [[T(2, 3), T(3, 3)]]),
    (knp.Split, {"indices_or_sections": 3, "axis": 1}, [T(2, 6)]),
    (knp.Split, {"indices_or_sections": 4, "axis": 1}, [T(2, 6)]),
    (knp.Split, {"indices_or_sections": [1, 4], "axis": -1}, [T(2, 6)]),
    (knp.Tile, {"repeats": [2, 3]}, [T(4)]),
    (knp.Tile, {"repeats": 2}, [T(None, 3)]),
    (knp.Repeat, {"repeats": 2, "axis": None}, [T(2, 3)]),
    (knp.Repeat, {"repeats": [1, 2], "axis": 0}, [T(2, 3)]),
    (knp.Repeat, {"repeats": [1, 2, 3], "axis": 0}, [T(2, 3)]),
    (knp.Ravel, {}, [T(2, 3, 4)]),
    (knp.Swapaxes, {"axis1": 0, "axis2": -1}, [T(2, 3, 4)]),
    (knp.Moveaxis, {"source": [0, 1], "destination": [-1, -2]}, [T(2, 3, 4)]),
    (knp.Mean, {"axis": [0, -1], "keepdims": True}, [T(2, 3, 4, dtype="int8")]),
    (knp.Mean, {"axis": 3, "keepdims": False}, [T(2, 3, 4)]),
    (knp.Sum, {"axis": None, "keepdims": False}, [T(2, 3, dtype="bool")]),
    (knp.Sum, {"axis": 1, "keepdims": False}, [T(2, 3, dtype="uint8")]),
    (knp.Max, {"axis": None, "keepdims": True}, [T(2, 3, dtype="float16")]),
    (knp.Argmax, {"axis": 1, "keepdims": False}, [T(2, 3)]),
    (knp.Argmin, {"axis": None, "keepdims": False}, [T(2, 3)]),
    (knp.Any, {"axis": 0, "keepdims": False}, [T(2, 3)]),
    (knp.Prod, {"axis": 0, "keepdims": False, "dtype": None}, [T(2, 3, dtype="int16")]),
    (knp.Cumsum, {"axis": None, "dtype": None}, [T(2, 3, dtype="bool")]),
    (nn.Softmax, {"axis": 2}, [T(2, 3)]),
    (nn.LogSoftmax, {"axis": -1}, [T(2, 3, dtype="float16")]),
    (core.Cast, {"dtype": "bfloat16"}, [T(2, 3)]),
    (nn.OneHot, {"num_classes": 5}, [T(None, 7, dtype="int32")]),
    (nn.OneHot, {"num_classes": 4, "axis": 1}, [T(2, 3, dtype="int64")]),
    (nn.OneHot, {"num_classes": 4, "axis": 0, "dtype": "int32"}, [T(None, 3, dtype="int32")]),
    (nn.OneHot, {"num_classes": 3, "axis": 2}, [T(2, 3, dtype="int32")]),
    (nn.OneHot, {"num_classes": 3, "axis": -2}, [T(2, 3, dtype="int32")]),
    (knp.Matmul, {}, [T(None, 2, 3), T(3, 4)]),
    (knp.Matmul, {}, [T(2, 3), T(4, 5)]),
    (knp.Matmul, {}, [T(3), T(2, 3, 4)]),
    (knp.Matmul, {}, [T(2, 3, 4), T(4)]),
    (knp.Matmul, {}, [T(2, 3, dtype="int8"), T(3, 4, dtype="int8")]),
    (knp.Matmul, {}, [T(5, 2, 3), T(4, 3, 4)]),
    (knp.Einsum, {"subscripts": "ij,jk->ik"}, [T(2, 3), T(3, 4)]),
    (knp.Einsum, {"subscripts": "...ij,kji->...k"}, [T(None, 3, 4), T(2, 4, 3)]),
    (knp.Einsum, {"subscripts": "ij,jk"}, [T(2, 3), T(3, 4)]),
    (knp.Einsum, {"subscripts": "ijk,jk"}, [T(2, 3), T(3, 4)]),
    (knp.Where, {}, [T(2, 1, dtype="bool"), T(1, 3, dtype="int32"), 1.5]),
    (knp.Where, {}, [T(2, 3, dtype="bool"), T(4, dtype="int32"), 1]),
    (knp.Clip, {"x_min": 0, "x_max": 1}, [T(2, 3, dtype="bool")]),
    (knp.Add, {}, [T(2, 3, dtype="int8"), T(3, dtype="uint8")]),
    (knp.Add, {}, [T(2, 3, dtype="bfloat16"), T(3, dtype="float16")]),
    (knp.Divide, {}, [T(2, 3, dtype="int32"), 2]),
    (knp.GetItem, {}, [T(None, 5, 4), (S(None), 2)]),
    (knp.GetItem, {}, [T(None, 5, 4), (S(None), 7)]),
    (knp.GetItem, {}, [T(None, 5, 4), (S(None), -6)]),
    (knp.GetItem, {}, [T(None, 5, 4), (Ellipsis, None, S(1, None, 2))]),
    (knp.GetItem, {}, [T(None, 5, 4), (S(None), S(None, None, -2), S(-1, -5, -1))]),
    (knp.GetItem, {}, [T(None, 5, 4), (0, 1, 2, 3)]),
    (knp.GetItem, {}, [T(None, 5, 4), (Ellipsis, 0, Ellipsis)]),
    (knp.GetItem, {}, [T(None, None, 4), (S(None), S(2, 3), S(10, 20))]),
]


def symbolic(arg):
    if isinstance(arg, tuple) and arg and arg[0] == "t":
        return KerasTensor(arg[1], dtype=arg[2])
    if isinstance(arg, list):
        return [symbolic(a) for a in arg]
    return arg


def encoded(arg):
    """A call argument as a saved node holds it."""
    if isinstance(arg, tuple) and arg and arg[0] == "t":
        return {"tensor": {"shape": arg[1], "dtype": arg[2]}}
    if isinstance(arg, list):
        return {"tensors": [encoded(a)["tensor"] for a in arg]}
    from keras.src.saving import serialization_lib

    return {"value": serialization_lib.serialize_keras_object(arg)}


def run(cls, config, args):
    op = cls(**config)
    try:
        out = op.compute_output_spec(*[symbolic(a) for a in args])
    except Exception as e:  # noqa: BLE001
        return {"ok": False, "error": f"{type(e).__name__}: {e}"}
    outs = out if isinstance(out, (list, tuple)) else [out]
    return {"ok": True, "outputs": [{"shape": list(o.shape), "dtype": o.dtype} for o in outs]}


def main():
    OUT.parent.mkdir(parents=True, exist_ok=True)
    lines = []
    for cls, config, args in CASES:
        case = {
            "class_name": cls.__name__,
            "module": cls.__module__,
            "config": config,
            "args": [encoded(a) for a in args],
            **run(cls, config, args),
        }
        lines.append(json.dumps(case, sort_keys=True))
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {len(lines)} cases to {OUT}")


if __name__ == "__main__":
    os.environ.setdefault("KERAS_BACKEND", "jax")
    main()
