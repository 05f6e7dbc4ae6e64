/// Substring search by code point, as Python's str compares: a Swift String's own `contains`,
/// `components(separatedBy:)` and `range(of:)` match whole characters (grapheme clusters), so
/// "e" was not found in "e\u{301}x" and "a\u{301}b".split("\u{301}") did not split.
struct PyStringSearch {
  let hay: [Unicode.Scalar]
  let needle: [Unicode.Scalar]

  init(_ s: String, _ sub: String) {
    hay = Array(s.unicodeScalars)
    needle = Array(sub.unicodeScalars)
  }

  private func matches(at i: Int) -> Bool {
    hay[i..<(i + needle.count)].elementsEqual(needle)
  }

  /// The first occurrence at or after `from` that ends by `to` (the end of the text when nil).
  func first(from: Int = 0, to: Int? = nil) -> Int? {
    let to = to ?? hay.count
    guard needle.count <= to - from else { return nil }
    return (from...(to - needle.count)).first(where: matches)
  }

  /// `str.count`: the occurrences between `from` and `to`, not overlapping; an empty needle
  /// matches at every position and at the end.
  func count(from: Int, to: Int) -> Int {
    if needle.isEmpty { return to - from + 1 }
    var n = 0
    var start = from
    while let at = first(from: start, to: to) {
      n += 1
      start = at + needle.count
    }
    return n
  }

  /// The last occurrence ending at or before `end`.
  func last(endingBy end: Int) -> Int? {
    guard needle.count <= end else { return nil }
    return stride(from: end - needle.count, through: 0, by: -1).first(where: matches)
  }

  /// The text between positions.
  func text(_ from: Int, _ to: Int) -> String {
    var view = String.UnicodeScalarView()
    view.append(contentsOf: hay[from..<to])
    return String(view)
  }

  /// `str.split(sep, maxsplit)` (`fromRight`: `rsplit`, which finds occurrences from the end);
  /// the needle is not empty.
  func split(_ maxSplit: Int, fromRight: Bool) -> [String] {
    var parts: [String] = []
    if fromRight {
      var end = hay.count
      while maxSplit < 0 || parts.count < maxSplit, let at = last(endingBy: end) {
        parts.append(text(at + needle.count, end))
        end = at
      }
      parts.append(text(0, end))
      return parts.reversed()
    }
    var start = 0
    while maxSplit < 0 || parts.count < maxSplit, let at = first(from: start) {
      parts.append(text(start, at))
      start = at + needle.count
    }
    parts.append(text(start, hay.count))
    return parts
  }

  /// `str.replace(old, new, count)`: an empty needle matches before every code point and at
  /// the end.
  func replace(with new: String, count: Int) -> String {
    var out = String.UnicodeScalarView()
    if needle.isEmpty {
      for (i, scalar) in hay.enumerated() {
        if count < 0 || i < count { out.append(contentsOf: new.unicodeScalars) }
        out.append(scalar)
      }
      if count < 0 || hay.count < count { out.append(contentsOf: new.unicodeScalars) }
      return String(out)
    }
    var start = 0
    var done = 0
    while count < 0 || done < count, let at = first(from: start) {
      out.append(contentsOf: hay[start..<at])
      out.append(contentsOf: new.unicodeScalars)
      start = at + needle.count
      done += 1
    }
    out.append(contentsOf: hay[start...])
    return String(out)
  }

  /// Python's `str.isspace` for one code point: Unicode's White_Space, and the separators
  /// U+001C-U+001F.
  static func isSpace(_ c: Unicode.Scalar) -> Bool {
    c.properties.isWhitespace || (0x1C...0x1F).contains(c.value)
  }

  /// `str.split()` and `str.rsplit()` on runs of whitespace, as CPython's `split_whitespace`:
  /// after `maxSplit` words the rest is one piece, its whitespace next to them dropped and the
  /// other end's kept.
  static func splitWhitespace(_ s: String, _ maxSplit: Int, fromRight: Bool) -> [String] {
    let c = Array(s.unicodeScalars)
    func text(_ from: Int, _ to: Int) -> String {
      var view = String.UnicodeScalarView()
      view.append(contentsOf: c[from..<to])
      return String(view)
    }
    var left = maxSplit < 0 ? Int.max : maxSplit
    var parts: [String] = []
    if fromRight {
      var i = c.count - 1
      while left > 0 {
        left -= 1
        while i >= 0, isSpace(c[i]) { i -= 1 }
        if i < 0 { break }
        let j = i
        i -= 1
        while i >= 0, !isSpace(c[i]) { i -= 1 }
        parts.append(text(i + 1, j + 1))
      }
      if i >= 0 {
        while i >= 0, isSpace(c[i]) { i -= 1 }
        if i >= 0 { parts.append(text(0, i + 1)) }
      }
      return parts.reversed()
    }
    var i = 0
    while left > 0 {
      left -= 1
      while i < c.count, isSpace(c[i]) { i += 1 }
      if i == c.count { break }
      let j = i
      i += 1
      while i < c.count, !isSpace(c[i]) { i += 1 }
      parts.append(text(j, i))
    }
    if i < c.count {
      while i < c.count, isSpace(c[i]) { i += 1 }
      if i != c.count { parts.append(text(i, c.count)) }
    }
    return parts
  }
}
