import KerasJSON
import LayerCatalog
import ShapeCore
import StatementLanguage

/// A statement that failed: the diagnostic (message, caret range, hint) and the layer it is about.
public struct EngineError: Error, Sendable {
  public var diagnostic: Diagnostic
  /// The layer that failed (`conv2d_3`) and its class, when a layer failed.
  public var layer: String?
  public var className: String?
  /// The failing layer's input tensors, when a layer call failed.
  public var inputs: [TensorType] = []
  /// Where in a model file the problem stands, for errors about an imported config.
  public var path: JSONPath?
  /// True when the config itself is broken (a missing field, an unknown reference, a cycle, an
  /// unknown class): no size can evaluate it.
  public var isConfigError = false
  /// The program text the range is in, when it is not the statement that ran (a function
  /// defined earlier); nil for the statement itself.
  public var source: String?
  /// The frames the error passed through, outermost first (`line 7, in <module>`,
  /// `line 4, in conv_block`), when it was raised inside a function of the program.
  public var trace: [String] = []

  public init(_ diagnostic: Diagnostic, layer: String? = nil, className: String? = nil) {
    self.diagnostic = diagnostic
    self.layer = layer
    self.className = className
  }

  public init(_ message: String, at range: SourceRange? = nil, hint: String? = nil) {
    self.init(Diagnostic(message, at: range, hint: hint))
  }

  public var message: String { diagnostic.message }
}

extension EngineError {
  /// A broken config, at `path`.
  init(_ e: ConfigError) {
    self.init(e.message, hint: e.hint)
    path = e.path
    isConfigError = true
  }
}
