import ShapeCore

// The recurrent family: cells, RNN layers, ConvLSTM, and the Bidirectional/TimeDistributed
// wrappers. Signatures are Keras's own, pieced together in Keras's order.

/// Pieces of the recurrent signatures.
private enum RecurrentSignature {
  static func none(_ names: String...) -> [Parameter] { names.map { Parameter($0, Value.none) } }

  static let initializers = [
    Parameter("kernel_initializer", .string("glorot_uniform")),
    Parameter("recurrent_initializer", .string("orthogonal")),
    Parameter("bias_initializer", .string("zeros")),
  ]
  static let regularizers = none("kernel_regularizer", "recurrent_regularizer", "bias_regularizer")
  static let constraints = none("kernel_constraint", "recurrent_constraint", "bias_constraint")
  static let dropouts = [
    Parameter("dropout", .float(0)), Parameter("recurrent_dropout", .float(0)),
  ]
  static let switches = [
    Parameter("return_sequences", .bool(false)), Parameter("return_state", .bool(false)),
    Parameter("go_backwards", .bool(false)), Parameter("stateful", .bool(false)),
  ]
  static let unroll = Parameter("unroll", .bool(false))
  static let seed = Parameter("seed", Value.none)
  static let useCudnn = Parameter("use_cudnn", .string("auto"))
  static let resetAfter = Parameter("reset_after", .bool(true))
  static let unitForgetBias = Parameter("unit_forget_bias", .bool(true))

  /// units, activation[, recurrent_activation], use_bias, initializers[, unit_forget_bias].
  static func head(recurrentActivation: Bool, unitForgetBias forget: Bool) -> [Parameter] {
    [Parameter("units"), Parameter("activation", .string("tanh"))]
      + (recurrentActivation ? [Parameter("recurrent_activation", .string("sigmoid"))] : [])
      + [Parameter("use_bias", .bool(true))] + initializers + (forget ? [unitForgetBias] : [])
  }

  static func cell(_ kind: GatedCell.Kind) -> Signature {
    let head = head(recurrentActivation: kind != .simple, unitForgetBias: kind == .lstm)
    let tail = kind == .gru ? [resetAfter, seed] : [seed]
    return Signature(head + regularizers + constraints + dropouts + tail)
  }

  static func layer(_ kind: GatedCell.Kind) -> Signature {
    let head = head(recurrentActivation: kind != .simple, unitForgetBias: kind == .lstm)
    let regs = regularizers + none("activity_regularizer") + constraints + dropouts
    // Passed on through **kwargs: RNN's zero_output_for_mask (saved configs carry it), and the
    // cells' implementation for LSTM and GRU.
    let zero = Parameter("zero_output_for_mask", .bool(false))
    let implementation = Parameter("implementation", .int(2))
    switch kind {
    case .simple: return Signature(head + regs + switches + [unroll, seed], extraKeywords: [zero])
    case .lstm:
      return Signature(
        head + regs + [seed] + switches + [unroll, useCudnn], extraKeywords: [zero, implementation])
    case .gru:
      return Signature(
        head + regs + [seed] + switches + [unroll, resetAfter, useCudnn],
        extraKeywords: [zero, implementation])
    }
  }

  static func convLSTM(rank: Int) -> Signature {
    let one: Value = .int(1)
    return Signature(
      [
        Parameter("filters"), Parameter("kernel_size"), Parameter("strides", one),
        Parameter("padding", .string("valid")), Parameter("data_format", Value.none),
        Parameter("dilation_rate", one), Parameter("activation", .string("tanh")),
        Parameter("recurrent_activation", .string("sigmoid")), Parameter("use_bias", .bool(true)),
      ] + initializers + [unitForgetBias] + regularizers + none("activity_regularizer")
        + constraints + dropouts + [seed] + switches,
      // ConvLSTM hands its **kwargs to RNN, whose get_config writes both (unused for shapes:
      // RNN's compute_output_shape does not look at them).
      extraKeywords: [unroll, Parameter("zero_output_for_mask", .bool(false))])
  }

  static let rnn = Signature(
    [Parameter("cell")] + switches + [unroll, Parameter("zero_output_for_mask", .bool(false))])
}

extension Catalog {
  static let recurrent: [LayerEntry] = rnnLayers + rnnCells + convLSTM + wrappers

  private static let kinds: [(GatedCell.Kind, String, String)] = [
    (.simple, "SimpleRNN", "C*units + units^2 + units"),
    (.lstm, "LSTM", "4*(C*units + units^2 + units)"),
    (.gru, "GRU", "3*(C*units + units^2 + units), + 3*units if reset_after"),
  ]

  private static let rnnLayers: [LayerEntry] =
    kinds.map { kind, name, params in
      let states = kind == .lstm ? "h and c" : "the state h"
      return LayerEntry(
        className: name, aliases: [], family: "Recurrent",
        signature: RecurrentSignature.layer(kind),
        rule: "(batch, T, C) -> (batch, units); return_sequences: (batch, T, units); "
          + "return_state adds \(states), each (batch, units); params = \(params)",
        example: "\(name)(64, return_sequences=True)",
        make: { a throws(LayerError) in try RNNLayer(kind, a) })
    } + [
      LayerEntry(
        className: "RNN", aliases: [], family: "Recurrent", signature: RecurrentSignature.rnn,
        rule: "(batch, T, ...) -> (batch, output_size) or (batch, T, output_size); "
          + "a list of cells is stacked; return_state adds every cell's states",
        example: "RNN([LSTMCell(32), GRUCell(16)], return_sequences=True)",
        make: { a throws(LayerError) in try RNNLayer(rnn: a) })
    ]

  private static let rnnCells: [LayerEntry] =
    kinds.map { kind, name, params in
      LayerEntry(
        className: name + "Cell", aliases: [], family: "Recurrent",
        signature: RecurrentSignature.cell(kind),
        rule: "one step: cell(x (batch, C), states) -> output (batch, units) and the new "
          + "states; used inside RNN(...); params = \(params)",
        example: "RNN(\(name)Cell(32))",
        make: { a throws(LayerError) in try GatedCell(kind, a) })
    } + [
      LayerEntry(
        className: "StackedRNNCells", aliases: [], family: "Recurrent",
        signature: StackedCells.signature,
        rule: "cells run in turn each step; output size of the last cell; states of every cell",
        example: "RNN(StackedRNNCells([LSTMCell(32), LSTMCell(16)]))",
        make: { a throws(LayerError) in try StackedCells(a) })
    ]

  private static let convLSTM: [LayerEntry] = (1...3).map { r in
    LayerEntry(
      className: "ConvLSTM\(r)D", aliases: [], family: "Recurrent",
      signature: RecurrentSignature.convLSTM(rank: r),
      rule: "(batch, T, spatial..., C) -> (batch, out..., filters) with conv arithmetic per "
        + "step; spatial dims must be known; params = prod(k)*(C + filters)*4*filters + "
        + "4*filters",
      example: "ConvLSTM\(r)D(16, 3, padding=\"same\", return_sequences=True)",
      make: { a throws(LayerError) in try ConvLSTM(rank: r, a) })
  }

  private static let wrappers: [LayerEntry] = [
    LayerEntry(
      className: "Bidirectional", aliases: [], family: "Wrappers",
      signature: Bidirectional.signature,
      rule: "forward + backward copy; concat doubles the last dim, sum/mul/ave keep it, "
        + "None gives both; return_state adds the forward states twice; params = both layers",
      example: "Bidirectional(LSTM(64, return_sequences=True))",
      make: { a throws(LayerError) in try Bidirectional(a) }),
    LayerEntry(
      className: "TimeDistributed", aliases: [], family: "Wrappers",
      signature: TimeDistributed.signature,
      rule: "(batch, T, rest...) -> (batch, T, layer(rest...)); params = the layer's",
      example: "TimeDistributed(Conv2D(16, 3))",
      make: { a throws(LayerError) in try TimeDistributed(a) }),
  ]
}
