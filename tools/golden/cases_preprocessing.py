"""Case generators for Keras's preprocessing layers (except the augmentations): Rescaling,
Resizing, CenterCrop, RandomCrop, Normalization, Discretization, CategoryEncoding,
MelSpectrogram and STFTSpectrogram.

Hashing, HashedCrossing, StringLookup, IntegerLookup and TextVectorization have no cases: with
the JAX backend and no TensorFlow installed, Keras raises ImportError in their constructors.
"""

from golden_common import Case, batch_dim, inp, layout, render, styled, with_randoms


def _image(rng, data_format=None, channels=None, p_none=0.3):
    """A random image batch shape (channels_last unless data_format says otherwise)."""
    spatial = [None if rng.random() < p_none else rng.randint(1, 64) for _ in range(2)]
    c = channels if channels is not None else rng.choice([1, 3, 3, 4, None])
    return layout(batch_dim(rng), spatial, c, data_format)


def _dtype(rng):
    return rng.choice(["float32", "float32", "float32", "int32", "uint8", "float16"])


def rescaling_cases(rng):
    def random_case(g):
        args = [("scale", g.choice([0.00392156862745098, 0.5, 2, 0.00784313725490196, -1.0]))]
        if g.random() < 0.5:
            args.append(("offset", g.choice([0.0, -1.0, 0.5, 3])))
        if g.random() < 0.2:
            args.append(("dtype", g.choice(["float16", "bfloat16", "mixed_float16", "float64"])))
        rank = g.randint(2, 5)
        shape = (batch_dim(g), *[None if g.random() < 0.3 else g.randint(1, 32) for _ in range(rank - 1)])
        return Case(styled(g, "Rescaling", args, ["scale", "offset"]), [inp(shape, _dtype(g))])

    fixed = [
        Case("Rescaling(0.00392156862745098)", [inp((None, 224, 224, 3), "uint8")]),
        Case("Rescaling(0.00784313725490196, offset=-1)", [inp((8, 32, 32, 3))]),
        Case("Rescaling(scale=2.0, offset=1.0)", [inp((None, None, None, 3), "int32")]),
        Case("Rescaling(0.5)", [inp((None,), "int64")]),
        Case("Rescaling(0.5)", [inp((None, 4), "string")]),
        Case("Rescaling(0.5)", [inp((None, 4), "bool")]),
        Case("Rescaling(0.5, dtype='float16')", [inp((None, 4), "int32")]),
        Case("Rescaling(0.5, dtype='mixed_float16')", [inp((None, 4, 5))]),
        Case("Rescaling(0.5, dtype='int32')", [inp((None, 4), "int32")]),
        Case("Rescaling([0.5, 1.0, 2.0])", [inp((None, 4, 4, 3))]),
        Case("Rescaling('a')", [inp((None, 4))]),
        Case("Rescaling()", [inp((None, 4))]),
        Case("Rescaling(1.0, 0.0, 3)", [inp((None, 4))]),
        Case("Rescaling(1.0, bias=2.0)", [inp((None, 4))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def _size_cases(cls):
    """Fixed cases shared by Resizing and CenterCrop (same axis rule)."""
    return [
        Case(f"{cls}(4, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(height=16, width=9)", [inp((2, None, None, 3))]),
        Case(f"{cls}(4, 5)", [inp((None, 8, 3))]),
        Case(f"{cls}(4, 5, data_format='channels_first')", [inp((None, 3, 8, 8))]),
        Case(f"{cls}(4, 5, data_format='channels_first')", [inp((None, 3, 8))]),
        Case(f"{cls}(0, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(None, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(True, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5)", [inp((None, 8, 8, 3), "int32")]),
        Case(f"{cls}(4, 5)", [inp((None, 8, 8, 3), "uint8")]),
        Case(f"{cls}(4, 5, dtype='float16')", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5, dtype='mixed_bfloat16')", [inp((None, 8, 8, 3), "int32")]),
        Case(f"{cls}(4, 5, bounding_box_format='xywh')", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5, factor=0.5)", [inp((None, 8, 8, 3))]),
        # errors: sizes that are not sizes, layouts without height and width
        Case(f"{cls}(-4, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4.5, 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}('4', 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}((4, 4), 5)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5, data_format='channels_middle')", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4)", [inp((None, 8, 8, 3))]),
        Case(f"{cls}(4, 5)", [inp((None,))]),
        Case(f"{cls}(4, 5, data_format='channels_first')", [inp((None, 8))]),
    ]


def _random_size(cls, positional):
    def random_case(g):
        fmt = g.choice([None, None, "channels_last", "channels_first"])
        args = [("height", g.randint(1, 300)), ("width", g.randint(1, 300))]
        if cls == "Resizing" and g.random() < 0.4:
            args.append(("interpolation", g.choice(["nearest", "bilinear", "bicubic", "area", "lanczos3"])))
        if cls == "Resizing" and g.random() < 0.3:
            args.append((g.choice(["crop_to_aspect_ratio", "pad_to_aspect_ratio"]), True))
        if cls == "RandomCrop" and g.random() < 0.3:
            args.append(("seed", g.randint(0, 1000)))
        if fmt is not None:
            args.append(("data_format", fmt))
        return Case(styled(g, cls, args, positional), [inp(_image(g, fmt), _dtype(g))])

    return random_case


def resizing_cases(rng):
    fixed = _size_cases("Resizing") + [
        Case("Resizing(4, 5)", [inp((None, 8))]),
        Case("Resizing(4, 5)", [inp((None, 3, 8, 8, 3))]),
        Case("Resizing(4, 5, data_format='channels_first')", [inp((None, 3, 3, 8, 8))]),
        Case("Resizing(4, 5, interpolation='no_such_mode', fill_mode='nope')", [inp((None, 8, 8, 3))]),
        Case("Resizing(4, 5, crop_to_aspect_ratio=True, pad_to_aspect_ratio=True)", [inp((None, 8, 8, 3))]),
        Case("Resizing(4, 5, antialias=True, fill_value=1.0)", [inp((None, 8, 8, 3), "string")]),
    ]
    return with_randoms(fixed, rng, _random_size("Resizing", ["height", "width"]), 8)


def center_crop_cases(rng):
    fixed = _size_cases("CenterCrop") + [
        Case("CenterCrop(4, 5)", [inp((None, 8))]),
        Case("CenterCrop(4, 5)", [inp((None, 3, 8, 8, 3))]),
        Case("CenterCrop(20, 20)", [inp((None, 8, 8, 3))]),
    ]
    return with_randoms(fixed, rng, _random_size("CenterCrop", ["height", "width"]), 6)


def random_crop_cases(rng):
    fixed = [
        Case("RandomCrop(4, 5)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5)", [inp((None, 8, 3))]),
        Case("RandomCrop(4, 5)", [inp((None, 2, 8, 8, 3))]),
        Case("RandomCrop(4, 5, seed=3, data_format='channels_first')", [inp((None, 3, 8, 8))]),
        Case("RandomCrop(4, 5, data_format='channels_first')", [inp((None, 8))]),
        Case("RandomCrop(height=4, width=5, name='crop')", [inp((2, None, None, 3), "int32")]),
        Case("RandomCrop(None, 5)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(40, 50)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5, dtype='float16')", [inp((None, 8, 8, 3), "uint8")]),
        Case("RandomCrop(4, 5, factor=0.5, bounding_box_format='xyxy')", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5, factor=1.5)", [inp((None, 8, 8, 3))]),
        # errors
        Case("RandomCrop(4, 5)", [inp((None, 8))]),
        Case("RandomCrop(4, 5, data_format='channels_first')", [inp((None,))]),
        Case("RandomCrop(4, 5, seed=1.5)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5, seed='abc')", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(-1, 5)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5.0)", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4, 5, data_format='nhwc')", [inp((None, 8, 8, 3))]),
        Case("RandomCrop(4)", [inp((None, 8, 8, 3))]),
    ]
    return with_randoms(fixed, rng, _random_size("RandomCrop", ["height", "width", "seed"]), 8)


def normalization_cases(rng):
    def random_case(g):
        rank = g.randint(2, 5)
        dims = [g.randint(1, 8) for _ in range(rank - 1)]
        axes = sorted(g.sample(range(1, rank), g.randint(1, rank - 1)))
        axis = axes[0] if len(axes) == 1 and g.random() < 0.5 else tuple(a - rank if g.random() < 0.3 else a for a in axes)
        args = [("axis", axis)]
        if g.random() < 0.3:
            kept = [dims[a - 1] for a in axes]
            m = g.choice([1.5, [0.5] * kept[-1]])
            args += [("mean", m), ("variance", m)]
        if g.random() < 0.2:
            args.append(("invert", True))
        shape = [batch_dim(g), *[None if (i + 1) not in axes and g.random() < 0.3 else d for i, d in enumerate(dims)]]
        return Case(styled(g, "Normalization", args, ["axis", "mean", "variance"]), [inp(shape, _dtype(g))])

    fixed = [
        Case("Normalization()", [inp((None, 4, 5))]),
        Case("Normalization(axis=None)", [inp((None, 4, 5))]),
        Case("Normalization(axis=(1, 2))", [inp((None, 4, 5))]),
        Case("Normalization(axis=[-1, 1])", [inp((None, 4, 5))]),
        Case("Normalization(axis=())", [inp((None, None, 5))]),
        Case("Normalization(axis=0)", [inp((2, 4, 5))]),
        Case("Normalization(-1, 2.0, 3.0)", [inp((None, None, 5))]),
        Case("Normalization(mean=[1.0, 2.0], variance=[1.0, 2.0])", [inp((None, 4, 2))]),
        Case("Normalization(mean=[1.0], variance=[1.0])", [inp((None, 4, 3))]),
        Case("Normalization(axis=(1, 2), mean=[[1.0], [2.0]], variance=[[1.0], [2.0]])", [inp((None, 2, 3))]),
        Case("Normalization(axis=(1, 2), mean=[1.0, 2.0, 3.0], variance=[1.0, 2.0, 3.0])", [inp((None, 2, 3))]),
        Case("Normalization(axis=None, mean=1.0, variance=1.0)", [inp((None, 4, 2))]),
        Case("Normalization(mean=True, variance=2)", [inp((None, 4, 2))]),
        Case("Normalization(mean=[1, 2], variance=[1, 2])", [inp((None, 4, 2), "string")]),
        Case("Normalization()", [inp((None, 4, 2), "int32")]),
        Case("Normalization(dtype='float16')", [inp((None, 4, 2), "int32")]),
        Case("Normalization(invert=True, dtype='mixed_float16')", [inp((None, 4, 2))]),
        Case("Normalization(axis=3)", [inp((1, 2, 3, 4, 5))]),
        # errors
        Case("Normalization(axis=1)", [inp((None, None, 5))]),
        Case("Normalization(axis=3)", [inp((None, 4, 5))]),
        Case("Normalization(axis=-4)", [inp((None, 4, 5))]),
        Case("Normalization(axis=0)", [inp((None, 4, 5))]),
        Case("Normalization()", [inp((None,))]),
        Case("Normalization(axis=(1, 1))", [inp((None, 4, 2))]),
        Case("Normalization(axis=(1, -2))", [inp((None, 4, 2))]),
        Case("Normalization(axis='a')", [inp((None, 4, 2))]),
        Case("Normalization(axis=1.5)", [inp((None, 4, 2))]),
        Case("Normalization(axis=(1.0,))", [inp((None, 4, 2))]),
        Case("Normalization(mean=1.0)", [inp((None, 4, 2))]),
        Case("Normalization(variance=[1.0])", [inp((None, 4, 2))]),
        Case("Normalization(mean=[1.0, 2.0], variance=[1.0])", [inp((None, 4, 2))]),
        Case("Normalization(mean=[[1.0]], variance=[[1.0]])", [inp((None, 4, 3))]),
        Case("Normalization(mean=[1.0, 2.0], variance=[1.0, 2.0])", [inp((None, 4, 3))]),
        Case("Normalization(mean=[1.0, 2.0], variance=[1.0, 'a'])", [inp((None, 4, 2))]),
        Case("Normalization(mean=[[1.0, 2.0], [1.0]], variance=[[1.0, 2.0], [1.0]])", [inp((None, 4, 2))]),
        Case("Normalization(axis=None, mean=[1.0], variance=[1.0])", [inp((None, 4, 2))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def discretization_cases(rng):
    modes = ["int", "one_hot", "multi_hot", "count"]

    def random_case(g):
        mode = g.choice(modes)
        if g.random() < 0.7:
            args = [("bin_boundaries", sorted(round(g.uniform(-5, 5), 2) for _ in range(g.randint(0, 6))))]
        else:
            args = [("num_bins", g.randint(0, 9))]
        if mode != "int" or g.random() < 0.3:
            args.append(("output_mode", mode))
        if mode != "int" and g.random() < 0.2:
            args.append(("sparse", True))
        if g.random() < 0.2:
            args.append(("dtype", g.choice(["float16", "float64", "mixed_float16"])))
        rank = g.randint(1, 4)
        shape = (batch_dim(g), *[g.choice([None, 1, 2, 5]) for _ in range(rank - 1)])
        return Case(styled(g, "Discretization", args, ["bin_boundaries"]), [inp(shape, _dtype(g))])

    fixed = [
        Case("Discretization([0.0, 1.0])", [inp((None, 4))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='one_hot')", [inp((None, 4))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='one_hot')", [inp((None, 1))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='one_hot')", [inp((None,))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='multi_hot')", [inp((None,))]),
        Case("Discretization(bin_boundaries=[0.0, 1.0], output_mode='count')", [inp((None, 3, 4))]),
        Case("Discretization(bin_boundaries=(0.5,), output_mode='count')", [inp((2, 3, 4, 5))]),
        Case("Discretization(bin_boundaries=[], output_mode='multi_hot')", [inp((None, 3))]),
        Case("Discretization(num_bins=4)", [inp((None, 3, 4), "int32")]),
        Case("Discretization(num_bins=0, output_mode='one_hot')", [inp((None, 3, 4))]),
        Case("Discretization(num_bins=4, output_mode='one_hot', sparse=True)", [inp((None, 3, 4))]),
        Case("Discretization([1.0], output_mode='one_hot', dtype='float16')", [inp((None, 3, 4))]),
        Case("Discretization([1.0], dtype='float16')", [inp((None, 3, 4), "int32")]),
        Case("Discretization([1.0], output_mode='int', dtype='int64')", [inp((None, 3, 4))]),
        Case("Discretization(bin_boundaries=3)", [inp((None, 3, 4))]),
        Case("Discretization(bin_boundaries='abc', output_mode='count')", [inp((None, 3, 4))]),
        # errors
        Case("Discretization(num_bins=-1)", [inp((None, 3))]),
        Case("Discretization(num_bins=2, bin_boundaries=[1.0])", [inp((None, 3))]),
        Case("Discretization()", [inp((None, 3))]),
        Case("Discretization([1.0], sparse=True)", [inp((None, 3))]),
        Case("Discretization([1.0], output_mode='binary')", [inp((None, 3))]),
        Case("Discretization([1.0], output_mode='One_Hot')", [inp((None, 3))]),
        Case("Discretization(num_bins='4')", [inp((None, 3))]),
        Case("Discretization(bin_boundaries=3, output_mode='count')", [inp((None, 3, 4))]),
        Case("Discretization(num_bins=2.5, output_mode='count')", [inp((None, 3, 4))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def category_encoding_cases(rng):
    def random_case(g):
        args = [("num_tokens", g.randint(1, 50))]
        mode = g.choice(["multi_hot", "one_hot", "count", None])
        if mode is not None:
            args.append(("output_mode", mode))
        if g.random() < 0.2:
            args.append(("sparse", True))
        rank = g.randint(1, 4)
        shape = (batch_dim(g), *[g.choice([None, 1, 1, 3, 6]) for _ in range(rank - 1)])
        dtype = g.choice(["int32", "int64", "int32", "float32"])
        return Case(styled(g, "CategoryEncoding", args, ["num_tokens", "output_mode"]), [inp(shape, dtype)])

    fixed = [
        Case("CategoryEncoding(3)", [inp((None,), "int32")]),
        Case("CategoryEncoding(3)", [inp((None, 1), "int32")]),
        Case("CategoryEncoding(3)", [inp((None, 4, 5), "int32")]),
        Case("CategoryEncoding(3, output_mode='one_hot')", [inp((None,), "int32")]),
        Case("CategoryEncoding(3, output_mode='one_hot')", [inp((None, 1), "int32")]),
        Case("CategoryEncoding(3, output_mode='one_hot')", [inp((None, None), "int32")]),
        Case("CategoryEncoding(3, 'one_hot')", [inp((4, 5, 1), "int64")]),
        Case("CategoryEncoding(num_tokens=3, output_mode='count', sparse=True)", [inp((4, 5, 1), "int64")]),
        Case("CategoryEncoding(3, output_mode='binary')", [inp((4, 5, 2), "string")]),
        Case("CategoryEncoding(True)", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(3, dtype='int32')", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(3, dtype='mixed_float16')", [inp((None, 2), "int32")]),
        # errors
        Case("CategoryEncoding(3, output_mode='Count')", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(3, output_mode='int')", [inp((None, 2), "int32")]),
        Case("CategoryEncoding()", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(0)", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(-3, output_mode='one_hot')", [inp((None, 2), "int32")]),
        Case("CategoryEncoding(2.5)", [inp((None, 2), "int32")]),
        Case("CategoryEncoding('a')", [inp((None, 2), "int32")]),
    ]
    return with_randoms(fixed, rng, random_case, 10)


def mel_spectrogram_cases(rng):
    def random_case(g):
        fft = g.choice([256, 512, 1024, 2048])
        args = [("fft_length", fft), ("sequence_stride", g.choice([64, 128, 160, 256, 512]))]
        if g.random() < 0.4:
            args.append(("sequence_length", g.choice([None, fft // 2, fft])))
        if g.random() < 0.5:
            args.append(("num_mel_bins", g.choice([40, 64, 80, 128])))
        if g.random() < 0.3:
            args.append(("sampling_rate", g.choice([8000, 22050, 44100])))
        shape = (batch_dim(g), None if g.random() < 0.3 else g.randint(1, 48000))
        return Case(styled(g, "MelSpectrogram", args, ["fft_length", "sequence_stride"]), [inp(shape, _dtype(g))])

    fixed = [
        Case("MelSpectrogram()", [inp((None, 16000))]),
        Case("MelSpectrogram()", [inp((4, 10))]),
        Case("MelSpectrogram()", [inp((None,))]),
        Case("MelSpectrogram()", [inp((None, None))]),
        Case("MelSpectrogram()", [inp((None, 100, 3))]),
        Case("MelSpectrogram(sequence_stride=1)", [inp((None, 7), "int32")]),
        Case("MelSpectrogram(1024, 256, num_mel_bins=80)", [inp((2, 22050))]),
        Case("MelSpectrogram(fft_length=256, sequence_length=0)", [inp((None, 10))]),
        Case("MelSpectrogram(num_mel_bins=0)", [inp((None, 10))]),
        Case("MelSpectrogram(num_mel_bins=None)", [inp((None, 10))]),
        Case("MelSpectrogram(sequence_stride=0)", [inp((None, None))]),
        Case("MelSpectrogram(sampling_rate='a', max_freq=3)", [inp((None, 10))]),
        Case("MelSpectrogram(window='foo', power_to_db=3)", [inp((None, 10))]),
        Case("MelSpectrogram(dtype='float16')", [inp((None, 10))]),
        Case("MelSpectrogram(dtype='mixed_bfloat16')", [inp((None, 10), "int32")]),
        # errors
        Case("MelSpectrogram(sequence_stride=0)", [inp((None, 10))]),
        Case("MelSpectrogram(sequence_stride=-3)", [inp((None, 10))]),
        Case("MelSpectrogram(sequence_stride=2.5)", [inp((None, 10))]),
        Case("MelSpectrogram(fft_length=256, sequence_length=512)", [inp((None, 10))]),
        Case("MelSpectrogram(num_mel_bins=-2)", [inp((None, 10))]),
        Case("MelSpectrogram(num_mel_bins=12.0)", [inp((None, 10))]),
        Case("MelSpectrogram(sampling_rate='a')", [inp((None, 10))]),
        Case("MelSpectrogram(fft_length='a')", [inp((None, 10))]),
    ]
    return with_randoms(fixed, rng, random_case, 8)


def stft_spectrogram_cases(rng):
    modes = ["log", "magnitude", "psd", "real", "imag", "angle", "stft"]

    def random_case(g):
        length = g.choice([16, 32, 64, 100, 128, 256])
        args = [("mode", g.choice(modes)), ("frame_length", length)]
        if g.random() < 0.6:
            args.append(("frame_step", g.randint(1, length)))
        if g.random() < 0.4:
            args.append(("fft_length", g.choice([length, 2 * length, 512])))
        if g.random() < 0.3:
            args.append(("window", g.choice(["hann", "hamming", "blackman", None, "boxcar"])))
        if g.random() < 0.4:
            args.append(("padding", "same"))
        fmt = g.choice([None, None, "channels_first"])
        if g.random() < 0.3:
            args.append(("expand_dims", True))
        if fmt is not None:
            args.append(("data_format", fmt))
        steps = None if g.random() < 0.2 else g.randint(length, 4000)
        shape = layout(batch_dim(g), [steps], g.randint(1, 3), fmt)
        return Case(styled(g, "STFTSpectrogram", args, ["mode", "frame_length"]), [inp(shape, _dtype(g))])

    fixed = [
        Case("STFTSpectrogram()", [inp((None, 16000, 2))]),
        Case("STFTSpectrogram()", [inp((None, None, 2))]),
        Case("STFTSpectrogram()", [inp((None, 256, 1))]),
        Case("STFTSpectrogram(padding='same')", [inp((None, 1, 1))]),
        Case("STFTSpectrogram(padding='same', frame_step=100)", [inp((None, 1000, 1))]),
        Case("STFTSpectrogram(mode='stft')", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram('real')", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(mode='imag', frame_length=100)", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram('imag', 100, fft_length=200)", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(expand_dims=True)", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(expand_dims=True, data_format='channels_first')", [inp((None, 2, 1000))]),
        Case("STFTSpectrogram(data_format='channels_first')", [inp((None, 2, 1000))]),
        Case("STFTSpectrogram(window=('kaiser', 8.0))", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(window=None, scaling=None)", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(window='hann_periodic', scaling='spectrum')", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(frame_length=3, frame_step=1)", [inp((None, 1000, 1), "int32")]),
        Case("STFTSpectrogram(frame_length=100, frame_step=2.5)", [inp((None, 1000, 1))]),
        Case("STFTSpectrogram(frame_length=100, fft_length=100)", [inp((None, 1000, 1))]),
        Case("STFTSpectrogram(frame_length=3, frame_step=1, dtype='mixed_float16')", [inp((None, 1000, 1))]),
        Case("STFTSpectrogram(expand_dims=True, dtype='float16')", [inp((None, None, 2))]),
        # errors
        Case("STFTSpectrogram()", [inp((None, 100, None))]),
        Case("STFTSpectrogram()", [inp((None, 255, 1))]),
        Case("STFTSpectrogram()", [inp((None, 1000))]),
        Case("STFTSpectrogram(frame_length=100, fft_length=50)", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(frame_length=100, frame_step=101)", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(frame_length=100, frame_step=0)", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(frame_length=100, fft_length=128.0)", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(window='foo')", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(window='kaiser')", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(scaling='foo')", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(mode='Log')", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(padding='SAME')", [inp((None, 1000, 2))]),
        Case("STFTSpectrogram(frame_length=0)", [inp((None, 1000, 1))]),
        Case("STFTSpectrogram(frame_length=1)", [inp((None, 1000, 1))]),
        Case("STFTSpectrogram(frame_length=1)", [inp((None, None, 1))]),
        Case("STFTSpectrogram(frame_length=64.0)", [inp((None, 1000, 1))]),
        Case("STFTSpectrogram(data_format='channels_first')", [inp((None, 1000, 2))]),
    ]
    return with_randoms(fixed, rng, random_case, 10)
