import ShapeCore

/// The switches every Keras RNN layer has.
public struct Recurrence: Hashable, Sendable {
  public var returnSequences: Bool
  public var returnState: Bool
  public var goBackwards: Bool
  public var stateful: Bool

  init(_ a: BoundArguments) throws(LayerError) {
    returnSequences = try a.bool("return_sequences")
    returnState = try a.bool("return_state")
    goBackwards = try a.bool("go_backwards")
    stateful = try a.bool("stateful")
  }

  /// `stateful=True` keeps one state per sample, so the batch size must be known at build.
  func requireStaticBatch(_ sequences: [Dim], _ c: LayerContext) throws(LayerError) {
    guard stateful, sequences.first?.isKnown != true else { return }
    throw LayerError(
      "\(c.name): When using `stateful=True` in a RNN, the batch size must be static. Found "
        + "dynamic batch size: sequence.shape=\(TensorType.tuple(sequences.map(\.kerasDescription)))",
      argument: "stateful", hint: "give the input a batch size: Input(..., batch_size=32)")
  }
}

/// A layer whose Keras `compute_output_shape` and `build` are what a wrapper calls: these skip
/// the InputSpec check that the layer's own `__call__` makes (TimeDistributed(LSTM(8)) accepts a
/// 4-D step).
protocol ShapeRule: Layer {
  /// The outputs and weights for an input, without the InputSpec check.
  func outputShapes(_ x: TensorType, _ c: LayerContext) throws(LayerError) -> LayerOutput
}

/// A recurrent layer (RNN, SimpleRNN, LSTM, GRU, ConvLSTM): what Bidirectional copies and checks.
protocol SequenceLayer: ShapeRule {
  var recurrence: Recurrence { get set }
  /// The rank of Keras's InputSpec (3 for LSTM); nil when RNN(cell) has none.
  var inputRank: Int? { get }
}

extension SequenceLayer {
  /// `layer(sequences, initial_state=None, mask=None, training=False)`: the initial states and
  /// mask change no shape (Keras does not look at them when it infers shapes).
  func sequenceCall(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let b = try CallBinding(
      input, parameters: ["sequences", "initial_state", "mask", "training"], c)
    let main = try b.main
    if let r = inputRank { try c.requireRank(main, exactly: r) }
    return try outputShapes(main, c)
  }
}

/// RNN(cell) and its subclasses SimpleRNN, LSTM and GRU: a cell stepped along axis 1.
///
/// (batch, T, features) -> (batch, output_size), or (batch, T, output_size) with
/// return_sequences; return_state adds one (batch, size) tensor per state.
public struct RNNLayer: SequenceLayer {
  var cell: CellArgument
  var recurrence: Recurrence
  var inputRank: Int?

  /// SimpleRNN, LSTM or GRU: a layer that makes its own cell from its arguments.
  public init(_ kind: GatedCell.Kind, _ a: BoundArguments) throws(LayerError) {
    let gated = try GatedCell(kind, a)
    if kind != .simple {
      switch a["use_cudnn"] {
      case .string("auto"), .bool, .int(0), .int(1): break
      default:
        throw LayerError(
          "\(a.layer): Invalid valid received for argument `use_cudnn`. Expected one of "
            + "{'auto', True, False}. Received: use_cudnn=\(a["use_cudnn"].pythonRepr)",
          argument: "use_cudnn")
      }
    }
    let cellName = ["SimpleRNN": "simple_rnn_cell", "LSTM": "lstm_cell", "GRU": "gru_cell"]
    cell = CellArgument(
      cell: gated,
      context: LayerContext(
        className: a.layer + "Cell", name: cellName[a.layer] ?? "cell",
        policy: try DTypePolicy.of(a)))
    recurrence = try Recurrence(a)
    _ = try a.bool("unroll")
    inputRank = 3
  }

  /// RNN(cell) or RNN([cells]).
  public init(rnn a: BoundArguments) throws(LayerError) {
    switch a["cell"] {
    case .list, .tuple:
      let stack = try StackedCells(cells: a["cell"], layer: a.layer, argument: "cell")
      cell = CellArgument(
        cell: stack,
        context: LayerContext(className: "StackedRNNCells", name: "stacked_rnn_cells"))
    default:
      cell = try CellArgument(a["cell"], layer: a.layer, argument: "cell")
    }
    recurrence = try Recurrence(a)
    _ = try a.bool("unroll")
    _ = try a.bool("zero_output_for_mask")
    inputRank = nil
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    try sequenceCall(input, c)
  }

  /// build: the cell on a step (batch, features...); then compute_output_shape.
  func outputShapes(_ x: TensorType, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    guard x.rank >= 2 else {
      throw LayerError(
        "\(c.name) (\(c.className)): the input must be a sequence (batch, timesteps, ...). "
          + "Received input shape \(x.kerasShape)")
    }
    let batch = x.shape[0]
    let weights = try cell.cell.build(step: [batch] + x.shape.dropFirst(2), c.inner(cell.context))
    try recurrence.requireStaticBatch(x.shape, c)
    var states: [[Dim]] = []
    for size in cell.cell.stateSize.asList {
      for s in size.asList {
        guard case .int(let n) = s else {
          throw LayerError("\(c.name) (\(c.className)): a state size must be an integer")
        }
        states.append([batch, .known(n)])
      }
    }
    guard case .int(let outputSize)? = cell.cell.outputSize ?? cell.cell.stateSize.asList.first
    else {
      throw LayerError(
        "\(c.name) (\(c.className)): output_size must be an integer.",
        hint: "a stack of cells needs at least one cell")
    }
    let output: [Dim] =
      recurrence.returnSequences
      ? [batch, x.shape[1], .known(outputSize)] : [batch, .known(outputSize)]
    let shapes = [output] + (recurrence.returnState ? states : [])
    return LayerOutput(
      shapes.map { TensorType(shape: $0, dtype: c.policy.computeDType) }, weights: weights)
  }
}

extension CellArgument {
  init(cell: any RecurrentCell, context: LayerContext) {
    self.cell = cell
    self.context = context
  }
}

/// An RNN layer given as the cell of another RNN (`RNN(LSTM(3))`): Keras accepts it, since it
/// has `call` and `state_size`, and builds it on the step shape as if that were a sequence.
extension RNNLayer: RecurrentCell {
  var stateSize: StateSize { .list(cell.cell.stateSize.asList) }
  /// RNN layers have no `output_size`: the outer RNN falls back to `state_size[0]`.
  var outputSize: StateSize? { nil }

  func build(step: [Dim], _ c: LayerContext) throws(LayerError) -> [Weight] {
    let weights = try cell.cell.build(
      step: (step.first.map { [$0] } ?? []) + step.dropFirst(2), c.inner(cell.context))
    try recurrence.requireStaticBatch(step, c)
    return weights
  }

  func step(_ x: [Dim], _ states: CellStates, _ c: LayerContext) throws(LayerError) -> [[Dim]] {
    throw LayerError(
      "\(c.name) (\(c.className)) is a layer, not a cell: it cannot be stepped inside "
        + "StackedRNNCells", hint: "use \(c.className)Cell(...) in the stack")
  }
}
