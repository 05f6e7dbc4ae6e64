/// Keras's LoRA (`lora_rank`): when truthy, `build` freezes the main weight and adds two trainable
/// low-rank factors. Dense, EinsumDense and Embedding check it the same way.
enum LoRA {
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
