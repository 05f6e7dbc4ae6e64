#!/usr/bin/env python3
"""Writes Tests/PythonRuntimeTests/Semantics/format_random.py: 600 format specs drawn at random
(fixed seed) over fill, alignment, sign, z, #, 0, width, grouping, precision and type, applied
to ints, floats, bools and strings through f-strings, format() and str.format. generate.py then
records what CPython does with each (the value, or the ValueError and its wording)."""
import pathlib
import random

OUT = pathlib.Path(__file__).resolve().parents[2] / "Tests/PythonRuntimeTests/Semantics/format_random.py"

random.seed(99)
values = ['0', '7', '-7', '255', '-255', '987654321', '2.675', '-1.005', '1e-5', '123456.789',
          '9.99999', '0.5', '1.5', '-2.5', '1e100', '-0.0', 'True', 'False', "'hello'", "'é'",
          'float("-inf")', 'float("nan")']
fills = ['', '*', '0', 'x']
aligns = ['', '<', '>', '^', '=']
signs = ['', '+', '-', ' ']
widths = ['', '1', '3', '7', '12', '015']
groups = ['', ',', '_']
precisions = ['', '.0', '.1', '.3', '.6', '.12']
types = ['', 'd', 'f', 'e', 'g', 'G', '%', 's', 'x', 'o', 'b', 'n', 'c', 'E', 'F', 'X']
cases = []
for i in range(600):
    v = random.choice(values)
    spec = random.choice(fills) if random.random() < 0.3 else ''
    align = random.choice(aligns)
    if spec and not align:
        align = '>'
    spec += (align + random.choice(signs) + ('z' if random.random() < 0.05 else '')
             + ('#' if random.random() < 0.15 else '') + random.choice(widths)
             + random.choice(groups) + random.choice(precisions) + random.choice(types))
    if random.random() < 0.6:
        cases.append('#### spec%d\nv = %s\nprint(repr(f"{v:%s}"))\n' % (i, v, spec))
    else:
        cases.append('#### spec%d\nv = %s\nprint(repr("{:%s}|{!r:>8}".format(v, v)))\n' % (i, v, spec))
OUT.write_text("".join(cases))
print(f"{len(cases)} cases -> {OUT}")
