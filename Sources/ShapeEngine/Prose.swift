import StatementLanguage

/// Prose fitted to a terminal: a line too wide is broken at a space (never inside a word, nor
/// inside a nested bracket such as `(1, 1)`), and its continuation lines hang under the text
/// after a leading label (`error: `, `  Convolution: `) or a call's parenthesis.
public enum Prose {
  public static func wrap(_ text: String, width: Int?) -> String {
    guard let width else { return text }
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    guard lines.contains(where: { $0.displayWidth > width }) else { return text }
    return lines.flatMap { wrapLine($0, width: width) }.joined(separator: "\n")
  }

  /// One line as several, each within `width` where its words allow.
  static func wrapLine(_ line: String, width: Int) -> [String] {
    guard line.displayWidth > width else { return [line] }
    let indent = String(repeating: " ", count: min(hangingIndent(line), width / 2))
    // Printable ASCII: the line so far is measured by its byte count and whether it has text
    // yet is kept as it grows, instead of both being measured again at every character.
    let plain = Table.isPlainASCII(line)
    var hasText = false
    var pieces: [String] = []
    var current = ""
    var depth = 0
    var lastBreak: String.Index?
    // A space inside nested brackets, used only when the line has no other.
    var lastNestedBreak: String.Index?
    for ch in line {
      if ch == "(" || ch == "[" || ch == "{" { depth += 1 }
      if ch == ")" || ch == "]" || ch == "}" { depth = max(0, depth - 1) }
      if ch == " ", plain ? hasText : !current.allSatisfy({ $0 == " " }) {
        if depth <= 1 { lastBreak = current.endIndex } else { lastNestedBreak = current.endIndex }
      }
      current.append(ch)
      if ch != " " { hasText = true }
      if (plain ? current.utf8.count : current.displayWidth) > width,
        let at = lastBreak ?? lastNestedBreak
      {
        pieces.append(String(current[..<at]))
        current = indent + String(current[current.index(after: at)...])
        hasText = current.utf8.contains { $0 != UInt8(ascii: " ") }
        lastBreak = nil
        lastNestedBreak = nil
      }
    }
    pieces.append(current)
    return pieces
  }

  /// Where continuation lines start: after `label: ` at the start of the line; under the
  /// second column of a two-column line (a help table's `command   what it does`); after the
  /// opening parenthesis of a leading call; under the line itself when it starts 8 columns in
  /// or more (a row's own continuation); else two columns in.
  static func hangingIndent(_ line: String) -> Int {
    let lead = line.prefix { $0 == " " }.count
    let body = line.dropFirst(lead)
    if let colon = body.firstRange(of: ": "), body[..<colon.lowerBound].count <= 24,
      body[..<colon.lowerBound].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == " " })
    {
      let extra = body[colon.upperBound...].prefix { $0 == " " }.count
      return lead + body[..<colon.upperBound].count + extra
    }
    if let column = secondColumn(body) { return lead + column }
    if let paren = body.firstIndex(of: "("), body[..<paren].count <= 30,
      body[..<paren].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
    {
      return lead + body[...paren].count
    }
    return lead >= 8 ? lead : lead + 2
  }

  /// Where a two-column line's second column starts: after the last run of two spaces or
  /// more that ends within 40 columns, when the line starts with a letter (a command or a
  /// statement, not a tensor's `= (None, 8)   dense (Dense)`); nil otherwise.
  static func secondColumn(_ body: Substring) -> Int? {
    guard body.first?.isLetter == true else { return nil }
    var spaces = 0
    var column: Int?
    for (i, ch) in body.prefix(41).enumerated() {
      if ch == " " {
        spaces += 1
      } else {
        if spaces >= 2 { column = i }
        spaces = 0
      }
    }
    return column
  }
}
