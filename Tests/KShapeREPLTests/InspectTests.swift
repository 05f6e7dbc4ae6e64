import Foundation
import KShapeREPL
import ShapeEngine
import Testing

/// `kshape inspect` and `import`, on files real Keras wrote and on broken and hostile ones.
@Suite struct InspectTests {
  static let tests = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .deletingLastPathComponent()
  static let golden = tests.appendingPathComponent("ShapeEngineTests/Golden/modelfiles")
  static let hostile = tests.appendingPathComponent("ModelFilesTests/Hostile")

  func inspect(
    _ path: String, _ sizes: [String] = [], json: Bool = false, summary: Bool = false,
    assume: [String] = []
  ) -> (status: Int32, out: String, err: String) {
    var out: [String] = []
    var err: [String] = []
    let status = Inspect(
      path: path, sizes: sizes, json: json, summaryOnly: summary, assumeIdentity: assume
    ).run(Output(out: { out.append($0) }, err: { err.append($0) }))
    return (status, out.joined(separator: "\n"), err.joined(separator: "\n"))
  }

  static let brokenConfigs: [(String, [String])] = [
    ("batch-shape-huge.json", ["batch_shape[1]", "out of range"]),
    ("batch-shape-negative.json", ["batch_shape[1]", "-5"]),
    ("cycle.json", ["inbound_nodes[0]", "cycle"]),
    ("history-node-out-of-range.json", ["keras_history", "call 7 of layer \"a\""]),
    ("layer-config-is-list.json", ["layers[1].config", "not an object"]),
    ("layer-missing-class-name.json", ["layers[1]", "class_name"]),
    ("missing-config.json", ["no \"config\""]),
    ("output-layer-missing.json", ["output_layers", "\"missing\""]),
    ("unknown-custom-class.json", ["FooLayer", "layer \"a\"", "--assume-identity"]),
    ("unknown-history-layer.json", ["keras_history", "\"nonexistent\""]),
  ]

  /// A broken config: exit 2, the file, the JSON path and the problem named.
  @Test(arguments: brokenConfigs.map(\.0))
  func brokenConfigIsRefusedWithItsPath(_ name: String) {
    let path = Self.hostile.appendingPathComponent("configs/\(name)").path
    let r = inspect(path, ["32x32"])
    #expect(r.status == 2)
    #expect(r.out.isEmpty)
    #expect(r.err.contains(path))
    for word in Self.brokenConfigs.first(where: { $0.0 == name })?.1 ?? [] {
      #expect(r.err.contains(word), "\(name): \(r.err)")
    }
  }

  /// Every broken or hostile file: exit 2 with the file named, never a crash or a hang.
  @Test func hostileFilesAreRefused() throws {
    let dir = Self.hostile.appendingPathComponent("files")
    let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
    #expect(files.count >= 20)
    for f in files {
      let path = dir.appendingPathComponent(f).path
      let r = inspect(path)
      #expect(r.status == 2, "\(f)")
      #expect(r.err.contains(path), "\(f): \(r.err)")
    }
  }

  /// A fixed-size model given only its spatial size: exit 2, and the whole shape to type.
  @Test func fixedInputNeedsTheWholeShape() {
    let path = Self.golden.appendingPathComponent("vgg16_top.json").path
    let r = inspect(path, ["299x299"])
    #expect(r.status == 2)
    #expect(r.err.contains("give the whole shape (e.g. 299x299x3)"))
    #expect(inspect(path, ["299x299x3"], summary: true).status == 0)
  }

  /// --batch binds the batch dim at every size.
  @Test func batchSize() throws {
    var out: [String] = []
    let path = Self.golden.appendingPathComponent("resnet50.json").path
    let status = Inspect(path: path, sizes: ["64x64", "32x32"], batch: 8, json: true)
      .run(Output(out: { out.append($0) }, err: { _ in }))
    #expect(status == 0)
    let object = try JSONSerialization.jsonObject(with: Data(out.joined().utf8)) as? [String: Any]
    let results = object?["results"] as? [[String: Any]] ?? []
    let shapes = results.compactMap {
      (($0["outputs"] as? [[String: Any]])?.first?["shape"] as? [Any])?.compactMap { $0 as? Int }
    }
    #expect(shapes == [[8, 2, 2, 2048], [8, 1, 1, 2048]])
  }

  @Test func missingFile() {
    let r = inspect("/nonexistent/model.keras")
    #expect(r.status == 2)
    #expect(r.err.contains("/nonexistent/model.keras"))
  }

  @Test func assumeIdentityIsStated() {
    let path = Self.hostile.appendingPathComponent("configs/unknown-custom-class.json").path
    let r = inspect(path, assume: ["FooLayer"])
    #expect(r.status == 0, "\(r.err)")
    #expect(r.out.contains("assumed shape-preserving (--assume-identity): FooLayer, used by a"))
    let j = inspect(path, json: true, assume: ["FooLayer"])
    #expect(j.out.contains("\"assumed_identity\":{\"FooLayer\":[\"a\"]}"))
  }

  /// The JSON form: the model's name and one apply record per size, in order; exit 1 when a
  /// size fails, with the failing layer and its input shape.
  @Test func jsonResults() throws {
    let path = Self.golden.appendingPathComponent("mobilenetv2.json").path
    let r = inspect(path, ["224x224", "1x1"], json: true)
    #expect(r.status == 1)
    let object = try JSONSerialization.jsonObject(with: Data(r.out.utf8)) as? [String: Any]
    #expect(object?["model"] as? String == "mobilenetv2_1.00_None")
    let results = object?["results"] as? [[String: Any]] ?? []
    #expect(results.map { $0["size"] as? String } == ["224x224", "1x1"])
    #expect(results.map { $0["ok"] as? Bool } == [true, false])
    #expect(results.allSatisfy { $0["line"] == nil && $0["kind"] as? String == "apply" })
    let error = results.last?["error"] as? [String: Any]
    #expect(error?["layer"] as? String == "block_1_depthwise")
    #expect((error?["inputs"] as? [[Any]])?.first?.compactMap { $0 as? Int } == [2, 2, 96])
    #expect((error?["path"] as? String)?.hasPrefix("$.config.layers[") == true)
  }

  /// A .keras archive written by Keras, one line per size.
  @Test func kerasArchiveSummary() {
    let path = Self.golden.appendingPathComponent("unet.keras").path
    let r = inspect(path, ["64x64", "97x131"], summary: true)
    #expect(r.out.contains("64x64: ok, output"))
    #expect(r.out.contains("97x131: fails at"))
    #expect(r.status == 1)
  }

  /// `import` in a script: the model joins the session, its layer names stand for outputs,
  /// and layers stack on its output.
  @Test func importIntoSession() throws {
    let path = Self.golden.appendingPathComponent("resnet50.json").path
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    let status = repl.runScript(
      [
        "import \(path)", "GlobalAveragePooling2D()", "Dense(10)",
        "y = Dense(3)(conv4_block6_out)", "apply 224x224",
      ], json: true)
    #expect(status == 0, "\(err)")
    let recs = try out.map { try JSONDecoder().decode(JSONOutput.Record.self, from: Data($0.utf8)) }
    #expect(recs.map(\.kind) == ["import", "layer", "layer", "layer", "apply"])
    #expect(recs[0].name == "resnet50")
    #expect(recs[2].outputs?.first?.shape == [nil, 10])
    #expect(recs[3].outputs?.first?.shape == [nil, nil, nil, 3])
    let applied = recs[4]
    #expect(applied.layers?.last?.outputShapes == [[nil, 14, 14, 3]])
    #expect(applied.params?.total == 23_587_712 + 2048 * 10 + 10 + 1024 * 3 + 3)
  }

  /// A name the session already uses keeps its meaning after an import.
  @Test func importKeepsTheSessionsNames() throws {
    let path = Self.golden.appendingPathComponent("frozen_backbone.json").path
    let repl = REPL(output: Output(out: { _ in }, err: { _ in }))
    #expect(repl.runScript(["dense = Input((3,))", "import \(path)"], json: true) == 0)
    guard case .tensor(let t)? = repl.session.graph.bindings["dense"] else {
      Issue.record("dense is not a tensor")
      return
    }
    #expect(repl.session.graph.layerName(of: t) == "input_layer")
    #expect(repl.session.graph.bindings["frozen_conv"] != nil)
  }

  @Test func importErrorsNameTheFile() {
    var err: [String] = []
    let repl = REPL(output: Output(out: { _ in }, err: { err.append($0) }))
    let path = Self.hostile.appendingPathComponent("configs/cycle.json").path
    #expect(repl.runScript(["import \(path)"], json: false) == 1)
    #expect(err.joined().contains(path))
    #expect(err.joined().contains("cycle"))
    #expect(repl.session.statements.isEmpty)
  }
}

/// Tab after `import` and `export` completes file paths.
@Suite struct PathCompletionTests {
  @Test func completesFilesAndFolders() throws {
    let dir = FileManager.default.temporaryDirectory.appendingPathComponent(
      "kshape-complete-\(UInt32.random(in: 0...UInt32.max))")
    try FileManager.default.createDirectory(
      at: dir.appendingPathComponent("models"), withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: dir) }
    for f in ["model.keras", "model.json", ".hidden.json"] {
      try Data("{}".utf8).write(to: dir.appendingPathComponent(f))
    }
    let repl = REPL(output: Output(out: { _ in }, err: { _ in }))
    let base = dir.path + "/"
    #expect(
      repl.completions("import \(base)mo") == [
        base + "model.json", base + "model.keras", base + "models/",
      ])
    #expect(repl.completions("export keras \(base)model.k") == [base + "model.keras"])
    #expect(repl.completions("import \(base)").contains(base + ".hidden.json") == false)
    #expect(repl.completions("import \(base).h") == [base + ".hidden.json"])
    // Elsewhere, layer names as before.
    #expect(repl.completions("Conv2").contains("Conv2D"))
  }
}
