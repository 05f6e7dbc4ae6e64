import ShapeCore

/// ConvLSTM1D/2D/3D: an LSTM whose gates are convolutions over each step's spatial dims.
///
/// (batch, T, spatial..., C) -> (batch, out..., filters) per step with out as Conv's
/// ('valid': floor((in - d*(k-1) - 1)/s) + 1; 'same': ceil(in/s)); return_sequences keeps T.
/// params = prod(k)*C*4*filters + prod(k)*filters*4*filters + 4*filters (bias).
/// The spatial dims must be known: Keras builds the zero state from them.
public struct ConvLSTM: SequenceLayer {
  public var rank: Int
  public var filters: Int
  public var kernelSize: [Int]
  public var strides: [Int]
  public var padding: Padding
  public var dataFormat: DataFormat
  public var dilationRate: [Int]
  public var useBias: Bool
  var recurrence: Recurrence
  var inputRank: Int? { rank + 3 }

  public init(rank: Int, _ a: BoundArguments) throws(LayerError) {
    self.rank = rank
    filters = try a.int("filters")
    kernelSize = try a.positiveInts("kernel_size", rank: rank)
    strides = try a.positiveInts("strides", rank: rank, allowZero: true)
    padding = Padding(rawValue: try a.choice("padding", ["valid", "same"])) ?? .valid
    dataFormat = try DataFormat(a)
    dilationRate = try a.positiveInts("dilation_rate", rank: rank)
    if strides.max() ?? 1 > 1 && dilationRate.max() ?? 1 > 1 {
      throw LayerError(
        "\(a.layer): Specifying `strides > 1` is not compatible with `dilation_rate > 1`. "
          + "Please provide `strides=1` or `dilation_rate=1`. Received: strides="
          + "\(TensorType.tuple(strides.map(String.init))) and dilation_rate="
          + "\(TensorType.tuple(dilationRate.map(String.init)))", argument: "dilation_rate")
    }
    try Activations.validate(a, "activation")
    try Activations.validate(a, "recurrent_activation")
    useBias = try a.bool("use_bias")
    _ = try a.double("dropout")
    _ = try a.double("recurrent_dropout")
    recurrence = try Recurrence(a)
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    try sequenceCall(input, c)
  }

  func outputShapes(_ x: TensorType, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    guard x.rank == rank + 3 else {
      throw LayerError(
        "\(c.name): Kernel shape must have the same length as input: a ConvLSTM\(rank)D step has "
          + "\(rank + 2) dims, but the input shape \(x.kerasShape) gives steps of \(x.rank - 1)")
    }
    let step = [x.shape[0]] + x.shape.dropFirst(2)
    let (batch, spatial, channels) = dataFormat.split(step)
    // Keras builds the zero state from the spatial dims; a deferring session keeps their
    // formulas and checks them when a size is applied.
    if let i = spatial.firstIndex(where: { !$0.isKnown }),
      !(c.defersWeights && spatial.allSatisfy { $0.formulaText != nil })
    {
      throw LayerError(
        "\(c.name): ConvLSTM layers only support static input shapes for the spatial "
          + "dimensions, but axis \(dataFormat == .channelsFirst ? i + 3 : i + 2) of input shape "
          + "\(x.kerasShape) is None",
        hint: (x.hasFormulas ? "it is \(x.formulaShape) here; apply a concrete size or " : "")
          + "declare the input with fixed spatial dims (the time axis may stay None)")
    }
    let cIn = try c.weightDim(
      x, axis: dataFormat == .channelsLast ? x.rank - 1 : 2, what: "the channel dimension")
    if filters < 0 {
      throw LayerError(
        "\(c.name): filters=\(filters) gives a kernel with a negative dimension",
        argument: "filters")
    }
    let (width, kernel, recurrent) = try checked(c.name) {
      () throws(ArithmeticOverflow) -> (Int, [Dim], [Int]) in
      let w = try Checked.mul(filters, 4)
      return (w, kernelSize.map(Dim.known) + [cIn, .known(w)], kernelSize + [filters, w])
    }
    var weights = [Weight("kernel", dims: kernel), Weight("recurrent_kernel", recurrent)]
    if useBias { weights.append(Weight("bias", [width])) }
    try recurrence.requireStaticBatch(x.shape, c)
    if strides.contains(0) {
      throw LayerError(
        "\(c.name): strides=\(TensorType.tuple(strides.map(String.init))) contains 0: the output "
          + "size divides by it (Keras: cannot convert float infinity to integer)",
        argument: "strides")
    }
    let out = try Windows.outputs(
      spatial, windows: kernelSize, strides: strides, dilations: dilationRate, padding: padding,
      context: c, input: x)
    let state = dataFormat.join(batch: batch, spatial: out, channels: .known(filters))
    let output = recurrence.returnSequences ? [batch, x.shape[1]] + state.dropFirst() : state
    let shapes = [output] + (recurrence.returnState ? [state, state] : [])
    return LayerOutput(
      shapes.map { TensorType(shape: $0, dtype: c.policy.computeDType) }, weights: weights)
  }
}
