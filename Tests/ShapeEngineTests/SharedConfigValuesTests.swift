import Foundation
import KerasJSON
import LayerCatalog
import Testing

@testable import ShapeEngine

/// `ConfigValues.SharedValues`: a layer's keywords made with the values of the containers met
/// before in the import are the keywords made alone, for every layer of every golden model file
/// (nested models' included), and a container shared under `dtype` and under another key gives
/// each its own value.
@Suite struct SharedConfigValuesTests {
  static func sameKeywords(_ a: [(String, Value)], _ b: [(String, Value)])
    -> Bool
  {
    a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
  }

  @Test func goldenModelFilesGiveTheSameKeywords() throws {
    let files = try FileManager.default.contentsOfDirectory(
      at: ModelFileCase.folder, includingPropertiesForKeys: nil
    ).filter { $0.pathExtension == "json" && !$0.lastPathComponent.hasSuffix(".expected.json") }
    #expect(files.count > 20)
    var layers = 0
    var sharedCount = 0
    for file in files {
      guard let model = try? SavedModel.decode(try JSONParser.parse(Array(Data(contentsOf: file))))
      else { continue }
      let shared = ConfigValues.SharedValues()
      var pending = [model]
      while let m = pending.popLast() {
        for layer in m.layers {
          if let nested = layer.nested { pending.append(nested) }
          let alone = ConfigValues.keywords(layer.config, className: layer.className)
          let withShared = ConfigValues.keywords(
            layer.config, className: layer.className, shared: shared)
          let label = file.lastPathComponent + ": " + layer.name
          #expect(Self.sameKeywords(alone, withShared), Comment(rawValue: label))
          layers += 1
        }
      }
      sharedCount += shared.hits
    }
    #expect(layers > 1000)
    // Repeats are found (Keras's configs repeat initializers and strides in every layer).
    #expect(sharedCount > layers)
  }

  @Test func dtypeAndOtherKeysKeepTheirOwnValues() throws {
    let policy = #"{"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float16"}}"#
    let json = try JSONParser.parse(
      #"{"dtype": \#(policy), "other": \#(policy), "dtype": \#(policy)}"#)
    // The parser shares the three objects; each key still gets the value it gets alone.
    guard case .object(let members) = json else {
      Issue.record("not an object")
      return
    }
    let shared = ConfigValues.SharedValues()
    for order in [members, members.reversed()] {
      #expect(
        Self.sameKeywords(
          ConfigValues.keywords(order, shared: shared), ConfigValues.keywords(order)))
    }
    #expect(ConfigValues.keywords(members, shared: shared).map(\.1.pythonRepr).first == "'float16'")
  }
}
