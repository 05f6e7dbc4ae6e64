import StatementLanguage

extension SourceText {
  /// The line number (in the file: `firstLine` for the first) of an offset (in `pyCharacters`).
  public func line(of offset: Int) -> Int { firstLine + text.pyLineBreaks(before: offset) }

  /// The text of the line holding `offset` (in `pyCharacters`), and the offset's column in it
  /// (0-based, as shown: an accent joins its letter's column).
  public func lineText(at offset: Int) -> (text: String, column: Int) {
    let chars = text.pyCharacters
    let at = min(max(0, offset), chars.count)
    var start = at
    while start > 0, !chars[start - 1].isPyNewline { start -= 1 }
    var end = at
    while end < chars.count, !chars[end].isPyNewline { end += 1 }
    return (String(chars[start..<end]), chars[start..<at].shownWidth)
  }
}

extension PyError {
  /// The traceback with runs of the same frame (function and line) cut as Python cuts them: the
  /// first three are kept, the rest counted (`[Previous line repeated 996 more times]`).
  public var collapsedTraceback: [(frame: PyFrame, repeatedMore: Int)] {
    var out: [(frame: PyFrame, repeatedMore: Int)] = []
    var run = 0
    var previous: (String, Int, ObjectIdentifier)?
    for frame in traceback {
      let key = (
        frame.function, frame.source.line(of: frame.range.start), ObjectIdentifier(frame.source)
      )
      if let p = previous, p.0 == key.0, p.1 == key.1, p.2 == key.2 {
        run += 1
      } else {
        run = 1
        previous = key
      }
      if run <= 3 {
        out.append((frame, 0))
      } else if let last = out.indices.last {
        out[last].repeatedMore += 1
      }
    }
    return out
  }

  /// The error as Python prints it: the traceback (`File "<stdin>", line 4, in conv_block`) with
  /// each line quoted and a caret under the range, then `Kind: message` and the hint.
  public func rendered() -> String {
    var lines: [String] = []
    if !traceback.isEmpty {
      lines.append("Traceback (most recent call last):")
      for (frame, repeatedMore) in collapsedTraceback {
        lines.append(
          "  File \"\(frame.source.name)\", line \(frame.source.line(of: frame.range.start)), "
            + "in \(frame.function)")
        lines += Self.quote(frame.source, frame.range)
        if repeatedMore > 0 {
          lines.append(
            "  [Previous line repeated \(repeatedMore) more time\(repeatedMore == 1 ? "" : "s")]")
        }
      }
    } else if let source, let range {
      lines.append("  File \"\(source.name)\", line \(source.line(of: range.start))")
      lines += Self.quote(source, range)
    }
    lines.append(message.isEmpty ? kind : "\(kind): \(message)")
    if let hint { lines.append(hint) }
    return lines.joined(separator: "\n")
  }

  /// The source line of `range`, and carets under the part of it the range covers.
  static func quote(_ source: SourceText, _ range: SourceRange) -> [String] {
    let (text, column) = source.lineText(at: range.start)
    let indent = text.prefix { $0 == " " || $0 == "\t" }.count
    let shown = String(text.dropFirst(indent))
    let start = max(0, column - indent)
    let width = max(1, min(range.end - range.start, shown.count - start))
    guard !shown.isEmpty else { return [] }
    return [
      "    " + shown,
      "    " + String(repeating: " ", count: start) + String(repeating: "^", count: width),
    ]
  }
}
