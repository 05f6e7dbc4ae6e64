import KerasJSON
import ModelFiles
import ShapeEngine

/// The file side of `import` and `kshape inspect`: a model file read and decoded, and errors
/// that name the file and, for a config, the JSON path of the problem.
enum ModelLoading {
  /// Most layers a model may have, nested models included. Each costs about 4 KB once
  /// evaluated, so this bounds an import to ~400 MB; the largest Keras application has 813.
  static let maxLayers = 100_000

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
    let model: SavedModel
    do {
      model = try SavedModel.decode(contents.json)
    } catch {
      throw EngineError("\(path): \(error.path): \(error.message)", hint: error.hint)
    }
    let count = layerCount(model)
    guard count <= maxLayers else {
      throw EngineError(
        "\(path): the model has \(count) layers (nested models included); kshape imports models"
          + " of up to \(maxLayers) layers, the limit that bounds its memory")
    }
    return (model, contents.json)
  }

  /// The model's layers and those of every nested model.
  static func layerCount(_ model: SavedModel) -> Int {
    var count = 0
    var pending = [model]
    while let next = pending.popLast() {
      count += next.layers.count
      pending += next.layers.compactMap(\.nested)
    }
    return count
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
