/// A one-line simple statement read from its bytes straight into its tree, without tokens: the
/// lines a script is mostly made of (`x = layers.Dense(64, activation="relu")(x)`, `Dense(8)`,
/// `inputs = keras.Input(shape=(28, 28, 1))`, `model.summary()`).
///
/// It reads an expression statement or an assignment to one name, whose expressions are names,
/// `True`/`False`/`None`, decimal integers and plain floats, plain one-line strings, tuples and
/// lists of them, attributes, calls (positional and keyword arguments), subscripts by one
/// index, signs and the binary operators (`+`, `*`, `**`, `//`, `|`, ...). At anything else (another statement, an operator, a keyword, a comprehension, a
/// string with an escape or a prefix, a non-ASCII byte, something an error is reported for) it
/// gives up, and the lexer and parser read the line as before: the tree it makes is the one
/// they make (`PyLineParserTests` compares them), and every message stays theirs.
struct PyLineParser {
  let bytes: UnsafeBufferPointer<UInt8>
  var position = 0
  /// Nesting of calls, parentheses and lists (past `maxDepth` the parser is left to answer).
  var depth = 0
  static let maxDepth = 32
  /// The names (and integers) made before (a script's last lines'), held without a retain:
  /// `statement` keeps the table alive.
  let names: PyNameTable.Slots?
  /// The calls read before (`PyCallTable`), held so too.
  let calls: PyCallTable.Slots?

  private init(
    bytes: UnsafeBufferPointer<UInt8>, names: PyNameTable.Slots?, calls: PyCallTable.Slots?
  ) {
    self.bytes = bytes
    self.names = names
    self.calls = calls
  }

  /// The statement `text` is, when it is one line of the forms read here; nil otherwise.
  static func statement(
    _ text: String, names: PyNameTable? = nil, calls: PyCallTable? = nil
  ) -> PyStmt? {
    // (A text whose bytes are not contiguous, none on Linux, is the parser's.)
    withExtendedLifetime(names) {
      withExtendedLifetime(calls) {
        text.utf8.withContiguousStorageIfAvailable { bytes -> PyStmt? in
          // An indented line is an error, and a blank one no statement. Offsets are `Character`s,
          // which bytes are only for plain ASCII ("\r\n" is one `Character`): a byte that is not
          // (a control character, DEL, or a byte of a non-ASCII character) is no byte of a
          // name, number, operator or space either, so the rules below stop at it, but in a
          // string or a comment, whose bytes are checked (`isPlain`).
          guard let first = bytes.first, first != 0x20, first != 0x09 else { return nil }
          var parser = PyLineParser(bytes: bytes, names: names?.slots, calls: calls?.slots)
          return parser.statement()
        } ?? nil
      }
    }
  }

  // MARK: - Rules

  /// statement := (NAME '=')? expression
  private mutating func statement() -> PyStmt? {
    // `name = ...` (most assignments): the target taken as the name it is, without the
    // expression rules.
    if Self.startsName(bytes[0]) {
      let end = nameEnd()
      position = end
      skipSpaces()
      if byte(position) == 0x3D, byte(position + 1) != 0x3D {
        guard let target = nameAtom(0, end), case .name = target.kind else { return nil }
        position += 1
        guard let value = expression(), atEnd() else { return nil }
        return PyStmt(.assign(targets: [target], value: value), target.range.union(value.range))
      }
      position = 0
    }
    guard let first = expression() else { return nil }
    skipSpaces()
    if byte(position) == 0x3D, byte(position + 1) != 0x3D {
      guard case .name = first.kind else { return nil }
      position += 1
      guard let value = expression(), atEnd() else { return nil }
      return PyStmt(.assign(targets: [first], value: value), first.range.union(value.range))
    }
    guard atEnd() else { return nil }
    return PyStmt(.expression(first), first.range)
  }

  /// expression := bitwise_or, as Python's rules give it (`PyParser.parseBinary`): operands of
  /// the binary operators (`+`, `*`, `**`, `|`, ...), signs, and primaries. A primary that
  /// nothing follows (most arguments) is taken without the operator rules.
  private mutating func expression() -> PyExpr? {
    skipSpaces()
    let b = byte(position)
    if b == 0x2D || b == 0x2B || b == 0x7E { return binary(above: 0, first: nil) }
    guard var value = primary() else { return nil }
    let end = position
    skipSpaces()
    let c = byte(position)
    if c == 0x2C || c == 0x29 || c == 0x5D || c == 0x3D || c == 0x23 || position == bytes.count {
      position = end
      return value
    }
    if c == 0x2A, byte(position + 1) == 0x2A {
      guard let power = power(value) else { return nil }
      value = power
    } else {
      position = end
    }
    return binary(above: 0, first: value)
  }

  /// primary := atom trailer* | NUMBER
  mutating func primary() -> PyExpr? {
    skipSpaces()
    guard position < bytes.count else { return nil }
    let start = position
    let b = bytes[position]
    var value: PyExpr
    /// Where a call that `calls` is to keep ends (see `callEnd`).
    var keepEnd = -1
    if Self.startsName(b) {
      let end = nameEnd()
      // A prefixed string (`f"..."`) is the lexer's.
      guard !Self.isQuote(byte(end)) else { return nil }
      // A call read before at this column: its tree shared, the trailers after it read.
      // (Outside brackets only: the depth its reading reached is the same.)
      if depth == 0, let calls, let close = callEnd(start, from: end) {
        if let found = calls.find(bytes, start, close) {
          value = found
          position = close
          guard trailers(&value) else { return nil }
          return value
        }
        keepEnd = close
      }
      guard let atom = nameAtom(start, end) else { return nil }
      value = atom
      position = end
    } else if Self.isDigit(b) {
      // A number with a trailer (`1 .real`) is the parser's.
      // 2^63 (marked -1) is too large without a minus.
      guard let literal = number(), literal.kind.isNonNegativeNumber else { return nil }
      let end = position
      skipSpaces()
      let c = byte(position)
      position = end
      return c == 0x2E || c == 0x28 || c == 0x5B ? nil : literal
    } else if Self.isQuote(b) {
      guard let string = string() else { return nil }
      value = string
    } else if b == 0x28 || b == 0x5B {
      guard let display = display() else { return nil }
      value = display
    } else {
      return nil
    }
    guard trailers(&value, keepingCallEndingAt: keepEnd, from: start) else { return nil }
    return value
  }

  /// trailer := '.' NAME | '(' arguments ')' | '[' expression ']'     (false: the line is the
  /// parser's). A call that ends at `keepEnd` is kept in `calls`, as the text from `start`.
  private mutating func trailers(
    _ value: inout PyExpr, keepingCallEndingAt keepEnd: Int = -1, from start: Int = 0
  ) -> Bool {
    while true {
      let before = position
      skipSpaces()
      let b = byte(position)
      if b == 0x2E {
        position += 1
        skipSpaces()
        guard Self.startsName(byte(position)) else { return false }
        let start = position
        let end = nameEnd()
        let packed = nameBytes(start, end)
        if Self.isQuote(byte(end)) || packed.isKeyword { return false }
        let range = SourceRange(start, end)
        position = end
        let name = word(start, end, packed)
        let whole = value.range.union(range)
        value = PyExpr(.attribute(consume value, name: name, nameRange: range), whole)
      } else if b == 0x5B {
        // `value[index]`: one index (a slice or several indices are the parser's).
        depth += 1
        defer { depth -= 1 }
        guard depth <= Self.maxDepth else { return false }
        position += 1
        guard let index = expression() else { return false }
        skipSpaces()
        guard byte(position) == 0x5D else { return false }
        position += 1
        let whole = value.range.union(SourceRange(position - 1, position))
        value = PyExpr(.subscript(consume value, index), whole)
      } else if b == 0x28 {
        position += 1
        guard let arguments = arguments() else { return false }
        let whole = value.range.union(SourceRange(position - 1, position))
        value = PyExpr(.call(consume value, arguments), whole)
        if position == keepEnd, let calls { calls.keep(bytes, start, keepEnd, value) }
      } else {
        position = before
        return true
      }
    }
  }

  /// A decimal integer (no `_`, no leading zero) or a float `digits.digits`. An integer of
  /// 2^63 is given as -1 (only a minus before it makes an int of it: `negativeInteger`); a
  /// larger one, nil.
  mutating func number() -> PyExpr? {
    let digitsStart = position
    var magnitude: UInt64 = 0
    var overflow = false
    while position < bytes.count, Self.isDigit(bytes[position]) {
      let (times, o1) = magnitude.multipliedReportingOverflow(by: 10)
      let (sum, o2) = times.addingReportingOverflow(UInt64(bytes[position] - 0x30))
      overflow = overflow || o1 || o2
      magnitude = sum
      position += 1
    }
    if byte(position) == 0x2E {
      // A float: digits after the point, and nothing that makes another number of it.
      position += 1
      let fraction = position
      while position < bytes.count, Self.isDigit(bytes[position]) { position += 1 }
      guard position > fraction, !Self.continuesName(byte(position)), byte(position) != 0x2E,
        let float = Double(
          String(
            decoding: UnsafeBufferPointer(rebasing: bytes[digitsStart..<position]),
            as: UTF8.self))
      else { return nil }
      return PyExpr(.float(float), SourceRange(digitsStart, position))
    }
    guard !overflow, !Self.continuesName(byte(position)),
      bytes[digitsStart] != 0x30 || position - digitsStart == 1
    else { return nil }
    let range = SourceRange(digitsStart, position)
    if magnitude == UInt64(Int.max) + 1 { return PyExpr(.int(-1), range) }
    guard magnitude <= UInt64(Int.max) else { return nil }
    return PyExpr(.int(Int(magnitude)), range)
  }

  /// A one-line string without escapes, not next to another (those concatenate).
  private mutating func string() -> PyExpr? {
    let start = position
    let quote = bytes[position]
    if byte(position + 1) == quote && byte(position + 2) == quote { return nil }
    position += 1
    while position < bytes.count, bytes[position] != quote {
      // An escape, or a byte that is no character of its own (`isPlain`), is the lexer's.
      if bytes[position] == 0x5C || !Self.isPlain(bytes[position]) { return nil }
      position += 1
    }
    guard position < bytes.count else { return nil }
    let value = String(
      decoding: UnsafeBufferPointer(rebasing: bytes[(start + 1)..<position]), as: UTF8.self)
    position += 1
    let end = position
    skipSpaces()
    if Self.isQuote(byte(position)) { return nil }
    position = end
    return PyExpr(.string(value), SourceRange(start, end))
  }

  /// `(...)`: a tuple, or an expression grouped (with its own range); `[...]`: a list.
  private mutating func display() -> PyExpr? {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else { return nil }
    let open = position
    let isList = bytes[position] == 0x5B
    let closer: UInt8 = isList ? 0x5D : 0x29
    position += 1
    skipSpaces()
    var items: [PyExpr] = []
    if byte(position) != closer {
      guard let first = expression() else { return nil }
      skipSpaces()
      if !isList, byte(position) == closer {
        position += 1
        return first
      }
      items.append(first)
      while byte(position) == 0x2C {
        position += 1
        skipSpaces()
        if byte(position) == closer { break }
        guard let item = expression() else { return nil }
        items.append(item)
        skipSpaces()
      }
      guard byte(position) == closer else { return nil }
    }
    position += 1
    let range = SourceRange(open, position)
    return PyExpr(isList ? .list(items) : .tuple(items), range)
  }

  /// arguments := (argument (',' argument)* ','?)?      argument := NAME '=' expression | expression
  /// (read after the `(`, up to and with the `)`).
  private mutating func arguments() -> [PyCallArgument]? {
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else { return nil }
    var arguments: [PyCallArgument] = []
    var sawKeyword = false
    skipSpaces()
    if byte(position) == 0x29 {
      position += 1
      return arguments
    }
    while true {
      skipSpaces()
      let start = position
      // Whether the argument was read with its name (a keyword argument, a name alone).
      var read = false
      if Self.startsName(byte(position)) {
        let end = nameEnd()
        position = end
        skipSpaces()
        let c = byte(position)
        if c == 0x3D, byte(position + 1) != 0x3D {
          // A keyword argument: not a keyword's name, not one given before.
          let packed = nameBytes(start, end)
          guard !packed.isKeyword else { return nil }
          let name = word(start, end, packed)
          for case .keyword(let other, _, _) in arguments where other == name { return nil }
          position += 1
          guard let value = expression() else { return nil }
          arguments.appendSized(.keyword(name: name, nameRange: SourceRange(start, end), value))
          sawKeyword = true
          read = true
        } else if c == 0x2C || c == 0x29 {
          // A name alone (`f(x)`): its atom, without the expression rules.
          guard !sawKeyword, let atom = nameAtom(start, end) else { return nil }
          arguments.appendSized(.positional(atom))
          read = true
        } else {
          position = start
        }
      } else if Self.isDigit(byte(position)) {
        // An integer alone (`Dense(8)`): its literal, without the expression rules (a number
        // that is no literal here is none there either).
        guard let literal = number(), literal.kind.isNonNegativeNumber else { return nil }
        skipSpaces()
        let c = byte(position)
        if c == 0x2C || c == 0x29 {
          guard !sawKeyword else { return nil }
          arguments.appendSized(.positional(literal))
          read = true
        } else {
          position = start
        }
      }
      if !read {
        guard !sawKeyword, let value = expression() else { return nil }
        arguments.appendSized(.positional(value))
      }
      skipSpaces()
      let b = byte(position)
      position += 1
      if b == 0x29 { return arguments }
      guard b == 0x2C else { return nil }
      skipSpaces()
      if byte(position) == 0x29 {
        position += 1
        return arguments
      }
    }
  }
}

extension PyExpr.Kind {
  /// An int that is not negative, or a float.
  fileprivate var isNonNegativeNumber: Bool {
    switch self {
    case .int(let i): return i >= 0
    case .float: return true
    default: return false
    }
  }
}
