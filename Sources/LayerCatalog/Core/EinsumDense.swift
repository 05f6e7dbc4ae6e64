import ShapeCore

/// EinsumDense: `einsum(equation, x, kernel) + bias`, every shape read from the equation.
///
/// output = (batch, *output_shape) plus the input dims under `...`; each kernel dim is the
/// output's size where the output names it (even a None there), else the input's;
/// params = prod(kernel) + prod(bias). `'ab,bc->ac'` with output_shape=units is a Dense.
public struct EinsumDense: Layer {
  /// The equation when it is a string; Keras only parses it when the layer is built.
  public var equationText: String?
  var equation: EinsumEquation?
  /// output_shape without the batch: None entries are unknown.
  public var partialOutput: [Dim]
  /// An output_shape entry that is neither an int nor None (Keras fails on it at call time).
  var invalidOutputEntry: Value?
  var biasAxes: [Character]?
  var invalidBiasAxes: Value?
  var loraRank: Value
  var kernelConstrained: Bool

  public static let signature = Signature(
    [
      Parameter("equation"), Parameter("output_shape"), Parameter("activation", Value.none),
      Parameter("bias_axes", Value.none),
      Parameter("kernel_initializer", .string("glorot_uniform")),
      Parameter("bias_initializer", .string("zeros")),
    ]
      + [
        "kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint",
        "lora_rank", "lora_alpha", "gptq_unpacked_column_size", "quantization_config",
      ].map { Parameter($0, Value.none) })

  public init(_ a: BoundArguments) throws(LayerError) {
    if case .string(let s) = a["equation"] {
      equationText = s
      equation = EinsumEquation(s)
    }
    // Keras: an int is (int,); anything else goes through tuple(), which a string survives
    // (as its characters) and None or a float does not.
    var entries: [Value]
    switch a["output_shape"] {
    case .int, .bool: entries = [a["output_shape"]]
    case .tuple(let v), .list(let v): entries = v
    case .string(let s): entries = s.map { .string(String($0)) }
    default:
      throw LayerError(
        "\(a.layer): `output_shape` must be an int or a tuple of ints and Nones. Received: "
          + "output_shape=\(a["output_shape"].pythonRepr)", argument: "output_shape",
        hint: "for example output_shape=64, or output_shape=(None, 64)")
    }
    partialOutput = entries.map { v in v.pythonInt.map(Dim.known) ?? .unknown }
    invalidOutputEntry = entries.first { $0 != .none && $0.pythonInt == nil }
    switch a["bias_axes"] {
    case .none: biasAxes = nil
    case .string(let s): biasAxes = Array(s)
    case .tuple(let v), .list(let v):
      // Keras iterates bias_axes, so a list of one-letter strings acts as the joined string.
      var chars: [Character] = []
      for item in v {
        guard case .string(let s) = item, s.count == 1, let ch = s.first else {
          invalidBiasAxes = a["bias_axes"]
          break
        }
        chars.append(ch)
      }
      biasAxes = chars
    default: invalidBiasAxes = a["bias_axes"]
    }
    loraRank = a["lora_rank"]
    kernelConstrained = a["kernel_constraint"] != .none
    try Activations.validate(a, "activation")
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let x = try c.single(input)
    guard let text = equationText, let eq = equation else {
      throw LayerError(
        "\(c.name): Invalid einsum equation \(equationText.map { "'\($0)'" } ?? "(not a string)"). "
          + "Equations must be in the form [X],[Y]->[Z], ...[X],[Y]->...[Z], or [X]...,[Y]->[Z]...",
        argument: "equation",
        hint: "for example 'ab,bc->ac' (a Dense on (batch, b)) or '...x,xy->...y' (the last axis)")
    }
    if let bad = invalidOutputEntry {
      throw LayerError(
        "\(c.name): every entry of `output_shape` must be an int or None. Received: "
          + "\(bad.pythonRepr) (\(bad.kindDescription))", argument: "output_shape")
    }
    if let bad = invalidBiasAxes {
      throw LayerError(
        "\(c.name): `bias_axes` must be a string of output axes. Received: "
          + "bias_axes=\(bad.pythonRepr)", argument: "bias_axes")
    }
    let shapes = try eq.analyze(
      input: x, partial: partialOutput, biasAxes: biasAxes, c, equation: text)
    let source =
      "input shape \(x.kerasShape) and output_shape "
      + TensorType.tuple(partialOutput.map(\.kerasDescription))
    var weights = [
      Weight(
        "kernel", dims: try c.weightShape(shapes.kernel, "kernel", input: x, source: source))
    ]
    if let b = shapes.bias {
      weights.append(
        Weight("bias", dims: try c.weightShape(b, "bias", input: x, source: source)))
    }
    let adapters = try lora(kernel: weights[0].shape, c)
    if !adapters.isEmpty { weights[0].trainable = false }
    weights += adapters
    if let bad = shapes.output.first(where: { ($0.value ?? 0) < 0 }) {
      throw LayerError(
        "\(c.name): the output shape "
          + "\(TensorType.tuple(shapes.output.map(\.kerasDescription))) has a negative dimension "
          + "\(bad.kerasDescription). Received: output_shape="
          + TensorType.tuple(partialOutput.map(\.kerasDescription)), argument: "output_shape")
    }
    return LayerOutput(
      [TensorType(shape: shapes.output, dtype: c.policy.computeDType)], weights: weights)
  }

  /// LoRA (`lora_rank` truthy): the kernel freezes; kernel[:-1]+(r,) and (r, kernel[-1]) train.
  func lora(kernel: [Dim], _ c: LayerContext) throws(LayerError) -> [Weight] {
    guard let last = kernel.last,
      let r = try LoRA.rank(loraRank, constrained: kernelConstrained, weight: "kernel", c.name)
    else { return [] }
    return [
      Weight("lora_kernel_a", dims: kernel.dropLast() + [.known(r)]),
      Weight("lora_kernel_b", dims: [.known(r), last]),
    ]
  }
}
