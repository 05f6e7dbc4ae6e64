"""Shared pieces of the golden generator: the case type, call rendering, shape helpers.

Nothing here imports Keras, so case generators stay pure functions of a seeded RNG.
"""

import ast
import json
from dataclasses import dataclass, field

SEED = 20240607

Shape = tuple  # full shape, batch dim first; None = unknown


@dataclass
class Case:
    """One layer case: a constructor string applied to one or more symbolic inputs."""

    call: str
    inputs: list  # [(shape, dtype)], shape includes the batch dim
    list_input: bool = False
    # The arguments of the call on the inputs, over the names x0, x1, ... when it is more than
    # `layer(x0)` or `layer([x0, x1])`: "x0, x1, return_attention_scores=True",
    # "x0, initial_state=[x1, x2]". Values other than the x names must be literals.
    call_args: str = None

    def __post_init__(self):
        check_literal_call(self.call)
        self.inputs = [(tuple(s), d) for s, d in self.inputs]


def inp(shape, dtype="float32"):
    """One input spec (full shape incl. batch, dtype)."""
    return (tuple(shape), dtype)


def render(cls, args, npos=0):
    """`cls(v1, v2, k3=v3, ...)` from ordered (name, value) pairs; the first `npos` are positional.

    Values are rendered with repr(), so the string is valid Python made only of literals.
    """
    parts = []
    for i, (name, value) in enumerate(args):
        text = repr(value)
        parts.append(text if i < npos else f"{name}={text}")
    return f"{cls}({', '.join(parts)})"


def styled(rng, cls, args, positional):
    """Render with a random argument style: some leading args positional, or keyword-only.

    `positional` lists the constructor's leading parameter names in signature order; only a
    prefix of `args` that matches it may be written positionally.
    """
    limit = 0
    while limit < min(len(args), len(positional)) and args[limit][0] == positional[limit]:
        limit += 1
    return render(cls, args, rng.randint(0, limit))


def _is_literal(node):
    if isinstance(node, ast.Constant):
        return node.value is None or isinstance(node.value, (bool, int, float, str))
    if isinstance(node, (ast.Tuple, ast.List)):
        return all(_is_literal(e) for e in node.elts)
    if isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.USub):
        return isinstance(node.operand, ast.Constant) and isinstance(
            node.operand.value, (int, float)
        )
    # `fn`: the one function a case may name (a Lambda's; never run by kshape).
    if isinstance(node, ast.Name) and node.id == "fn":
        return True
    # A layer as an argument (Bidirectional(LSTM(8)), RNN([LSTMCell(4)])): a plain call of literals.
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Name):
        return all(_is_literal(a) for a in list(node.args) + [k.value for k in node.keywords])
    return False


def check_literal_call(text):
    """Raise unless `text` is `Name(literal args...)`: what the Swift side can parse."""
    tree = ast.parse(text, mode="eval").body
    if not (isinstance(tree, ast.Call) and isinstance(tree.func, ast.Name)):
        raise ValueError(f"not a plain call: {text}")
    for a in list(tree.args) + [k.value for k in tree.keywords]:
        if not _is_literal(a):
            raise ValueError(f"non-literal argument in: {text}")
    if any(k.arg is None for k in tree.keywords):
        raise ValueError(f"**kwargs in: {text}")


# ---- shape helpers -------------------------------------------------------------------------


def batch_dim(rng):
    """A batch dim: mostly unknown, sometimes concrete."""
    return rng.choice([None, None, None, 1, 2, 8])


def maybe_none(rng, value, p=0.3):
    return None if rng.random() < p else value


def layout(batch, spatial, channels, data_format):
    """Full shape for a channels_last (None/'channels_last') or channels_first layout."""
    if data_format == "channels_first":
        return (batch, channels, *spatial)
    return (batch, *spatial, channels)


def fmt_kwargs(data_format):
    """Keyword args for data_format: omitted for the default."""
    return [] if data_format is None else [("data_format", data_format)]


def tuple_or_int(rng, values):
    """An int when all values are equal (sometimes), else a tuple."""
    if len(set(values)) == 1 and rng.random() < 0.6:
        return values[0]
    return tuple(values)


# ---- output --------------------------------------------------------------------------------


def dumps(obj):
    """One stable JSON line."""
    return json.dumps(obj, sort_keys=True, ensure_ascii=False)


def write_jsonl(path, rows):
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        for row in rows:
            f.write(dumps(row) + "\n")


def with_randoms(fixed, rng, make, count):
    """`fixed` followed by `count` random cases from `make(rng)`, skipping repeats."""
    seen = {(c.call, tuple(c.inputs), c.call_args, c.list_input) for c in fixed}
    out = list(fixed)
    for _ in range(50 * count):
        if len(out) == len(fixed) + count:
            break
        c = make(rng)
        if (c.call, tuple(c.inputs), c.call_args, c.list_input) not in seen:
            seen.add((c.call, tuple(c.inputs), c.call_args, c.list_input))
            out.append(c)
    return out
