import Foundation
import KerasJSON
import ShapeEngine

/// The work the benchmarks measure, made once before timing.
enum Workloads {
  /// The repository's root (this file is Benchmarks/Sources/KShapeBenchmarks/Workloads.swift).
  static let root = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    .deletingLastPathComponent()
  static let golden = root.appendingPathComponent("Tests/ShapeEngineTests/Golden/modelfiles")

  /// The largest golden models with free spatial dims, by layer count (NASNetMobile, built at
  /// unknown sizes, raises at every size: Keras's cell code baked a decision into its config).
  static let largest = ["nasnetmobile", "efficientnetv2s", "densenet121", "resnet101v2"]
  /// One size and ten sizes for inspect.
  static let oneSize = ["224x224"]
  static let tenSizes = [96, 128, 160, 192, 224, 256, 288, 320, 352, 384].map { "\($0)x\($0)" }

  /// Every golden model file (INDEX.json) with the size the warm comparison evaluates: the first
  /// of its sizes Keras accepts (its expected file's first `ok` result), or its first size when
  /// Keras accepts none (NASNetMobile: both raise, and the raising is timed). The same rule as
  /// tools/bench/speed_bench.py's Keras side.
  static func goldenSizes() -> [(name: String, size: String)] {
    func json(_ file: String) -> [String: Any]? {
      guard let data = try? Data(contentsOf: golden.appendingPathComponent(file)) else {
        return nil
      }
      return (try? JSONSerialization.jsonObject(with: data)) as? [String: Any]
    }
    let models = json("INDEX.json")?["models"] as? [[String: Any]] ?? []
    return models.compactMap { m in
      guard let name = m["name"] as? String, m["file"] as? String == "\(name).json",
        let results = json("\(name).expected.json")?["results"] as? [[String: Any]]
      else { return nil }
      let ok = results.first { $0["ok"] as? Bool == true } ?? results.first
      return (ok?["size"] as? String).map { (name, $0) }
    }
  }

  /// A golden model file's bytes.
  static func bytes(_ name: String) -> [UInt8] {
    (try? Array(Data(contentsOf: golden.appendingPathComponent("\(name).json")))) ?? []
  }

  static func decode(_ bytes: [UInt8]) throws -> SavedModel {
    try SavedModel.decode(try JSONParser.parse(bytes))
  }

  /// The statements of a script of `n` `Dense(8)` layers on one input.
  static func denseScript(_ n: Int) -> [String] {
    ["x = Input((16,))"] + Array(repeating: "Dense(8)", count: n)
  }

  /// A chain of `n` layers (Conv2D 3x3 same, BatchNormalization, ReLU, repeated) on an image
  /// of any size, typed as statements.
  static func chainStatements(_ n: Int) -> [String] {
    ["x = Input((None, None, 3))"]
      + (0..<n).map { ["Conv2D(8, 3, padding='same')", "BatchNormalization()", "ReLU()"][$0 % 3] }
  }

  /// The same chain as the Sequential config Keras saves (tools/bench/speed_bench.py writes it
  /// from Keras itself; this one has only the arguments that differ from the defaults).
  static func chainConfig(_ n: Int) -> [UInt8] {
    var layers = [
      #"{"module": "keras.layers", "class_name": "InputLayer", "config": {"batch_shape": [null, null, null, 3], "dtype": "float32", "name": "input_layer"}}"#
    ]
    for i in 0..<n {
      let (cls, prefix, extra) = [
        ("Conv2D", "conv2d", #", "filters": 8, "kernel_size": [3, 3], "padding": "same""#),
        ("BatchNormalization", "batch_normalization", ""), ("ReLU", "re_lu", ""),
      ][i % 3]
      let k = i / 3
      let name = k == 0 ? prefix : "\(prefix)_\(k)"
      layers.append(
        #"{"module": "keras.layers", "class_name": ""# + cls + #"", "config": {"name": ""# + name
          + #"""# + extra + "}}")
    }
    let text =
      #"{"module": "keras", "class_name": "Sequential", "config": {"name": "chain", "layers": ["#
      + layers.joined(separator: ", ") + "]}}"
    return Array(text.utf8)
  }

  /// A session after running `lines`.
  static func session(_ lines: [String]) -> Session {
    var s = Session()
    for line in lines { _ = s.submit(line) }
    return s
  }

  /// A session holding an imported model.
  static func imported(_ bytes: [UInt8]) throws -> Session {
    var s = Session()
    _ = s.importModel(try decode(bytes), source: "load chain")
    return s
  }
}
