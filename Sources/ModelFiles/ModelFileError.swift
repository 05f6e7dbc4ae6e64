import KerasJSON

/// Why a model file could not be read, naming the file: "model.keras: not a Keras model file:
/// the archive has no config.json (entries: model.weights.h5, metadata.json)".
public struct ModelFileError: Error, Sendable, CustomStringConvertible {
  /// What went wrong, as data for callers that react to it (exit codes, tests).
  public enum Kind: Sendable, Hashable {
    /// Missing, a directory, unreadable.
    case cannotOpen
    /// Neither a zip nor JSON, or JSON in another encoding.
    case unknownFormat
    /// A zip that is damaged, truncated, encrypted, or has no usable config.json.
    case badArchive
    /// Past one of the `ModelFileLimits`.
    case tooLarge
    /// The JSON does not parse, or is not an object.
    case badJSON
  }

  /// The path as the user gave it.
  public var path: String
  public var kind: Kind
  /// What is wrong, without the file name.
  public var message: String
  /// Inside an archive: the entry the problem is in (`config.json`).
  public var entry: String?
  /// Where a JSON syntax error is: 1-based line and column.
  public var line: Int?
  public var column: Int?
  /// Where in the document the problem is, when it is about a value (the top level).
  public var jsonPath: JSONPath?

  public init(
    path: String, kind: Kind, message: String, entry: String? = nil, line: Int? = nil,
    column: Int? = nil, jsonPath: JSONPath? = nil
  ) {
    self.path = path
    self.kind = kind
    self.message = message
    self.entry = entry
    self.line = line
    self.column = column
    self.jsonPath = jsonPath
  }

  /// "PATH: not a Keras model file: MESSAGE" ("PATH: cannot read the file: ..." when it cannot
  /// be opened), with the entry, line and column when known.
  public var description: String {
    var place = path
    if let entry { place += " (" + entry + ")" }
    let what = kind == .cannotOpen ? ": cannot read the file: " : ": not a Keras model file: "
    var text = place + what + message
    if let line, let column { text += " at line \(line), column \(column)" }
    if let jsonPath, !jsonPath.components.isEmpty { text += " at " + jsonPath.description }
    return text
  }
}
