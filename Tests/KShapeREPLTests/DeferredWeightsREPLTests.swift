import Foundation
import KShapeREPL
import ShapeEngine
import Testing

/// Deferred weights as a user meets them: a statement Keras refuses at the declared shapes is
/// accepted with its params as a formula and a note; `strict on` and `--keras-strict` refuse it.
/// (Shapes and counts at sizes are checked against Keras in GoldenModelTests.)
@Suite struct DeferredWeightsREPLTests {
  let classifier = [
    "x = Input((None, None, 3))", "Conv2D(8, 3)", "MaxPooling2D()", "Flatten()", "Dense(10)",
  ]

  func run(
    _ lines: [String], json: Bool = false, strict: Bool = false, name: String = "<stdin>"
  ) -> (status: Int32, out: [String], err: [String]) {
    var out: [String] = []
    var err: [String] = []
    let repl = REPL(
      output: Output(out: { out.append($0) }, err: { err.append($0) }), kerasStrict: strict)
    let status = repl.runScript(lines, json: json, name: name)
    return (status, out, err)
  }

  @Test func theClassifierIsAcceptedWithAFormulaAndANote() {
    let r = run(classifier + ["apply 32x32"])
    #expect(r.status == 0)
    let text = r.out.joined(separator: "\n")
    #expect(text.contains("dense (Dense), 80*(floor(H/2)-1)*(floor(W/2)-1)+10 params"))
    #expect(text.contains("note: Keras raises at this line until the size is known"))
    // At 32x32: Flatten gives 8*15*15 = 1800, Dense 1800*10+10.
    #expect(text.contains("18,010"))
  }

  @Test func jsonMarksDeferredParams() throws {
    let r = run(classifier + ["summary"], json: true)
    #expect(r.status == 0)
    let records = try r.out.map {
      try JSONDecoder().decode(JSONOutput.Record.self, from: Data($0.utf8))
    }
    let dense = try #require(records.first { $0.name == "dense" })
    #expect(dense.params?.isDeferred == true)
    #expect(dense.params?.formulas?.total.formula == "80*(floor(H/2)-1)*(floor(W/2)-1)+10")
    #expect(r.out[4].contains(#""total":null"#) && r.out[4].contains(#""deferred":true"#))
    let summary = try #require(records.last)
    #expect(summary.params?.formulas?.total.formula == "80*(floor(H/2)-1)*(floor(W/2)-1)+234")
  }

  @Test func strictRefusesAsKerasDoes() {
    let r = run(classifier, strict: true)
    #expect(r.status == 1)
    #expect(r.err.joined().contains("must be known to create its weights"))
  }

  @Test func strictOnIsRefusedWhileDeferredLayersStand() {
    let r = run(classifier + ["strict on"])
    #expect(r.status == 1)
    #expect(r.err.joined().contains("strict mode would refuse the deferred weights of dense"))
    let ok = run(["strict on", "strict"] + classifier)
    #expect(ok.status == 1)
    #expect(ok.out.contains { $0.hasPrefix("strict: on") })
  }

  @Test func aPythonFileSaysOnStderrWhereKerasWouldRaise() {
    let program = [
      "import keras", "from keras import layers",
      "model = keras.Sequential([keras.Input(shape=(None, None)), layers.LSTM(3)])",
      "print(model.output_shape)",
    ]
    let r = run(program, name: "prog.py")
    #expect(r.status == 0)
    #expect(r.out == ["(None, 3)"])
    #expect(r.err.count == 1 && r.err[0].hasPrefix("line 3: note: Keras raises"))
  }
}
