import ShapeCore

/// StringLookup and IntegerLookup: 'int' keeps the shape (int64, also when inverted); one_hot
/// appends depth (replacing a last axis of 1 on rank >= 2); multi_hot/count/tf_idf give
/// (in[:-1]..., depth), float32. depth = max_tokens with pad_to_max_tokens, else the vocabulary
/// size: tokens + num_oov_indices (+1 for the mask in 'int' mode only); None without vocabulary.
public struct Lookup: Layer {
  public var mode: String
  public var depth: Value

  /// Keras's `validate_string_arg`.
  static func validateString(
    _ value: Value, _ allowed: [String], owner: String, argument: String, allowNone: Bool = false
  ) throws(LayerError) {
    if allowNone && value == .none { return }
    if case .string(let s) = value, allowed.contains(s) { return }
    throw LayerError(
      "\(owner): Unknown value for `\(argument)` argument of \(owner). Allowed values are: "
        + "(\(allowed.map { "'\($0)'" }.joined(separator: ", "))). Received: "
        + "\(argument)=\(value.pythonStr)", argument: argument,
      hint: {
        if case .string(let s) = value {
          return nearest(s, in: allowed).map { "did you mean '\($0)'?" }
        }
        return nil
      }())
  }

  static func validateString(_ a: BoundArguments, _ key: String, _ allowed: [String])
    throws(LayerError)
  {
    try validateString(a[key], allowed, owner: a.layer, argument: key)
  }

  /// Keras's error for `sparse=True` off the TensorFlow backend.
  static func checkSparse(_ a: BoundArguments, _ key: String = "sparse") throws(LayerError) {
    if a[key].isTruthy {
      throw LayerError(
        "\(a.layer): `\(key)=True` can only be used with the TensorFlow backend.", argument: key,
        hint: "kshape follows Keras on the JAX backend")
    }
  }

  /// IndexLookup.__init__, in Keras's order of checks.
  init(_ s: LookupSettings, layer: String) throws(LayerError) {
    let maxTokens = s.maxTokens
    if maxTokens != .none,
      try Python.compare(maxTokens, "<=", .int(1), layer: layer, argument: "max_tokens")
    {
      throw LayerError(
        "\(layer): If set, `max_tokens` must be greater than 1. Received: "
          + "max_tokens=\(maxTokens.pythonStr)", argument: "max_tokens")
    }
    let pad = s.padToMaxTokens.isTruthy
    if pad && maxTokens == .none {
      throw LayerError(
        "\(layer): If pad_to_max_tokens is True, must set `max_tokens`. Received: "
          + "max_tokens=None", argument: "pad_to_max_tokens", hint: "give max_tokens=...")
    }
    if try Python.compare(
      s.numOOVIndices, "<", .int(0), layer: layer, argument: "num_oov_indices")
    {
      throw LayerError(
        "\(layer): `num_oov_indices` must be greater than or equal to 0. Received: "
          + "num_oov_indices=\(s.numOOVIndices.pythonStr)", argument: "num_oov_indices")
    }
    try Self.validateString(
      s.oovMethod, ["floormod", "farmhash"], owner: layer, argument: "oov_method")
    if s.salt != .none {
      if s.dtype == .int64 && s.oovMethod != .string("farmhash") {
        throw LayerError(
          "\(layer): `salt` can only be used when `oov_method='farmhash'`. Received: "
            + "oov_method=\(s.oovMethod.pythonStr)", argument: "salt")
      }
      if s.salt.pythonInt == nil && s.salt.items?.count != 2 {
        throw LayerError(
          "\(layer): The `salt` argument for `IndexLookup` can only be a tuple of 2 integers, "
            + "or a single integer. Received: salt=\(s.salt.pythonStr).", argument: "salt")
      }
    }
    var outputMode = s.outputMode
    if outputMode == .string("binary") { outputMode = .string("multi_hot") }
    if outputMode == .string("tf-idf") { outputMode = .string("tf_idf") }
    try Self.validateString(
      outputMode, ["int", "one_hot", "multi_hot", "count", "tf_idf"], owner: layer,
      argument: "output_mode")
    mode = outputMode.pythonStr
    if s.invert.isTruthy && mode != "int" {
      throw LayerError(
        "\(layer): `output_mode` must be `'int'` when `invert` is true. Received: "
          + "output_mode=\(mode)", argument: "invert")
    }
    if s.idfWeights != .none && mode != "tf_idf" {
      throw LayerError(
        "\(layer): `idf_weights` should only be set if `output_mode` is `'tf_idf'`. Received: "
          + "idf_weights=\(s.idfWeights.pythonStr) and output_mode=\(mode)",
        argument: "idf_weights")
    }
    if s.maskToken != .none {
      try s.dtype.convert(s.maskToken, layer: layer, argument: "mask_token")
    }
    if mode == "tf_idf" {
      if s.hasInputVocabulary && s.idfWeights == .none {
        throw LayerError(
          "\(layer): When specifying the `vocabulary` argument, in TF-IDF output mode, the "
            + "`idf_weights` argument must also be provided.", argument: "idf_weights")
      }
      if s.idfWeights != .none { try Self.checkFloats(s.idfWeights, layer) }
    }
    var frozen = s.vocabularySize
    if s.vocabulary != .none {
      let size = try Self.vocabularySize(s, mode: mode, layer: layer)
      if mode != "int" && !pad && frozen != .none && !Python.equal(frozen, .int(size)) {
        throw LayerError(
          "\(layer): When using `output_mode=\(mode)` and `pad_to_max_tokens=False`, the "
            + "vocabulary size cannot be changed after the layer is called. Old vocab size is "
            + "\(frozen.pythonStr), new vocab size is \(size)", argument: "vocabulary_size")
      }
      frozen = .int(size)
      if mode == "tf_idf" { try Self.checkIDF(s, layer: layer) }
    } else if s.invert.isTruthy {
      try s.dtype.convert(s.oovToken, layer: layer, argument: "oov_token")
    }
    depth = pad ? maxTokens : frozen
  }

  /// `tf.Variable(idf_weights, dtype=float32)`: numbers in a rectangular nest.
  static func checkFloats(_ idf: Value, _ layer: String) throws(LayerError) {
    _ = try Python.shape(idf, layer: layer, argument: "idf_weights")
    let leaves = Python.leaves(idf)
    if leaves.contains(where: { $0.number == nil }) {
      if leaves.contains(where: { $0.number != nil }) {
        throw LayerError(
          "\(layer): Can't convert Python sequence with mixed types to Tensor. Received: "
            + "idf_weights=\(idf.pythonRepr)", argument: "idf_weights",
          hint: "idf_weights is a list of numbers, one per token")
      }
      throw LayerError(
        "\(layer): Cannot convert \(idf.pythonRepr) to EagerTensor of dtype float",
        argument: "idf_weights", hint: "idf_weights is a list of numbers, one per token")
    }
  }

  /// set_vocabulary's checks on a literal vocabulary; the vocabulary size it records.
  static func vocabularySize(_ s: LookupSettings, mode: String, layer: String)
    throws(LayerError) -> Int
  {
    if mode == "tf_idf" && s.idfWeights == .none {
      throw LayerError(
        "\(layer): `idf_weights` must be set if output_mode is 'tf_idf'.", argument: "idf_weights")
    }
    let items: [Value]
    switch s.vocabulary {
    case .string(let path):
      throw LayerError(
        "\(layer): Vocabulary file \(path) does not exist.", argument: "vocabulary",
        hint: "kshape reads no files: give the vocabulary as a list, such as ['a', 'b']")
    case .list(let xs), .tuple(let xs): items = xs
    default:
      throw LayerError(
        "\(layer): '\(s.vocabulary.pythonTypeName)' object has no attribute 'size'",
        argument: "vocabulary", hint: "the vocabulary is a list of tokens")
    }
    if items.contains(where: { $0.items != nil }) {
      let shape = try Python.shape(s.vocabulary, layer: layer, argument: "vocabulary")
      if !shape.contains(0) {
        throw LayerError(
          "\(layer): unhashable type: 'numpy.ndarray' (the vocabulary is a list of lists)",
          argument: "vocabulary", hint: "the vocabulary is a flat list of tokens")
      }
    }
    let vocabulary = NumpyVector(items.filter { $0.items == nil })
    if vocabulary.count == 0 {
      throw LayerError(
        "\(layer): Cannot set an empty vocabulary. Received: vocabulary=[]",
        argument: "vocabulary")
    }
    let oovStart = s.maskToken != .none && mode == "int" ? 1 : 0
    guard let numOOV = s.numOOVIndices.pythonInt else {
      throw LayerError(
        "\(layer): can't multiply sequence by non-int of type "
          + "'\(s.numOOVIndices.pythonTypeName)'", argument: "num_oov_indices")
    }
    let (tokenStart, overflow) = oovStart.addingReportingOverflow(numOOV)
    if overflow { throw LayerError.overflow(layer) }
    let specials = { () -> [Value] in
      Array(repeating: s.maskToken, count: oovStart)
        + Array(repeating: s.oovToken, count: min(numOOV, vocabulary.count + 1))
    }
    var tokens = vocabulary
    if tokenStart <= vocabulary.count,
      NumpyVector(specials()).arrayEqual(NumpyVector(Array(vocabulary.items.prefix(tokenStart))))
    {
      tokens.items.removeFirst(tokenStart)
    }
    let repeated = tokens.repeated
    if !repeated.isEmpty {
      throw LayerError(
        "\(layer): The passed vocabulary has at least one repeated term. Please uniquify your "
          + "dataset. The repeated terms are: "
          + "[\(repeated.map(tokens.itemRepr).joined(separator: ", "))]", argument: "vocabulary")
    }
    let order = tokenStart <= 8 ? Value.list(specials()).pythonStr : "[mask, OOV tokens...]"
    for (key, token) in [("mask_token", s.maskToken), ("oov_token", s.oovToken)]
    where token != .none && (key == "mask_token" || s.invert.isTruthy) && tokens.contains(token) {
      throw LayerError(
        "\(layer): Found reserved \(key == "mask_token" ? "mask" : "OOV") token at unexpected "
          + "location in `vocabulary`. Note that passed `vocabulary` does not need to include "
          + "the OOV and mask tokens. Either remove all mask and OOV tokens, or include them only "
          + "at the start of the vocabulary in precisely this order: \(order). Received: "
          + "\(key)=\(token.pythonStr) at vocabulary index \(vocabulary.lastIndex(of: token))",
        argument: "vocabulary")
    }
    let size = tokenStart + tokens.count
    if s.maxTokens != .none,
      try Python.compare(.int(size), ">", s.maxTokens, layer: layer, argument: "max_tokens")
    {
      throw LayerError(
        "\(layer): Attempted to set a vocabulary larger than the maximum vocab size. Received "
          + "vocabulary size is \(size); `max_tokens` is \(s.maxTokens.pythonStr).",
        argument: "max_tokens",
        hint: "the size counts \(tokenStart) special token(s) (mask, OOV) besides the "
          + "\(tokens.count) given")
    }
    try s.dtype.checkTokens(tokens, offset: tokenStart, layer: layer)
    if s.invert.isTruthy { try s.dtype.convert(s.oovToken, layer: layer, argument: "oov_token") }
    return size
  }

  /// set_vocabulary's checks on idf_weights, once the vocabulary is set.
  static func checkIDF(_ s: LookupSettings, layer: String)
    throws(LayerError)
  {
    guard let idf = s.idfWeights.items else {
      throw LayerError(
        "\(layer): object of type '\(s.idfWeights.pythonTypeName)' has no len()",
        argument: "idf_weights")
    }
    let vocabularyCount = s.vocabulary.items?.count ?? 0
    if idf.count != vocabularyCount {
      throw LayerError(
        "\(layer): `idf_weights` must be the same length as vocabulary. len(idf_weights) is "
          + "\(idf.count); len(vocabulary) is \(vocabularyCount)", argument: "idf_weights",
        hint: "one weight per token of the vocabulary as given")
    }
    if try Python.shape(s.idfWeights, layer: layer, argument: "idf_weights").count != 1 {
      throw LayerError(
        "\(layer): TF-IDF data must be a 1-index array. Received: "
          + "type(idf_weights)=<class 'numpy.ndarray'>", argument: "idf_weights")
    }
    if s.padToMaxTokens.isTruthy, case .float = s.maxTokens {
      throw LayerError(
        "\(layer): `pad_width` must be of integral type (max_tokens=\(s.maxTokens.pythonStr))",
        argument: "max_tokens")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    return LayerOutput([try output(x.shape, c)])
  }

  /// IndexLookup's compute_output_spec on a shape.
  func output(_ shape: [Dim], _ c: LayerContext) throws(LayerError) -> TensorType {
    if mode == "int" { return TensorType(shape: shape, dtype: .int64) }
    var entries = shape.map(ShapeEntry.dim)
    if mode == "one_hot" {
      if shape.count > 1 && shape.last?.value == 1 { entries.removeLast() }
    } else if !entries.isEmpty {
      entries.removeLast()
    }
    return TensorType(shape: try standardizeShape(entries + [.value(depth)], c), dtype: .float32)
  }
}
