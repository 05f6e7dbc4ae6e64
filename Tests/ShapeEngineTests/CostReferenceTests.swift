import Foundation
import KerasJSON
import ShapeCore
import ShapeEngine
import Testing

/// One line of Golden/cost_reference.jsonl (tools/cost/reference_macs.py): TensorFlow's
/// profiler and the graph's einsums counting a golden model at a size.
struct CostReference: Decodable, CustomStringConvertible, Sendable {
  var model: String
  var size: String
  var macs: Int?
  var error: String?
  var description: String { "\(model) at \(size)" }

  static func all() -> [CostReference] {
    let url = Golden.folder.appendingPathComponent("cost_reference.jsonl")
    guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
    return text.split(separator: "\n").compactMap {
      try? JSONDecoder().decode(CostReference.self, from: Data($0.utf8))
    }
  }

  /// kshape's report for the model file at the size.
  func kshape() throws -> CostReport {
    let (saved, _) = try ModelFileCase(name: model).load()
    let inspection = try Inspection.run(saved, sizes: [size])
    let ev = try #require(inspection.results.first?.evaluation)
    if let (_, e) = ev.failure { Issue.record("\(self): kshape fails: \(e.message)") }
    return CostAnalysis.run(ev.graph)
  }
}

@Suite struct CostReferenceTests {
  static let cases = CostReference.all().filter { $0.error == nil }

  /// Where kshape and the reference count differently on purpose (docs/cost.md): the model,
  /// and why. Every other model must agree exactly.
  static let differences: [String: String] = [:]

  @Test func referenceCoversTheGoldenModels() {
    let all = CostReference.all()
    #expect(all.count >= 60)
    #expect(Self.cases.count >= 50, "most golden models trace in TensorFlow")
    for app in ["resnet50_top", "mobilenetv2_top", "vgg16_top", "efficientnetb0", "vit"] {
      #expect(Self.cases.contains { $0.model == app }, "no reference for \(app)")
    }
  }

  /// kshape's total MACs equal TensorFlow's count of the model's product ops.
  @Test(arguments: cases)
  func totalMACsMatchTensorFlow(_ c: CostReference) throws {
    let report = try c.kshape()
    let want = try #require(c.macs)
    #expect(report.uncounted.isEmpty, "\(c): not counted: \(report.uncounted)")
    let got = report.total.macs.value
    if let why = Self.differences[c.model] {
      withKnownIssue(Comment(rawValue: why)) { #expect(got == want) }
      return
    }
    #expect(
      got == want,
      "\(c): kshape \(got.map(String.init) ?? report.total.macs.formula) MACs, TensorFlow \(want)")
  }
}
