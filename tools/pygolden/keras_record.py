"""Turns what a Keras program left behind into JSON: models (with their layers and every
node's shapes), global variables by kind, and the models created during the run."""

import io
import contextlib
import sys
import types

import keras
import numpy as np

from pyrun import mask

MESSAGE_LIMIT = 2000


def shape_list(shape):
    return None if shape is None else [None if d is None else int(d) for d in shape]


def tensor_record(t):
    history = getattr(t, "_keras_history", None)
    return {
        "name": t.name,
        "shape": shape_list(t.shape),
        "dtype": str(t.dtype),
        "layer": history.operation.name if history is not None else None,
    }


def structure(value, leaf):
    """A nested list/tuple/dict of tensors as JSON: lists for lists and tuples (with `tuple`
    kept apart only at the top via `kind`), dicts with their keys, `leaf(t)` for each tensor."""
    if isinstance(value, dict):
        return {str(k): structure(v, leaf) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [structure(v, leaf) for v in value]
    return leaf(value)


def _size(variables):
    return int(sum(int(np.prod(v.shape)) for v in variables))


def params_of(layer):
    t, n = _size(layer.trainable_weights), _size(layer.non_trainable_weights)
    return {"total": t + n, "trainable": t, "non_trainable": n}


def _try(fn):
    try:
        return fn(), None
    except Exception as exc:  # noqa: BLE001 - recorded
        return None, f"{type(exc).__name__}: {mask(str(exc))[:MESSAGE_LIMIT]}"


def node_record(node):
    return {
        "input_shapes": [shape_list(t.shape) for t in node.input_tensors],
        "output_shapes": [shape_list(t.shape) for t in node.outputs],
        "output_dtypes": [str(t.dtype) for t in node.outputs],
        "output_names": [t.name for t in node.outputs],
    }


def layer_record(layer):
    policy = getattr(layer, "dtype_policy", None)
    return {
        "name": layer.name,
        "class_name": layer.__class__.__name__,
        "is_model": isinstance(layer, keras.Model),
        "built": bool(layer.built),
        "dtype": str(layer.dtype) if layer.dtype is not None else None,
        "dtype_policy": policy.name if policy is not None else None,
        "trainable": bool(layer.trainable),
        "params": params_of(layer),
        "nodes": [node_record(n) for n in layer._inbound_nodes],
    }


def operation_record(op):
    """Every operation of a Functional model in Keras's order (what summary() lists): layers
    by name, and raw ops (`x + y`, `keras.ops.mean`) with their nodes, since model.layers
    leaves them out."""
    record = {"name": op.name, "class_name": op.__class__.__name__,
              "is_layer": isinstance(op, keras.layers.Layer)}
    if not record["is_layer"]:
        record["nodes"] = [node_record(n) for n in op._inbound_nodes]
    return record


def summary_text(model):
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        model.summary()
    return out.getvalue()


def model_record(model, index, bound_to):
    inputs, inputs_error = _try(lambda: model.inputs)
    outputs, outputs_error = _try(lambda: model.outputs)
    count, count_error = _try(model.count_params)
    output_shape, output_shape_error = _try(lambda: repr(model.output_shape))
    summary, summary_error = _try(lambda: summary_text(model))
    record = {
        "index": index,
        "name": model.name,
        "class_name": model.__class__.__name__,
        "bound_to": bound_to,
        "built": bool(model.built),
        "inputs": None if inputs is None else [tensor_record(t) for t in inputs],
        "outputs": None if outputs is None else [tensor_record(t) for t in outputs],
        "input_structure": None,
        "output_structure": None,
        "output_shape": output_shape,
        "count_params": count,
        "params": params_of(model),
        "layers": [layer_record(layer) for layer in model.layers],
        "summary": summary,
        "nodes": [node_record(n) for n in model._inbound_nodes],
        "operations": None,
    }
    if model.__class__.__name__ == "Functional":
        record["operations"] = [operation_record(op) for op in model.operations]
        record["input_structure"] = structure(model._inputs_struct, lambda t: t.name)
        record["output_structure"] = structure(model._outputs_struct, lambda t: t.name)
    if model.__class__.__name__ == "Sequential":
        first = model._layers[0] if model._layers else None
        record["input_layer"] = (
            first.name if first is not None and first.__class__.__name__ == "InputLayer" else None
        )
    errors = {k: v for k, v in (("inputs", inputs_error), ("outputs", outputs_error),
                                ("count_params", count_error), ("output_shape", output_shape_error),
                                ("summary", summary_error)) if v is not None}
    if errors:
        record["errors"] = errors
    return record


def _plain(value, depth=0):
    if depth > 5:
        return False
    if value is None or isinstance(value, (bool, int, float, str)):
        return True
    if isinstance(value, (tuple, list)):
        return all(_plain(v, depth + 1) for v in value)
    if isinstance(value, dict):
        return all(_plain(k, depth + 1) and _plain(v, depth + 1) for k, v in value.items())
    return False


def _tensors_only(value, depth=0):
    if isinstance(value, keras.KerasTensor):
        return True
    if depth > 5:
        return False
    if isinstance(value, (tuple, list)) and value:
        return all(_tensors_only(v, depth + 1) for v in value)
    if isinstance(value, dict) and value:
        return all(_tensors_only(v, depth + 1) for v in value.values())
    return False


def _array_like(value):
    """NumPy arrays and the backend's concrete arrays (a model called on NumPy data)."""
    return (not isinstance(value, (keras.KerasTensor, type)) and hasattr(value, "shape")
            and hasattr(value, "dtype") and isinstance(getattr(value, "shape"), tuple))


def globals_record(namespace, model_index):
    """Global names by kind; modules, functions and classes are listed by name only."""
    out = {"values": {}, "tensors": {}, "layers": {}, "models": {}, "arrays": {}, "other": {}}
    for name in sorted(namespace):
        if name.startswith("__"):
            continue
        value = namespace[name]
        if isinstance(value, keras.Model):
            out["models"][name] = model_index.get(id(value))
        elif isinstance(value, (list, tuple)) and value and all(isinstance(v, keras.Model) for v in value):
            out["models"][name] = [model_index.get(id(v)) for v in value]
        elif isinstance(value, keras.layers.Layer):
            out["layers"][name] = {"name": value.name, "class_name": value.__class__.__name__}
        elif _tensors_only(value):
            out["tensors"][name] = structure(value, tensor_record)
        elif _array_like(value):
            out["arrays"][name] = {"shape": [int(d) for d in value.shape], "dtype": str(value.dtype),
                                   "type": "numpy" if isinstance(value, np.ndarray) else type(value).__name__}
        elif _plain(value):
            out["values"][name] = repr(value)
        else:
            # `from tensorflow import keras` binds TensorFlow's lazy module proxy (a ModuleType)
            # in the first process that imports it, the resolved module afterwards.
            kind = "module" if isinstance(value, types.ModuleType) else type(value).__name__
            if kind not in ("module", "function", "type", "ABCMeta"):
                kind = f"{type(value).__module__}.{kind}"
            out["other"][name] = kind
    return out


class ModelTracker:
    """Records every Model the program itself constructs, in creation order (models Keras
    builds internally, such as a Sequential's inner Functional, are not the program's)."""

    def __init__(self, program_file):
        self.program_file = program_file
        self.models = []
        self._saved = []

    def __enter__(self):
        from keras.src.models.functional import Functional
        from keras.src.models.sequential import Sequential

        for cls in (Functional, Sequential):
            original = cls.__dict__["__init__"]
            self._saved.append((cls, original))
            cls.__init__ = self._wrap(original)
        return self

    def __exit__(self, *exc):
        for cls, original in self._saved:
            cls.__init__ = original
        self._saved = []
        return False

    def _wrap(self, original):
        tracker = self

        def __init__(model, *args, **kwargs):
            caller = sys._getframe(1).f_code.co_filename
            original(model, *args, **kwargs)
            if caller == tracker.program_file and all(m is not model for m in tracker.models):
                tracker.models.append(model)

        return __init__
