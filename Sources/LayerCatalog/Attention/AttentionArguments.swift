import ShapeCore

/// What MultiHeadAttention and GroupQueryAttention share: the tail of their signatures, their
/// call signature, and Keras's checks on both.
enum AttentionArguments {
  /// The parameters after each layer's own: sliding_window ... seed, in Keras's order.
  static let common: [Parameter] =
    [
      Parameter("sliding_window", Value.none), Parameter("flash_attention", Value.none),
      Parameter("kernel_initializer", .string("glorot_uniform")),
      Parameter("bias_initializer", .string("zeros")),
    ]
    + [
      "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint",
      "bias_constraint",
    ].map { Parameter($0, Value.none) }
    + [Parameter("use_gate", .bool(false)), Parameter("seed", Value.none)]

  /// `call(query, value, key=None, query_mask=None, ..., use_causal_mask=False)`.
  static let callParameters = [
    "query", "value", "key", "query_mask", "value_mask", "key_mask", "attention_mask",
    "return_attention_scores", "training", "use_causal_mask",
  ]

  /// The constructor checks both layers end with: sliding_window, then flash attention with
  /// dropout (`flash_attention or is_flash_attention_enabled()`, which is None by default).
  static func validate(_ a: BoundArguments, before flash: () throws(LayerError) -> Void = {})
    throws(LayerError)
  {
    let window = a["sliding_window"]
    if window != .none, (window.pythonInt ?? 0) <= 0 {
      throw LayerError(
        "\(a.layer): `sliding_window` must be `None` or a positive integer. Received: "
          + "sliding_window=\(window.pythonRepr)", argument: "sliding_window")
    }
    try flash()
    guard a["flash_attention"].isTruthy else { return }
    guard let rate = a["dropout"].number else {
      throw LayerError(
        "\(a.layer): `dropout` must be a number. Received: dropout=\(a["dropout"].pythonRepr)",
        argument: "dropout")
    }
    if rate > 0 {
      throw LayerError(
        "\(a.layer): Dropout is not supported when flash attention is enabled. Please set "
          + "dropout to 0.0 to use flash attention.", argument: "dropout")
    }
  }

  /// The Dropout sublayer created at build: `0 <= rate <= 1`.
  static func checkDropoutRate(_ dropout: Value, _ c: LayerContext) throws(LayerError) {
    guard let rate = dropout.number, rate >= 0, rate <= 1 else {
      throw LayerError(
        "\(c.name) (\(c.className)): Invalid value received for argument `rate`. Expected a "
          + "float value between 0 and 1. Received: rate=\(dropout.pythonRepr)",
        argument: "dropout")
    }
  }

  /// Keras compares `value_shape[1:-1] != key_shape[1:-1]` as tuples: None equals only None,
  /// so a known length against an unknown one raises too.
  static func requireSameExceptLast(value: TensorType, key: TensorType, _ c: LayerContext)
    throws(LayerError)
  {
    func middle(_ t: TensorType) -> [Int?] { t.shape.dropFirst().dropLast().map(\.value) }
    let (v, k) = (middle(value), middle(key))
    guard v != k else { return }
    let hint: String
    if value.rank != key.rank {
      hint = "value has rank \(value.rank), key has rank \(key.rank)"
    } else if zip(v, k).contains(where: { ($0 == nil) != ($1 == nil) }) {
      hint = "Keras compares the sizes as written: a known size never equals None here"
    } else {
      hint = "give the key the value's sequence sizes"
    }
    throw LayerError(
      "\(c.name) (\(c.className)): All dimensions of `value` and `key`, except the last one, "
        + "must be equal. Received: value_shape=\(value.kerasShape) and "
        + "key_shape=\(key.kerasShape)", hint: hint)
  }
}
