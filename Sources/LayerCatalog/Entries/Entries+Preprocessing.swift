import ShapeCore

// Keras's preprocessing layers: image sizing, numerical and categorical features, audio, and the
// image augmentations. Hashing, HashedCrossing, StringLookup, IntegerLookup and
// TextVectorization are in Entries+TextAndWrappers.swift.

extension Catalog {
  static let preprocessing: [LayerEntry] =
    [
      LayerEntry(
        className: "Rescaling", aliases: [], family: "Image preprocessing",
        signature: Signature([Parameter("scale"), Parameter("offset", .float(0.0))]),
        rule: "shape unchanged; any input dtype gives the compute dtype (float32)",
        example: "Rescaling(scale=0.00392156862745098)",
        make: { _ throws(LayerError) in Elementwise() }),
      LayerEntry(
        className: "Resizing", aliases: [], family: "Image preprocessing",
        signature: Augmentation.withBaseKeywords(ImageSize.resizingSignature, "Resizing"),
        rule: "(batch, H, W, C) -> (batch, height, width, C); a rank-3 input (H, W, C) -> "
          + "(height, width, C) replaces axes 0 and 1", example: "Resizing(224, 224)",
        make: { a throws(LayerError) in try ImageSize(.resizing, a) }),
      LayerEntry(
        className: "CenterCrop", aliases: [], family: "Image preprocessing",
        signature: Augmentation.withBaseKeywords(ImageSize.centerCropSignature, "CenterCrop"),
        rule: "(batch, H, W, C) -> (batch, height, width, C); rank 3 or 4 only",
        example: "CenterCrop(224, 224)",
        make: { a throws(LayerError) in try ImageSize(.centerCrop, a) }),
      LayerEntry(
        className: "RandomCrop", aliases: [], family: "Image augmentation",
        signature: Augmentation.withBaseKeywords(ImageSize.randomCropSignature, "RandomCrop"),
        rule: "axes -3, -2 (channels_first: -2, -1) become (height, width)",
        example: "RandomCrop(200, 200)",
        make: { a throws(LayerError) in try ImageSize(.randomCrop, a) }),
      LayerEntry(
        className: "Normalization", aliases: [], family: "Numerical preprocessing",
        signature: Normalization.signature,
        rule: "shape unchanged; non-trainable mean, variance of shape in[axis] and a count: "
          + "params = 2*prod(in[axis]) + 1 (0 with a literal mean and variance)",
        example: "Normalization(axis=-1)",
        make: { a throws(LayerError) in try Normalization(a) }),
      LayerEntry(
        className: "Discretization", aliases: [], family: "Numerical preprocessing",
        signature: Discretization.signature,
        rule: "int: shape unchanged, int32; one_hot: (..., depth); multi_hot/count: "
          + "(batch, in[2:]..., depth); depth = len(bin_boundaries) + 1",
        example: "Discretization(bin_boundaries=[0.0, 1.0, 2.0])",
        make: { a throws(LayerError) in try Discretization(a) }),
      LayerEntry(
        className: "CategoryEncoding", aliases: [], family: "Categorical preprocessing",
        signature: CategoryEncoding.signature,
        rule: "(..., k) -> (..., num_tokens); one_hot appends num_tokens unless k = 1",
        example: "CategoryEncoding(num_tokens=10, output_mode=\"one_hot\")",
        make: { a throws(LayerError) in try CategoryEncoding(a) }),
      LayerEntry(
        className: "MelSpectrogram", aliases: [], family: "Audio preprocessing",
        signature: MelSpectrogram.signature,
        rule: "(batch, L) -> (batch, num_mel_bins, (L + s + 1) // s), s = sequence_stride",
        example: "MelSpectrogram(sequence_stride=256, num_mel_bins=80)",
        make: { a throws(LayerError) in try MelSpectrogram(a) }),
      LayerEntry(
        className: "STFTSpectrogram", aliases: [], family: "Audio preprocessing",
        signature: STFTSpectrogram.signature,
        rule: "(batch, L, C) -> (batch, T, (fft_length//2 + 1)*C); T = floor((L - frame_length)/"
          + "frame_step) + 1 (valid), ceil(L/frame_step) (same)",
        example: "STFTSpectrogram(frame_length=256, frame_step=128)",
        make: { a throws(LayerError) in try STFTSpectrogram(a) }),
    ]
    + Augmentation.classes.map { cls in
      LayerEntry(
        className: cls.name, aliases: [], family: "Image augmentation",
        signature: Augmentation.withBaseKeywords(cls.signature, cls.name),
        rule: cls.name == "RandomColorDegeneration"
          ? "shape unchanged; rank 3 or 4 with 3 channels"
          : "shape unchanged (no weights)",
        example: cls.example,
        make: { a throws(LayerError) in try Augmentation(cls.name, a) })
    }
}
