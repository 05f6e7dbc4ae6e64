/// How text for people is laid out: the terminal's width and the summary's options. The engine
/// has no terminal; the REPL measures it and passes it down.
public struct RenderStyle: Sendable, Equatable {
  /// The terminal's width in columns; nil when output is not a terminal (tables then take the
  /// width of their cells, so scripts and tests see stable text).
  public var width: Int?
  /// Shapes as Keras prints them (`None` for every unknown dim) instead of formulas.
  public var kerasShapes = false
  /// How deep imported models are listed: 1 shows each imported model as one row, as Keras
  /// shows a model inside a model; nil lists every layer.
  public var depth: Int?
  /// No rules between table rows (big models stay readable).
  public var compact = false
  /// RF and Jump columns: each layer's receptive field (`--receptive-field`).
  public var receptiveField = false
  /// ASCII instead of box-drawing characters where a drawing allows it (a terminal whose
  /// locale is not UTF-8).
  public var ascii = false
  /// MACs and activation memory columns, and cost totals (`--cost`, docs/cost.md).
  public var cost = false
  /// A pager the REPL sends the text through (`summary | less`), nil to print it.
  public var pager: String?

  public init(
    width: Int? = nil, kerasShapes: Bool = false, depth: Int? = nil, compact: Bool = false
  ) {
    self.width = width
    self.kerasShapes = kerasShapes
    self.depth = depth
    self.compact = compact
  }

  /// Text for files, pipes and tests: no width limit, Keras's layout.
  public static let plain = RenderStyle()

  /// The narrowest width tables and help are fitted to; below it they wrap as the terminal does.
  public static let minimumWidth = 40
  /// The width actually fitted to, if any.
  var fitWidth: Int? { width.map { max($0, Self.minimumWidth) } }
}

/// Python's `f"{n:,}"`, as Keras's summary prints parameter counts: `23,587,712`.
public func groupedDigits(_ n: Int) -> String {
  let digits = String(n.magnitude)
  var out = ""
  for (i, ch) in digits.enumerated() {
    if i > 0 && (digits.count - i) % 3 == 0 { out.append(",") }
    out.append(ch)
  }
  return (n < 0 ? "-" : "") + out
}
