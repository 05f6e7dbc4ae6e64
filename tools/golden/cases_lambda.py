"""Lambda with an explicit output_shape: the only Lambda kshape can know without running code.
`Lambda(fn)` without output_shape is out of scope (Keras runs fn; kshape refuses, saying why),
so it has no golden case."""

from golden_common import Case, inp


def lambda_cases(rng):
    return [
        Case("Lambda(fn, output_shape=(5,))", [inp((None, 3))]),
        Case("Lambda(fn, output_shape=(None, 4))", [inp((None, 7, 2))]),
        Case("Lambda(fn, output_shape=(2, 3, 4))", [inp((8, 24))]),
        Case("Lambda(fn, output_shape=())", [inp((None, 3))]),
        Case("Lambda(function=fn, output_shape=(6,))", [inp((None, None, 3))]),
        Case("Lambda(fn, (3,), dtype='float16')", [inp((None, 3))]),
        Case("Lambda(fn, output_shape=(3,))", [inp((None, 3), "int32")]),
        Case("Lambda(fn, output_shape=[5])", [inp((None, 3))]),
        Case("Lambda(fn, output_shape=5)", [inp((None, 3))]),
        Case("Lambda(output_shape=(5,))", [inp((None, 3))]),
    ]
