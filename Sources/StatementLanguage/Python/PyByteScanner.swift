/// The scanner's fast path: a program of plain ASCII (no "\r", no control characters but "\n"
/// and "\t") is scanned over its UTF-8 bytes, where a byte is a character, so offsets are the
/// same. It knows names, decimal integers, operators, brackets, comments, plain one-line strings
/// without escapes or prefixes, and indentation by spaces: what typed statements are made of.
/// At anything else (a float, an escape, a tab in indentation, an error to report) it gives up
/// and `PyLexer` scans the text from its start, so every message stays the lexer's own.
struct PyByteScanner {
  private let bytes: UnsafeBufferPointer<UInt8>
  private var position = 0
  private var tokens: [PyToken] = []
  /// Open brackets, innermost last.
  private var brackets = BracketStack()
  /// The open indentation widths past the margin (the margin, 0, is not held: a program without
  /// blocks makes no array).
  private var indents: [Int] = []
  /// The names and integers made before (a script's last lines').
  private let names: PyNameTable?

  /// The tokens `PyLexer` would make of `text`, or nil where the text needs the full scanner.
  static func tokens(_ text: String) -> [PyToken]? {
    var tokens: [PyToken] = []
    return scan(text, into: &tokens) == nil ? nil : tokens
  }

  /// `tokens`, made in `buffer` (its elements replaced, its room kept: a caller that checks line
  /// after line allocates no array for each); nil where the text needs the full scanner, else
  /// whether the text ends with a backslash, or a backslash and a newline (a comment's: the
  /// scanner takes no other), read from the bytes it scanned.
  /// `names`: where names (and integers) made before are taken from, and those made added.
  static func scan(_ text: String, into buffer: inout [PyToken], names: PyNameTable? = nil)
    -> Bool?
  {
    var text = text
    return text.withUTF8 { bytes in
      var scanner = PyByteScanner(bytes: bytes, names: names)
      swap(&scanner.tokens, &buffer)
      defer { swap(&scanner.tokens, &buffer) }
      // Element by element: a line has a few tokens, and `removeAll(keepingCapacity:)` costs a
      // generic range replacement whatever the count.
      while !scanner.tokens.isEmpty { scanner.tokens.removeLast() }
      // A token takes a byte or more: one allocation for most texts, two at most.
      scanner.tokens.reserveCapacity(bytes.count / 2 + 8)
      guard scanner.run() else { return nil }
      let n = bytes.count
      return n > 0
        && (bytes[n - 1] == 0x5C || n > 1 && bytes[n - 1] == 0x0A && bytes[n - 2] == 0x5C)
    }
  }

  private init(bytes: UnsafeBufferPointer<UInt8>, names: PyNameTable?) {
    self.bytes = bytes
    self.names = names
  }

  /// The text of `start..<end` (a name's or an integer's), from `names` when it has it.
  private func word(_ start: Int, _ end: Int) -> String {
    if let names { return names.name(bytes, start, end) }
    return text(start, end)
  }

  private func peek(_ ahead: Int = 0) -> UInt8? {
    position + ahead < bytes.count ? bytes[position + ahead] : nil
  }

  private mutating func emit(_ kind: PyToken.Kind, _ start: Int, _ end: Int) {
    tokens.append(PyToken(kind: kind, range: SourceRange(start, end)))
  }

  /// An operator's token, made without asking its kind.
  private mutating func emit(op: PyOp, _ start: Int, _ end: Int) {
    tokens.append(PyToken(op: op, range: SourceRange(start, end)))
  }

  /// A layout token (or an integer), made without asking its kind.
  private mutating func emit(_ kind: PyToken.Kind, _ tag: PyToken.Tag, _ start: Int, _ end: Int) {
    tokens.append(PyToken(layout: kind, tag: tag, range: SourceRange(start, end)))
  }

  /// A name's token: whether it is a keyword asked of its bytes (first byte and length) before
  /// its text, and its text taken from `names` when the same bytes were a name before.
  private mutating func emitName(_ start: Int, _ end: Int) {
    let n = end - start
    let first = bytes[start]
    let keywordLength = n < 64 && keywordLengths[Int(first)] & (1 << UInt64(n)) != 0
    let name = word(start, end)
    tokens.append(
      PyToken(
        name: name, isKeyword: keywordLength && pyKeywords.contains(name),
        range: SourceRange(start, end)))
  }

  private static func startsName(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 || b == 0x5F }
  private static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }
  private static func continuesName(_ b: UInt8) -> Bool { startsName(b) || isDigit(b) }

  /// Scans the whole text; false to hand it to `PyLexer`.
  private mutating func run() -> Bool {
    // Bytes the full scanner treats otherwise: non-ASCII, "\r" (with "\n", one Character),
    // "\u{0B}" and "\u{0C}" (newlines to `Character`), other controls (errors).
    guard Self.isPlain(bytes) else { return false }
    var atLineStart = true
    while true {
      if atLineStart && brackets.isEmpty {
        guard let indented = scanIndentation() else { return false }
        guard indented else { continue }
        atLineStart = false
      }
      while let b = peek(), b == 0x20 || b == 0x09 { position += 1 }
      guard let b = peek() else { break }
      let start = position
      switch b {
      case 0x23:  // `#`
        while let c = peek(), c != 0x0A { position += 1 }
      case 0x0A:
        position += 1
        if brackets.isEmpty {
          emit(.newline, .newline, start, position)
          atLineStart = true
        }
      case 0x27, 0x22:  // quotes
        guard scanString(quote: b) else { return false }
      default:
        if Self.startsName(b) {
          while let c = peek(), Self.continuesName(c) { position += 1 }
          // A prefixed string (`f'...'`) is the full scanner's.
          if let c = peek(), c == 0x27 || c == 0x22 { return false }
          emitName(start, position)
        } else if Self.isDigit(b) {
          guard scanInteger() else { return false }
        } else if b == 0x2E, let c = peek(1), Self.isDigit(c) {
          return false  // `.5`, a float
        } else {
          guard scanOperator() else { return false }
        }
      }
    }
    guard brackets.isEmpty else { return false }
    let end = bytes.count
    if let last = tokens.last?.tag, last != .newline { emit(.newline, .newline, end, end) }
    while !indents.isEmpty {
      indents.removeLast()
      emit(.dedent, .dedent, end, end)
    }
    emit(.end, .end, end, end)
    return true
  }

  /// Whether every byte is one the scanner reads as itself: ASCII but DEL, and no control
  /// character but "\n" and "\t". Eight bytes are looked at together; a word holding a control
  /// byte (a line's end, a tab) byte by byte.
  static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
    let count = bytes.count
    var i = 0
    guard let base = bytes.baseAddress else { return true }
    let raw = UnsafeRawPointer(base)
    let high: UInt64 = 0x8080_8080_8080_8080
    let ones: UInt64 = 0x0101_0101_0101_0101
    while i + 8 <= count {
      let w = raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)
      // A byte >= 0x80, a byte < 0x20 (its subtraction borrows into the high bit) or a DEL
      // (0x7F + 1 sets the high bit): looked at byte by byte.
      if (w | (w &- ones &* 0x20) | (w &+ ones)) & high != 0 {
        for k in i..<(i + 8) where !isPlain(byte: bytes[k]) { return false }
      }
      i += 8
    }
    while i < count {
      if !isPlain(byte: bytes[i]) { return false }
      i += 1
    }
    return true
  }

  private static func isPlain(byte b: UInt8) -> Bool {
    b < 0x7F && (b >= 0x20 || b == 0x0A || b == 0x09)
  }

  private func text(_ start: Int, _ end: Int) -> String {
    String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)
  }

  /// `PyLexer.scanIndentation` for spaces: true at a line with a token, false at a blank or
  /// comment line, nil to give up (a tab, a form feed, a backslash, a bad dedent).
  private mutating func scanIndentation() -> Bool? {
    let lineStart = position
    while let b = peek(), b == 0x20 { position += 1 }
    let width = position - lineStart
    guard let b = peek() else { return true }
    if b == 0x09 || b == 0x5C { return nil }
    if b == 0x23 {
      while let c = peek(), c != 0x0A { position += 1 }
    }
    if peek() == 0x0A {
      position += 1
      return false
    }
    if peek() == nil { return true }
    let current = indents.last ?? 0
    if width > current {
      guard indents.count + 1 <= PyLexer.maxIndentLevels else { return nil }
      indents.append(width)
      emit(.indent, .indent, lineStart, position)
    } else if width < current {
      while let last = indents.last, last > width {
        indents.removeLast()
        emit(.dedent, .dedent, position, position)
      }
      if (indents.last ?? 0) != width { return nil }
    }
    return true
  }

  /// A decimal integer without `_`, leading zeros, a fraction, an exponent or a letter after it.
  private mutating func scanInteger() -> Bool {
    let start = position
    while let c = peek(), Self.isDigit(c) { position += 1 }
    if bytes[start] == 0x30 && position - start > 1 { return false }
    if let c = peek(), Self.continuesName(c) || c == 0x2E { return false }
    let digits = word(start, position)
    emit(.int(digits, radix: 10), .int, start, position)
    return true
  }

  /// A one-line string without escapes: its value is its text.
  private mutating func scanString(quote: UInt8) -> Bool {
    let start = position
    if peek(1) == quote && peek(2) == quote { return false }
    position += 1
    while let c = peek(), c != quote {
      if c == 0x5C || c == 0x0A { return false }
      position += 1
    }
    guard peek() != nil else { return false }
    let value = text(start + 1, position)
    position += 1
    emit(.string(PyStringPiece(isFString: false, value: value, parts: [])), start, position)
    return true
  }

  private mutating func scanOperator() -> Bool {
    let start = position
    let b = bytes[position]
    // Brackets and commas start no longer operator: taken without the table.
    switch b {
    case 0x28, 0x5B, 0x7B:
      guard brackets.count < PyLexer.maxBrackets else { return false }
      brackets.push(b)
      position += 1
      emit(op: PyOp(byte: b), start, position)
      return true
    case 0x29, 0x5D, 0x7D:
      guard let open = brackets.pop(), Self.closer(open) == b else { return false }
      position += 1
      emit(op: PyOp(byte: b), start, position)
      return true
    case 0x2C:
      position += 1
      emit(op: PyOp(byte: b), start, position)
      return true
    default: break
    }
    // The longest operator starting here: the next bytes packed as each candidate's are.
    var found: PyOp?
    for candidate in Self.operators[Int(b)] {
      let n = candidate.count
      guard position + n <= bytes.count else { continue }
      var code: UInt32 = 0
      for k in 0..<n { code |= UInt32(bytes[position + k]) << UInt32(8 * k) }
      if code == candidate.code {
        found = candidate
        break
      }
    }
    guard let op = found else { return false }
    position += op.count
    let first = op.first
    switch first {
    case 0x28, 0x5B, 0x7B:
      guard brackets.count < PyLexer.maxBrackets else { return false }
      brackets.push(first)
    case 0x29, 0x5D, 0x7D:
      guard let open = brackets.pop(), Self.closer(open) == first else { return false }
    default: break
    }
    emit(op: op, start, position)
    return true
  }

  private static func closer(_ open: UInt8) -> UInt8 {
    open == 0x28 ? 0x29 : open == 0x5B ? 0x5D : 0x7D
  }

  /// `PyLexer.operators` by their first byte, longest first, as tokens carry them.
  private static let operators: [[PyOp]] = {
    var table = [[PyOp]](repeating: [], count: 128)
    for op in PyLexer.operators {
      guard let first = op.utf8.first, first < 0x80 else { continue }
      table[Int(first)].append(PyOp(op))
    }
    return table
  }()
}

/// The scanner's open brackets, innermost last: the first 32 held in a word, two bits each (a
/// statement's brackets rarely nest deeper), so a line is scanned without allocating a stack.
struct BracketStack {
  private var inline: UInt64 = 0
  private var spill: [UInt8] = []
  private(set) var count = 0
  private static let inlineCapacity = 32

  var isEmpty: Bool { count == 0 }

  /// Pushes an opening bracket's byte: `(`, `[` or `{`.
  mutating func push(_ open: UInt8) {
    if count < Self.inlineCapacity {
      let code: UInt64 = open == 0x28 ? 1 : open == 0x5B ? 2 : 3
      inline |= code << UInt64(2 * count)
    } else {
      spill.append(open)
    }
    count += 1
  }

  /// Pops the innermost opening bracket's byte; nil when none is open.
  mutating func pop() -> UInt8? {
    guard count > 0 else { return nil }
    count -= 1
    if count >= Self.inlineCapacity { return spill.popLast() }
    let shift = UInt64(2 * count)
    let code = (inline >> shift) & 3
    inline &= ~(3 << shift)
    return code == 1 ? 0x28 : code == 2 ? 0x5B : 0x7B
  }
}
