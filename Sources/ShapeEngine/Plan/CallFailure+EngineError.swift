import LayerCatalog
import ShapeCore
import StatementLanguage

extension EngineError {
  /// A failed call of layer `name` as the user sees it: the layer's own message with a caret at
  /// the argument it is about (`argumentRanges`) or at the call, the tensors it was given, and for
  /// a shared layer, the shape it was first built for.
  init(
    _ failure: CallFailure, layer name: String, className: String, inputs: [TensorType],
    builtFor: TensorType?, argumentRanges: ArgumentRanges? = nil, at range: SourceRange?
  ) {
    switch failure {
    case .layer(let error):
      self.init(
        Diagnostic(
          error.message, at: error.argument.flatMap { argumentRanges?[$0] } ?? range,
          hint: error.hint),
        layer: name, className: className)
      self.inputs = inputs
    case .weightsDoNotFit:
      self.init(
        Diagnostic(
          "Input 0 of layer \"\(name)\" is incompatible with the layer: it was built for "
            + "input shape \(builtFor?.kerasShape ?? "?"), and its weights do not fit input shape "
            + "\(inputs.first?.kerasShape ?? "?")", at: range,
          hint: "a shared layer keeps the weights of its first call; use a new layer here"),
        layer: name, className: className)
    case .paramOverflow(let w):
      self.init(
        Diagnostic(
          "\(name): the parameter count of its \(w.name) \(w.shapeText) overflows 64-bit arithmetic",
          at: range),
        layer: name, className: className)
    }
  }
}
