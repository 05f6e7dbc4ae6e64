import Foundation
import KShapeREPL
import ShapeEngine
import Testing

/// `apply A B C` as one table, `rules`/`solve`/`diff` through the REPL and scripts, `inspect
/// --rules`. Each size's cells are compared with what `apply` gives for that size alone.
@Suite struct SizesSideBySideTests {
  func run(_ lines: [String], json: Bool = false) -> (status: Int32, out: [String], err: [String]) {
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(output: Output(out: { out.append($0) }, err: { err.append($0) }))
    let status = repl.runScript(lines, json: json)
    return (status, out, err)
  }

  static let classifier = [
    // Declared at one size; apply redeclares the whole shape, and Dense is rebuilt for it.
    "x = Input((32, 32, 3))", "Conv2D(8, 3)", "MaxPooling2D()", "Flatten()", "Dense(10)",
  ]

  /// The rows of a table (cells between the bars), without the header.
  func rows(_ text: String) -> [[String]] {
    text.split(separator: "\n").filter { $0.hasPrefix("│") }.map { line in
      line.split(separator: "│").map { $0.trimmingCharacters(in: .whitespaces) }
    }
  }

  @Test func oneTableWithAColumnPerSize() throws {
    let sizes = ["32x32x3", "48x48x3", "20x20x3"]
    let r = run(Self.classifier + ["apply " + sizes.joined(separator: " ")])
    #expect(r.status == 0)
    let text = r.out.joined(separator: "\n")
    #expect(text.components(separatedBy: "┏").count == 2, "one table: \(text)")
    let header = try #require(text.split(separator: "\n").first { $0.hasPrefix("┃") })
    for s in sizes { #expect(header.contains(s)) }
    // Dense's params depend on the size: a params column per size.
    #expect(header.contains("Param # 32x32x3") && header.contains("Param # 20x20x3"))
    let table = rows(text)
    // Each size's column is what apply gives at that size alone.
    for (i, s) in sizes.enumerated() {
      let single = run(Self.classifier + ["apply \(s)"])
      let alone = rows(single.out.joined(separator: "\n"))
      #expect(alone.count == table.count)
      for (a, b) in zip(alone, table) {
        #expect(a[0] == b[0])
        #expect(a[1] == b[1 + i], "\(s): \(a[0])")
        #expect(a[2] == b[1 + sizes.count + i], "\(s): params of \(a[0])")
      }
    }
  }

  @Test func aNamedModelOfSeveralAtSeveralSizes() throws {
    let r = run([
      "import keras", "from keras import layers", "x = keras.Input((None, None, 3))",
      "enc = keras.Model(x, layers.Conv2D(8, 3)(x))", "y = keras.Input((None, None, 3))",
      "dec = keras.Model(y, layers.Conv2D(4, 5)(y))", "apply enc 16x16 20x20", "apply 16x16 20x20",
    ])
    #expect(r.status == 0, "\(r.err)")
    let text = r.out.joined(separator: "\n")
    #expect(text.contains("Model \"functional\" applied at 16x16, 20x20:"))
    #expect(text.contains("(None, 14, 14, 8)") && text.contains("(None, 18, 18, 8)"))
    #expect(text.contains("(None, 12, 12, 4)") && text.contains("(None, 16, 16, 4)"))
  }

  @Test func sameParamsShowOnce() throws {
    let r = run(["x = Input((None, None, 3))", "Conv2D(8, 3)", "apply 10x10 20x20"])
    let header = try #require(
      r.out.joined(separator: "\n").split(separator: "\n").first { $0.hasPrefix("┃") })
    #expect(header.contains("Param #") && !header.contains("Param # 10x10"))
    #expect(r.out.joined().contains("Total params: 224"))
  }

  @Test func aFailingSizeIsMarkedAndTheScriptStops() throws {
    let r = run(["x = Input((None, None, 3))", "Conv2D(8, 3)", "Conv2D(8, 3)", "apply 10x10 3x3"])
    #expect(r.status == 1)
    let table = rows(r.out.joined(separator: "\n"))
    #expect(table.last?[2] == "fails")
    #expect(r.err.joined().contains("3x3: failed at layer conv2d_1"))
  }

  @Test func jsonHasOneApplyObjectPerSize() throws {
    let r = run(Self.classifier + ["apply 32x32x3 48x48x3"], json: true)
    let records = try r.out.map {
      try JSONDecoder().decode(JSONOutput.Record.self, from: Data($0.utf8))
    }
    let applies = records.filter { $0.kind == "apply" }
    #expect(applies.map(\.size) == ["32x32x3", "48x48x3"])
    #expect(applies.map(\.line) == [6, 6])
  }

  @Test func rulesAndSolveAsJSON() throws {
    let r = run(
      [
        "x = Input((None, None, 3))", "c = Conv2D(4, 3, padding='same')(x)",
        "p = MaxPooling2D()(c)", "u = UpSampling2D()(p)", "m = Concatenate()([u, c])",
        "rules", "solve same",
      ], json: true)
    #expect(r.status == 0)
    let lines = r.out.suffix(2)
    for line in lines {
      let value = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
      #expect(value?["report"] != nil, "\(line)")
    }
    #expect(lines.first?.contains("\"kind\":\"rules\"") == true)
    #expect(lines.last?.contains("\"kind\":\"solve\"") == true)
  }

  @Test func diffOfTwoModelsAndAgainstAFile() throws {
    let program = [
      "import keras", "from keras import layers", "x = keras.Input((None, None, 3))",
      "a = layers.Conv2D(8, 3)(x)", "encoder = keras.Model(x, a)",
      "b = layers.Conv2D(8, 5)(x)", "c = layers.Dense(4)(b)", "other = keras.Model(x, c)",
    ]
    let r = run(program + ["diff encoder other"])
    let text = r.out.last ?? ""
    #expect(text.contains("changed conv2d -> conv2d_1 (Conv2D)"), "\(text)")
    #expect(text.contains("added   dense (Dense)"), "\(text)")
    let json = run(program + ["diff encoder other"], json: true).out.last ?? ""
    #expect(json.contains("\"kind\":\"diff\""))
    // A model file against itself: no difference.
    let file = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent(
        "ShapeEngineTests/Golden/modelfiles/unet.json"
      ).path
    let same = run(["diff \(file) \(file)"])
    #expect(same.out.last?.contains("no difference") == true, "\(same)")
    let missing = run(program + ["diff encoder nothing_here"])
    #expect(missing.status == 1)
  }
}
