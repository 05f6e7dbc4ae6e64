/// The command lines kshape runs most, read without swift-argument-parser.
///
/// `parseAsRoot` of one command still reflects its options (property-wrapper metadata,
/// conformance searches): 1 to 4 ms at every start (11 million instructions for the default
/// command's), more than a 500-layer import. A line that is plainly `inspect MODEL [--size
/// S]... [--json] [--summary] [--cost] [--rules] [--receptive-field]`, `run FILE [--json]`,
/// `FILE [--json]` (the default command with a script) or `-c TEXT [--json]` (each flag at most
/// once, no other option, no argument starting with '-' except those flags and `-c`'s text, no
/// `help`, nothing empty but `-c`'s text) is read here, and runs exactly as the parsed command
/// would, as does `kshape` alone; any other line, including every one that ends in help, an
/// error or a message from the library, goes on to DirectParse.swift unchanged.
enum PlainCommandLine {
  /// What `inspect` takes on the plain line.
  struct InspectLine: Equatable {
    var model: String
    var sizes: [String] = []
    var json = false
    var summary = false
    var cost = false
    var rules = false
    var receptiveField = false
  }

  /// `run FILE [--json]` on the plain line.
  struct RunLine: Equatable {
    var file: String
    var json = false
  }

  /// `-c TEXT [--json]` on the plain line.
  struct TextLine: Equatable {
    var text: String
    var json = false
  }

  enum Line: Equatable {
    /// `kshape` alone: the REPL on a terminal, else the statements piped to stdin.
    case bare
    case inspect(InspectLine)
    case run(RunLine)
    case text(TextLine)
  }

  /// The words the full parse takes as a command, not as the default command's script.
  static let commandNames: Set<String> = ["inspect", "run", "repl", "help"]

  /// The plain line `arguments` spell (without the program name), or nil.
  static func read(_ arguments: [String]) -> Line? {
    guard let first = arguments.first else { return .bare }
    let rest = arguments.dropFirst()
    switch first {
    case "inspect": return readInspect(rest).map(Line.inspect)
    case "run": return readRun(rest).map(Line.run)
    default: return readDefault(arguments[...])
    }
  }

  /// The default command's plain lines: `FILE [--json]` runs as `run FILE [--json]` does;
  /// `-c TEXT [--json]` (`-c` takes the next word whatever it is, as `.unconditional` does).
  private static func readDefault(_ words: ArraySlice<String>) -> Line? {
    var text: String?
    var rest: [String] = []
    var i = words.startIndex
    while i < words.endIndex {
      let word = words[i]
      i += 1
      if word == "-c" {
        guard text == nil, i < words.endIndex else { return nil }
        text = words[i]
        i += 1
      } else {
        rest.append(word)
      }
    }
    if let text {
      switch rest {
      case []: return .text(TextLine(text: text))
      case ["--json"]: return .text(TextLine(text: text, json: true))
      default: return nil
      }
    }
    guard let run = readRun(rest[...]), !commandNames.contains(run.file) else { return nil }
    return .run(run)
  }

  /// A positional value the library would take as it is (not an option, not `help`).
  private static func isPlainValue(_ word: String) -> Bool {
    !word.isEmpty && !word.hasPrefix("-") && word != "help"
  }

  private static func readInspect(_ words: ArraySlice<String>) -> InspectLine? {
    var model: String?
    var line = InspectLine(model: "")
    var seen: Set<String> = []
    var i = words.startIndex
    while i < words.endIndex {
      let word = words[i]
      i += 1
      if word == "--size" {
        // `--size` takes the next word whatever it is, as `.unconditionalSingleValue` does.
        guard i < words.endIndex else { return nil }
        line.sizes.append(words[i])
        i += 1
        continue
      }
      if isPlainValue(word) {
        guard model == nil else { return nil }
        model = word
        continue
      }
      guard seen.insert(word).inserted else { return nil }
      switch word {
      case "--json": line.json = true
      case "--summary": line.summary = true
      case "--cost": line.cost = true
      case "--rules": line.rules = true
      case "--receptive-field": line.receptiveField = true
      default: return nil
      }
    }
    guard let model else { return nil }
    line.model = model
    return line
  }

  private static func readRun(_ words: ArraySlice<String>) -> RunLine? {
    var file: String?
    var json = false
    for word in words {
      if isPlainValue(word) {
        guard file == nil else { return nil }
        file = word
      } else if word == "--json", !json {
        json = true
      } else {
        return nil
      }
    }
    return file.map { RunLine(file: $0, json: json) }
  }
}
