/// A half-open range of character offsets (in `Character`s, i.e. grapheme clusters) into one source line.
public struct SourceRange: Hashable, Sendable {
  public var start: Int
  public var end: Int
  public init(_ start: Int, _ end: Int) {
    self.start = start
    self.end = end
  }
  /// The range that covers both `self` and `other`.
  public func union(_ other: SourceRange) -> SourceRange {
    SourceRange(min(start, other.start), max(end, other.end))
  }
}

/// An expression of the statement language: Python's call syntax restricted to literals, names and calls.
public indirect enum Expr: Hashable, Sendable {
  case int(Int, SourceRange)
  case float(Double, SourceRange)
  case string(String, SourceRange)
  case bool(Bool, SourceRange)
  /// `None` or `nil`.
  case none(SourceRange)
  case tuple([Expr], SourceRange)
  case list([Expr], SourceRange)
  /// A dotted name such as `x`, `Conv2D` or `keras.layers.Conv2D` (parts in order).
  case name([String], SourceRange)
  /// `callee(args...)`.
  case call(Call)

  /// Where the expression stands in its line.
  public var range: SourceRange {
    switch self {
    case .int(_, let r), .float(_, let r), .string(_, let r), .bool(_, let r), .none(let r),
      .tuple(_, let r), .list(_, let r), .name(_, let r):
      return r
    case .call(let c): return c.range
    }
  }
}

/// A call `callee(positional..., key=value...)`; `key: value` is accepted as a synonym of `key=value`.
public struct Call: Hashable, Sendable {
  public var callee: Expr
  public var arguments: [Argument]
  public var range: SourceRange
  public init(callee: Expr, arguments: [Argument], range: SourceRange) {
    self.callee = callee
    self.arguments = arguments
    self.range = range
  }
}

/// One argument of a call: positional when `label` is nil.
public struct Argument: Hashable, Sendable {
  public var label: String?
  public var labelRange: SourceRange?
  public var value: Expr
  public init(label: String?, labelRange: SourceRange?, value: Expr) {
    self.label = label
    self.labelRange = labelRange
    self.value = value
  }
  /// The whole argument, label included.
  public var range: SourceRange { labelRange.map { $0.union(value.range) } ?? value.range }
}

/// One line of input after parsing.
public enum Statement: Hashable, Sendable {
  /// `target = value`.
  case assignment(target: String, targetRange: SourceRange, value: Expr)
  /// `a, b = value`: a call with several outputs, unpacked as Python does.
  case unpacking(targets: [Target], value: Expr)
  /// A bare expression: a layer to stack, or a name to print.
  case expression(Expr)
  /// A command word and the raw text after it: `apply 224x224`, `summary`, `help Conv2D`.
  case command(name: String, argument: String, range: SourceRange)
  /// A blank line or a comment.
  case empty
}

/// A name on the left of `=` in an unpacking.
public struct Target: Hashable, Sendable {
  public var name: String
  public var range: SourceRange
  public init(name: String, range: SourceRange) {
    self.name = name
    self.range = range
  }
}
