/// A string read by code point in O(1): Python indexes and measures a str by code points, which
/// a Swift String finds by walking from its start (a loop of `s[i]` over an 80,000-character
/// string took 15 s, quadratic). An ASCII string's code points are its UTF-8 bytes; any other
/// keeps where each code point starts.
struct PyStringView {
  let string: String
  /// The UTF-8 offset of each code point, and the total; nil for ASCII (offset = index).
  private let starts: [Int]?
  let count: Int

  init(_ string: String) {
    self.string = string
    let bytes = string.utf8
    if bytes.allSatisfy({ $0 < 0x80 }) {
      starts = nil
      count = bytes.count
      return
    }
    var offsets: [Int] = []
    offsets.reserveCapacity(bytes.count + 1)
    var at = 0
    for b in bytes {
      if b & 0xC0 != 0x80 { offsets.append(at) }
      at += 1
    }
    count = offsets.count
    offsets.append(at)
    starts = offsets
  }

  /// The code points at `positions` (a slice's), as a string.
  func string(at positions: [Int]) -> String {
    let bytes = string.utf8
    var out: [UInt8] = []
    out.reserveCapacity(positions.count)
    for i in positions {
      let (from, to) = starts.map { ($0[i], $0[i + 1]) } ?? (i, i + 1)
      let lower = bytes.index(bytes.startIndex, offsetBy: from)
      let upper = bytes.index(bytes.startIndex, offsetBy: to)
      out.append(contentsOf: bytes[lower..<upper])
    }
    return String(decoding: out, as: UTF8.self)
  }

  /// The code point at `i` (0 ..< count), as a string.
  func character(at i: Int) -> String { string(at: [i]) }

  /// Whether `other` is this view's string: the same storage (the view holds it, so its
  /// address is not another string's); short strings are never cached.
  func views(_ other: String) -> Bool {
    let mine = string.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
    let theirs = other.utf8.withContiguousStorageIfAvailable { $0.baseAddress }
    guard let mine, let theirs else { return false }
    return mine == theirs && string.utf8.count == other.utf8.count
  }
}

extension Interpreter {
  /// The view of `s`: the last long string viewed is kept, so a loop over one string's
  /// positions measures it once.
  func stringView(_ s: String) -> PyStringView {
    if s.utf8.count <= 64 { return PyStringView(s) }
    if let last = lastStringView, last.views(s) { return last }
    let view = PyStringView(s)
    lastStringView = view
    return view
  }
}
