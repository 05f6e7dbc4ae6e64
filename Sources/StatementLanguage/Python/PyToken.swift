/// One token of Python source; layout (indentation, line ends) is already turned into tokens.
struct PyToken: Sendable, Equatable {
  enum Kind: Sendable, Equatable {
    /// A name or a keyword (the parser tells them apart).
    case name(String)
    /// An integer literal's digits (no `_`, no prefix) and their radix.
    case int(String, radix: Int)
    case float(Double)
    case string(PyStringPiece)
    /// Punctuation and operators: `(`, `+=`, `**`, `...`.
    case op(PyOp)
    case newline
    case indent
    case dedent
    case end
  }
  let kind: Kind
  /// Whether the token is a name that is a keyword (`isPyKeyword`): asked once, when the token
  /// is made, rather than at each of the parser's questions about it.
  let isKeyword: Bool
  /// The kind's case without its payload, and the operator of an `.op` token (code 0 for any
  /// other): the parser's questions read these plain fields, where matching `kind` copies it
  /// (a retain and a release of a name's string).
  let tag: Tag
  let op: PyOp
  var range: SourceRange

  enum Tag: UInt8 {
    case name, int, float, string, op, newline, indent, dedent, end
  }

  init(kind: Kind, range: SourceRange) {
    self.kind = kind
    var keyword = false
    var op = PyOp(byte: 0)
    switch kind {
    case .name(let name):
      keyword = isPyKeyword(name)
      tag = .name
    case .int: tag = .int
    case .float: tag = .float
    case .string: tag = .string
    case .op(let o):
      op = o
      tag = .op
    case .newline: tag = .newline
    case .indent: tag = .indent
    case .dedent: tag = .dedent
    case .end: tag = .end
    }
    isKeyword = keyword
    self.op = op
    self.range = range
  }

  /// An operator's token (the byte scanner's: its case known, no kind asked).
  init(op: PyOp, range: SourceRange) {
    kind = .op(op)
    isKeyword = false
    tag = .op
    self.op = op
    self.range = range
  }

  /// A layout token's (`.newline`, `.indent`, `.dedent`, `.end`), or an integer's.
  init(layout kind: Kind, tag: Tag, range: SourceRange) {
    self.kind = kind
    isKeyword = false
    self.tag = tag
    op = PyOp(byte: 0)
    self.range = range
  }

  /// A name's token, whether it is a keyword known (`isPyKeyword(name)`).
  init(name: String, isKeyword: Bool, range: SourceRange) {
    kind = .name(name)
    self.isKeyword = isKeyword
    tag = .name
    op = PyOp(byte: 0)
    self.range = range
  }

  /// A name token's name ("" for other tokens).
  var name: String {
    if case .name(let name) = kind { return name }
    return ""
  }

  /// A name that is no keyword (an identifier).
  var isIdentifier: Bool {
    if case .name = kind { return !isKeyword }
    return false
  }

  /// The token as messages name it.
  var description: String {
    switch kind {
    case .name(let n): return "'\(n)'"
    case .int(let d, _): return "'\(d)'"
    case .float(let v): return "'\(v)'"
    case .string: return "string"
    case .op(let o): return "'\(o)'"
    case .newline: return "end of line"
    case .indent: return "indent"
    case .dedent: return "dedent"
    case .end: return "end of input"
    }
  }
}

/// One string literal as written: a plain string's value, or an f-string's pieces still to parse.
struct PyStringPiece: Sendable, Equatable {
  var isFString: Bool
  /// The value of a plain string; the literal text of an f-string is in `parts`.
  var value: String
  var parts: [PyRawFPart]
}

/// A piece of an f-string before its expressions are parsed.
indirect enum PyRawFPart: Sendable, Equatable {
  case text(String)
  /// The expression's source and the offset of its first character in the program.
  case field(
    source: String, offset: Int, conversion: Character?, spec: [PyRawFPart]?,
    selfDocumenting: String?, range: SourceRange)
}

/// Python's reserved words: never names.
let pyKeywords: Set<String> = [
  "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
  "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import", "in",
  "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while", "with",
  "yield",
]

/// Whether `name` is one of `pyKeywords`. Most names are ruled out by their first byte and
/// length (no keyword starts with `D` or `h`, none starting with `p` has 7 letters) before the
/// set is asked: every name of every statement is checked, and hashing it costs more.
public func isPyKeyword(_ name: String) -> Bool {
  let utf8 = name.utf8
  guard let first = utf8.first, first < 0x80, utf8.count < 64 else { return false }
  guard keywordLengths[Int(first)] & (1 << UInt64(utf8.count)) != 0 else { return false }
  return pyKeywords.contains(name)
}

/// Whether a name of at most eight bytes, packed little-endian into `word` (`PyNameTable.pack`),
/// is one of `pyKeywords` (none is longer): its bytes compared with theirs, without a string.
/// (`KeywordTests` checks the words against the set.)
func isPyKeyword(packed word: UInt64) -> Bool {
  switch word {
  case 0x6669: true  // if
  case 0x6E69: true  // in
  case 0x726F: true  // or
  case 0x7361: true  // as
  case 0x7369: true  // is
  case 0x64_6E61: true  // and
  case 0x66_6564: true  // def
  case 0x6C_6564: true  // del
  case 0x72_6F66: true  // for
  case 0x74_6F6E: true  // not
  case 0x79_7274: true  // try
  case 0x656E_6F4E: true  // None
  case 0x6573_6C65: true  // else
  case 0x6575_7254: true  // True
  case 0x6669_6C65: true  // elif
  case 0x6874_6977: true  // with
  case 0x6D6F_7266: true  // from
  case 0x7373_6170: true  // pass
  case 0x63_6E79_7361: true  // async
  case 0x64_6C65_6979: true  // yield
  case 0x65_6C69_6877: true  // while
  case 0x65_7369_6172: true  // raise
  case 0x65_736C_6146: true  // False
  case 0x6B_6165_7262: true  // break
  case 0x73_7361_6C63: true  // class
  case 0x74_6961_7761: true  // await
  case 0x6164_626D_616C: true  // lambda
  case 0x6C61_626F_6C67: true  // global
  case 0x6E72_7574_6572: true  // return
  case 0x7470_6563_7865: true  // except
  case 0x7472_6573_7361: true  // assert
  case 0x7472_6F70_6D69: true  // import
  case 0x79_6C6C_616E_6966: true  // finally
  case 0x6575_6E69_746E_6F63: true  // continue
  case 0x6C61_636F_6C6E_6F6E: true  // nonlocal
  default: false
  }
}

/// For each first byte, the lengths of the keywords that start with it, as bits.
let keywordLengths: [UInt64] = {
  var table = [UInt64](repeating: 0, count: 128)
  for word in pyKeywords {
    guard let first = word.utf8.first else { continue }
    table[Int(first)] |= 1 << UInt64(word.utf8.count)
  }
  return table
}()

/// An operator or punctuation token as written (`(`, `+=`, `...`): its bytes (three at most,
/// `PyLexer.operators`) packed into an integer, so that the parser's many questions of the form
/// "is the next token `(`?" compare integers rather than strings.
struct PyOp: Hashable, Sendable, ExpressibleByStringLiteral, CustomStringConvertible {
  /// The bytes, first in the lowest byte (bytes past the fourth are not kept: no operator has).
  let code: UInt32

  /// A one-byte operator.
  init(byte: UInt8) { code = UInt32(byte) }

  init(_ text: String) {
    var code: UInt32 = 0
    for (i, b) in text.utf8.prefix(4).enumerated() { code |= UInt32(b) << UInt32(8 * i) }
    self.code = code
  }

  @inline(__always)
  init(stringLiteral value: StaticString) {
    // Read directly (the parser makes one at every `at("(")`): a one-character literal may be
    // stored as its scalar, a longer one as its bytes.
    guard value.hasPointerRepresentation else {
      code = value.unicodeScalar.value < 0x80 ? value.unicodeScalar.value : 0
      return
    }
    let bytes = value.utf8Start
    let count = value.utf8CodeUnitCount
    var code: UInt32 = 0
    if count > 0 { code = UInt32(bytes[0]) }
    if count > 1 { code |= UInt32(bytes[1]) << 8 }
    if count > 2 { code |= UInt32(bytes[2]) << 16 }
    if count > 3 { code |= UInt32(bytes[3]) << 24 }
    self.code = code
  }

  /// The first byte (`(` for `(`).
  var first: UInt8 { UInt8(truncatingIfNeeded: code) }

  /// How many bytes the operator has.
  var count: Int { (32 - code.leadingZeroBitCount + 7) / 8 }

  /// The operator as text.
  var text: String {
    var bytes: [UInt8] = []
    var rest = code
    while rest != 0 {
      bytes.append(UInt8(truncatingIfNeeded: rest))
      rest >>= 8
    }
    return String(decoding: bytes, as: UTF8.self)
  }

  var description: String { text }
}
