import KerasJSON

/// A model file read into JSON: the config of a `.keras` archive, or a JSON file
/// (`model.to_json()` output or a bare config dict).
public struct ModelFileContents: Sendable {
  /// How the file was recognised (by its content, not its extension).
  public enum Format: Sendable, Hashable {
    /// A zip archive; `json` is its `config.json`.
    case kerasArchive
    /// A JSON text file.
    case json
  }

  public var path: String
  public var format: Format
  /// The top-level object.
  public var json: JSONValue

  public init(path: String, format: Format, json: JSONValue) {
    self.path = path
    self.format = format
    self.json = json
  }
}

/// The only reader of model files: bytes -> `JSONValue`, within `ModelFileLimits`. It does not
/// interpret the config; it never writes to disk and never runs anything from the file.
public enum ModelFile {
  /// Reads the file at `path`: a zip (`PK\3\4`, `PK\5\6`) is read as a `.keras` archive, text
  /// starting like JSON as JSON; anything else is refused with what its first bytes look like.
  public static func read(path: String, limits: ModelFileLimits = .default)
    throws(ModelFileError) -> ModelFileContents
  {
    let file = try OpenFile(path: path, streamLimit: limits.maxJSONFileBytes)
    guard let head = file.read(at: 0, count: 16) else {
      throw ModelFileError(
        path: path, kind: .cannotOpen,
        message: "the file cannot be read (\(OpenFile.lastReason))")
    }
    if head.starts(with: [0x50, 0x4B, 0x03, 0x04]) || head.starts(with: [0x50, 0x4B, 0x05, 0x06]) {
      let bytes = try KerasArchive.readConfig(file, path: path, limits: limits)
      let json = try parse(bytes[...], path: path, entry: KerasArchive.configName, limits: limits)
      return ModelFileContents(path: path, format: .kerasArchive, json: json)
    }
    if let refusal = Sniff.refusal(head: head, size: file.size) {
      throw ModelFileError(path: path, kind: .unknownFormat, message: refusal)
    }
    if file.size > UInt64(limits.maxJSONFileBytes) {
      throw tooLarge(path: path, size: file.size, limits: limits)
    }
    guard let bytes = file.readAll(limit: limits.maxJSONFileBytes) else {
      throw ModelFileError(
        path: path, kind: .cannotOpen,
        message: "the file cannot be read (\(OpenFile.lastReason))")
    }
    if bytes.count > limits.maxJSONFileBytes {
      throw tooLarge(path: path, size: UInt64(bytes.count), limits: limits)
    }
    let body = bytes.starts(with: Sniff.utf8BOM) ? bytes.dropFirst(3) : bytes[...]
    let json = try parse(body, path: path, entry: nil, limits: limits)
    return ModelFileContents(path: path, format: .json, json: json)
  }

  static func tooLarge(path: String, size: UInt64, limits: ModelFileLimits) -> ModelFileError {
    ModelFileError(
      path: path, kind: .tooLarge,
      message: "the file is \(byteCount(size)); JSON model files are read up to"
        + " \(byteCount(limits.maxJSONFileBytes))")
  }

  /// Parses JSON text that must hold an object (read in place: positions count from its start).
  static func parse(
    _ bytes: ArraySlice<UInt8>, path: String, entry: String?, limits: ModelFileLimits
  )
    throws(ModelFileError) -> JSONValue
  {
    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
      let what = bytes.isEmpty ? "is empty" : "holds only whitespace"
      throw ModelFileError(
        path: path, kind: .badJSON, message: (entry ?? "the file") + " " + what, entry: entry)
    }
    let value: JSONValue
    do {
      value = try JSONParser.parse(
        bytes, maxDepth: limits.maxJSONDepth, maxValues: limits.maxJSONValues)
    } catch  where error.exceedsLimit {
      throw ModelFileError(
        path: path, kind: .tooLarge,
        message: "the JSON holds " + error.message,
        entry: entry, line: error.line, column: error.column)
    } catch {
      throw ModelFileError(
        path: path, kind: .badJSON, message: "invalid JSON: " + error.message, entry: entry,
        line: error.line, column: error.column)
    }
    guard case .object = value else {
      throw ModelFileError(
        path: path, kind: .badJSON,
        message: "the JSON is \(value.kindDescription), not an object (a Keras config or the"
          + " output of model.to_json())", entry: entry, jsonPath: .root)
    }
    return value
  }
}
