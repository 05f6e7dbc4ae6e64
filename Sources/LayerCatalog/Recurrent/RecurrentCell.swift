import ShapeCore

/// Keras's `state_size`: one int, or a list (LSTM: [units, units]; stacked cells: one per cell).
public indirect enum StateSize: Hashable, Sendable {
  case int(Int)
  case list([StateSize])

  /// The state sizes as `RNN.__init__` keeps them: an int becomes a list of one.
  var asList: [StateSize] {
    switch self {
    case .int: return [self]
    case .list(let items): return items
    }
  }

  /// `state_size[0]` when it is a list, else the int: a cell's output size when it has none.
  var first: StateSize? {
    switch self {
    case .int: return self
    case .list(let items): return items.first
    }
  }
}

/// The states a cell is called with: one tensor, or a list (`cell(x, [h, c])`).
enum CellStates {
  case single([Dim])
  case list([[Dim]])

  init?(_ value: CallValue?) {
    switch value {
    case .tensor(let t)?: self = .single(t.shape)
    case .tensors(let ts)?: self = .list(ts.map(\.shape))
    default: return nil
    }
  }

  /// `states[i]`: an item of the list, or a slice of the one tensor along its first axis.
  func item(_ i: Int, _ t: Traced) throws(LayerError) -> [Dim] {
    switch self {
    case .single(let s): return try t.index(s)
    case .list(let l) where i < l.count: return l[i]
    case .list(let l):
      throw LayerError(
        "\(t.c.name) (\(t.c.className)): the cell reads state \(i) but was given \(l.count) "
          + "state\(l.count == 1 ? "" : "s") (list index out of range)",
        hint: t.c.className.hasPrefix("LSTM") ? "an LSTM cell takes [h, c]" : nil)
    }
  }

  /// `states[0] if tree.is_nested(states) else states`.
  func first(_ t: Traced) throws(LayerError) -> [Dim] {
    if case .single(let s) = self { return s }
    return try item(0, t)
  }
}

/// A layer an RNN can step through time: SimpleRNNCell, LSTMCell, GRUCell, StackedRNNCells.
protocol RecurrentCell: Layer {
  var stateSize: StateSize { get }
  /// Keras's `output_size`; nil where the cell has none.
  var outputSize: StateSize? { get }
  /// The weights `build(step_input_shape)` creates for a step of this shape.
  func build(step: [Dim], _ c: LayerContext) throws(LayerError) -> [Weight]
  /// One traced step `cell(x, states)`: the output and the new states, flattened.
  func step(_ x: [Dim], _ states: CellStates, _ c: LayerContext) throws(LayerError) -> [[Dim]]
}

extension RecurrentCell {
  /// The size of what this cell passes on: `output_size`, else `state_size[0]`.
  var passedSize: StateSize? { outputSize ?? stateSize.first }
}

/// SimpleRNNCell, LSTMCell and GRUCell: one or more gates, each a kernel and a recurrent kernel.
///
/// params: SimpleRNN C*U + U*U + U; LSTM 4*(C*U + U*U + U); GRU 3*(C*U + U*U + U), plus 3*U
/// when reset_after (two biases).
public struct GatedCell: RecurrentCell {
  /// Which cell: its gates share one kernel of width gates * units.
  public enum Kind: Sendable {
    case simple, lstm, gru

    var gates: Int {
      switch self {
      case .simple: return 1
      case .lstm: return 4
      case .gru: return 3
      }
    }
  }

  public var kind: Kind
  public var units: Int
  public var useBias: Bool
  public var resetAfter: Bool
  /// Keras's `implementation`: 2 (one fused matmul) unless recurrent_dropout is nonzero.
  public var fused: Bool

  /// Reads the cell's arguments (shared by the cell classes and the layers that make one).
  public init(_ kind: Kind, _ a: BoundArguments) throws(LayerError) {
    self.kind = kind
    units = try a.int("units")
    if units <= 0 {
      throw LayerError(
        "\(a.layer): Received an invalid value for argument `units`, expected a positive "
          + "integer, got \(units).", argument: "units")
    }
    useBias = try a.bool("use_bias")
    resetAfter = kind == .gru ? try a.bool("reset_after") : false
    try Activations.validate(a, "activation")
    if kind != .simple { try Activations.validate(a, "recurrent_activation") }
    _ = try a.double("dropout")
    // Keras clamps both rates to [0, 1] rather than refusing them.
    fused = min(1, max(0, try a.double("recurrent_dropout"))) == 0
  }

  var stateSize: StateSize { kind == .lstm ? .list([.int(units), .int(units)]) : .int(units) }
  var outputSize: StateSize? { .int(units) }

  func build(step: [Dim], _ c: LayerContext) throws(LayerError) -> [Weight] {
    let inputDim = try c.weightDim(
      TensorType(shape: step, dtype: c.policy.computeDType), axis: step.count - 1,
      what: "the feature dimension of an RNN step")
    let width = try checked(c.name) { () throws(ArithmeticOverflow) in
      try Checked.mul(units, kind.gates)
    }
    var weights = [
      Weight("kernel", dims: [inputDim, .known(width)]),
      Weight("recurrent_kernel", [units, width]),
    ]
    if useBias {
      weights.append(Weight("bias", kind == .gru && resetAfter ? [2, width] : [width]))
    }
    return weights
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let first = kind == .simple ? "sequence" : "inputs"
    let b = try CallBinding(input, parameters: [first, "states", "training"], c)
    let main = try b.main
    guard let states = CellStates(b["states"]) else {
      throw LayerError(
        "\(c.name) (\(c.className)): a cell is called on a step and its states: missing a "
          + "required argument: 'states'",
        hint: kind == .lstm ? "write cell(x, [h, c])" : "write cell(x, [h])")
    }
    let weights = try build(step: main.shape, c)
    let shapes = try step(main.shape, states, c)
    return LayerOutput(
      shapes.map { TensorType(shape: $0, dtype: c.policy.computeDType) }, weights: weights)
  }

  /// The shapes of one step of `call()`, op by op (see each cell's `call` in Keras).
  func step(_ x: [Dim], _ states: CellStates, _ c: LayerContext) throws(LayerError) -> [[Dim]] {
    let t = Traced(c: c)
    let inputDim = try c.weightDim(
      TensorType(shape: x, dtype: c.policy.computeDType), axis: x.count - 1,
      what: "the feature dimension of an RNN step")
    let u = units
    // Widths of 2, 3 and 4 gates; build() has already checked that gates * units fits.
    let (u2, u3, u4) = try checked(c.name) { () throws(ArithmeticOverflow) in
      (try Checked.mul(u, 2), try Checked.mul(u, 3), try Checked.mul(u, 4))
    }
    switch kind {
    case .simple:
      let prev = try states.first(t)
      let out = try t.broadcast(
        try t.matmul(x, rows: inputDim, cols: u, "the step input"),
        try t.matmul(prev, rows: u, cols: u, "the state"))
      return [out, out]
    case .lstm:
      let h = try states.item(0, t)
      let cPrev = try states.item(1, t)
      let gate: [Dim]
      if fused {
        let z = try t.broadcast(
          try t.matmul(x, rows: inputDim, cols: u4, "the step input"),
          try t.matmul(h, rows: u, cols: u4, "the state h"))
        gate = try t.split(z, parts: 4, axis: 1)
      } else {
        gate = try t.broadcast(
          try t.matmul(x, rows: inputDim, cols: u, "the step input"),
          try t.matmul(h, rows: u, cols: u, "the state h"))
      }
      let cNew = try t.broadcast(try t.broadcast(gate, cPrev), gate)
      let hNew = try t.broadcast(gate, cNew)
      return [hNew, hNew, cNew]
    case .gru:
      let h = try states.first(t)
      let xz: [Dim]
      let z: [Dim]
      let r: [Dim]
      var recurrentH: [Dim]?
      if fused {
        xz = try t.matmul(x, rows: inputDim, cols: u, "the step input")
        let inner = try t.matmul(h, rows: u, cols: resetAfter ? u3 : u2, "the state h")
        z = try t.broadcast(xz, try t.sliceAxis1(inner, 0, u))
        r = try t.broadcast(xz, try t.sliceAxis1(inner, u, u2))
        if resetAfter { recurrentH = try t.broadcast(r, try t.sliceAxis1(inner, u2, nil)) }
      } else {
        xz = try t.matmul(x, rows: inputDim, cols: u, "the step input")
        z = try t.broadcast(xz, try t.matmul(h, rows: u, cols: u, "the state h"))
        r = z
        if resetAfter {
          recurrentH = try t.broadcast(r, try t.matmul(h, rows: u, cols: u, "the state h"))
        }
      }
      var rh: [Dim]
      if let recurrentH {
        rh = recurrentH
      } else {
        rh = try t.matmul(try t.broadcast(r, h), rows: u, cols: u, "r * h")
      }
      let hh = try t.broadcast(xz, rh)
      let hNew = try t.broadcast(try t.broadcast(z, h), try t.broadcast(z, hh))
      return [hNew, hNew]
    }
  }
}
