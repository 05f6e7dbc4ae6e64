import CLibEdit

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Makes the C library decode terminal input as UTF-8, which libedit needs to keep
/// non-ASCII characters (under LANG=C it silently drops every byte above 0x7F).
enum TerminalLocale {
  /// Adopts the environment's LC_CTYPE and, when its codeset is not UTF-8, the first UTF-8
  /// locale that exists. Only LC_CTYPE changes: number formatting (LC_NUMERIC) stays "C".
  static func useUTF8CharacterType() {
    setlocale(LC_CTYPE, "")
    guard !codesetIsUTF8() else { return }
    for name in ["C.UTF-8", "C.utf8", "en_US.UTF-8"] where setlocale(LC_CTYPE, name) != nil {
      if codesetIsUTF8() { return }
    }
  }

  private static func codesetIsUTF8() -> Bool {
    guard let codeset = kshape_codeset() else { return false }
    let name = String(cString: codeset).uppercased().filter { $0 != "-" && $0 != "_" }
    return name == "UTF8"
  }
}
