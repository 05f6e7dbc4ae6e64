/// How many terminal columns text takes: East Asian wide and fullwidth characters and emoji take
/// two, combining marks and zero-width characters none (what `wcwidth` says, without the C
/// locale's help, so that a table's borders stay straight under LANG=C too).
extension String {
  public var displayWidth: Int {
    if utf8.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) { return utf8.count }
    return reduce(0) { $0 + $1.displayWidth }
  }
}

extension Character {
  /// Columns one user-perceived character takes: 0, 1 or 2.
  public var displayWidth: Int {
    var width = 0
    for scalar in unicodeScalars {
      let w = scalar.displayWidth
      // A variation selector 16 asks for emoji presentation: two columns.
      if scalar.value == 0xFE0F { width = max(width, 2) }
      width = max(width, w)
    }
    return width
  }
}

extension Unicode.Scalar {
  /// Columns of one scalar; a cluster's width is that of its widest scalar.
  var displayWidth: Int {
    let v = value
    if v < 0x20 || (v >= 0x7F && v < 0xA0) { return 0 }
    if v < 0x300 { return 1 }
    switch properties.generalCategory {
    case .nonspacingMark, .enclosingMark, .format: return 0
    default: break
    }
    if v == 0x200B || (v >= 0xFE00 && v <= 0xFE0F) { return 0 }
    if properties.isEmojiPresentation { return 2 }
    for range in Self.wideRanges where range.contains(v) { return 2 }
    return 1
  }

  /// East Asian Wide (W) and Fullwidth (F) blocks, as wcwidth groups them.
  static let wideRanges: [ClosedRange<UInt32>] = [
    0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x2E80...0x303E, 0x3041...0x33FF,
    0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF, 0xA960...0xA97F, 0xAC00...0xD7A3,
    0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F, 0xFF00...0xFF60, 0xFFE0...0xFFE6,
    0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x2FFFD, 0x30000...0x3FFFD,
  ]
}
