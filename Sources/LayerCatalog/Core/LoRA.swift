/// Keras's LoRA (`lora_rank`): when truthy, `build` freezes the main weight and adds two trainable
/// low-rank factors. Dense, EinsumDense and Embedding check it the same way.
enum LoRA {
  /// A `lora_rank` that turns LoRA on, kept out of line by the layers that are usually made
  /// without it.
  final class Setting: Sendable {
    let value: Value
    private init(_ value: Value) { self.value = value }

    /// nil for a value that leaves LoRA off (`rank` reads it as off too). Checked before the
    /// object is made: a failable class initializer allocates before it can fail.
    static func of(_ value: Value) -> Setting? { value.isTruthy ? Setting(value) : nil }
  }

  /// The rank when LoRA is on, nil when off; Keras's errors for a constrained weight or a bad rank.
  static func rank(
    _ value: Value, constrained: Bool, weight: String, _ layer: String
  ) throws(LayerError) -> Int? {
    guard value.isTruthy else { return nil }
    if constrained {
      throw LayerError(
        "\(layer): Lora is incompatible with \(weight) constraints. Received: lora_rank="
          + "\(value.pythonRepr) with a \(weight)_constraint", argument: "lora_rank",
        hint: "remove the `\(weight)_constraint` argument")
    }
    guard let r = value.pythonInt, r >= 0 else {
      throw LayerError(
        "\(layer): `lora_rank` must be a non-negative int. Received: lora_rank="
          + value.pythonRepr, argument: "lora_rank")
    }
    return r
  }
}
