"""Case generators for Keras's audio preprocessing layers: MelSpectrogram and STFTSpectrogram.
"""

from cases_preprocessing import pixel_dtype
from golden_common import Case, batch_dim, inp, layout, styled, with_randoms


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
        return Case(styled(g, "MelSpectrogram", args, ["fft_length", "sequence_stride"]), [inp(shape, pixel_dtype(g))])

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
        Case("MelSpectrogram(sequence_stride=None)", [inp((None, 5))]),
        Case("MelSpectrogram(sequence_stride=None)", [inp((None, None))]),
        Case("MelSpectrogram(sequence_stride=True)", [inp((None, 100))]),
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
        return Case(styled(g, "STFTSpectrogram", args, ["mode", "frame_length"]), [inp(shape, pixel_dtype(g))])

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
        Case("STFTSpectrogram(frame_length=-5, fft_length=-3)", [inp((None, 100, 1))]),
        Case("STFTSpectrogram(frame_length=0, fft_length=4)", [inp((None, 100, 1))]),
        Case("STFTSpectrogram(frame_length=0, fft_length=4, frame_step=1)", [inp((None, 100, 1))]),
        Case("STFTSpectrogram(frame_length=16, frame_step=16.0)", [inp((None, 10, 1))]),
        Case("STFTSpectrogram(frame_length=16, fft_length=True)", [inp((None, 100, 1))]),
        # odd values Keras accepts
        Case("STFTSpectrogram(frame_length=True, frame_step=True)", [inp((None, 100, 1))]),
        Case("STFTSpectrogram(frame_length=16, frame_step=2.5, padding='same')", [inp((None, 100, 1))]),
        Case("STFTSpectrogram(frame_length=16, frame_step=2.5, padding='same')", [inp((None, None, 1))]),
    ]
    return with_randoms(fixed, rng, random_case, 10)
