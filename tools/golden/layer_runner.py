"""Runs one layer case through real Keras and records what happened."""

import contextlib

import keras_runtime as kr


# Stateful RNNs create their state variables from values when built, which Keras refuses inside
# the deferred-weights scope; such cases are run again without it.
_STATELESS_REFUSAL = "create a variable while in a stateless scope"


def run_case(case_id, layer, case):
    """The JSON row for `case`: construct the layer from its call string, call it on its inputs."""
    row = _run(case_id, layer, case, deferred=True)
    if not row["expect"]["ok"] and _STATELESS_REFUSAL in row["expect"]["message"]:
        row = _run(case_id, layer, case, deferred=False)
    return row


def _run(case_id, layer, case, deferred):
    row = {
        "id": case_id,
        "layer": layer,
        "call": case.call,
        "inputs": [{"shape": list(s), "dtype": d} for s, d in case.inputs],
        "list_input": case.list_input,
    }
    if case.call_args is not None:
        row["call_args"] = case.call_args
    kr.fresh_session()
    tensors = [kr.make_input(s, d) for s, d in case.inputs]
    if case.call_args is None and not case.list_input and len(tensors) != 1:
        raise ValueError(f"{case_id}: a single-tensor case needs exactly one input")
    arg = tensors if case.list_input else tensors[0]
    namespace = kr.layer_namespace()
    with kr.deferred_weights() if deferred else contextlib.nullcontext():
        try:
            obj = eval(case.call, namespace)  # noqa: S307 - literal-only string, checked by Case
        except Exception as exc:  # noqa: BLE001 - any constructor failure is golden data
            row["expect"] = {"ok": False, "stage": "init", **kr.error_record(exc)}
            return row
        # `layer` is the keras.layers name, which may differ from the class's own
        # (GroupQueryAttention is class GroupedQueryAttention).
        if type(obj) is not namespace.get(layer):
            raise ValueError(f"{case_id}: {case.call} built a {type(obj).__name__}, not a {layer}")
        try:
            if case.call_args is None:
                out = obj(arg)
            else:
                names = {f"x{i}": t for i, t in enumerate(tensors)}
                out = eval(f"__layer({case.call_args})", {"__layer": obj, **names})  # noqa: S307
        except Exception as exc:  # noqa: BLE001
            row["expect"] = {"ok": False, "stage": "call", **kr.error_record(exc)}
            return row
    row["expect"] = {
        "ok": True,
        "name": obj.name,
        "outputs": [kr.tensor_record(t) for t in kr.flat_outputs(out)],
        "params": kr.params_of([obj]),
    }
    return row
