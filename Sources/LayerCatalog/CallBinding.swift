import ShapeCore

/// A layer call's arguments bound to the parameters of the layer's Keras `call` signature, the
/// way Python binds them: positionals in order, then keywords; unknown or repeated names raise,
/// and so does a literal given positionally (Keras's `Layer.__call__` rule).
/// `lstm(x, [h, c])` and `lstm(x, initial_state=[h, c])` both bind `initial_state`.
struct CallBinding {
  private var values: [String: CallValue] = [:]
  private let context: LayerContext
  private let parameters: [String]

  init(_ input: LayerInput, parameters: [String], _ c: LayerContext) throws(LayerError) {
    context = c
    self.parameters = parameters
    let positional: [CallValue]
    let keywords: [(String, CallValue)]
    switch input {
    case .single(let t): (positional, keywords) = ([.tensor(t)], [])
    case .list(let ts): (positional, keywords) = ([.tensors(ts)], [])
    case .call(let p, let k): (positional, keywords) = (p, k)
    }
    guard positional.count <= parameters.count else {
      throw LayerError(
        "\(c.name) (\(c.className)): call() takes at most \(parameters.count) arguments "
          + "(\(parameters.joined(separator: ", "))) but \(positional.count) were given")
    }
    for (name, value) in zip(parameters, positional) {
      if case .value(let literal) = value, literal != .none {
        throw LayerError(
          "\(c.name) (\(c.className)): Only input tensors may be passed as positional "
            + "arguments. The following argument value should be passed as a keyword "
            + "argument: \(literal.pythonRepr)", hint: "write \(name)=\(literal.pythonRepr)")
      }
      values[name] = value
    }
    for (key, value) in keywords {
      guard parameters.contains(key) else {
        throw LayerError(
          "\(c.name) (\(c.className)): call() got an unexpected keyword argument '\(key)'",
          hint: nearest(key, in: parameters).map { "did you mean '\($0)'?" }
            ?? "its call arguments are: \(parameters.joined(separator: ", "))")
      }
      guard values[key] == nil else {
        throw LayerError(
          "\(c.name) (\(c.className)): call() got multiple values for argument '\(key)'")
      }
      values[key] = value
    }
  }

  /// What was bound to `name`, as given.
  subscript(_ name: String) -> CallValue? { values[name] }

  /// The main tensor, bound to the first parameter (the sequences, a cell's step input):
  /// one tensor, not a list.
  var main: TensorType {
    get throws(LayerError) {
      switch values[parameters[0]] {
      case .tensor(let t)?: return t
      case .tensors(let ts)?:
        throw LayerError(
          "Layer \"\(context.name)\" expects 1 input(s), but it received \(ts.count) input tensors "
            + "(a list: \(ts.map(\.kerasShape).joined(separator: ", ")))",
          hint: "call it on one tensor; give other tensors by keyword, such as initial_state=[h, c]"
        )
      case .value(let v)?:
        throw LayerError(
          "\(context.name) (\(context.className)): '\(parameters[0])' must be a tensor. "
            + "Received: \(v.pythonRepr)")
      case nil:
        throw LayerError(
          "\(context.name) (\(context.className)): call() is missing its argument '\(parameters[0])'"
        )
      }
    }
  }

  /// The tensor bound to `name`; nil when it was not given or given as None.
  func optionalTensor(_ name: String) throws(LayerError) -> TensorType? {
    switch values[name] {
    case nil, .value(.none)?: return nil
    case .tensor(let t)?: return t
    case .tensors(let ts)?:
      throw LayerError(
        "\(context.name) (\(context.className)): `\(name)` must be one tensor, but a list of "
          + "\(ts.count) was given: [\(ts.map(\.kerasShape).joined(separator: ", "))]",
        hint: "write \(context.name)(query, value) rather than \(context.name)([query, value])")
    case .value(let v)?:
      throw LayerError(
        "\(context.name) (\(context.className)): `\(name)` must be a tensor. Received: "
          + "\(name)=\(v.pythonRepr)")
    }
  }

  /// The tensor bound to a required argument.
  func tensor(_ name: String) throws(LayerError) -> TensorType {
    guard let t = try optionalTensor(name) else {
      throw LayerError(
        "\(context.name) (\(context.className)): call() is missing a required argument: "
          + "'\(name)'",
        hint: "call it as \(context.name)(query, value) or \(context.name)(query, value, key)")
    }
    return t
  }

  /// The list of tensors bound to `name`, if a list was given.
  func tensors(_ name: String) -> [TensorType]? {
    if case .tensors(let ts)? = values[name] { return ts }
    return nil
  }

  /// A Python flag such as `return_attention_scores`: its truthiness (`1` and `'yes'` are True).
  func flag(_ name: String) throws(LayerError) -> Bool {
    switch values[name] {
    case nil: return false
    case .value(let v)?: return v.isTruthy
    case .tensor?, .tensors?:
      throw LayerError(
        "\(context.name) (\(context.className)): `\(name)` must be a Python bool, not a tensor",
        argument: name)
    }
  }
}

/// The classes whose `call` takes `mask=` (Keras 3.15: `inspect.signature(cls.call)`); Keras's
/// `Layer.__call__` passes `mask` only to these, and any other raises "got an unexpected
/// keyword argument 'mask'". `training=` is taken by every layer.
public enum MaskedCall {
  public static let classes: Set<String> = [
    "AdditiveAttention", "Attention", "BatchNormalization", "Bidirectional", "ConvLSTM1D",
    "ConvLSTM2D", "ConvLSTM3D", "GRU", "GlobalAveragePooling1D", "LSTM", "Lambda", "Pipeline",
    "RNN", "SimpleRNN", "Softmax", "TimeDistributed",
  ]
}
