import Foundation
import KerasJSON
import ShapeEngine
import Testing

/// A scan must agree with Keras at every size Keras was asked about (Golden/modelfiles).
@Suite struct SizeScanTests {
  @Test(arguments: ["inceptionv3", "unet", "mobilenetv2"])
  func scanAgreesWithKerasAtItsSizes(_ name: String) throws {
    let (model, expected) = try ModelFileCase(name: name).load()
    // The square sizes Keras evaluated, and what it gave.
    var keras: [Int: String?] = [:]
    for r in expected.results {
      let parts = r.size.split(separator: "x").compactMap { Int($0) }
      guard parts.count == 2, parts[0] == parts[1], parts[0] <= 300 else { continue }
      keras[parts[0]] = r.ok ? nil : r.error?.layer
    }
    #expect(keras.count >= 3)
    let top = keras.keys.max() ?? 1
    let inspection = try Inspection.run(model, sizes: [], scan: 1...top)
    let scan = try #require(inspection.scan)
    #expect(scan.outcomes.count == top)
    for (s, layer) in keras {
      switch scan.outcomes[s - 1] {
      case .evaluates: #expect(layer == nil, "\(name) at \(s): Keras raises at \(layer ?? "")")
      case .fails(let l, _): #expect(layer == l, "\(name) at \(s): kshape fails at \(l)")
      }
    }
    // The report names every rejecting layer once, and the JSON parses.
    for case .fails(let l, _) in scan.rejecting { #expect(scan.text.contains("rejected by \(l) ")) }
    #expect((try? JSONParser.parse(inspection.json))?["scan"]?["from"] == .int(1))
  }

  @Test func rangesAreChecked() {
    #expect(throws: EngineError.self) { try SizeScan.parseRange("0-10") }
    #expect(throws: EngineError.self) { try SizeScan.parseRange("10-5") }
    #expect(throws: EngineError.self) { try SizeScan.parseRange("1-100000") }
    #expect(throws: EngineError.self) { try SizeScan.parseRange("a-b") }
    #expect((try? SizeScan.parseRange("3-7")) == 3...7)
  }
}
