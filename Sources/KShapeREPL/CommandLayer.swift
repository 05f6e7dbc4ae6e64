import LayerCatalog
import ShapeEngine
import StatementLanguage

/// What the REPL does with a statement before and after the session: the habits people bring
/// (typographic quotes, several sizes at once, a misspelt command), and the display options of
/// `summary` and `apply` (`--keras`, `--depth N`, `--compact`), which change how a result is
/// shown, never the session.
extension REPL {
  /// One command line run, as the outcomes to show and the style to show each in.
  func runCommand(_ piece: String) -> [(outcome: Outcome, style: RenderStyle)] {
    var style = self.style
    style.width = measureWidth()
    // Drawings in ASCII on a terminal that is not UTF-8 (pipes keep the style they were given).
    if style.width != nil && !TerminalCharset.isUTF8() { style.ascii = true }
    var text = Self.straightQuotes(piece)
    if let (command, pager) = Self.pagerPipe(text) {
      text = command
      style.pager = pager
    }
    var words = text.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    if words.first == "diff", session.graph.bindings["diff"] == nil,
      let outcome = diffOutcome(words.dropFirst().joined(separator: " "))
    {
      return [(outcome, style)]
    }
    guard let command = words.first, command == "summary" || command == "apply",
      session.graph.bindings[command] == nil
    else {
      return [(withCommandTypo(submitCommand(text), text), style)]
    }
    words.removeFirst()
    do {
      words = try Self.displayOptions(words, command: command, into: &style)
    } catch {
      return [(.failure(error), style)]
    }
    if command == "apply" {
      let sizes = SizeSpec.normalized(words.joined(separator: " "))
        .split(separator: " ").map(String.init)
      var unnamed = sizes.filter { !$0.contains("=") }
      // `apply encoder 32x32 64x64`: the model named first, then its sizes.
      var model: [String] = []
      if let first = unnamed.first, session.isModel(first) {
        model = [first]
        unnamed.removeFirst()
      }
      // `apply 32x32 64x64`: several sizes for the one input, each evaluated in turn.
      if unnamed.count > 1, session.inputCount(applying: model.first) == 1 {
        let named = sizes.filter { $0.contains("=") }
        var results: [(evaluation: Evaluation, size: String)] = []
        for size in unnamed {
          let outcome = withSmallestInput(
            submitCommand((["apply"] + model + [size] + named).joined(separator: " ")))
          // A size that is not a size (or Ctrl-C) is said as itself.
          guard case .applied(let ev, _) = outcome else { return [(outcome, style)] }
          results.append((ev, size))
        }
        return [(.appliedSizes(results), style)]
      }
    }
    let argument = words.joined(separator: " ")
    if command == "apply" {
      return [(withSmallestInput(submitCommand("apply " + SizeSpec.normalized(argument))), style)]
    }
    return [(submitCommand(command + " " + argument), style)]
  }

  /// `summary | less`: a command's output through a pager, as in a shell. Only for the commands
  /// that print (a statement's `|` is Python's `or`) and only `less` or `more`.
  static func pagerPipe(_ text: String) -> (command: String, pager: String)? {
    guard text.containsByte(0x7C), let bar = text.lastIndex(of: "|") else { return nil }
    func trimmed(_ s: Substring) -> String {
      String(s.drop { $0 == " " }.reversed().drop { $0 == " " }.reversed())
    }
    let pager = trimmed(text[text.index(after: bar)...])
    let command = trimmed(text[..<bar])
    let first = command.split(separator: " ").first.map(String.init) ?? ""
    guard ["summary", "apply", "help", "scan", "rules", "solve", "diff"].contains(first),
      ["less", "more"].contains(pager.split(separator: " ").first.map(String.init) ?? "")
    else { return nil }
    return (command, pager)
  }

  /// The display options of `summary` and `apply`, removed from `words` and set in `style`.
  static func displayOptions(_ words: [String], command: String, into style: inout RenderStyle)
    throws(EngineError) -> [String]
  {
    var rest: [String] = []
    var i = 0
    let known =
      command == "summary"
      ? ["--keras", "--depth", "--compact", "--receptive-field", "--cost"]
      : ["--depth", "--compact", "--keras", "--receptive-field", "--cost"]
    while i < words.count {
      let word = words[i]
      i += 1
      guard word.hasPrefix("--") else {
        rest.append(word)
        continue
      }
      let parts = word.split(separator: "=", maxSplits: 1).map(String.init)
      switch parts[0] {
      case "--keras": style.kerasShapes = true
      case "--compact": style.compact = true
      case "--receptive-field", "--rf": style.receptiveField = true
      case "--cost": style.cost = true
      case "--depth":
        var value = parts.count > 1 ? parts[1] : nil
        if value == nil, i < words.count {
          value = words[i]
          i += 1
        }
        guard let value, let depth = Int(value), depth >= 1 else {
          throw EngineError(
            "--depth needs a positive number",
            hint: "\(command) --depth 1 shows each imported model as one row")
        }
        style.depth = depth
      default:
        throw EngineError(
          "\(command) has no option '\(parts[0])'",
          hint: nearest(parts[0], in: known).map { "did you mean '\($0)'?" }
            ?? "its options are \(known.joined(separator: ", "))")
      }
    }
    return rest
  }

  /// A failed line whose first word is a misspelt command (`aply 32x32`, `sumary`): said as
  /// such, instead of what the statement parser made of it.
  func withCommandTypo(_ outcome: Outcome, _ text: String) -> Outcome {
    Self.withCommandTypo(outcome, text, names: Self.words(of: text, where: { session.hasName($0) }))
  }

  /// The same, with the session's names given (while the session runs a program).
  static func withCommandTypo(_ outcome: Outcome, _ text: String, names: Set<String>) -> Outcome {
    // Only where Python could not read the line (a command word is not Python).
    guard case .failure(let e) = outcome,
      e.message.hasPrefix("SyntaxError") || e.message.hasPrefix("NameError")
    else { return outcome }
    let first = String(text.drop { $0 == " " }.prefix { $0.isLetter || $0 == "_" })
    let after = text.drop { $0 == " " }.dropFirst(first.count)
    // A line that starts with a keyword is Python's (`del x` of a name not bound: NameError).
    guard first.count >= 3, !Session.commands.contains(first), !isPyKeyword(first),
      !names.contains(first), Catalog.entry(first) == nil,
      after.isEmpty || after.first == " ",
      !after.drop(while: { $0 == " " }).hasPrefix("="),
      let command = nearest(first, in: Session.commands.sorted())
    else { return outcome }
    return .failure(
      EngineError(
        "'\(first)' is not a command or a name in this session",
        hint: "did you mean '\(command)'? (help \(command))"))
  }

  /// Ctrl-C during a computation: `requested` says whether it was pressed (the line editor's
  /// SIGINT flag); scans, applies and imports then stop with the session unchanged.
  public static func interruptWhen(_ requested: @escaping () -> Bool) {
    Interrupt.requested = requested
  }

  /// Whether `text` has a byte `straightQuotes` or `pagerPipe` look for: 0xE2, which starts
  /// every curly quote's UTF-8, or `|`. Without either, the one leaves the text as it is and the
  /// other finds no pipe. Eight bytes at a time (`ByteWord`).
  static func mayHaveQuotesOrPipe(_ text: String) -> Bool {
    let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
      var i = 0
      if let base = UnsafeRawPointer(bytes.baseAddress) {
        while i + 8 <= bytes.count {
          let x = base.loadUnaligned(fromByteOffset: i, as: UInt64.self)
          if ByteWord.equal(x, 0xE2) | ByteWord.equal(x, 0x7C) != 0 { return true }
          i += 8
        }
      }
      while i < bytes.count {
        if bytes[i] == 0xE2 || bytes[i] == 0x7C { return true }
        i += 1
      }
      return false
    }
    return found ?? (text.utf8.contains(0xE2) || text.utf8.contains(0x7C))
  }

  /// Typographic quotes, as a word processor or a slide types them, read as Python's.
  static func straightQuotes(_ text: String) -> String {
    // U+2018...U+201F are E2 80 98...9F in UTF-8: a text without the byte E2 has none.
    guard text.containsByte(0xE2),
      text.unicodeScalars.contains(where: { $0.value >= 0x2018 && $0.value <= 0x201F })
    else { return text }
    var out = ""
    for ch in text {
      switch ch {
      case "\u{201C}", "\u{201D}", "\u{201E}", "\u{201F}": out.append("\"")
      case "\u{2018}", "\u{2019}", "\u{201A}", "\u{201B}": out.append("'")
      default: out.append(ch)
      }
    }
    return out
  }
}
