import ShapeCore

/// A cell written as an argument, with the context (name, dtype policy) it was made with.
struct CellArgument: Sendable {
  var cell: any RecurrentCell
  var context: LayerContext

  /// The cell a value stands for, or Keras's error for anything that is not an RNN cell.
  init(_ value: Value, layer: String, argument: String) throws(LayerError) {
    guard case .layer(let arg) = value else {
      throw LayerError(
        "\(layer): Argument `\(argument)` should have a `call` method. Received: "
          + "\(argument)=\(value.pythonRepr)", argument: argument,
        hint: "give a cell such as LSTMCell(8), or a list of cells")
    }
    let built = try Catalog.build(arg)
    guard let cell = built.layer as? any RecurrentCell else {
      throw LayerError(
        "\(layer): The RNN cell should have a `state_size` attribute (single integer or list "
          + "of integers, one integer per RNN state). Received: \(argument)="
          + "<\(arg.className) name=\(arg.name)>", argument: argument,
        hint: "RNN cells are SimpleRNNCell, LSTMCell, GRUCell and StackedRNNCells; "
          + "for a layer such as \(arg.className), use it directly")
    }
    self.cell = cell
    context = built.context
  }
}

/// StackedRNNCells: cells run one after the other within each step.
///
/// state_size = every cell's state sizes; output_size = the last cell's; cell i is built on
/// (batch, output size of cell i-1).
public struct StackedCells: RecurrentCell {
  var cells: [CellArgument]

  public static let signature = Signature([Parameter("cells")])

  public init(_ a: BoundArguments) throws(LayerError) {
    try self.init(cells: a["cells"], layer: a.layer, argument: "cells")
  }

  /// The stack of a list of cells (`RNN([LSTMCell(4), GRUCell(2)])` makes one).
  init(cells value: Value, layer: String, argument: String) throws(LayerError) {
    guard let items = value.items else {
      throw LayerError(
        "\(layer): `\(argument)` must be a list of RNN cells. Received: "
          + "\(argument)=\(value.pythonRepr) (it is not iterable)", argument: argument,
        hint: "write a list: StackedRNNCells([LSTMCell(8), LSTMCell(8)])")
    }
    var cells: [CellArgument] = []
    for item in items { cells.append(try CellArgument(item, layer: layer, argument: argument)) }
    self.cells = cells
  }

  var stateSize: StateSize { .list(cells.map(\.cell.stateSize)) }

  /// The last cell's size; an empty stack has none (Keras raises an IndexError).
  var outputSize: StateSize? {
    guard let last = cells.last else { return .list([]) }
    return last.cell.passedSize
  }

  func build(step: [Dim], _ c: LayerContext) throws(LayerError) -> [Weight] {
    var shape = step
    var weights: [Weight] = []
    for (i, cell) in cells.enumerated() {
      weights += try cell.cell.build(step: shape, c.inner(cell.context)).map {
        Weight("\(cell.context.name)/\($0.name)", dims: $0.shape, trainable: $0.trainable)
      }
      guard i + 1 < cells.count else { break }
      guard case .int(let out)? = cell.cell.passedSize else {
        throw LayerError(
          "\(c.name) (\(c.className)): cell \(cell.context.name) has no single output size to "
            + "build the next cell on")
      }
      shape = [shape.first ?? .unknown, .known(out)]
    }
    return weights
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let b = try CallBinding(input, parameters: ["inputs", "states", "training"], c)
    let main = try b.main
    guard let states = CellStates(b["states"]) else {
      throw LayerError(
        "\(c.name) (StackedRNNCells): missing a required argument: 'states'",
        hint: "write cells(x, [h1, h2]) with one state per cell")
    }
    let weights = try build(step: main.shape, c)
    let x = TensorType(shape: main.shape, dtype: c.autocast(main.dtype))
    return LayerOutput(try stepTensors(x, states, c), weights: weights)
  }

  func step(_ x: [Dim], _ states: CellStates, _ c: LayerContext) throws(LayerError) -> [[Dim]] {
    let t = TensorType(shape: x, dtype: c.policy.computeDType)
    return try stepTensors(t, states, c).map(\.shape)
  }

  /// `for cell, states in zip(self.cells, states)`: each cell gets its states as a list (a
  /// tensor is wrapped); the output of the last cell that ran (the input when none ran), then
  /// every new state.
  private func stepTensors(_ x: TensorType, _ states: CellStates, _ c: LayerContext)
    throws(LayerError) -> [TensorType]
  {
    let perCell: [[Dim]]
    switch states {
    case .list(let l): perCell = l
    case .single(let s):
      // Iterating a tensor yields its rows; Keras cannot iterate an unknown first axis.
      guard let n = s.first?.value else {
        throw LayerError(
          "\(c.name) (StackedRNNCells): states must be a list with one entry per cell; a tensor "
            + "of shape \(TensorType.tuple(s.map(\.kerasDescription))) cannot be iterated",
          hint: "write cells(x, [h1, h2])")
      }
      // zip stops at the shorter side: no more rows than cells are ever used.
      perCell = Array(repeating: Array(s.dropFirst()), count: min(n, cells.count))
    }
    var current = x
    var newStates: [TensorType] = []
    for (cell, state) in zip(cells, perCell) {
      let shapes = try cell.cell.step(current.shape, .list([state]), c.inner(cell.context))
      let dtype = cell.context.policy.computeDType
      guard let first = shapes.first else { break }
      current = TensorType(shape: first, dtype: dtype)
      newStates += shapes.dropFirst().map { TensorType(shape: $0, dtype: dtype) }
    }
    return [current] + newStates
  }
}
