/// Ctrl-C during a computation: the REPL tells the engine how to ask whether the user pressed it
/// (the engine has no signals), and long loops (apply's replay, a scan's sizes, an import's
/// layers) check between steps, so the session is left as it was before the line.
public enum Interrupt {
  /// True once the user asked to stop; set by the REPL around its line editor's SIGINT flag.
  nonisolated(unsafe) public static var requested: () -> Bool = { false }

  /// Throws when the user asked to stop.
  static func check(_ what: @autoclosure () -> String) throws(EngineError) {
    if requested() {
      throw EngineError(
        "interrupted (Ctrl-C) \(what()); the session is as it was before this line")
    }
  }
}
