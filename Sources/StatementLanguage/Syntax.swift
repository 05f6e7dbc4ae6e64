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

/// A line that is one of kshape's own commands: `apply 224x224`, `summary`, `help Conv2D`.
public struct CommandLine: Hashable, Sendable {
  /// The command word.
  public var name: String
  /// The raw text after it, trimmed, without a `# comment`: commands have their own syntax.
  public var argument: String
  /// Where the command stands in its line.
  public var range: SourceRange
  public init(name: String, argument: String, range: SourceRange) {
    self.name = name
    self.argument = argument
    self.range = range
  }
}
