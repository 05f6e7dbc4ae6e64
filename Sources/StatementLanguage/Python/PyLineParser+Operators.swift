/// The line parser's operator rules: the binary operators by precedence climbing, signs and
/// `**`, as `PyParser+Expressions.swift` has them.
extension PyLineParser {
  /// The binary operators' rules from `level` on (0 is bitwise_or's), by precedence climbing;
  /// `first` is the first operand when read already.
  mutating func binary(above level: Int, first: consuming PyExpr?) -> PyExpr? {
    guard var left = first ?? factor() else { return nil }
    while true {
      let before = position
      skipSpaces()
      guard let (opLevel, op, length) = binaryOperator(), opLevel >= level else {
        position = before
        return left
      }
      position += length
      guard let right = binary(above: opLevel + 1, first: nil) else { return nil }
      let range = left.range.union(right.range)
      left = PyExpr(.binary(op, consume left, right), range)
    }
  }

  /// The binary operator at `position` (not an augmented assignment's, not `**`): its rule
  /// level (0 bitwise_or ... 5 term), operation and length.
  func binaryOperator() -> (Int, PyBinaryOp, Int)? {
    let b = byte(position)
    let c = byte(position + 1)
    var found: (Int, PyBinaryOp, Int)
    switch b {
    case 0x7C: found = (0, .bitor, 1)
    case 0x5E: found = (1, .bitxor, 1)
    case 0x26: found = (2, .bitand, 1)
    case 0x3C where c == 0x3C: found = (3, .lshift, 2)
    case 0x3E where c == 0x3E: found = (3, .rshift, 2)
    case 0x2B: found = (4, .add, 1)
    case 0x2D: found = (4, .sub, 1)
    case 0x2A where c != 0x2A: found = (5, .mul, 1)
    case 0x2F where c == 0x2F: found = (5, .floordiv, 2)
    case 0x2F: found = (5, .truediv, 1)
    case 0x25: found = (5, .mod, 1)
    case 0x40: found = (5, .matmul, 1)
    default: return nil
    }
    // `+=`, `//=`, `->`: not a binary operator.
    let after = byte(position + found.2)
    if after == 0x3D || (b == 0x2D && after == 0x3E) { return nil }
    return found
  }

  /// factor := ('+' | '-' | '~') factor | power     (`-1` is the int -1, as the parser folds it)
  mutating func factor() -> PyExpr? {
    skipSpaces()
    let start = position
    let b = byte(position)
    let op: PyUnaryOp
    switch b {
    case 0x2D: op = .minus
    case 0x2B: op = .plus
    case 0x7E: op = .invert
    default:
      guard let base = primary() else { return nil }
      return power(base)
    }
    if byte(position + 1) == 0x3D { return nil }
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth else { return nil }
    position += 1
    if op == .minus, let folded = negativeInteger(start: start) { return folded }
    guard let operand = factor() else { return nil }
    return PyExpr(.unary(op, operand), SourceRange(start, start + 1).union(operand.range))
  }

  /// power := primary ('**' factor)?      (`base` read)
  mutating func power(_ base: consuming PyExpr) -> PyExpr? {
    let before = position
    skipSpaces()
    guard byte(position) == 0x2A, byte(position + 1) == 0x2A, byte(position + 2) != 0x3D else {
      position = before
      return base
    }
    position += 2
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maxDepth, let exponent = factor() else { return nil }
    let range = base.range.union(exponent.range)
    return PyExpr(.binary(.pow, base, exponent), range)
  }

  /// After a `-` (at `start`): the integer it makes negative, when the parser folds them into
  /// one (an integer literal next, and after it no `**`, `.`, `[` or `(`); nil, the position
  /// kept, otherwise.
  mutating func negativeInteger(start: Int) -> PyExpr? {
    let before = position
    skipSpaces()
    guard Self.isDigit(byte(position)), let literal = number(), case .int(let value) = literal.kind
    else {
      position = before
      return nil
    }
    let end = position
    skipSpaces()
    let b = byte(position)
    if (b == 0x2A && byte(position + 1) == 0x2A) || b == 0x2E || b == 0x5B || b == 0x28 {
      position = before
      return nil
    }
    position = end
    // -9223372036854775808: its digits alone are no int (`number` marks them -1).
    let negative = value < 0 ? Int.min : -value
    return PyExpr(.int(negative), SourceRange(start, end))
  }
}
