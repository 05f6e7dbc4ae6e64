"""Evaluates a kshape statement program in real Keras, once per applied size.

A program is a list of kshape statements, each a line of Python:
  `x = Input((None, None, 3))`   assignment; a KerasTensor value becomes the current tensor
  `Conv2D(3, (5, 5))`            bare layer: applied to the current tensor, `__cur = (<stmt>)(__cur)`
  `Add()([a, b])`                bare tensor expression: becomes the current tensor
  `d = Dense(10)` / `a = d(x)`   a bound (shared) layer, called later
A size (`100x100`, or `img=224x224 seq=100` with several inputs) binds the unknown non-batch
dims of an Input, in order, to its numbers; as many numbers as the Input's non-batch rank
replace its whole shape. The program is then re-run from scratch with those Input shapes.
"""

import ast

import keras_runtime as kr
from keras_runtime import keras

_CUR = "__cur"


class ProgramError(Exception):
    """The program or its size is malformed: a bug in model_programs.py, not golden data."""


class _Recorder:
    """Records every Layer object in creation order (Layer.__new__ runs before any __init__)."""

    def __init__(self):
        self.created = []
        self._original = None

    def __enter__(self):
        layer_cls = keras.layers.Layer
        original = layer_cls.__new__
        created = self.created

        def recording_new(cls, *args, **kwargs):
            obj = original(cls, *args, **kwargs)
            created.append(obj)
            return obj

        self._original = original
        layer_cls.__new__ = staticmethod(recording_new)
        return self

    def __exit__(self, *exc):
        keras.layers.Layer.__new__ = staticmethod(self._original)
        return False


def parse_size(size):
    """None -> {}; '100x100' -> {None: [100, 100]}; 'a=3x4 b=5' -> {'a': [3, 4], 'b': [5]}."""
    if size is None:
        return {}
    bindings = {}
    for part in size.split():
        name, _, dims = part.rpartition("=")
        bindings[name or None] = [int(n) for n in dims.split("x")]
    return bindings


def bind_shape(shape, numbers):
    """The non-batch Input shape with `numbers` applied (kshape's `apply` rule)."""
    shape = tuple(shape)
    if len(numbers) == len(shape):
        return tuple(numbers)
    unknown = [i for i, d in enumerate(shape) if d is None]
    if len(numbers) != len(unknown):
        raise ProgramError(f"size {numbers} does not fit Input shape {shape}")
    out = list(shape)
    for i, n in zip(unknown, numbers):
        out[i] = n
    return tuple(out)


def _input_targets(statements):
    """Variable names assigned from `Input(...)`, in statement order."""
    targets = []
    for stmt in statements:
        node = ast.parse(stmt).body[0]
        if (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and isinstance(node.value.func, ast.Name)
            and node.value.func.id == "Input"
        ):
            targets.append(node.targets[0].id)
    return targets


def _namespace(bindings, state):
    def Input(*args, **kwargs):  # noqa: N802 - mirrors keras.Input
        numbers = bindings.get(state["target"])
        if numbers is not None:
            if "shape" in kwargs:
                kwargs["shape"] = bind_shape(kwargs["shape"], numbers)
            else:
                args = (bind_shape(args[0], numbers), *args[1:])
        tensor = keras.Input(*args, **kwargs)
        state["input_vars"][id(tensor._keras_history.operation)] = state["target"]
        return tensor

    ns = kr.layer_namespace()
    ns["Input"] = Input
    return ns


def _top_level(created):
    """The layers of the graph: created and called (so in the model), minus those tracked inside
    another created layer (sub-layers). A layer written as an argument (the LSTM in
    `Bidirectional(LSTM(8))`, which Bidirectional copies) is never called, so it is not one."""
    nested = set()
    for layer in created:
        nested.update(id(sub) for sub in layer._flatten_layers(include_self=False))
    return [layer for layer in created if id(layer) not in nested and getattr(layer, "_inbound_nodes", None)]


def _layer_record(layer):
    outputs = [t for node in layer._inbound_nodes for t in node.outputs]
    return {
        "name": layer.name,
        "class_name": type(layer).__name__,
        "output_shapes": [kr.shape_list(t.shape) for t in outputs],
        "dtypes": [str(t.dtype) for t in outputs],
        "params": kr.params_of([layer]),
    }


def _exec_statement(stmt, ns, state):
    node = ast.parse(stmt).body[0]
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Tuple):
        # `y, h, c = LSTM(8, return_state=True)(x)`: the first output becomes current.
        state["target"] = None
        exec(stmt, ns)  # noqa: S102 - statements are this repo's own program table
        first = node.targets[0].elts[0]
        if isinstance(first, ast.Name) and kr.is_tensor(ns[first.id]):
            ns[_CUR] = ns[first.id]
    elif isinstance(node, ast.Assign):
        if len(node.targets) != 1 or not isinstance(node.targets[0], ast.Name):
            raise ProgramError(f"only `name = value` assignments: {stmt}")
        state["target"] = node.targets[0].id
        exec(stmt, ns)  # noqa: S102 - statements are this repo's own program table
        value = ns[node.targets[0].id]
        if kr.is_tensor(value):
            ns[_CUR] = value
        elif isinstance(value, (tuple, list)) and value and kr.is_tensor(value[0]):
            ns[_CUR] = value[0]  # a call with several outputs: the first is current
    elif isinstance(node, ast.Expr):
        # A bare layer stacks on the current tensor; a bare tensor expression
        # (`Add()([a, b])`) becomes the current tensor.
        state["target"] = None
        value = eval(stmt, ns)  # noqa: S307
        if isinstance(value, keras.layers.Layer):
            if _CUR not in ns:
                raise ProgramError(f"bare layer statement before any tensor: {stmt}")
            out = value(ns[_CUR])
            ns[_CUR] = out[0] if isinstance(out, (tuple, list)) else out
        elif kr.is_tensor(value):
            ns[_CUR] = value
        elif isinstance(value, (tuple, list)) and value and kr.is_tensor(value[0]):
            ns[_CUR] = value[0]
        else:
            raise ProgramError(f"bare statement is neither a layer nor a tensor: {stmt}")
    else:
        raise ProgramError(f"unsupported statement: {stmt}")


def evaluate(statements, size):
    """One evaluation record of `statements` with `size` applied (None = as declared)."""
    bindings = parse_size(size)
    targets = _input_targets(statements)
    if None in bindings:
        if len(targets) != 1:
            raise ProgramError(f"size {size!r} needs exactly one Input, found {targets}")
        bindings = {targets[0]: bindings[None]}
    unknown = set(bindings) - set(targets)
    if unknown:
        raise ProgramError(f"size {size!r} names no Input: {sorted(unknown)}")

    kr.fresh_session()
    state = {"target": None, "input_vars": {}}
    ns = _namespace(bindings, state)
    record = {"size": size}
    with _Recorder() as recorder, kr.deferred_weights():
        failure = None
        for index, stmt in enumerate(statements):
            try:
                _exec_statement(stmt, ns, state)
            except ProgramError:
                raise
            except Exception as exc:  # noqa: BLE001 - any Keras failure is golden data
                failure = {"statement": index, **kr.error_record(exc)}
                break
    layers = _top_level(recorder.created)
    record["inputs"] = _input_records(layers, state["input_vars"])
    if failure:
        record.update(ok=False, **failure)
        return record
    record["ok"] = True
    record["layers"] = [_layer_record(layer) for layer in layers]
    record["params"] = kr.params_of(layers)
    return record


def _input_records(layers, input_vars):
    """The Input layers created, in order, with the variable each was assigned to."""
    return [
        {"name": layer.name, "variable": input_vars.get(id(layer)), **kr.tensor_record(layer.output)}
        for layer in layers
        if isinstance(layer, keras.layers.InputLayer)
    ]


def run_program(program):
    """The JSON row for one program: its statements and one evaluation per size."""
    return {
        "id": program["id"],
        "statements": list(program["statements"]),
        "evaluations": [evaluate(program["statements"], size) for size in program["sizes"]],
    }
