import ShapeCore

// Recurrent layers: one step's count times the time steps (axis 1). A step multiplies the
// input by the kernel and the state by the recurrent kernel for every gate; the other FLOPs per
// unit are in `GatedCell.stepOther`.

extension GatedCell {
  /// One step on a (batch, features) input: (features + units) * gates * units MACs per sample.
  func stepCount(batch: Dim, features: Dim) throws(ArithmeticOverflow) -> Count {
    let width = kind.gates * units
    let macs = try batch * (try features * width + .known(units * width))
    return Count(macs: macs, other: try batch * stepOther)
  }

  /// Per sample and step: for each gate value, the add of its two products, its bias (two in a
  /// GRU with reset_after) and its activation; then SimpleRNN nothing more, LSTM 5 per unit
  /// (f*c, i*g, their sum, tanh(c), o*tanh(c)), GRU 5 per unit (r*(h U), 1-z, z*h, (1-z)*h~, sum).
  var stepOther: Int {
    let biases = useBias ? (kind == .gru && resetAfter ? 2 : 1) : 0
    let perGate = kind.gates * units * (2 + biases)
    return perGate + (kind == .simple ? 0 : 5 * units)
  }
}

extension RNNLayer: Costed {
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let x = input.tensors.first, x.rank == 3 else { return nil }
    let cells: [CellArgument]
    if let stack = cell.cell as? StackedCells { cells = stack.cells } else { cells = [cell] }
    var features = x.shape[2]
    var step = Count.zero
    for item in cells {
      guard let gated = item.cell as? GatedCell else { return nil }
      step = try step + gated.stepCount(batch: x.shape[0], features: features)
      features = .known(gated.units)
    }
    return try step.times(x.shape[1])
  }
}

extension ConvLSTM: Costed {
  /// Per step: the input convolution positions * prod(k) * C_in * 4F and the recurrent one
  /// ('same', stride 1, on the F-channel state) positions * prod(k) * F * 4F, where positions =
  /// batch * the output's spatial size; the gates' other FLOPs as an LSTM's per position.
  func count(_ input: LayerInput, outputs: [TensorType], _ c: LayerContext)
    throws(ArithmeticOverflow) -> Count?
  {
    guard let x = input.tensors.first, let y = outputs.first, x.rank == rank + 3 else {
      return nil
    }
    let step = [x.shape[0]] + x.shape.dropFirst(2)
    let channels = dataFormat.split(step).channels
    let state = recurrence.returnSequences ? [y.shape[0]] + y.shape.dropFirst(2) : y.shape
    let (batch, spatial, _) = dataFormat.split(Array(state))
    let positions = try Dim.product([batch] + spatial)
    let window = try Elements.product(kernelSize)
    let width = filters * 4
    let macs = try positions * window * (try channels * width + .known(filters * width))
    let perPosition = width * (useBias ? 3 : 2) + 5 * filters
    return try Count(macs: macs, other: try positions * perPosition).times(x.shape[1])
  }
}
