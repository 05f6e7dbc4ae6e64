#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension REPL {
  /// The words of `text` that `withCommandTypo` could take as a piece's first word and that
  /// `keep` keeps: each longest run of letters and `_` (a piece of the text starts at a token,
  /// so its first word is one of these runs), three characters or more. The typo check asks the
  /// session's names only about these, at the cost of the text, not of every name.
  static func words(of text: String, where keep: (String) -> Bool = { _ in true }) -> Set<String> {
    // ASCII (nearly every line): the runs are found in the bytes, a string made only for a run
    // long enough.
    let ascii = text.utf8.withContiguousStorageIfAvailable { bytes -> Set<String>? in
      guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
      var words = Set<String>()
      var start = -1
      for i in 0...bytes.count {
        let b = i < bytes.count ? bytes[i] : 0
        if ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A) || b == 0x5F {
          if start < 0 { start = i }
          continue
        }
        if start >= 0, i - start >= 3 {
          let word = String(
            decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
          if keep(word) { words.insert(word) }
        }
        start = -1
      }
      return words
    }
    if let ascii, let words = ascii { return words }
    var words = Set<String>()
    var word = ""
    for ch in text {
      if ch.isLetter || ch == "_" {
        word.append(ch)
        continue
      }
      if word.count >= 3, keep(word) { words.insert(word) }
      word = ""
    }
    if word.count >= 3, keep(word) { words.insert(word) }
    return words
  }
}

extension String {
  /// Whether the text's UTF-8 holds `byte`: `memchr` over contiguous bytes (the per-line checks
  /// for `;`, `?` and `|`), the UTF-8 view's own search otherwise.
  func containsByte(_ byte: UInt8) -> Bool {
    let found = utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      guard let base = bytes.baseAddress else { return false }
      return memchr(base, Int32(byte), bytes.count) != nil
    }
    return found ?? utf8.contains(byte)
  }
}
