"""Keras-facing helpers shared by the layer and model runners."""

import os
import re
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.filterwarnings("ignore")

import keras  # noqa: E402
import keras.layers  # noqa: E402
import numpy as np  # noqa: E402

MESSAGE_LIMIT = 500
_ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")
# JAX's shape-polymorphism errors name the symbolic scope by id() and by the file that made it.
_SCOPE = re.compile(r"symbolic scope \d+ created at [^\n]*")
# Keras's traceback filter wraps errors raised inside a layer's call():
#   "Exception encountered when calling Conv2D.call().\n\n\x1b[1m<reason>\x1b[0m\n\nArguments received ..."
_WRAPPED = re.compile(r"^Exception encountered when calling [^\n]*\n\n\x1b\[1m(.*?)\x1b\[0m", re.S)


def layer_namespace():
    """What a call string is evaluated in: every public keras.layers name, and `fn`, a function
    for Lambda cases (kshape never runs it: it needs Lambda's `output_shape`)."""
    ns = {k: v for k, v in vars(keras.layers).items() if not k.startswith("_")}
    ns["fn"] = lambda x: x
    return ns


def deferred_weights():
    """Create variables without computing initial values (JAX would compile one program per
    weight shape, ~0.4 s each). Shapes are still validated, so shape errors are unchanged."""
    return keras.StatelessScope(initialize_variables=False)


def fresh_session():
    """Reset auto-naming (conv2d, conv2d_1, ...) and the global RNG."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)


def make_input(shape, dtype, name=None):
    shape = tuple(shape)
    return keras.Input(shape=shape[1:], batch_size=shape[0], dtype=dtype, name=name)


def shape_list(shape):
    return [None if d is None else int(d) for d in shape]


def flat_outputs(value):
    return list(keras.tree.flatten(value))


def is_tensor(value):
    return isinstance(value, keras.KerasTensor)


def tensor_record(t):
    return {"shape": shape_list(t.shape), "dtype": str(t.dtype)}


def _size(variables):
    return int(sum(int(np.prod(v.shape)) for v in variables))


def params_of(layers):
    """Param counts of a set of layers (each variable counted once)."""
    trainable, non_trainable, seen = [], [], set()
    for layer in layers:
        for src, dst in ((layer.trainable_weights, trainable), (layer.non_trainable_weights, non_trainable)):
            for v in src:
                if id(v) not in seen:
                    seen.add(id(v))
                    dst.append(v)
    t, n = _size(trainable), _size(non_trainable)
    return {"total": t + n, "trainable": t, "non_trainable": n}


def error_record(exc):
    """Exception type, Keras's message as printed (first MESSAGE_LIMIT chars, object addresses
    and JAX symbolic-scope ids masked) and `reason`: the message without Keras's "Exception encountered when calling" wrapper."""
    full = _SCOPE.sub("symbolic scope ? created at ?", _ADDRESS.sub(" at 0x?", str(exc)))
    wrapped = _WRAPPED.match(full)
    reason = wrapped.group(1) if wrapped else full
    return {"type": type(exc).__name__, "message": full[:MESSAGE_LIMIT], "reason": reason[:MESSAGE_LIMIT]}


def versions(seed):
    import platform

    import jax

    return {
        "keras": keras.__version__,
        "jax": jax.__version__,
        "numpy": np.__version__,
        "python": platform.python_version(),
        "backend": keras.backend.backend(),
        "seed": seed,
    }
