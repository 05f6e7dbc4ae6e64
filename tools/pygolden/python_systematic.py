"""Generated Python programs: every operator over a fixed set of operand values, slicing with
every small start/stop/step, indexing, float printing, rounding and truthiness. Ids are built
from the operands' labels, so adding a value adds rows without renaming others."""

import itertools
import random

# (label, source text) of the operands; labels are used in ids.
OPERANDS = [
    ("int7", "7"), ("intm7", "-7"), ("int2", "2"), ("intm2", "-2"), ("int0", "0"),
    ("float2.5", "2.5"), ("floatm0.5", "-0.5"), ("float0", "0.0"), ("true", "True"),
    ("str", "'ab'"), ("tuple", "(1, 2)"), ("list", "[3]"), ("none", "None"),
]
COMPARE_OPERANDS = [o for o in OPERANDS if o[0] not in ("intm7", "int2", "floatm0.5")]
TRUTH_OPERANDS = [
    ("int0", "0"), ("int3", "3"), ("float0", "0.0"), ("str_empty", "''"), ("str", "'ab'"),
    ("list_empty", "[]"), ("tuple", "(1, 2)"), ("none", "None"),
]
BINOPS = [("add", "+"), ("sub", "-"), ("mul", "*"), ("truediv", "/"), ("floordiv", "//"),
          ("mod", "%"), ("pow", "**")]
COMPARES = [("lt", "<"), ("le", "<="), ("eq", "=="), ("ne", "!="), ("gt", ">"), ("ge", ">=")]
UNARY = [("neg", "-"), ("pos", "+"), ("not", "not ")]

SLICE_BOUNDS = [None, -6, -2, 0, 1, 3, 6]
SLICE_STEPS = [None, 1, 2, 3, -1, -2]
SHORT_BOUNDS = [None, -1, 1, 4]
SHORT_STEPS = [None, 2, -1]

FLOATS = [
    "0.1", "0.2", "0.1 + 0.2", "1e-05", "1e-5 * 10", "0.0001", "1e-4 / 10", "1.0", "1.5", "100.0",
    "1e15", "1e16", "1e17", "123456789012345.6", "2.0 ** 53", "2.0 ** 53 + 1", "1 / 3", "2 / 3",
    "-1 / 3", "10 / 4", "7 / 7", "1 / 255", "1.0 / 255", "0.5 ** 10", "3.14159", "-0.0",
    "float('inf')", "-float('inf')", "float('nan')", "1e308 * 10", "5e-324", "2.5e-08",
    "6.02e23", "1e22", "1e21", "9.999999999999999e22", "0.3 - 0.1", "1.1 * 3", "4.35 * 100",
    "1e-07", "0.000123", "12345.678", "2 ** 0.5", "10 ** -2", "7 // 2.0", "-7 % 2.5", "float(10 ** 16)",
    "round(2.675, 2)", "1e3", "255.0", "3 * 0.1",
]
ROUND_VALUES = ["0.5", "1.5", "2.5", "-0.5", "-1.5", "2.675", "1234.5678", "0.125", "7", "-13", "1e20"]
ROUND_DIGITS = [None, 0, 1, 2, -1]


def _prog(lines):
    return "\n".join(lines) + "\n"


def _slice_text(start, stop, step):
    text = ("" if start is None else str(start)) + ":" + ("" if stop is None else str(stop))
    return text if step is None else f"{text}:{step}"


def _label(v):
    return "_" if v is None else str(v)


def binop_cases():
    out = []
    for (name, op), (la, a), (lb, b) in itertools.product(BINOPS, OPERANDS, OPERANDS):
        # A negative number to a fractional power is a complex number: outside the subset.
        if op == "**" and a.startswith("-") and "." in b and b != "0.0":
            continue
        out.append((f"binop/{name}/{la}__{lb}", _prog([f"a = {a}", f"b = {b}", f"print(repr(a {op} b))"])))
        if op in ("+", "*", "//", "%") and la in ("int7", "float2.5", "str", "tuple", "list"):
            out.append((f"augassign/{name}/{la}__{lb}",
                        _prog([f"a = {a}", f"a {op}= {b}", "print(repr(a))"])))
    return out


def compare_cases():
    out = []
    for (name, op), (la, a), (lb, b) in itertools.product(COMPARES, COMPARE_OPERANDS, COMPARE_OPERANDS):
        out.append((f"compare/{name}/{la}__{lb}", _prog([f"a = {a}", f"b = {b}", f"print(a {op} b)"])))
    for (la, a) in OPERANDS:
        for name, op in UNARY:
            out.append((f"unary/{name}/{la}", _prog([f"a = {a}", f"print(repr({op}a))"])))
    return out


def truth_cases():
    out = []
    for (la, a), (lb, b) in itertools.product(TRUTH_OPERANDS, TRUTH_OPERANDS):
        out.append((f"boolop/{la}__{lb}",
                    _prog([f"a = {a}", f"b = {b}", "print(repr(a and b), repr(a or b), not a, bool(b))"])))
    return out


def slice_cases():
    out = []
    for start, stop, step in itertools.product(SLICE_BOUNDS, SLICE_BOUNDS, SLICE_STEPS):
        s = _slice_text(start, stop, step)
        out.append((f"slice/list/{_label(start)}_{_label(stop)}_{_label(step)}",
                    _prog(["xs = [0, 1, 2, 3, 4]", f"print(xs[{s}])"])))
    for kind, value in (("tuple", "(10, 20, 30, 40, 50)"), ("str", "'abcde'"), ("range", "range(5)")):
        for start, stop, step in itertools.product(SHORT_BOUNDS, SHORT_BOUNDS, SHORT_STEPS):
            s = _slice_text(start, stop, step)
            out.append((f"slice/{kind}/{_label(start)}_{_label(stop)}_{_label(step)}",
                        _prog([f"xs = {value}", f"print(repr(xs[{s}]))"])))
    out.append(("slice/list/step_zero", _prog(["xs = [0, 1, 2]", "print(xs[::0])"])))
    out.append(("slice/shape/batchless", _prog(["shape = (None, 224, 224, 3)", "print(shape[1:], shape[1:-1], shape[-1:], shape[:1])"])))
    return out


def index_cases():
    out = []
    for kind, value in (("list", "[0, 1, 2, 3, 4]"), ("tuple", "(10, 20, 30, 40, 50)"), ("str", "'abcde'"),
                        ("range", "range(5)")):
        for i in range(-6, 6):
            out.append((f"index/{kind}/{i}", _prog([f"xs = {value}", f"print(repr(xs[{i}]))"])))
    return out


def float_cases():
    out = []
    for i, expr in enumerate(FLOATS):
        out.append((f"float_print/{i:02d}", _prog([f"x = {expr}", "print(x)", "print(repr(x), str(x), f'{x}', [x], (x,))"])))
    for (i, v), d in itertools.product(enumerate(ROUND_VALUES), ROUND_DIGITS):
        call = f"round({v})" if d is None else f"round({v}, {d})"
        out.append((f"round/{i:02d}_{_label(d)}", _prog([f"print(repr({call}))"])))
    return out


def range_cases():
    out = []
    for start, stop, step in itertools.product([0, 2, -3], [5, -1, 0], [None, 1, 2, -1, -2]):
        args = f"{start}, {stop}" if step is None else f"{start}, {stop}, {step}"
        out.append((f"range/{start}_{stop}_{_label(step)}", _prog([f"r = range({args})", "print(list(r), len(r))"])))
    return out


def _set_value(rng):
    kind = rng.randrange(10)
    if kind < 4:
        return str(rng.choice([rng.randrange(-20, 40), rng.randrange(0, 10**6), 2**61 - 1, 2**61, -(2**61) + 1, 2**62, -1, -2]))
    if kind < 6:
        return repr(rng.choice(["dense", "conv2d", "relu", "a", "b", "ab", "", "x1", "é", "日本", "\U0001F600"]) + rng.choice(["", "_1", "_2"]))
    if kind == 6:
        return repr(rng.choice([0.5, -1.5, 2.0, 1e300, 3.25, float(rng.randrange(100)) / 8]))
    if kind == 7:
        return rng.choice(["True", "False"])
    if kind == 8:
        return f"({_set_value(rng)}, {_set_value(rng)})"
    return f"-{rng.randrange(1, 30)}"


def _set_program(rng, n):
    vals = lambda k: ", ".join(_set_value(rng) for _ in range(k))
    form = n % 10
    if form == 0:
        return f"s = {{{vals(rng.randrange(1, 13))}}}\nprint(s)\nprint(list(s))"
    if form == 1:
        return f"x = [{vals(rng.randrange(1, 16))}]\ns = set(x)\nprint(s)\nprint(set(s), {{*x}}, {{*s}})"
    if form == 2:
        lines = ["s = set()"]
        for _ in range(rng.randrange(3, 25)):
            v = _set_value(rng)
            lines.append(f"s.add({v})" if rng.random() < 0.7 else f"s.discard({v})")
        lines.append("print(s)")
        return "\n".join(lines)
    if form == 3:
        return (f"a = set([{vals(rng.randrange(0, 12))}])\nb = set([{vals(rng.randrange(0, 12))}])\n"
                "print(a | b, b | a, a | a)\nprint(a & b, b & a)\nprint(a - b, b - a)\nprint(a ^ b, b ^ a)")
    if form == 4:
        return f"for v in {{{vals(rng.randrange(1, 10))}}}:\n    print(v)\nprint([w for w in {{{vals(rng.randrange(1, 10))}}}])"
    if form == 5:
        k, m = rng.randrange(1, 60), rng.randrange(1, 9)
        return f"s = {{v * {m} for v in range({k})}}\nprint(s)\nprint({{(v % 7, v) for v in range({k})}})"
    if form == 6:
        return (f"d = {{k: 0 for k in [{vals(rng.randrange(1, 12))}]}}\ns = set(d)\nprint(s)\n"
                f"t = {{{vals(2)}}}\nt.update(d)\nprint(t)")
    if form == 7:
        return f"a = {{{vals(3)}}}\nprint({{*a, {_set_value(rng)}, *[{vals(rng.randrange(0, 5))}]}})"
    if form == 8:
        step, count, every = rng.randrange(1, 40), rng.randrange(20, 3000), rng.randrange(2, 5)
        return (f"s = set(range(0, {count} * {step}, {step}))\n"
                f"for i in range(0, {count}, {every}):\n    s.discard(i * {step})\n"
                f"for i in range({count} // 3):\n    s.add(i * {step + 1} + 1)\n"
                "print(len(s), list(s)[:40], list(s)[-10:])\n"
                f"print(list(s - set(range(0, {count}, 2)))[:30])")
    a, b = rng.randrange(0, 200), rng.randrange(0, 200)
    return (f"a = set(range({a}))\nb = set(range({b // 2}, {b // 2 + b}))\n"
            "print(list(a ^ b)[:30], list(a & b)[:30], list(a - b)[:30], list(b - a)[-30:])\n"
            "print(list(a | b)[-20:])")


def set_order_cases():
    """Sets printed and iterated as they are: CPython's own order, which is its table's (with
    PYTHONHASHSEED=0 for strings). Programs drawn from a fixed seed."""
    rng = random.Random(20261206)
    return [(f"set_order/{n:03d}", _set_program(rng, n)) for n in range(150)]


def systematic_cases():
    return (binop_cases() + compare_cases() + truth_cases() + slice_cases() + index_cases()
            + float_cases() + range_cases() + set_order_cases())
