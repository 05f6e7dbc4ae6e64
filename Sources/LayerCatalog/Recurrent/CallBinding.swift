import ShapeCore

/// A layer call bound to the parameters of the layer's `call()` as Python binds them:
/// `lstm(x, [h, c])` and `lstm(x, initial_state=[h, c])` both give `initial_state`.
struct CallBinding {
  private var values: [String: CallValue] = [:]
  /// The main tensor (the sequences, or a cell's step input).
  let main: TensorType

  /// Binds `input` to `parameters` (the first is the main tensor); rejects what Python and
  /// Keras's `Layer.__call__` reject: a list as the main input, literals given positionally,
  /// too many positional arguments, unknown or repeated keywords.
  init(_ input: LayerInput, parameters: [String], _ c: LayerContext) throws(LayerError) {
    switch input {
    case .single(let t):
      values[parameters[0]] = .tensor(t)
    case .list(let ts):
      throw LayerError(
        "Layer \"\(c.name)\" expects 1 input(s), but it received \(ts.count) input tensors "
          + "(a list: \(ts.map(\.kerasShape).joined(separator: ", ")))",
        hint: "call it on one tensor; give other tensors by keyword, such as initial_state=[h, c]")
    case .call(let positional, let keywords):
      guard positional.count <= parameters.count else {
        throw LayerError(
          "\(c.name) (\(c.className)): call() takes at most \(parameters.count) positional "
            + "arguments (\(parameters.joined(separator: ", "))) but \(positional.count) were given"
        )
      }
      for (p, v) in zip(parameters, positional) {
        if case .value(let literal) = v, literal != .none {
          throw LayerError(
            "\(c.name) (\(c.className)): Only input tensors may be passed as positional "
              + "arguments. The following argument value should be passed as a keyword "
              + "argument: \(literal.pythonRepr)", hint: "write \(p)=\(literal.pythonRepr)")
        }
        values[p] = v
      }
      for (key, v) in keywords {
        guard parameters.contains(key) else {
          throw LayerError(
            "\(c.name) (\(c.className)): call() got an unexpected keyword argument '\(key)'",
            argument: key,
            hint: nearest(key, in: parameters).map { "did you mean '\($0)'?" }
              ?? "its call arguments are: \(parameters.joined(separator: ", "))")
        }
        guard values[key] == nil else {
          throw LayerError(
            "\(c.name) (\(c.className)): call() got multiple values for argument '\(key)'",
            argument: key)
        }
        values[key] = v
      }
    }
    guard let main = values[parameters[0]] else {
      throw LayerError(
        "\(c.name) (\(c.className)): call() is missing its argument '\(parameters[0])'")
    }
    switch main {
    case .tensor(let t): self.main = t
    case .tensors(let ts):
      throw LayerError(
        "Layer \"\(c.name)\" expects 1 input(s), but it received \(ts.count) input tensors",
        hint: "call it on one tensor")
    case .value(let v):
      throw LayerError(
        "\(c.name) (\(c.className)): '\(parameters[0])' must be a tensor. Received: \(v.pythonRepr)"
      )
    }
  }

  subscript(_ name: String) -> CallValue? { values[name] }
}
