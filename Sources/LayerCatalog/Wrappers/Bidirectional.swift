import ShapeCore

/// Bidirectional(rnn): the layer run forward and a copy run backward, outputs merged.
///
/// Shapes come from the forward layer alone (as Keras's compute_output_shape):
/// concat doubles the last dim; sum/mul/ave keep it; None gives both outputs.
/// With return_state: the output(s), then the forward states twice.
/// params = forward + backward (the backward copy, or backward_layer as given).
public struct Bidirectional: ShapeRule {
  /// How the two directions are combined (merge_mode); None is `merge == nil`.
  public enum Merge: String, Sendable { case sum, mul, ave, concat }

  var forward: any SequenceLayer
  var forwardContext: LayerContext
  var backward: any SequenceLayer
  var backwardContext: LayerContext
  /// nil: merge_mode=None (two outputs).
  public var merge: Merge?

  public static let signature = Signature([
    Parameter("layer"), Parameter("merge_mode", .string("concat")),
    Parameter("weights", Value.none), Parameter("backward_layer", Value.none),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    let (fwd, fwdContext) = try Self.recurrent(a, "layer")
    switch a["merge_mode"] {
    case .none: merge = nil
    case .string(let s) where Merge(rawValue: s) != nil: merge = Merge(rawValue: s)
    default:
      throw LayerError(
        "\(a.layer): Invalid merge mode. Received: \(a["merge_mode"].pythonRepr). Merge mode "
          + "should be one of {\"sum\", \"mul\", \"ave\", \"concat\", None}",
        argument: "merge_mode",
        hint: {
          if case .string(let s) = a["merge_mode"] {
            return nearest(s, in: ["sum", "mul", "ave", "concat"]).map { "did you mean '\($0)'?" }
          }
          return nil
        }())
    }
    forward = fwd
    forwardContext = fwdContext
    forwardContext.name = "forward_" + fwdContext.name
    if case .none = a["backward_layer"] {
      // Keras copies the layer's config with go_backwards=True (not the opposite of it).
      var copy = fwd
      copy.recurrence.goBackwards = true
      backward = copy
      backwardContext = fwdContext
      backwardContext.name = "backward_" + fwdContext.name
    } else {
      (backward, backwardContext) = try Self.recurrent(a, "backward_layer")
    }
    try verify(a.layer)
  }

  /// The recurrent layer an argument holds, or Keras's refusal.
  private static func recurrent(_ a: BoundArguments, _ key: String) throws(LayerError) -> (
    any SequenceLayer, LayerContext
  ) {
    guard case .layer(let arg) = a[key] else {
      throw LayerError(
        key == "layer"
          ? "\(a.layer): Please initialize `Bidirectional` layer with a `keras.layers.Layer` "
            + "instance. Received: \(a[key].pythonRepr)"
          : "\(a.layer): `backward_layer` need to be a `keras.layers.Layer` instance. "
            + "Received: \(a[key].pythonRepr)", argument: key,
        hint: "wrap a recurrent layer: Bidirectional(LSTM(64))")
    }
    let built = try Catalog.build(arg)
    guard let layer = built.layer as? any SequenceLayer else {
      throw LayerError(
        "\(a.layer): \(arg.className) cannot be run backwards: Bidirectional copies its layer "
          + "with go_backwards=True, which only recurrent layers take (Keras: "
          + "<class '\(arg.className)'> could not be deserialized properly)", argument: key,
        hint: "wrap an RNN, SimpleRNN, LSTM, GRU or ConvLSTM layer")
    }
    return (layer, built.context)
  }

  /// `_verify_layer_config`: opposite directions, the same stateful/return_* switches.
  private func verify(_ layer: String) throws(LayerError) {
    let f = forward.recurrence
    let b = backward.recurrence
    if f.goBackwards == b.goBackwards {
      throw LayerError(
        "\(layer): Forward layer and backward layer should have different `go_backwards` value. "
          + "Received: forward_layer.go_backwards \(Value.bool(f.goBackwards).pythonRepr), "
          + "backward_layer.go_backwards=\(Value.bool(b.goBackwards).pythonRepr)",
        hint: f.goBackwards
          ? "the wrapped layer runs forward: drop go_backwards=True"
          : "give the backward layer go_backwards=True")
    }
    for (name, x, y) in [
      ("stateful", f.stateful, b.stateful),
      ("return_sequences", f.returnSequences, b.returnSequences),
      ("return_state", f.returnState, b.returnState),
    ] where x != y {
      throw LayerError(
        "\(layer): Forward layer and backward layer are expected to have the same value for "
          + "attribute \"\(name)\", got \"\(Value.bool(x).pythonRepr)\" for forward layer and "
          + "\"\(Value.bool(y).pythonRepr)\" for backward layer", argument: "backward_layer")
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let b = try CallBinding(
      input, parameters: ["sequences", "initial_state", "mask", "training"], c)
    let main = try b.main
    if let r = forward.inputRank { try c.requireRank(main, exactly: r) }
    return try outputShapes(main, c)
  }

  func outputShapes(_ x: TensorType, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    let f = try forward.outputShapes(x, c.inner(forwardContext))
    let b = try backward.outputShapes(x, c.inner(backwardContext))
    guard var output = f.outputs.first?.shape, let last = output.indices.last else {
      throw LayerError("\(c.name): the forward layer gave no output")
    }
    let states = f.outputs.dropFirst().map(\.shape)
    if merge == .concat {
      output[last] = try checked(c.name) { () throws(ArithmeticOverflow) in
        try output[last] * 2
      }
    }
    let merged = merge == nil ? [output, output] : [output]
    let shapes = merged + (forward.recurrence.returnState ? states + states : [])
    let weights =
      f.weights.map { Weight("forward/" + $0.name, dims: $0.shape, trainable: $0.trainable) }
      + b.weights.map { Weight("backward/" + $0.name, dims: $0.shape, trainable: $0.trainable) }
    return LayerOutput(
      shapes.map { TensorType(shape: $0, dtype: c.policy.computeDType) }, weights: weights)
  }
}
