import Foundation
import Testing

/// Reads the golden files that tools/golden/generate.py writes from real Keras.
enum Golden {
  /// The committed golden folder, or KSHAPE_GOLDEN_DIR (fresh cases from `generate.py --seed`).
  static let folder =
    ProcessInfo.processInfo.environment["KSHAPE_GOLDEN_DIR"].map { URL(fileURLWithPath: $0) }
    ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")

  /// Every layer case: the files of Golden/layers/, one per Keras class, in name order.
  static func layerCases() throws -> [LayerCase] {
    let dir = folder.appendingPathComponent("layers")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path)
      .filter { $0.hasSuffix(".jsonl") }.sorted()
    return try files.flatMap { try lines("layers/\($0)", as: LayerCase.self) }
  }

  /// Every line of a JSON Lines file, decoded.
  static func lines<T: Decodable>(_ file: String, as: T.Type) throws -> [T] {
    let data = try Data(contentsOf: folder.appendingPathComponent(file))
    let text = String(decoding: data, as: UTF8.self)
    let decoder = JSONDecoder()
    return try text.split(separator: "\n").map { try decoder.decode(T.self, from: Data($0.utf8)) }
  }
}

struct GoldenParams: Codable, Equatable, CustomStringConvertible {
  var total: Int
  var trainable: Int
  var nonTrainable: Int
  enum CodingKeys: String, CodingKey {
    case total, trainable
    case nonTrainable = "non_trainable"
  }
  var description: String { "\(total) (\(trainable) trainable, \(nonTrainable) non-trainable)" }
}

struct GoldenTensor: Codable {
  var name: String?
  var shape: [Int?]
  var dtype: String
}

/// A Python literal for a shape: `(None, 3)`, `(3,)`.
func pythonTuple(_ dims: [Int?]) -> String {
  let items = dims.map { $0.map(String.init) ?? "None" }
  return items.count == 1 ? "(\(items[0]),)" : "(" + items.joined(separator: ", ") + ")"
}
