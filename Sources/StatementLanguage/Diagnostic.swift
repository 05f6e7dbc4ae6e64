/// An error found in a line of input, with where it stands: rendered in one place, with a caret.
public struct Diagnostic: Error, Hashable, Sendable {
  public var message: String
  /// The offending part of the line; nil when the error is not about any one part of it.
  public var range: SourceRange?
  /// A suggestion: "did you mean 'padding'?", "the smallest input that works is 3".
  public var hint: String?

  public init(_ message: String, at range: SourceRange? = nil, hint: String? = nil) {
    self.message = message
    self.range = range
    self.hint = hint
  }

  /// The message, then (when there is a range) the source line with a caret under the range, then the hint.
  ///
  ///     error: unknown argument 'paddin' for Conv2D
  ///       Conv2D(3, 5, paddin='same')
  ///                    ^~~~~~
  ///     hint: did you mean 'padding'?
  public func rendered(source: String) -> String {
    var lines = ["error: \(message)"]
    let chars = range == nil ? [] : source.pyCharacters
    if let range, range.start >= 0, range.start <= chars.count {
      // In a program of several lines, the line the range starts in, and the caret within it
      // (under the characters as they are shown: an accent joins its letter's column).
      var lineStart = range.start
      while lineStart > 0, chars[lineStart - 1] != "\n" { lineStart -= 1 }
      var lineEnd = range.start
      while lineEnd < chars.count, chars[lineEnd] != "\n" { lineEnd += 1 }
      let start = chars[lineStart..<range.start].shownWidth
      let width = max(
        1, chars[range.start..<max(range.start, min(range.end, lineEnd))].shownWidth)
      lines.append("  " + String(chars[lineStart..<lineEnd]))
      lines.append(
        "  " + String(repeating: " ", count: start) + "^"
          + String(repeating: "~", count: width - 1))
    }
    if let hint { lines.append("hint: \(hint)") }
    return lines.joined(separator: "\n")
  }
}

extension SourceRange {
  /// The same range in a longer line where this one's text starts at `offset`.
  public func shifted(by offset: Int) -> SourceRange {
    SourceRange(start + offset, end + offset)
  }
}

extension Diagnostic {
  /// The same diagnostic for a statement that starts at `offset` in a longer line, as the pieces
  /// of `Parser.splitStatements` do: render it with the whole line as `source`.
  public func shifted(by offset: Int) -> Diagnostic {
    Diagnostic(message, at: range?.shifted(by: offset), hint: hint)
  }
}
