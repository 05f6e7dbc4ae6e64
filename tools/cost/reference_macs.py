"""Counts the MACs of the golden models with TensorFlow's profiler: an independent reference
for kshape's cost analysis (docs/cost.md, "Checked against").

Run: KERAS_BACKEND=tensorflow /work/kenv-tf/bin/python tools/cost/reference_macs.py
Writes Tests/ShapeEngineTests/Golden/cost_reference.jsonl (one line per model and size).

Each model file of Golden/modelfiles is loaded by Keras and rebuilt at a size as the golden
data does (tools/golden/model_replay.py: `clone_model` on Inputs at that size), recurrent
layers with `unroll=True` (the same arithmetic, written out per step, so that a static graph
holds every step's ops). The model is traced once at batch 1 (or its fixed batch size) (`tf.function`, training=False)
and its graph counted, with the graph of every function it calls (Keras's TF backend runs a
grouped convolution on CPU as an XLA function):
- `tf.compat.v1.profiler` (ProfileOptionBuilder.float_operation(), each op's own FLOPs from
  the scope view, summed by op type) gives
  the FLOPs of the product ops it knows: MatMul, BatchMatMul*, Conv2D, Conv3D,
  DepthwiseConv2dNative and Conv2DBackpropInput, each 2 FLOPs per multiply-accumulate. Their
  sum / 2 is `profiler_macs`.
- The profiler has no rule for Einsum (EinsumDense, attention's QK^T and AV) or
  Conv3DBackpropInputV2 (Conv3DTranspose), and its Conv2DBackpropInput (Conv1D/2DTranspose)
  rule is an approximation (output size * kernel / stride^2): those ops are counted here from
  the graph's own op shapes, fvcore's einsum rule (the product of every index's size) and
  input * kernel * filters for a transposed convolution, as `graph_macs`.
`macs` = profiler_macs + graph_macs: multiply-accumulates of products, without bias adds, as
kshape counts `macs`. The profiler's FLOPs of every other op type are recorded as `other_flops`
by type for reference (its conventions differ from kshape's; see docs/cost.md).
"""

import json
import os
import sys

os.environ["KERAS_BACKEND"] = "tensorflow"
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "tools", "golden"))

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from keras_runtime import keras  # noqa: E402
from model_replay import load, new_inputs  # noqa: E402

GOLDEN = os.path.join(ROOT, "Tests", "ShapeEngineTests", "Golden")
FOLDER = os.path.join(GOLDEN, "modelfiles")
OUT = os.path.join(GOLDEN, "cost_reference.jsonl")
PRODUCT_OPS = {
    "MatMul", "BatchMatMul", "BatchMatMulV2", "BatchMatMulV3", "Conv2D", "Conv3D",
    "DepthwiseConv2dNative",
}
# Transposed convolutions: the profiler's Conv2DBackpropInput rule approximates (output size
# * kernel / stride^2, exact only when the output is input * stride); both are counted here.
TRANSPOSED_OPS = {"Conv2DBackpropInput", "Conv3DBackpropInputV2"}
RECURRENT = (keras.layers.SimpleRNN, keras.layers.LSTM, keras.layers.GRU, keras.layers.RNN)
# At most this many sizes per model (the first ones Keras evaluates).
SIZES_PER_MODEL = 2


def unrolled(layer):
    """clone_model's clone_function: a recurrent layer rebuilt with unroll=True."""
    config = layer.get_config()
    if isinstance(layer, RECURRENT) or type(layer).__name__.startswith("ConvLSTM"):
        config["unroll"] = True
    if isinstance(layer, keras.layers.Bidirectional):
        config["layer"]["config"]["unroll"] = True
        if config.get("backward_layer"):
            config["backward_layer"]["config"]["unroll"] = True
    return layer.__class__.from_config(config)


def einsum_macs(op):
    """fvcore's einsum count: the product of the sizes of every letter in the equation."""
    equation = op.get_attr("equation").decode().replace(" ", "")
    inputs = equation.split("->")[0]
    sizes = {}
    for spec, tensor in zip(inputs.split(","), op.inputs):
        shape = tensor.shape.as_list()
        if "..." in spec:
            head, tail = spec.split("...")
            letters = list(zip(head, shape)) + list(zip(tail, shape[len(shape) - len(tail):]))
        else:
            letters = list(zip(spec, shape))
        for letter, size in letters:
            sizes[letter] = size
    return int(np.prod([sizes[k] for k in sizes], dtype=np.int64))


def conv_transpose_macs(op):
    """Conv2DBackpropInput / Conv3DBackpropInputV2(input_sizes, filter, out_backprop): every
    out_backprop element (the transposed convolution's input) meets prod(filter spatial) *
    out_channels weights."""
    filt = op.inputs[1].shape.as_list()
    grad = op.inputs[2].shape.as_list()
    return int(np.prod(grad, dtype=np.int64) // filt[-1] * np.prod(filt, dtype=np.int64))


def count(model, size):
    inputs, made = new_inputs(model, size)
    clone = keras.models.clone_model(model, input_tensors=inputs, clone_function=unrolled)
    specs = [tf.TensorSpec((t.shape[0] or 1,) + tuple(t.shape[1:]), t.dtype) for t in made]

    @tf.function
    def forward(*xs):
        return clone(keras.tree.pack_sequence_as(inputs, list(xs)), training=False)

    totals = {"profiler_macs": 0, "graph_macs": 0, "other_flops": {}}
    for graph in called_graphs(forward.get_concrete_function(*specs).graph, []):
        count_graph(graph, totals)
    totals["macs"] = totals["profiler_macs"] + totals["graph_macs"]
    totals["other_flops"] = dict(sorted(totals["other_flops"].items()))
    return totals


def called_graphs(graph, outer):
    """The graph and, once per call op, the graph of each function it calls (Keras's TF backend
    runs a grouped convolution on CPU as an XLA function, `_conv_xla`)."""
    yield graph
    scopes = [graph] + outer
    for op in graph.get_operations():
        if op.type in ("PartitionedCall", "StatefulPartitionedCall"):
            name = op.get_attr("f").name
            fn = next(g._functions[name] for g in scopes if name in getattr(g, "_functions", {}))
            yield from called_graphs(fn.graph, scopes)


def count_graph(graph, totals):
    options = (
        tf.compat.v1.profiler.ProfileOptionBuilder(
            tf.compat.v1.profiler.ProfileOptionBuilder.float_operation()
        )
        .with_empty_output()
        .build()
    )
    # The scope view lists every op with its own FLOPs (the "op" view's totals are cumulative).
    profile = tf.compat.v1.profiler.profile(graph, cmd="scope", options=options)
    by_type = {}
    pending = [profile]
    while pending:
        node = pending.pop()
        pending += node.children
        if node.float_ops:
            kind = graph.get_operation_by_name(node.name).type
            by_type[kind] = by_type.get(kind, 0) + node.float_ops
    profiler_flops = sum(v for k, v in by_type.items() if k in PRODUCT_OPS)
    for op in graph.get_operations():
        if op.type == "Einsum":
            totals["graph_macs"] += einsum_macs(op)
        elif op.type in TRANSPOSED_OPS:
            totals["graph_macs"] += conv_transpose_macs(op)
    assert profiler_flops % 2 == 0, profiler_flops
    totals["profiler_macs"] += profiler_flops // 2
    for k, v in by_type.items():
        if k not in PRODUCT_OPS and k not in TRANSPOSED_OPS and v:
            totals["other_flops"][k] = totals["other_flops"].get(k, 0) + v


def program_model(statements, size):
    """A kshape program of Golden/models.jsonl run by Keras at `size` (model_runner's rules), as
    a Model from its Inputs to every tensor no layer consumed (kshape counts every call)."""
    import model_runner as mr

    bindings = mr.parse_size(size)
    targets = mr._input_targets(statements)
    if None in bindings:
        bindings = {targets[0]: bindings[None]}
    state = {"target": None, "input_vars": {}}
    ns = mr._namespace(bindings, state)
    with mr._Recorder() as recorder:
        for stmt in statements:
            mr._exec_statement(stmt, ns, state)
    layers = mr._top_level(recorder.created)
    inputs, produced, consumed = [], [], set()
    for layer in layers:
        for node in layer._inbound_nodes:
            if isinstance(layer, keras.layers.InputLayer):
                inputs += node.outputs
            consumed.update(id(t) for t in node.input_tensors)
            produced += node.outputs
    outputs = [t for t in produced if id(t) not in consumed and t not in inputs]
    return keras.Model(inputs, outputs), inputs


def count_program(statements, size):
    built, inputs = program_model(statements, size)
    model = keras.models.clone_model(built, clone_function=unrolled)
    specs = [tf.TensorSpec((t.shape[0] or 1,) + tuple(t.shape[1:]), t.dtype) for t in inputs]

    @tf.function
    def forward(*xs):
        return model(list(xs) if len(xs) > 1 else xs[0], training=False)

    totals = {"profiler_macs": 0, "graph_macs": 0, "other_flops": {}}
    for graph in called_graphs(forward.get_concrete_function(*specs).graph, []):
        count_graph(graph, totals)
    totals["macs"] = totals["profiler_macs"] + totals["graph_macs"]
    totals["other_flops"] = dict(sorted(totals["other_flops"].items()))
    return totals


def programs():
    """Records for the programs of Golden/models.jsonl, at their first concrete sizes."""
    lines = []
    for text in open(os.path.join(GOLDEN, "models.jsonl")):
        case = json.loads(text)
        sizes = [e["size"] for e in case["evaluations"] if e["ok"] and e["size"]]
        for size in sizes[:SIZES_PER_MODEL]:
            keras.backend.clear_session()
            record = {"program": case["id"], "size": size}
            try:
                record.update(count_program(case["statements"], size))
            except Exception as e:  # recorded: the test skips what TensorFlow cannot trace
                record["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"
            print(case["id"], size, record.get("macs", record.get("error")), file=sys.stderr)
            lines.append(json.dumps(record, sort_keys=True))
    return lines


def main():
    if "--programs-only" in sys.argv:
        kept = [l for l in open(OUT).read().splitlines() if '"program"' not in l]
        with open(OUT, "w") as f:
            f.write("\n".join(kept + programs()) + "\n")
        return
    index = json.load(open(os.path.join(FOLDER, "INDEX.json")))
    lines = []
    for entry in index["models"]:
        name = entry["name"]
        expected = json.load(open(os.path.join(FOLDER, f"{name}.expected.json")))
        sizes = [r["size"] for r in expected["results"] if r["ok"]][:SIZES_PER_MODEL]
        text = open(os.path.join(FOLDER, entry["file"])).read()
        for size in sizes:
            keras.backend.clear_session()
            record = {"model": name, "size": size}
            try:
                record.update(count(load(text, entry["form"]), size))
            except Exception as e:  # recorded: the test skips what TensorFlow cannot trace
                record["error"] = f"{type(e).__name__}: {str(e).splitlines()[0][:200]}"
            print(name, size, record.get("macs", record.get("error")), file=sys.stderr)
            lines.append(json.dumps(record, sort_keys=True))
    lines += programs()
    with open(OUT, "w") as f:
        f.write("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
