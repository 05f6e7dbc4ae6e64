"""Applies a size to a saved model config, as Keras does, and records every layer's result.

The config is loaded (`model_from_json`, or `<class>.from_config` for a bare config), then
`keras.models.clone_model(model, input_tensors=<Inputs at the new shapes>)` rebuilds every
top-level layer from its config at the shapes it is now called with. Raw ops (keras.src.ops.numpy
entries) and nested models are cloned the same way (a nested model is rebuilt from its config as
one operation). The failing layer is found by wrapping `Layer.__call__` / `Operation.__call__`
for the duration: the innermost call of a top-level clone that raised.
"""

import json

import keras_runtime as kr
from keras_runtime import keras
from model_runner import bind_shape, parse_size

from keras.src.ops.operation import Operation

_ZERO = {"total": 0, "trainable": 0, "non_trainable": 0}


def load(text, form):
    if form == "json":
        return keras.models.model_from_json(text)
    config = json.loads(text)
    cls = keras.Sequential if "input_layer" not in config and "output_layers" not in config else keras.Model
    return cls.from_config(config)


def graph(model):
    """The Functional graph of a Functional or Sequential model."""
    return model if not isinstance(model, keras.Sequential) else model._functional


def input_layer_name(tensor):
    return tensor._keras_history[0].name


def new_inputs(model, size):
    """Inputs at the applied size, with the original InputLayer names (the config's keys)."""
    bindings = parse_size(size)
    declared = graph(model).input
    originals = keras.tree.flatten(declared)
    made = []
    for t in originals:
        name = input_layer_name(t)
        numbers = bindings.get(name, bindings.get(None)) if len(originals) > 1 else bindings.get(None)
        if numbers is None:
            raise ValueError(f"size {size!r} names no numbers for input {name}")
        shape = bind_shape(t.shape[1:], numbers)
        made.append(keras.Input(batch_shape=(None, *shape), dtype=t.dtype, name=name))
    if len(originals) > 1 and set(bindings) - {input_layer_name(t) for t in originals}:
        raise ValueError(f"size {size!r} names an unknown input")
    return keras.tree.pack_sequence_as(declared, made), made


class _FailingCall:
    """Within the block, records the innermost call of one of `clones` that raised."""

    def __init__(self, clones):
        self.clones = clones
        self.failed = None
        self._saved = []

    def __enter__(self):
        for cls in (keras.layers.Layer, Operation):
            original = cls.__dict__["__call__"]

            def wrapped(obj, *args, __original=original, **kwargs):
                try:
                    return __original(obj, *args, **kwargs)
                except BaseException:
                    if self.failed is None and id(obj) in self.clones:
                        self.failed = obj
                    raise

            self._saved.append((cls, original))
            cls.__call__ = wrapped
        return self

    def __exit__(self, *exc):
        for cls, original in self._saved:
            cls.__call__ = original
        return False


def _params(op):
    if not isinstance(op, keras.layers.Layer):
        return dict(_ZERO)
    return kr.params_of([op])


def evaluate(text, form, size):
    """One apply object: {"size", "ok", "inputs", "layers", "outputs", "params"} or, when Keras
    raises, {"size", "ok": false, "inputs", "layers": [], "error": {"layer", "class_name", "message"}}."""
    config = json.loads(text)
    layer_entries = (config["config"] if form == "json" else config)["layers"]
    kr.fresh_session()
    with kr.deferred_weights():
        model = load(text, form)
        structure, made = new_inputs(model, size)
        inputs = [{"name": input_layer_name(t), **kr.tensor_record(t)} for t in made]
        clones = {}

        def clone_fn(layer):
            new = layer.__class__.from_config(layer.get_config())
            clones[id(new)] = new
            return new

        with _FailingCall(clones) as watch:
            try:
                clone = keras.models.clone_model(model, input_tensors=structure, clone_function=clone_fn)
            except Exception as exc:  # Keras's error at this size
                failed = watch.failed
                if failed is None:
                    raise
                return {
                    "size": size,
                    "ok": False,
                    "inputs": inputs,
                    "layers": [],
                    "error": {
                        "layer": failed.name,
                        "class_name": type(failed).__name__,
                        "message": kr.error_record(exc)["message"],
                    },
                }
    g = graph(clone)
    nodes = {id(n) for depth in g._nodes_by_depth.values() for n in depth}
    ops = {op.name: op for op in g.operations}
    layers, total = [], dict(_ZERO)
    for entry in layer_entries:
        op = ops[entry.get("name") or entry["config"]["name"]]  # Sequential entries: config.name only
        outs = [t for n in op._inbound_nodes if id(n) in nodes for t in n.outputs]
        params = _params(op)
        for k in total:
            total[k] += params[k]
        layers.append(
            {
                "name": op.name,
                "class_name": entry["class_name"],
                "output_shapes": [kr.shape_list(t.shape) for t in outs],
                "dtypes": [str(t.dtype) for t in outs],
                "params": params,
            }
        )
    outputs = [{"name": t._keras_history[0].name, **kr.tensor_record(t)} for t in keras.tree.flatten(clone.outputs)]
    return {
        "size": size,
        "ok": True,
        "inputs": inputs,
        "layers": layers,
        "outputs": outputs,
        "params": total,
    }
