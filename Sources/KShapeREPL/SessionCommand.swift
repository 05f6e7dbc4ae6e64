import ShapeEngine
import StatementLanguage

/// The REPL's session commands (`undo`, `history`, `open NAME`, ...): parsed here, run in
/// SessionCommands.swift. The engine never sees them: they act on the stored events.
enum SessionCommand: Equatable {
  case sessions
  case open(String)
  case new(String?)
  case rename(String)
  case copy(String)
  case delete(String)
  case restore(String)
  case history
  case undo
  case redo
  case drop(Int)
  /// `edit N` opens the line editor on statement N; `edit N TEXT` replaces it directly.
  case edit(Int, String?)
  case run(String)
  case exportScript(String)
  case exportMarkdown(String)
  /// `strict on|off`: Keras's refusal of weights sized by an unknown dim, or kshape's deferral.
  case strict(Bool?)
  /// `cost on|off`: `summary` and `apply` show the cost columns without `--cost`.
  case cost(Bool?)

  static let words: Set<String> = [
    "sessions", "open", "new", "rename", "copy", "delete", "restore", "history", "undo", "redo",
    "drop", "edit", "run", "strict", "cost",
  ]

  /// The command word as JSON names it.
  var name: String {
    switch self {
    case .sessions: "sessions"
    case .open: "open"
    case .new: "new"
    case .rename: "rename"
    case .copy: "copy"
    case .delete: "delete"
    case .restore: "restore"
    case .history: "history"
    case .undo: "undo"
    case .redo: "redo"
    case .drop: "drop"
    case .edit: "edit"
    case .run: "run"
    case .exportScript: "export script"
    case .exportMarkdown: "export markdown"
    case .strict: "strict"
    case .cost: "cost"
    }
  }

  /// The command in `line`; nil when the line is a statement (a user's own name wins: `undo = x`
  /// or `new(x)` or a bare `history` bound by the user are statements); a malformed command is
  /// an error with its usage.
  static func parse(_ line: String, isBound: (String) -> Bool) -> Result<
    SessionCommand, EngineError
  >? {
    // A cheap first test: the word below is these letters when it is a command's.
    let lead = Parser.leadingLetters(line)
    guard lead == "export" || words.contains(String(lead)) else { return nil }
    let trimmed = line.drop { $0 == " " || $0 == "\t" }
    let word = String(trimmed.prefix { $0.isLetter })
    let rest = trimmed.dropFirst(word.count)
    let argument = rest.trimmingCharacters(in: " \t")
    if word == "export" {
      let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
      guard let format = parts.first, format == "script" || format == "markdown" else { return nil }
      guard parts.count == 2 else {
        return .failure(usage("export \(format) needs a path", "export \(format) PATH"))
      }
      let path = unquoted(parts[1])
      return .success(format == "script" ? .exportScript(path) : .exportMarkdown(path))
    }
    guard words.contains(word) else { return nil }
    // `undo = 3`, `open(x)`, `history.x`: Python, not a command.
    if let next = rest.first, next != " " && next != "\t" { return nil }
    if let first = argument.first, "=([.,:".contains(first) { return nil }
    if argument.isEmpty, isBound(word) { return nil }
    return parse(word, argument)
  }

  private static func parse(_ word: String, _ argument: String) -> Result<
    SessionCommand, EngineError
  > {
    let name = unquoted(argument)
    func needsName(_ make: (String) -> SessionCommand) -> Result<SessionCommand, EngineError> {
      guard !name.isEmpty, !name.contains(" ") else {
        return .failure(usage("\(word) needs one session name", "\(word) NAME"))
      }
      return .success(make(name))
    }
    func noArgument(_ c: SessionCommand) -> Result<SessionCommand, EngineError> {
      argument.isEmpty ? .success(c) : .failure(usage("\(word) takes no argument", word))
    }
    switch word {
    case "sessions": return noArgument(.sessions)
    case "history": return noArgument(.history)
    case "undo": return noArgument(.undo)
    case "redo": return noArgument(.redo)
    case "open": return needsName(SessionCommand.open)
    case "rename": return needsName(SessionCommand.rename)
    case "copy": return needsName(SessionCommand.copy)
    case "delete": return needsName(SessionCommand.delete)
    case "restore": return needsName(SessionCommand.restore)
    case "new":
      if name.isEmpty { return .success(.new(nil)) }
      return needsName(SessionCommand.new)
    case "run":
      guard !name.isEmpty else { return .failure(usage("run needs a script file", "run FILE")) }
      return .success(.run(name))
    case "strict", "cost":
      let make = word == "cost" ? SessionCommand.cost : SessionCommand.strict
      switch argument {
      case "": return .success(make(nil))
      case "on": return .success(make(true))
      case "off": return .success(make(false))
      default: return .failure(usage("\(word) takes on or off", "\(word) on, or \(word) off"))
      }
    case "drop":
      guard let n = Int(argument) else {
        return .failure(usage("drop needs a statement number (`history` numbers them)", "drop N"))
      }
      return .success(.drop(n))
    default:  // edit
      let parts = argument.split(separator: " ", maxSplits: 1).map(String.init)
      guard let first = parts.first, let n = Int(first) else {
        return .failure(
          usage("edit needs a statement number (`history` numbers them)", "edit N, or edit N TEXT"))
      }
      let text = parts.count > 1 ? parts[1].trimmingCharacters(in: " ") : nil
      return .success(.edit(n, text?.isEmpty == true ? nil : text))
    }
  }

  private static func usage(_ message: String, _ form: String) -> EngineError {
    EngineError(message, hint: "write: \(form)")
  }

  private static func unquoted(_ s: String) -> String {
    var s = s.trimmingCharacters(in: " \t")
    if s.count >= 2, let q = s.first, q == "\"" || q == "'", s.last == q {
      s = String(s.dropFirst().dropLast())
    }
    return s
  }
}

extension Substring {
  fileprivate func trimmingCharacters(in set: String) -> String {
    String(self).trimmingCharacters(in: set)
  }
}
