/// The two command lines kshape runs most, read without swift-argument-parser.
///
/// `parseAsRoot` of one command still reflects its options (property-wrapper metadata,
/// conformance searches): about a millisecond at every start, a tenth of a 500-layer import.
/// A line that is plainly `inspect MODEL [--size S]... [--json] [--summary] [--cost] [--rules]
/// [--receptive-field]` or `run FILE [--json]` (each flag at most once, no other option, no
/// argument starting with '-' except those flags, no `help`, nothing empty) is read here, and
/// runs exactly as the parsed command would; any other line, including every one that ends in
/// help, an error or a message from the library, goes on to DirectParse.swift unchanged.
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

  enum Line: Equatable {
    case inspect(InspectLine)
    case run(RunLine)
  }

  /// The plain line `arguments` spell (without the program name), or nil.
  static func read(_ arguments: [String]) -> Line? {
    guard let first = arguments.first else { return nil }
    let rest = arguments.dropFirst()
    switch first {
    case "inspect": return readInspect(rest).map(Line.inspect)
    case "run": return readRun(rest).map(Line.run)
    default: return nil
    }
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
