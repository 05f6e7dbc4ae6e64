"""Random small conv nets, and which input sizes real Keras accepts for each (issue 10, part 4).

Writes Tests/ShapeEngineTests/Golden/size_rules.jsonl: one network per line, as the Keras program
a person types (`x = keras.Input((None, None, 3))`, layers, skip merges), and what Keras 3 does
when the program is run with a concrete input shape (built at each size, errors caught):

- `diagonal`: the sizes s with s x s accepted, s in 1..R;
- `fixed`: one accepted diagonal size f (the largest), or null when none is;
- `H` / `W`: with the other axis at f, the sizes in 1..R that Keras accepts on this axis, and the
  model's output shape (without the batch) at each accepted size;
- `points`: random (h, w) pairs in 1..R x 1..R with whether Keras accepts them.

The Swift test (SizeRulesGoldenTests) compares kshape's `rules`, `solve` and two-axis scan with
these. Run: KERAS_BACKEND=jax /work/kenv-tf/bin/python tools/sizerules/random_nets.py [--check]
"""

import json
import os
import random
import sys
import warnings

os.environ.setdefault("KERAS_BACKEND", "jax")
os.environ.setdefault("JAX_PLATFORMS", "cpu")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
warnings.filterwarnings("ignore")

import keras  # noqa: E402

SEED = 10
COUNT = 60
RANGE = 64
POINTS = 48
OUT = os.path.join(
    os.path.dirname(__file__), "..", "..", "Tests", "ShapeEngineTests", "Golden", "size_rules.jsonl"
)


def pair(rng, lo, hi):
    a, b = rng.randint(lo, hi), rng.randint(lo, hi)
    return f"({a}, {b})" if a != b or rng.random() < 0.5 else str(a)


def network(rng, index):
    """A program: a list of lines; tensors t0 (input), t1, ...; a few kept for skips."""
    lines = ["import keras", "from keras import layers", "t0 = keras.Input(SHAPE)"]
    n = 0
    channels = {0: 3}
    skips = []
    steps = rng.randint(3, 8)
    unet = rng.random() < 0.3
    if unet:
        depth = rng.randint(1, 3)
        for d in range(depth):
            k = rng.choice([1, 3])
            pad = rng.choice(["same", "same", "valid"])
            n += 1
            lines.append(f"t{n} = layers.Conv2D({4 + d}, {k}, padding='{pad}')(t{n - 1})")
            channels[n] = 4 + d
            skips.append(n)
            n += 1
            pool = rng.choice([2, 2, 3])
            kind = rng.choice(["MaxPooling2D", "AveragePooling2D"])
            ppad = rng.choice(["valid", "valid", "same"])
            lines.append(f"t{n} = layers.{kind}({pool}, padding='{ppad}')(t{n - 1})")
            channels[n] = channels[n - 1]
        for d in reversed(range(depth)):
            n += 1
            if rng.random() < 0.5:
                lines.append(f"t{n} = layers.UpSampling2D(2)(t{n - 1})")
                channels[n] = channels[n - 1]
            else:
                tpad = rng.choice(["same", "valid"])
                lines.append(
                    f"t{n} = layers.Conv2DTranspose({3 + d}, 2, strides=2, padding='{tpad}')(t{n - 1})"
                )
                channels[n] = 3 + d
            skip = skips[d]
            n += 1
            if rng.random() < 0.6:
                lines.append(f"t{n} = layers.Concatenate()([t{n - 1}, t{skip}])")
                channels[n] = channels[n - 1] + channels[skip]
            else:
                lines.append(f"t{n} = layers.Conv2D({channels[skip]}, 1)(t{n - 1})")
                channels[n] = channels[skip]
                n += 1
                lines.append(f"t{n} = layers.Add()([t{n - 1}, t{skip}])")
                channels[n] = channels[skip]
        steps = rng.randint(0, 2)
    for _ in range(steps):
        kind = rng.random()
        n += 1
        prev = n - 1
        if kind < 0.35 or prev == 0:
            f = rng.randint(2, 6)
            pad = rng.choice(["valid", "valid", "same"])
            strides = rng.choice(["1", "1", "2", "(1, 2)", "(2, 1)", "3"])
            dil = ""
            if strides == "1" and rng.random() < 0.2:
                dil = f", dilation_rate={rng.randint(2, 3)}"
            lines.append(
                f"t{n} = layers.Conv2D({f}, {pair(rng, 1, 5)}, strides={strides}, "
                f"padding='{pad}'{dil})(t{prev})"
            )
            channels[n] = f
        elif kind < 0.55:
            name = rng.choice(["MaxPooling2D", "AveragePooling2D"])
            pad = rng.choice(["valid", "valid", "same"])
            strides = rng.choice(["None", "1", "2", "(2, 3)"])
            lines.append(
                f"t{n} = layers.{name}({pair(rng, 2, 4)}, strides={strides}, padding='{pad}')(t{prev})"
            )
            channels[n] = channels[prev]
        elif kind < 0.62:
            a, b, c, d = (rng.randint(0, 3) for _ in range(4))
            lines.append(f"t{n} = layers.Cropping2D((({a}, {b}), ({c}, {d})))(t{prev})")
            channels[n] = channels[prev]
        elif kind < 0.68:
            lines.append(f"t{n} = layers.ZeroPadding2D({pair(rng, 1, 2)})(t{prev})")
            channels[n] = channels[prev]
        elif kind < 0.74:
            lines.append(f"t{n} = layers.UpSampling2D({pair(rng, 2, 3)})(t{prev})")
            channels[n] = channels[prev]
        elif kind < 0.80:
            f = rng.randint(2, 5)
            pad = rng.choice(["valid", "same"])
            lines.append(
                f"t{n} = layers.Conv2DTranspose({f}, {pair(rng, 2, 4)}, strides={pair(rng, 1, 3)}, "
                f"padding='{pad}')(t{prev})"
            )
            channels[n] = f
        else:
            # A skip from an earlier tensor: equal sizes wanted (Concatenate) or broadcast (Add).
            other = rng.randrange(0, prev)
            if rng.random() < 0.5:
                lines.append(f"t{n} = layers.Concatenate()([t{prev}, t{other}])")
                channels[n] = channels[prev] + channels[other]
            else:
                lines.append(f"t{n} = layers.Conv2D({channels[other]}, 1)(t{prev})")
                channels[n] = channels[other]
                n += 1
                lines.append(f"t{n} = layers.Add()([t{n - 1}, t{other}])")
                channels[n] = channels[other]
    lines.append(f"model = keras.Model(t0, t{n}, name='net{index}')")
    return "\n".join(lines) + "\n"


def evaluate(program, h, w):
    """The output shape (no batch) when Keras builds the program at h x w, or None if it raises."""
    namespace = {"SHAPE": (h, w, 3)}
    try:
        with keras.StatelessScope(initialize_variables=False):
            exec(program, namespace)
        return list(namespace["model"].outputs[0].shape[1:])
    except Exception:  # noqa: BLE001 - any Keras refusal counts as "does not evaluate"
        return None


def case(rng, index):
    sizes = range(1, RANGE + 1)
    # Most random skips never line up; keep drawing (a few networks that accept nothing stay).
    keep_empty = rng.random() < 0.15
    for _ in range(20):
        program = network(rng, index)
        diagonal = [s for s in sizes if evaluate(program, s, s) is not None]
        if diagonal or keep_empty:
            break
    fixed = diagonal[-1] if diagonal else None
    record = {
        "name": f"net{index}",
        "program": program.replace("SHAPE", "(None, None, 3)"),
        "range": [1, RANGE],
        "diagonal": diagonal,
        "fixed": fixed,
    }
    for axis in ["H", "W"]:
        accepted = []
        outputs = {}
        if fixed is not None:
            for s in sizes:
                out = evaluate(program, s, fixed) if axis == "H" else evaluate(program, fixed, s)
                if out is not None:
                    accepted.append(s)
                    outputs[str(s)] = out
        record[axis] = {"accepted": accepted, "outputs": outputs}
    points = []
    for _ in range(POINTS):
        h, w = rng.randint(1, RANGE), rng.randint(1, RANGE)
        points.append([h, w, evaluate(program, h, w) is not None])
    record["points"] = points
    return record


def main():
    rng = random.Random(SEED)
    lines = []
    for i in range(COUNT):
        keras.utils.clear_session()
        lines.append(json.dumps(case(rng, i), sort_keys=True))
        print(f"net{i}", file=sys.stderr, flush=True)
    text = "\n".join(lines) + "\n"
    if "--check" in sys.argv:
        with open(OUT) as f:
            same = f.read() == text
        print("up to date" if same else "OUT OF DATE")
        sys.exit(0 if same else 1)
    with open(OUT, "w") as f:
        f.write(text)
    print(f"wrote {len(lines)} networks to {OUT}")


if __name__ == "__main__":
    main()
