import Foundation
import KShapeREPL
import ShapeEngine
import Testing

/// Pictures and receptive fields from a script with `--json`: files written, records as
/// docs/json-output.md says.
@Suite struct PictureScriptTests {
  func run(_ lines: [String]) -> (status: Int32, out: [String], err: [String]) {
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    return (repl.runScript(lines, json: true), out, err)
  }

  func records(_ out: [String]) throws -> [JSONOutput.Record] {
    try out.map { try JSONDecoder().decode(JSONOutput.Record.self, from: Data($0.utf8)) }
  }

  static let model = [
    "x = Input((None, None, 3), name='image')", "a = Conv2D(4, 3, padding='same', name='a')(x)",
    "b = Conv2D(3, 3, padding='same', name='b')(a)", "y = Add(name='sum')([x, b])",
  ]

  @Test func exportsPicturesAndDrawsADiagram() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-pictures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let dot = folder.appendingPathComponent("m").path
    let mmd = folder.appendingPathComponent("m.mmd").path
    let r = run(Self.model + ["export dot \(dot)", "export mermaid \(mmd) --depth 1", "diagram"])
    #expect(r.status == 0, "\(r.err)")
    let recs = try records(r.out)
    let exports = recs.filter { $0.kind == "export" }
    #expect(exports.map(\.format) == ["dot", "mermaid"])
    #expect(exports.map(\.path) == [dot + ".dot", mmd])
    let dotText = try String(contentsOfFile: dot + ".dot", encoding: .utf8)
    #expect(dotText.hasPrefix("digraph G {"))
    #expect(dotText.contains("<b>sum</b> (Add)"))
    #expect(dotText.components(separatedBy: " -> ").count - 1 == 4)
    let mermaid = try String(contentsOfFile: mmd, encoding: .utf8)
    #expect(mermaid.hasPrefix("flowchart TD"))
    #expect(mermaid.contains("-->|\"(None, H, W, 3)\"|"))
    let diagram = try #require(recs.last { $0.kind == "diagram" }?.text)
    for name in ["image (InputLayer)", "a (Conv2D)", "b (Conv2D)", "sum (Add)"] {
      #expect(diagram.components(separatedBy: name).count == 2, "\(name) once")
    }
  }

  /// `export svg` runs Graphviz where it is installed; where it is not, it says how else.
  @Test func svgThroughGraphvizOrAClearError() throws {
    let folder = FileManager.default.temporaryDirectory
      .appendingPathComponent("kshape-svg-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: folder) }
    let svg = folder.appendingPathComponent("m.svg").path
    let r = run(Self.model + ["export svg \(svg)"])
    let hasDot = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":")
      .contains { FileManager.default.isExecutableFile(atPath: "\($0)/dot") }
    if hasDot {
      #expect(r.status == 0)
      let text = try String(contentsOfFile: svg, encoding: .utf8)
      #expect(text.contains("<svg"))
      #expect(text.contains("sum"))
    } else {
      #expect(r.status == 1)
      let error = try #require(try records(r.out).last?.error)
      #expect(error.message.contains("Graphviz"))
      #expect(error.hint?.contains("export dot") == true)
    }
  }

  /// `apply SIZE --receptive-field` adds `receptive_field` to each layer of the JSON record.
  @Test func receptiveFieldInJSON() throws {
    let r = run(Self.model + ["apply 4x5 --receptive-field", "summary --receptive-field"])
    #expect(r.status == 0, "\(r.err)")
    let recs = try records(r.out)
    let applied = try #require(recs.first { $0.kind == "apply" })
    let layers = try #require(applied.layers)
    let sum = try #require(layers.first { $0.name == "sum" }?.receptiveField?.first)
    #expect(sum.input == "image")
    #expect(sum.size?.count == 2)
    #expect(sum.jump == [1, 1])
    // The sum sees its input directly and through two 3x3 convolutions: wider than 4.
    #expect(sum.exceedsInput == true)
    let summary = try #require(recs.first { $0.kind == "summary" })
    #expect(summary.layers?.allSatisfy { $0.receptiveField != nil } == true)
    #expect(summary.text?.contains("RF") == true)
  }
}
