"""Writes Tests/ShapeEngineTests/Golden/signatures.json: every keras.layers class's constructor
parameters (name, default) in Keras's own order, so the Swift catalog's signatures are checked
against Keras rather than written from memory.

Run: KERAS_BACKEND=jax python tools/golden/signatures.py
"""

import inspect
import json
import os

import keras

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "Tests", "ShapeEngineTests", "Golden", "signatures.json")
BASE = ["activity_regularizer", "trainable", "dtype", "autocast", "name"]


def literal(value):
    """A default as JSON when it is a plain literal, else its repr tagged as such."""
    if value is None or isinstance(value, (bool, int, float, str)):
        return {"value": value}
    if isinstance(value, (tuple, list)) and all(isinstance(v, (int, float, str, bool)) or v is None for v in value):
        return {"value": list(value), "tuple": isinstance(value, tuple)}
    return {"repr": repr(value)}


def main():
    layers = {}
    for name in sorted(dir(keras.layers)):
        cls = getattr(keras.layers, name)
        if not (inspect.isclass(cls) and issubclass(cls, keras.layers.Layer)):
            continue
        params = []
        for p in list(inspect.signature(cls.__init__).parameters.values())[1:]:
            if p.kind in (p.VAR_KEYWORD, p.VAR_POSITIONAL):
                continue
            entry = {"name": p.name, "keyword_only": p.kind == p.KEYWORD_ONLY}
            if p.default is not p.empty:
                entry["default"] = literal(p.default)
            params.append(entry)
        layers[name] = {"class": cls.__name__, "params": params}
    data = {"keras": keras.__version__, "base_kwargs": BASE, "layers": layers}
    with open(OUT, "w") as f:
        json.dump(data, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"{len(layers)} layer names -> {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
