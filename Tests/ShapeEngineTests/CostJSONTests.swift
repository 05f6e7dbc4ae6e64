import Foundation
import ShapeCore
import ShapeEngine
import Testing

/// `--cost` in JSON records: the totals and each layer's share, as the report has them, in
/// bytes that decode as the `Record` type (the writer and Codable agree).
@Suite struct CostJSONTests {
  func record(_ lines: [String], _ command: String) throws -> (JSONOutput.Record, CostReport) {
    var session = Session()
    for line in lines { _ = session.submit(line) }
    let outcome = session.submit(command)
    var r = try #require(JSONOutput.record(outcome, line: 1, source: command))
    JSONOutput.addCost(&r, outcome)
    let graph: Graph
    switch outcome {
    case .applied(let ev, _): graph = ev.graph
    case .summary(let g, _): graph = g
    default: throw CostJSONError.notATable
    }
    let decoded = try JSONDecoder().decode(
      JSONOutput.Record.self, from: Data(JSONOutput.encode(r).utf8))
    #expect(decoded == r)
    return (decoded, CostAnalysis.run(graph))
  }

  enum CostJSONError: Error { case notATable }

  @Test func applyCarriesNumbers() throws {
    let (r, report) = try record(
      ["x = Input((None, None, 3))", "Conv2D(8, 3, activation='relu')", "Flatten()"],
      "apply 32x32")
    let cost = try #require(r.cost)
    #expect(cost.macs == report.total.macs.value && cost.macs != nil)
    #expect(cost.flops == report.totalFLOPs.value)
    #expect(cost.peakBytes == report.peakBytes && cost.peakBytes != nil)
    #expect(cost.batch == 1)
    #expect(cost.parameterBytes == ["float32": try #require(report.parameters.first?.bytes.value)])
    #expect(cost.uncounted == [])
    // Layers in creation order: input, conv2d, flatten.
    for (i, layer) in (r.layers ?? []).enumerated() {
      let want = try #require(report.layers[i])
      #expect(layer.cost?.macs == want.count?.macs.value && layer.cost?.macs != nil)
      #expect(layer.cost?.flops == want.flops?.value)
      #expect(layer.cost?.activationBytes == want.activationBytes.value)
    }
  }

  @Test func summaryCarriesFormulas() throws {
    let (r, _) = try record(["x = Input((None, None, 3))", "Conv2D(8, 3)"], "summary")
    let cost = try #require(r.cost)
    #expect(cost.macs == nil && cost.macsFormula == "216*(H-2)*(W-2)")
    #expect(cost.peakBytes == nil)
    let conv = try #require(r.layers?.first { $0.className == "Conv2D" }?.cost)
    #expect(conv.activationBytesFormula == "32*(H-2)*(W-2)")
  }

  @Test func uncountedLayersAreListed() throws {
    let (r, _) = try record(
      ["x = Input((8,))", "Lambda(lambda t: t, output_shape=(8,))", "Dense(2)"], "apply")
    #expect(r.cost?.uncounted?.count == 1)
    let lambda = try #require(r.layers?.first { $0.className == "Lambda" }?.cost)
    #expect(lambda.counted == false && lambda.macs == nil)
  }
}
