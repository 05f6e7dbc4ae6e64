import KerasJSON
import ModelFiles
import ShapeEngine

/// The file side of `import` and `kshape inspect`: a model file read and decoded, and errors
/// that name the file and, for a config, the JSON path of the problem.
enum ModelLoading {
  static func load(_ path: String) throws(EngineError) -> SavedModel {
    try loadWithConfig(path).model
  }

  /// The model and the config it was decoded from (the session store keeps the config).
  static func loadWithConfig(_ path: String) throws(EngineError) -> (
    model: SavedModel, config: JSONValue
  ) {
    let contents: ModelFileContents
    do {
      contents = try ModelFile.read(path: path)
    } catch {
      throw EngineError("\(error)")
    }
    do {
      return (try SavedModel.decode(contents.json), contents.json)
    } catch {
      throw EngineError("\(path): \(error.path): \(error.message)", hint: error.hint)
    }
  }
}

extension EngineError {
  /// The error as said of a model file: `FILE: $.json.path: layer "name": message`.
  func inFile(_ file: String) -> EngineError {
    var e = self
    e.diagnostic.message =
      "\(file): " + (path.map { "\($0): " } ?? "") + (layer.map { "layer \"\($0)\": " } ?? "")
      + message
    return e
  }

  /// `kshape: MESSAGE` and the hint, for stderr.
  var commandLineText: String {
    "kshape: " + message + (diagnostic.hint.map { "\nhint: \($0)" } ?? "")
  }
}
