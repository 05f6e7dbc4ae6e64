extension Parser {
  /// The ASCII letters a line starts with, after its leading whitespace: a cheap first test for
  /// the command parsers, which most lines (Python statements) fail. A command word is made of
  /// lowercase ASCII letters, so a line whose command parser finds the word `apply` starts with
  /// exactly these letters (after whitespace, which this skips at least as widely as they do);
  /// a word not among the commands' rules the line out without lexing it.
  public static func leadingLetters(_ line: String) -> Substring {
    let utf8 = line.utf8
    var i = utf8.startIndex
    while i != utf8.endIndex, isASCIISpace(utf8[i]) { i = utf8.index(after: i) }
    if i != utf8.endIndex, utf8[i] >= 0x80 {
      // Unicode whitespace (or a space with a combining mark): skipped as `Character`s.
      let rest = line.drop { $0.isWhitespace }
      return rest.prefix { $0.isASCII && $0.isLetter }
    }
    var j = i
    while j != utf8.endIndex, isASCIILetter(utf8[j]) { j = utf8.index(after: j) }
    return line[i..<j]
  }

  private static func isASCIISpace(_ byte: UInt8) -> Bool {
    byte == 0x20 || (byte >= 0x09 && byte <= 0x0D)
  }

  private static func isASCIILetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= 0x61 && (byte | 0x20) <= 0x7A
  }
}

/// A set of command words (lowercase ASCII letters) that answers whether a line starts with one
/// of them (`words.contains(String(Parser.leadingLetters(line)))`) without making a string of
/// the line's first word and hashing it: nearly every line is Python and is ruled out by its
/// first word's length or first letter.
public struct LeadingWords: Sendable {
  /// The words by their length in bytes, each as its bytes.
  private let byLength: [[[UInt8]]]

  /// The words' first bytes, as bits (bytes 0-63 in the first word, 64-127 in the second).
  private let firstBytes: (UInt64, UInt64)

  /// For each letter (`byte | 0x20 - 0x61`: the 26 lowercase ones, the uppercase ones at the
  /// same place), the lengths of the words starting with it, as bits (lengths below 64).
  private let lengthsByLetter: [UInt64]

  public init(_ words: some Sequence<String>) {
    var byLength: [[[UInt8]]] = []
    var firstBytes: (UInt64, UInt64) = (0, 0)
    var lengthsByLetter = [UInt64](repeating: 0, count: 26)
    for word in words {
      let bytes = Array(word.utf8)
      if let first = bytes.first, (first | 0x20) &- 0x61 < 26 {
        lengthsByLetter[Int((first | 0x20) &- 0x61)] |= 1 << UInt64(min(bytes.count, 63))
      }
      while byLength.count <= bytes.count { byLength.append([]) }
      byLength[bytes.count].append(bytes)
      if let first = bytes.first, first < 0x80 {
        if first < 64 {
          firstBytes.0 |= 1 << UInt64(first)
        } else {
          firstBytes.1 |= 1 << UInt64(first - 64)
        }
      }
    }
    self.byLength = byLength
    self.firstBytes = firstBytes
    self.lengthsByLetter = lengthsByLetter
  }

  /// Whether the letters `line` starts with (`Parser.leadingLetters`) are one of the words.
  public func containsLeadingWord(of line: String) -> Bool {
    // The line's bytes where they are contiguous and the word is ASCII (nearly always).
    let fast = line.utf8.withContiguousStorageIfAvailable { bytes -> Bool? in
      // A line that starts with an ASCII byte that is no space and starts no word (`Dense(8)`,
      // `(a, b) = t`) is ruled out by that byte: its leading letters, if any, start with it.
      guard let first = bytes.first else { return false }
      if first < 0x80, first != 0x20, !(first >= 0x09 && first <= 0x0D) {
        let bit = first < 64 ? firstBytes.0 >> UInt64(first) : firstBytes.1 >> UInt64(first - 64)
        if bit & 1 == 0 { return false }
      }
      var i = 0
      while i < bytes.count, bytes[i] == 0x20 || (bytes[i] >= 0x09 && bytes[i] <= 0x0D) { i += 1 }
      if i < bytes.count, bytes[i] >= 0x80 { return nil }
      var j = i
      while j < bytes.count, (bytes[j] | 0x20) >= 0x61, (bytes[j] | 0x20) <= 0x7A { j += 1 }
      guard j > i, j - i < byLength.count else { return false }
      // A word of a length no word with its first letter has (`h1 = ...`): ruled out so.
      guard
        j - i >= 63 || lengthsByLetter[Int((bytes[i] | 0x20) &- 0x61)] & (1 << UInt64(j - i)) != 0
      else { return false }
      for candidate in byLength[j - i] where candidate[0] == bytes[i] {
        if candidate.elementsEqual(bytes[i..<j]) { return true }
      }
      return false
    }
    if let fast, let answer = fast { return answer }
    let word = Parser.leadingLetters(line).utf8
    let count = word.count
    guard count < byLength.count, let first = word.first else { return false }
    for candidate in byLength[count] where candidate[0] == first {
      if word.elementsEqual(candidate) { return true }
    }
    return false
  }
}
