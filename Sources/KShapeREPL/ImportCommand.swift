import KerasJSON
import SessionStore
import ShapeEngine

/// `load PATH [--assume-identity CLASS]...`: a saved model read into the session (also spelt
/// `import PATH` where PATH cannot be Python's module: quoted, or with `/`, `.keras`, `.json`,
/// `.h5`; `import keras` is Python's import). The REPL
/// reads the file (the session is pure); the session keeps the config, so `apply` never reads the
/// file again.
struct ImportCommand {
  var path: String
  var assumeIdentity: [String]

  /// The command in `line`, nil when the line is not an import; a malformed import is an error.
  static func parse(_ line: String) -> Result<ImportCommand, EngineError>? {
    var words = line.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
    guard let first = words.first, first == "load" || first == "import" else { return nil }
    if first == "import" {
      guard words.count >= 2, isPath(words[1]) else { return nil }
    } else if words.count >= 2, ["=", "(", "."].contains(where: { words[1].hasPrefix($0) }) {
      return nil
    }
    words.removeFirst()
    var assumed: [String] = []
    var paths: [String] = []
    var i = 0
    while i < words.count {
      if words[i] == "--assume-identity" {
        guard i + 1 < words.count else {
          return .failure(EngineError("--assume-identity needs a class name"))
        }
        assumed.append(words[i + 1])
        i += 2
        continue
      }
      paths.append(words[i])
      i += 1
    }
    guard !paths.isEmpty else {
      return .failure(
        EngineError(
          "load needs a file", hint: "load model.keras, or a JSON config: load model.json"))
    }
    var path = paths.joined(separator: " ")
    if path.count >= 2, let q = path.first, q == "\"" || q == "'", path.last == q {
      path = String(path.dropFirst().dropLast())
    }
    return .success(ImportCommand(path: path, assumeIdentity: assumed))
  }

  /// A word that names a file rather than a Python module.
  static func isPath(_ word: String) -> Bool {
    word.hasPrefix("\"") || word.hasPrefix("'") || word.contains("/") || word.hasPrefix("~")
      || [".keras", ".json", ".h5"].contains { word.lowercased().hasSuffix($0) }
  }

  /// Reads, decodes and imports the model; errors name the file and the JSON path. With the
  /// outcome comes the event to store when the import was accepted (the config as read).
  func run(_ session: inout Session, source: String) -> (Outcome, StoredEvent?) {
    let loaded: (model: SavedModel, config: JSONValue)
    do {
      loaded = try ModelLoading.loadWithConfig(HomePath.expand(path))
    } catch {
      return (.failure(error), nil)
    }
    let outcome = session.importModel(
      loaded.model, options: ImportOptions(assumeIdentity: Set(assumeIdentity)), source: source)
    if case .failure(let e) = outcome { return (.failure(e.inFile(path)), nil) }
    let event = StoredEvent(
      kind: .importedModel, source: source, config: loaded.config.compactText,
      assumeIdentity: assumeIdentity)
    return (outcome, event)
  }
}
