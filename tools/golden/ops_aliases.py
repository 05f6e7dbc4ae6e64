"""Prints the keras.ops functions whose operation class is not their CamelCase name (ops.abs
makes Absolute): the aliases KerasHost.operationClass knows.

  /work/kenv-tf/bin/python tools/golden/ops_aliases.py
"""
import os
os.environ["KERAS_BACKEND"]="jax"
import keras
x = keras.KerasTensor((2, 3), dtype="float32")
def camel(n): return "".join(p[:1].upper()+p[1:] for p in n.split("_"))
for n in sorted(dir(keras.ops)):
    f = getattr(keras.ops, n)
    if not callable(f) or n.startswith("_"): continue
    try:
        out = f(x)
    except Exception:
        try: out = f(x, x)
        except Exception: continue
    o = out[0] if isinstance(out, (list, tuple)) else out
    h = getattr(o, "_keras_history", None)
    if h is None: continue
    c = type(h.operation).__name__
    if c != camel(n): print(n, c)
