#!/usr/bin/env python3
"""Writes Golden/tensor_names.jsonl: the names Keras gives KerasTensors and layers in programs
where they depend on more than a per-call counter: a float input cast to a layer's compute dtype
makes a KerasTensor of its own (keras_tensor_N), except in layers that never cast their inputs
(LayerNormalization, Embedding, RandomFlip, ...); layers made inside another layer
(MultiHeadAttention's Softmax and Dropout) take auto-names.

  KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/golden/tensor_names.py [--check]

Each row: the kshape program, the statements that fail (run as REPL lines: the next ones still
run), and for every variable bound to a KerasTensor, that tensor's name and the name of the
layer that made it.
"""

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import keras_runtime as kr  # noqa: E402
import model_runner as mr  # noqa: E402
from golden_common import write_jsonl  # noqa: E402
from keras_runtime import keras  # noqa: E402

OUT = HERE.parent.parent / "Tests" / "ShapeEngineTests" / "Golden" / "tensor_names.jsonl"


def program(pid, source):
    statements = [line.strip() for line in source.strip().splitlines() if line.strip()]
    return {"id": pid, "statements": statements}


def casting(pid, layer, shape):
    return program(pid, f"""
        x = Input({shape}, dtype='float64')
        y = {layer}(x)
        z = Dense(2)(y)
    """)


PROGRAMS = [
    casting("cast_dense", "Dense(3)", "(8,)"),
    casting("cast_rescaling", "Rescaling(2.0)", "(8, 8, 3)"),
    casting("cast_batch_normalization", "BatchNormalization()", "(8, 3)"),
    casting("no_cast_layer_normalization", "LayerNormalization()", "(8, 8, 3)"),
    casting("no_cast_group_normalization", "GroupNormalization(groups=3)", "(8, 8, 3)"),
    casting("no_cast_embedding", "Embedding(10, 4)", "(8,)"),
    casting("no_cast_random_flip", "RandomFlip()", "(8, 8, 3)"),
    casting("no_cast_random_crop", "RandomCrop(4, 4)", "(8, 8, 3)"),
    casting("no_cast_equalization", "Equalization()", "(8, 8, 3)"),
    casting("no_cast_hashing", "Hashing(4)", "(8,)"),
    casting("no_cast_category_encoding", "CategoryEncoding(10)", "(8,)"),
    program("mixed_policy", """
        x = Input((8,))
        y = Dense(4, dtype='mixed_float16')(x)
        z = LayerNormalization(dtype='mixed_float16')(y)
        w = Dense(2, dtype='mixed_float16')(z)
        v = Dense(2)(w)
    """),
    # A statement that fails as a REPL line (the next lines still run) has taken the auto-names
    # of the layers it made: a layer whose __init__ ran, or whose call raised.
    program("failed_call", """
        x = Input((4, 4, 3))
        Conv2D(3, 5)
        y = Conv2D(3, 3)(x)
    """),
    program("failed_init", """
        x = Input((8,))
        Dense(0)
        y = Dense(3, foo=1)
        z = Dense(3)(x)
    """),
    program("failed_bad_value", """
        x = Input((8, 8, 3))
        Conv2D(3, 3, padding='full')
        y = Conv2D(3, 3, activation='nope')(x)
        z = Conv2D(3, 3)(x)
    """),
    program("failed_missing_argument", """
        x = Input((8, 8, 3))
        Conv2D(3)
        y = Conv2D(3, 3)(x)
    """),
    program("failed_after_a_layer", """
        x = Input((None, 3))
        f = Flatten()(x)
        Dense(3)
        y = Flatten()(x)
        z = Dense(2)(x)
    """),
    program("failed_checked_first", """
        x = Input((5, 3))
        LSTM(0)
        GroupNormalization(groups=0)
        MultiHeadAttention(0, 4)
        y = LSTM(2)(x)
        z = GroupNormalization(groups=2)(y)
    """),
    program("failed_unknown_keyword", """
        x = Input((8, 8, 3))
        Conv2D(3, 3, paddin='same')
        MaxPooling2D(poolsize=2)
        y = Conv2D(3, 3)(x)
        z = MaxPooling2D()(y)
    """),
    program("mha_sublayers", """
        x = Input((4, 8))
        a = MultiHeadAttention(2, 4)(x, x)
        b = Dropout(0.1)(a)
        c = Softmax()(b)
    """),
]


def run(p):
    kr.fresh_session()
    state = {"target": None, "input_vars": {}}
    ns = mr._namespace({}, state)
    failed = []
    with kr.deferred_weights():
        for index, stmt in enumerate(p["statements"]):
            try:
                mr._exec_statement(stmt, ns, state)
            except mr.ProgramError:
                raise
            except Exception:  # noqa: BLE001 - a failing line, as in a REPL: go on
                failed.append(index)
    names = {}
    for var, value in ns.items():
        if isinstance(value, keras.KerasTensor) and not var.startswith("__"):
            names[var] = {"tensor": value.name, "layer": value._keras_history.operation.name}
    return {**p, "names": names, "failed": failed}


def main():
    rows = [run(p) for p in PROGRAMS]
    if "--check" in sys.argv:
        with tempfile.TemporaryDirectory() as d:
            tmp = Path(d) / "t.jsonl"
            write_jsonl(tmp, rows)
            same = tmp.read_bytes() == OUT.read_bytes()
        print("tensor_names.jsonl is up to date" if same else "tensor_names.jsonl differs")
        return 0 if same else 1
    write_jsonl(OUT, rows)
    print(f"tensor_names: {len(rows)} programs -> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
