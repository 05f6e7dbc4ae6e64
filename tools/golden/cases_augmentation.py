"""Case generators for Keras's image augmentation layers (RandomFlip, RandomRotation, ...,
AugMix, RandAugment): shape-preserving layers whose constructors check their arguments in
plain Python. Each class gets the shared cases (dtypes, ranks, data_format, seed) plus its own
argument edges, then random valid configurations."""

from golden_common import Case, batch_dim, inp, layout

_DTYPES = ["float32", "float32", "int32", "uint8", "float16"]


def _fac(g, lo, hi):
    """A factor: a number or a sorted pair within [lo, hi]."""
    if g.random() < 0.6:
        return round(g.uniform(max(lo, 0), hi), 2)
    a, b = sorted(round(g.uniform(lo, hi), 2) for _ in range(2))
    return g.choice([(a, b), [a, b]])


def _interp(g):
    return g.choice(["nearest", "bilinear"])


def _fill(g):
    return g.choice(["reflect", "wrap", "constant", "nearest"])


def _vr(g):
    return g.choice([(0, 255), (0, 1), [0.0, 1.0], (-1, 1), (255, 0)])


# name -> (required arguments as text, {optional arg: sampler}, [class-specific fixed cases])
# A sampler returns a value for the argument; the shared cases use the required text.
SPECS = {
    "RandomFlip": ("", {
        "mode": lambda g: g.choice(["horizontal", "vertical", "horizontal_and_vertical"]),
    }, [
        ("RandomFlip('horizontal')", (None, 8, 8, 3)),
        ("RandomFlip(mode='anything goes')", (None, 8, 8, 3)),
        ("RandomFlip(seed=True)", (None, 8, 8, 3)),
        ("RandomFlip('vertical', 42, 'channels_first')", (None, 3, 8, 8)),
        ("RandomFlip(factor=0.5)", (None, 8, 8, 3)),
    ]),
    "RandomRotation": ("0.2", {
        "fill_mode": _fill, "interpolation": _interp, "fill_value": lambda g: 1.0,
    }, [
        ("RandomRotation(None)", (None, 8, 8, 3)),
        ("RandomRotation([])", (None, 8, 8, 3)),
        ("RandomRotation(True)", (None, 8, 8, 3)),
        ("RandomRotation((0.5, -0.7))", (None, 8, 8, 3)),
        ("RandomRotation(-1)", (None, 8, 8, 3)),
        ("RandomRotation(1.5)", (None, 8, 8, 3)),
        ("RandomRotation((2, 0.5))", (None, 8, 8, 3)),
        ("RandomRotation((0.5, -2))", (None, 8, 8, 3)),
        ("RandomRotation((0.1, 0.2, 0.3))", (None, 8, 8, 3)),
        ("RandomRotation('a')", (None, 8, 8, 3)),
        ("RandomRotation((0.5, 'a'))", (None, 8, 8, 3)),
        ("RandomRotation(0.2, fill_mode='Reflect')", (None, 8, 8, 3)),
        ("RandomRotation(0.2, interpolation='bicubic')", (None, 8, 8, 3)),
        ("RandomRotation()", (None, 8, 8, 3)),
    ]),
    "RandomZoom": ("0.2", {
        "width_factor": lambda g: _fac(g, -0.9, 1), "fill_mode": _fill, "interpolation": _interp,
    }, [
        ("RandomZoom(1.0, width_factor=(-0.9, 0.5))", (None, 8, 8, 3)),
        ("RandomZoom((-0.5, 0.2))", (None, 8, 8, 3)),
        ("RandomZoom(-1.0)", (None, 8, 8, 3)),
        ("RandomZoom(1.0, width_factor=(-1, 0.5))", (None, 8, 8, 3)),
        ("RandomZoom(1.01)", (None, 8, 8, 3)),
        ("RandomZoom([0.1])", (None, 8, 8, 3)),
        ("RandomZoom(None)", (None, 8, 8, 3)),
        ("RandomZoom(0.2, width_factor='x')", (None, 8, 8, 3)),
        ("RandomZoom(0.5, fill_mode='Reflect')", (None, 8, 8, 3)),
        ("RandomZoom(0.5, interpolation='area')", (None, 8, 8, 3)),
    ]),
    "RandomTranslation": ("0.1, 0.2", {
        "fill_mode": _fill, "interpolation": _interp,
    }, [
        ("RandomTranslation(-1, 1)", (None, 8, 8, 3)),
        ("RandomTranslation((-0.2, 0.3), [0.0, 0.1])", (None, 8, 8, 3)),
        ("RandomTranslation(1.5, 0.2)", (None, 8, 8, 3)),
        ("RandomTranslation(0.2, (0.1, -1.1))", (None, 8, 8, 3)),
        ("RandomTranslation(0.2)", (None, 8, 8, 3)),
        ("RandomTranslation(0.2, None)", (None, 8, 8, 3)),
        ("RandomTranslation(0.2, 0.2, fill_mode='mirror')", (None, 8, 8, 3)),
    ]),
    "RandomContrast": ("0.2", {"value_range": _vr}, [
        ("RandomContrast((0.1, 0.9), value_range=(1,))", (None, 8, 8, 3)),
        ("RandomContrast(0)", (None, 8, 8, 3)),
        ("RandomContrast(-0.1)", (None, 8, 8, 3)),
        ("RandomContrast(None)", (None, 8, 8, 3)),
        ("RandomContrast([])", (None, 8, 8, 3)),
        ("RandomContrast((1.5, 2.0))", (None, 8, 8, 3)),
    ]),
    "RandomBrightness": ("0.2", {"value_range": _vr}, [
        ("RandomBrightness(0)", (None, 8, 8, 3)),
        ("RandomBrightness((-0.5, 0.5), value_range=[0.0, 1.0])", (None, 8, 8, 3)),
        ("RandomBrightness(2)", (None, 8, 8, 3)),
        ("RandomBrightness(0.2, value_range=(0,))", (None, 8, 8, 3)),
        ("RandomBrightness(0.2, value_range=5)", (None, 8, 8, 3)),
        ("RandomBrightness(0.2, value_range=(0, 'a'))", (None, 8, 8, 3)),
        ("RandomBrightness(0.2, data_format='Channels_First')", (None, 3, 8, 8)),
    ]),
    "RandomColorDegeneration": ("0.5", {"value_range": _vr}, [
        ("RandomColorDegeneration(-0.5)", (None, 8, 8, 3)),
        ("RandomColorDegeneration(0.5)", (None, 8, 8, None)),
        ("RandomColorDegeneration(0.5)", (None, 8, 3)),
        ("RandomColorDegeneration(0.5)", (None, 8, 8, 2)),
        ("RandomColorDegeneration(0.5, data_format='channels_first')", (None, 8, 8, 3)),
        ("RandomColorDegeneration(1.5)", (None, 8, 8, 3)),
        ("RandomColorDegeneration(0.5, value_range=[1, 2, 3])", (None, 8, 8, 3)),
    ]),
    "RandomColorJitter": ("", {
        "brightness_factor": lambda g: _fac(g, -1, 1), "contrast_factor": lambda g: _fac(g, 0, 1),
        "saturation_factor": lambda g: _fac(g, -1, 1), "hue_factor": lambda g: _fac(g, 0, 1),
        "value_range": _vr,
    }, [
        ("RandomColorJitter(value_range=5)", (None, 8, 8, 3)),
        ("RandomColorJitter(value_range=5, contrast_factor=0.2, hue_factor=0.3)", (None, 8, 8, 3)),
        ("RandomColorJitter(brightness_factor=[])", (None, 8, 8, 3)),
        ("RandomColorJitter(contrast_factor=[])", (None, 8, 8, 3)),
        ("RandomColorJitter(value_range=5, saturation_factor=0.2)", (None, 8, 8, 3)),
        ("RandomColorJitter(hue_factor=-0.2)", (None, 8, 8, 3)),
        ("RandomColorJitter(brightness_factor=1.5)", (None, 8, 8, 3)),
        ("RandomColorJitter(factor=0.3, hue_factor=0.1)", (None, 8, 8, 3)),
        ("RandomColorJitter(factor=[0.3, 1.5])", (None, 8, 8, 3)),
        ("RandomColorJitter(factor=[1.3, 1.5])", (None, 8, 8, 3)),
    ]),
    "RandomElasticTransform": ("", {
        "factor": lambda g: _fac(g, 0, 1), "scale": lambda g: _fac(g, 0, 1),
        "interpolation": _interp, "fill_mode": lambda g: g.choice(["reflect", "mirror", "wrap"]),
    }, [
        ("RandomElasticTransform(fill_mode='mirror')", (None, 8, 8, 3)),
        ("RandomElasticTransform(scale=1.5)", (None, 8, 8, 3)),
        ("RandomElasticTransform(2.0)", (None, 8, 8, 3)),
        ("RandomElasticTransform(interpolation='bicubic')", (None, 8, 8, 3)),
        ("RandomElasticTransform(fill_mode='edge')", (None, 8, 8, 3)),
    ]),
    "RandomErasing": ("", {
        "factor": lambda g: _fac(g, 0, 1), "scale": lambda g: _fac(g, 0, 1),
        "fill_value": lambda g: g.choice([None, 0.0, 128]),
    }, [
        ("RandomErasing(scale=(0.5, 2.0))", (None, 8, 8, 3)),
        ("RandomErasing(scale=(2.0, 3.0))", (None, 8, 8, 3)),
        ("RandomErasing(factor=-0.5)", (None, 8, 8, 3)),
        ("RandomErasing(scale=(0.1,))", (None, 8, 8, 3)),
    ]),
    "RandomGaussianBlur": ("", {
        "factor": lambda g: _fac(g, 0, 1), "kernel_size": lambda g: g.choice([1, 3, 5, (3, 7)]),
        "sigma": lambda g: _fac(g, 0, 1),
    }, [
        ("RandomGaussianBlur(kernel_size=2.5)", (None, 8, 8, 3)),
        ("RandomGaussianBlur(kernel_size=4)", (None, 8, 8, 3)),
        ("RandomGaussianBlur(kernel_size=(3, 4))", (None, 8, 8, 3)),
        ("RandomGaussianBlur(kernel_size=(3, 5, 7))", (None, 8, 8, 3)),
        ("RandomGaussianBlur(kernel_size='3')", (None, 8, 8, 3)),
        ("RandomGaussianBlur(sigma=2.0)", (None, 8, 8, 3)),
    ]),
    "RandomGrayscale": ("", {"factor": lambda g: round(g.uniform(0, 1), 2)}, [
        ("RandomGrayscale(1)", (None, 8, 8, 3)),
        ("RandomGrayscale(dtype='float16')", (None, 8, 8, 3)),
        ("RandomGrayscale(dtype='mixed_float16')", (None, 8, 8, 3)),
        ("RandomGrayscale(1.5)", (None, 8, 8, 3)),
        ("RandomGrayscale(None)", (None, 8, 8, 3)),
        ("RandomGrayscale((0.1, 0.2))", (None, 8, 8, 3)),
    ]),
    "RandomHue": ("0.2", {"value_range": lambda g: g.choice([(0, 255), 7])}, [
        ("RandomHue(0.2, value_range=7)", (None, 8, 8, 3)),
        ("RandomHue(None)", (None, 8, 8, 3)),
        ("RandomHue(-0.2)", (None, 8, 8, 3)),
        ("RandomHue((0.2, 1.4))", (None, 8, 8, 3)),
    ]),
    "RandomInvert": ("", {"factor": lambda g: _fac(g, 0, 1)}, [
        ("RandomInvert((0.5, 0.2))", (None, 8, 8, 3)),
        ("RandomInvert(2)", (None, 8, 8, 3)),
        ("RandomInvert(None)", (None, 8, 8, 3)),
    ]),
    "RandomPerspective": ("", {
        "factor": lambda g: _fac(g, 0, 1), "scale": lambda g: round(g.uniform(0, 1), 2),
        "interpolation": _interp,
    }, [
        ("RandomPerspective(scale=0)", (None, 8, 8, 3)),
        ("RandomPerspective(scale=1.5)", (None, 8, 8, 3)),
        ("RandomPerspective(scale='a')", (None, 8, 8, 3)),
        ("RandomPerspective(interpolation='bicubic')", (None, 8, 8, 3)),
        ("RandomPerspective(factor=(0.5,))", (None, 8, 8, 3)),
    ]),
    "RandomPosterization": ("4", {"value_range": _vr}, [
        ("RandomPosterization((1, 8))", (None, 8, 8, 3)),
        ("RandomPosterization(0)", (None, 8, 8, 3)),
        ("RandomPosterization(9)", (None, 8, 8, 3)),
        ("RandomPosterization(4, value_range=(0, 1, 2))", (None, 8, 8, 3)),
    ]),
    "RandomSaturation": ("0.5", {"value_range": _vr}, [
        ("RandomSaturation(-0.5)", (None, 8, 8, 3)),
        ("RandomSaturation(1.5)", (None, 8, 8, 3)),
        ("RandomSaturation(None)", (None, 8, 8, 3)),
        ("RandomSaturation(0.5, value_range=None)", (None, 8, 8, 3)),
    ]),
    "RandomSharpness": ("0.5", {"value_range": _vr}, [
        ("RandomSharpness(-0.5)", (None, 8, 8, 3)),
        ("RandomSharpness((0.5, 2))", (None, 8, 8, 3)),
        ("RandomSharpness(0.5, value_range='ab')", (None, 8, 8, 3)),
    ]),
    "RandomShear": ("", {
        "x_factor": lambda g: _fac(g, 0, 1), "y_factor": lambda g: _fac(g, 0, 1),
        "interpolation": _interp, "fill_mode": _fill,
    }, [
        ("RandomShear(0.2, (0.1, 0.4))", (None, 8, 8, 3)),
        ("RandomShear(-0.2)", (None, 8, 8, 3)),
        ("RandomShear(y_factor=1.5)", (None, 8, 8, 3)),
        ("RandomShear(x_factor=(0.1, 0.2, 0.3))", (None, 8, 8, 3)),
        ("RandomShear(fill_mode='edge')", (None, 8, 8, 3)),
    ]),
    "Solarization": ("", {
        "addition_factor": lambda g: _fac(g, 0, 1), "threshold_factor": lambda g: _fac(g, 0, 1),
        "value_range": _vr,
    }, [
        ("Solarization(0.5, (0.2, 0.1))", (None, 8, 8, 3)),
        ("Solarization(-0.5)", (None, 8, 8, 3)),
        ("Solarization(threshold_factor=2)", (None, 8, 8, 3)),
        ("Solarization(value_range=255)", (None, 8, 8, 3)),
        ("Solarization(data_format='channels_first')", (None, 3, 8, 8)),
    ]),
    "AutoContrast": ("", {"value_range": _vr}, [
        ("AutoContrast((0, 1))", (None, 8, 8, 3)),
        ("AutoContrast(value_range=1)", (None, 8, 8, 3)),
        ("AutoContrast(value_range=(1, 2, 3))", (None, 8, 8, 3)),
        ("AutoContrast(value_range=(None, 2))", (None, 8, 8, 3)),
    ]),
    "Equalization": ("", {"value_range": _vr, "bins": lambda g: g.choice([16, 128, 256])}, [
        ("Equalization(bins=-5)", (None, 8, 8, 3)),
        ("Equalization(factor=-1)", (None, 8, 8, 3)),
        ("Equalization(factor='x')", (None, 8, 8, 3)),
        ("Equalization(dtype='float16')", (None, 8, 8, 3)),
        ("Equalization(dtype='mixed_bfloat16')", (None, 8, 8, 3)),
        ("Equalization(value_range=(0,))", (None, 8, 8, 3)),
        ("Equalization(value_range='ab')", (None, 8, 8, 3)),
        ("Equalization(value_range=(0, [1]))", (None, 8, 8, 3)),
    ]),
    "ContrastLimitedAdaptiveHistogramEqualization": ("", {
        "clip_limit": lambda g: g.choice([2.0, 4.0]), "tile_grid_size": lambda g: (4, 4),
    }, [
        ("ContrastLimitedAdaptiveHistogramEqualization(value_range=5, tile_grid_size=0)", (None, 8, 8, 3)),
        ("ContrastLimitedAdaptiveHistogramEqualization(data_format='channels_first')", (None, 3, 8, 8)),
        ("ContrastLimitedAdaptiveHistogramEqualization(factor=0.5)", (None, 8, 8, 3)),
        ("ContrastLimitedAdaptiveHistogramEqualization(factor=3.0)", (None, 8, 8, 3)),
    ]),
    "CutMix": ("", {"factor": lambda g: _fac(g, 0, 1)}, [
        ("CutMix(factor=0)", (None, 8, 8, 3)),
        ("CutMix(factor=1.5)", (None, 8, 8, 3)),
        ("CutMix(factor=None)", (None, 8, 8, 3)),
        ("CutMix(factor=(0.2, 'x'))", (None, 8, 8, 3)),
    ]),
    "MixUp": ("", {"alpha": lambda g: g.choice([0.1, 0.2, 1.0])}, [
        ("MixUp(alpha=-3)", (None, 8, 8, 3)),
        ("MixUp(alpha='x', seed=0)", (None, 8, 8, 3)),
        ("MixUp(factor=0.5)", (None, 8, 8, 3)),
        ("MixUp(factor=(-0.5, 2))", (None, 8, 8, 3)),
        ("MixUp(factor=3.0)", (None, 8, 8, 3)),
    ]),
    "AugMix": ("", {
        "factor": lambda g: _fac(g, 0, 1), "num_chains": lambda g: g.randint(1, 4),
        "chain_depth": lambda g: g.randint(1, 4), "all_ops": lambda g: g.random() < 0.5,
        "interpolation": _interp, "value_range": _vr,
    }, [
        ("AugMix(factor=(0.2, 1.5))", (None, 8, 8, 3)),
        ("AugMix(factor=-0.2)", (None, 8, 8, 3)),
        ("AugMix(factor=0.0, all_ops=False)", (None, 8, 8, 3)),
        ("AugMix(interpolation='bicubic')", (None, 8, 8, 3)),
        ("AugMix(value_range=(0, 1, 2))", (None, 8, 8, 3)),
        ("AugMix(value_range=5, all_ops=False)", (None, 8, 8, 3)),
    ]),
    "RandAugment": ("", {
        "factor": lambda g: _fac(g, 0, 1), "num_ops": lambda g: g.randint(1, 4),
        "interpolation": _interp, "value_range": _vr,
    }, [
        ("RandAugment(factor=(0.5, 0.2))", (None, 8, 8, 3)),
        ("RandAugment(factor=(0.5, 1.2))", (None, 8, 8, 3)),
        ("RandAugment(factor=2)", (None, 8, 8, 3)),
        ("RandAugment(interpolation='nearest', value_range=(0, 'x'))", (None, 8, 8, 3)),
        ("RandAugment(interpolation='area')", (None, 8, 8, 3)),
    ]),
}

# Which shared keyword arguments each class's signature has.
_HAS_SEED = set(SPECS) - {"AutoContrast", "Equalization", "ContrastLimitedAdaptiveHistogramEqualization"}
# data_format is every class's: those without the parameter pass it to their base class.
_HAS_FORMAT = set(SPECS)


def _call(cls, required, extra):
    """`cls(required, k=v, ...)` with the required text first."""
    parts = [required] if required else []
    parts += [f"{k}={v!r}" for k, v in extra]
    return f"{cls}({', '.join(parts)})"


def _shared(cls, required):
    c = lambda *extra: _call(cls, required, list(extra))  # noqa: E731
    cases = [
        Case(c(), [inp((None, 32, 32, 3))]),
        Case(c(), [inp((None, 32, 32, 3), "int32")]),
        Case(c(), [inp((2, None, None, 3), "uint8")]),
        Case(c(), [inp((None, 5))]),
        Case(c(), [inp((None, 4, 4, 4, 3), "string")]),
        Case(c(("dtype", "float16")), [inp((None, 16, 16, 3))]),
        Case(c(("dtype", "mixed_float16")), [inp((None, 16, 16, 3), "int32")]),
        Case(c(("no_such_argument", 1)), [inp((None, 16, 16, 3))]),
        Case(c(("bounding_box_format", "xyxy")), [inp((None, 16, 16, 3))]),
    ]
    if cls in _HAS_SEED:
        cases += [
            Case(c(("seed", 7)), [inp((None, 16, 16, 3))]),
            Case(c(("seed", 1.5)), [inp((None, 16, 16, 3))]),
        ]
    if cls in _HAS_FORMAT:
        cases += [
            Case(c(("data_format", "channels_first")), [inp((None, 3, 16, 16))]),
            Case(c(("data_format", "channels_middle")), [inp((None, 16, 16, 3))]),
        ]
    return cases


def _random(cls, required, samplers):
    def make(g):
        names = [n for n in samplers if g.random() < 0.5]
        extra = [(n, samplers[n](g)) for n in names]
        fmt = g.choice([None, None, "channels_first"]) if cls in _HAS_FORMAT else None
        if fmt is not None:
            extra.append(("data_format", fmt))
        if cls in _HAS_SEED and g.random() < 0.3:
            extra.append(("seed", g.randint(0, 99)))
        text = _call(cls, required, extra)
        spatial = [None if g.random() < 0.3 else g.randint(1, 64) for _ in range(2)]
        shape = layout(batch_dim(g), spatial, 3, fmt)
        return Case(text, [inp(shape, g.choice(_DTYPES))])

    return make


def augmentation_cases(cls):
    required, samplers, own = SPECS[cls]

    def generate(rng):
        fixed = _shared(cls, required) + [Case(text, [inp(shape)]) for text, shape in own]
        seen = {(c.call, tuple(c.inputs)) for c in fixed}
        out = list(fixed)
        make = _random(cls, required, samplers)
        for _ in range(200):
            if len(out) == len(fixed) + 6:
                break
            c = make(rng)
            if (c.call, tuple(c.inputs)) not in seen:
                seen.add((c.call, tuple(c.inputs)))
                out.append(c)
        return out

    return generate


AUGMENTATION_CLASSES = list(SPECS)
