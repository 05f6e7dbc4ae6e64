/// ANSI colour for a terminal, added to finished text line by line (layout is done first, so
/// widths never count escape codes): errors red, hints cyan, notes yellow, the caret green,
/// shapes and formulas blue, `failed at ...` bold. Off for pipes, `NO_COLOR`, `TERM=dumb` and
/// `--color never`.
public enum Colour {
  /// `--color never|always|auto`.
  public enum Mode: String, CaseIterable, Sendable {
    case never, always, auto
  }

  /// Whether a stream gets colour: `always`, or `auto` on a terminal without `NO_COLOR` (any
  /// value, as no-color.org says) and with a `TERM` other than `dumb`.
  public static func enabled(_ mode: Mode, isTerminal: Bool, environment: [String: String])
    -> Bool
  {
    switch mode {
    case .never: return false
    case .always: return true
    case .auto:
      if environment["NO_COLOR"].map({ !$0.isEmpty }) ?? false { return false }
      if environment["TERM"] == "dumb" { return false }
      return isTerminal
    }
  }

  static let reset = "\u{1B}[0m"
  static let red = "\u{1B}[1;31m"
  static let cyan = "\u{1B}[36m"
  static let yellow = "\u{1B}[33m"
  static let green = "\u{1B}[1;32m"
  static let blue = "\u{1B}[34m"
  static let bold = "\u{1B}[1m"

  /// `text` with colour.
  public static func paint(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false).map { paintLine(String($0)) }
      .joined(separator: "\n")
  }

  static func paintLine(_ line: String) -> String {
    for (label, colour) in [("error:", red), ("hint:", cyan), ("note:", yellow)] {
      if line.hasPrefix(label) { return colour + label + reset + line.dropFirst(label.count) }
      // A script's error: `line 3: error: ...`.
      if line.hasPrefix("line "), let r = line.range(of: ": " + label) {
        let start = line.index(r.lowerBound, offsetBy: 2)
        return String(line[..<start]) + colour + label + reset
          + line[line.index(start, offsetBy: label.count)...]
      }
    }
    if !line.isEmpty, line.contains("^"), line.allSatisfy({ $0 == " " || $0 == "^" || $0 == "~" }) {
      return green + line + reset
    }
    if line.hasPrefix("failed at") || line.hasPrefix("line ") && line.contains(": failed at") {
      return bold + line + reset
    }
    // `  = (None, H-4, W-4, 3)   conv2d (Conv2D), 228 params`
    if line.hasPrefix("  = (") {
      let body = line.dropFirst(4)
      if let end = body.range(of: ")   ") {
        return "  = " + blue + body[..<body.index(after: end.lowerBound)] + reset
          + body[body.index(after: end.lowerBound)...]
      }
    }
    // A table row: the shapes in it.
    if line.hasPrefix("│") { return paintShapes(line) }
    return line
  }

  /// Shapes (`(None, 96, 96, 3)`, `(None, H-4, ...)`) inside a table row, in colour.
  static func paintShapes(_ line: String) -> String {
    var out = ""
    var rest = Substring(line)
    while let open = rest.range(of: "(None") ?? rest.range(of: "(") {
      guard let close = rest[open.lowerBound...].firstIndex(of: ")") else { break }
      let group = rest[open.lowerBound...close]
      out += rest[..<open.lowerBound]
      // A layer's class `(Conv2D)` is not a shape: a shape has a comma or a digit first.
      let inner = group.dropFirst().dropLast()
      let isShape = inner.contains(",") || inner.first?.isNumber == true || inner.hasPrefix("None")
      if isShape, !group.contains("│") {
        out += blue + group + reset
      } else {
        out += group
      }
      rest = rest[rest.index(after: close)...]
    }
    return out + rest
  }
}
