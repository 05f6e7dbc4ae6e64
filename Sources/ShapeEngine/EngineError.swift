import LayerCatalog
import StatementLanguage

/// A statement that failed: the diagnostic (message, caret range, hint) and the layer it is about.
public struct EngineError: Error, Sendable {
  public var diagnostic: Diagnostic
  /// The layer that failed (`conv2d_3`) and its class, when a layer failed.
  public var layer: String?
  public var className: String?

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
