/// kshape's own lines beside Python: commands, and `;`-separated pieces of a `-c` line.
public enum Parser {
  /// command := WORD rest-of-line      -- WORD in `commands`, not followed by '=', '(', '.', ':'
  ///
  /// The argument is the raw rest of the line, trimmed, without its `# comment`: commands such
  /// as `apply 224x224` have their own little syntax, which is not this language's.
  public static func parseCommand(_ line: String, commands: Set<String>) -> CommandLine? {
    var lexer = Lexer(line)
    guard let word = try? lexer.next(), case .name(let name) = word.kind,
      commands.contains(name)
    else { return nil }
    // A lexing error after the word is the command's business, not a reason to parse code.
    if let next = try? lexer.next(), [.equal, .leftParen, .dot, .colon].contains(next.kind) {
      return nil
    }
    let chars = Array(line)
    var code = trimmed(chars, word.range.end..<(commentStart(chars) ?? chars.count))
    if code.isEmpty { code = word.range.end..<word.range.end }
    return CommandLine(
      name: name, argument: String(chars[code]),
      range: SourceRange(word.range.start, code.upperBound))
  }

  /// Splits one line on the `;` that stand outside strings and comments, as `kshape -c 'a; b'`
  /// needs. Each piece comes trimmed, with the `Character` offset where it starts in `source`
  /// (to shift its diagnostics with `Diagnostic.shifted(by:)`); blank and comment-only pieces
  /// are dropped.
  public static func splitStatements(_ source: String) -> [(text: String, offset: Int)] {
    let chars = Array(source)
    var pieces: [(text: String, offset: Int)] = []
    var start = 0
    func addPiece(upTo end: Int) {
      let piece = trimmed(chars, start..<end)
      if !piece.isEmpty, chars[piece.lowerBound] != "#" {
        pieces.append((String(chars[piece]), piece.lowerBound))
      }
    }
    scan(chars) { index, char in
      switch char {
      case ";":
        addPiece(upTo: index)
        start = index + 1
      case "#":
        addPiece(upTo: chars.count)
        start = chars.count
      default:
        break
      }
      return char != "#"
    }
    addPiece(upTo: chars.count)
    return pieces
  }

  /// The offset of the `#` that starts a comment, if any.
  static func commentStart(_ chars: [Character]) -> Int? {
    var start: Int?
    scan(chars) { index, char in
      if char == "#" { start = index }
      return char != "#"
    }
    return start
  }

  /// Calls `visit` with each character outside string literals, until it returns false.
  /// An unterminated string runs to the end of the line, as the lexer will say.
  private static func scan(_ chars: [Character], _ visit: (Int, Character) -> Bool) {
    var quote: Character?
    var index = 0
    while index < chars.count {
      let char = chars[index]
      if let open = quote {
        if char == "\\" {
          index += 1
        } else if char == open {
          quote = nil
        }
      } else if char == "'" || char == "\"" {
        quote = char
      } else if !visit(index, char) {
        return
      }
      index += 1
    }
  }

  private static func trimmed(_ chars: [Character], _ range: Range<Int>) -> Range<Int> {
    var lower = range.lowerBound
    var upper = range.upperBound
    while lower < upper, chars[lower].isWhitespace { lower += 1 }
    while upper > lower, chars[upper - 1].isWhitespace { upper -= 1 }
    return lower..<upper
  }
}
