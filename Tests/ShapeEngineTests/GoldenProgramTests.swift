import Foundation
import ShapeCore
import ShapeEngine
import Testing

/// A Keras program written as tutorials write them, run verbatim by real Keras
/// (tools/pygolden/keras_programs.py): what it printed, its models and layers, its globals, or
/// its error.
struct ProgramCase: Codable, CustomStringConvertible {
  struct Tensor: Codable {
    var name: String
    var shape: [Int?]
    var dtype: String
  }
  struct Node: Codable {
    var outputShapes: [[Int?]]
    var outputDtypes: [String]
    enum CodingKeys: String, CodingKey {
      case outputShapes = "output_shapes"
      case outputDtypes = "output_dtypes"
    }
  }
  struct Layer: Codable {
    var name: String
    var className: String
    var params: GoldenParams
    var nodes: [Node]
    enum CodingKeys: String, CodingKey {
      case name, params, nodes
      case className = "class_name"
    }
  }
  struct Model: Codable {
    var name: String
    var className: String
    var built: Bool
    var boundTo: [String]
    var inputs: [Tensor]?
    var outputs: [Tensor]?
    var countParams: Int?
    var layers: [Layer]
    enum CodingKeys: String, CodingKey {
      case name, built, inputs, outputs, layers
      case className = "class_name"
      case boundTo = "bound_to"
      case countParams = "count_params"
    }
  }
  struct Failure: Codable {
    var type: String
    var message: String
    var line: Int
    var stack: [Frame]
  }
  struct Frame: Codable {
    var function: String
    var line: Int
  }
  struct Globals: Codable {
    var values: [String: String]
  }
  var name: String
  var source: String
  var stdout: String
  var ok: Bool
  var error: Failure?
  var models: [Model]
  var globals: Globals
  var description: String { name }
}

@Suite struct GoldenProgramTests {
  static let cases: [ProgramCase] =
    (try? Golden.lines("programs.jsonl", as: ProgramCase.self)) ?? []

  @Test func goldenFileIsPresent() throws {
    #expect(try Golden.lines("programs.jsonl", as: ProgramCase.self).count >= 60)
  }

  /// Runs the program's text as `kshape run FILE.py` does: statement by statement, stopping at
  /// the first failure. Returns what it printed and the failure's line in the program.
  static func run(_ c: ProgramCase) -> (
    session: Session, printed: String, failure: (Int, EngineError)?
  ) {
    var session = Session(kerasStrict: true)
    var printed = ""
    var failure: (Int, EngineError)?
    let chars = Array(c.source)
    session.submitProgram(c.source, name: c.name + ".py") { piece, outcome in
      switch outcome {
      case .executed(let x) where !x.text.isEmpty: printed += x.text + "\n"
      case .failure(let e):
        printed += e.printed
        // The program's line where the failure stood (or of a syntax error).
        var offset = 0
        if let r = e.statementRange ?? (e.source == nil ? e.diagnostic.range : nil) {
          offset = r.start
        } else if let start = Self.find(piece, in: chars) {
          offset = start
        }
        failure = (1 + chars[..<min(offset, chars.count)].filter { $0 == "\n" }.count, e)
      default: break
      }
      return true
    }
    return (session, printed, failure)
  }

  static func find(_ piece: String, in chars: [Character]) -> Int? {
    let p = Array(piece)
    guard let first = p.first, p.count <= chars.count else { return nil }
    for i in 0...(chars.count - p.count)
    where chars[i] == first && Array(chars[i..<(i + p.count)]) == p {
      return i
    }
    return nil
  }

  /// The printed text without model summaries (kshape draws its own tables).
  static func withoutSummaries(_ text: String) -> String {
    var out: [Substring] = []
    var inSummary = false
    for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
      if line.hasPrefix("Model: \"") { inSummary = true }
      if !inSummary { out.append(line) }
      if inSummary, line.hasPrefix(" Non-trainable params:") { inSummary = false }
    }
    return out.joined(separator: "\n")
  }

  /// Programs kshape refuses on purpose, with the construct its error names.
  static let refused: [String: String] = [
    // A published architecture is code kshape does not carry; its saved file loads instead.
    "transfer_learning_frozen_base": "keras.applications"
  ]

  /// Programs kshape does not run like Keras yet, with what it lacks. Each must still fail
  /// there: one that passes is taken off this list.
  static let knownGaps: [String: String] = [:]

  @Test(arguments: cases)
  func matchesKeras(_ c: ProgramCase) throws {
    if let gap = Self.knownGaps[c.name] {
      let (_, _, failure) = Self.run(c)
      #expect(
        failure?.1.message.contains(gap.split(separator: ".").last.map(String.init) ?? gap)
          == true, "\(c.name): expected to fail on \(gap) until kshape has it")
      return
    }
    let (session, printed, failure) = Self.run(c)
    if let construct = Self.refused[c.name] {
      let message = failure?.1.message ?? ""
      #expect(
        message.hasPrefix("NotImplementedError") && message.contains(construct),
        "\(c.name): refused naming \(construct), said: \(message)")
      return
    }
    #expect(
      Self.withoutSummaries(printed) == Self.withoutSummaries(c.stdout), "\(c.name): stdout")
    if let expected = c.error {
      guard let (line, error) = failure else {
        Issue.record(
          "\(c.name): Keras raised \(expected.type): \(expected.message); kshape did not")
        return
      }
      let statementLine = expected.stack.first?.line ?? expected.line
      #expect(line == statementLine, "\(c.name): failing line (\(error.message))")
      // Python's own errors keep their class; Keras's shape errors are the engine's.
      if error.message.hasPrefix(expected.type + ":") == false, error.layer == nil,
        !["ValueError", "Exception"].contains(expected.type)
      {
        Issue.record("\(c.name): \(expected.type) expected, kshape said \(error.message)")
      }
      // A statement that fails joins nothing (kshape keeps the session as it was before it,
      // where Python keeps what the statement did before raising): models and globals are
      // compared for programs that ran.
      return
    } else if let (_, error) = failure {
      Issue.record("\(c.name): kshape raised where Keras did not: \(error.message)")
      return
    }
    let models = session.models
    #expect(models.count == c.models.count, "\(c.name): models made")
    for (m, e) in zip(models, c.models) {
      let label = "\(c.name) model \(e.name)"
      #expect(m.name == e.name, "\(label): name")
      #expect(m.className == e.className, "\(label): class")
      #expect(m.built == e.built, "\(label): built")
      #expect(m.variables == e.boundTo, "\(label): bound to")
      if let inputs = e.inputs {
        #expect(m.inputs.map { $0.shape.map(\.value) } == inputs.map(\.shape), "\(label): inputs")
      }
      if let outputs = e.outputs {
        #expect(
          m.outputs.map { $0.shape.map(\.value) } == outputs.map(\.shape), "\(label): outputs")
        #expect(m.outputs.map(\.dtype.name) == outputs.map(\.dtype), "\(label): output dtypes")
      }
      if let count = e.countParams { #expect(m.params.total == count, "\(label): count_params") }
      #expect(m.layers.map(\.name) == e.layers.map(\.name), "\(label): layer names")
      #expect(m.layers.map(\.className) == e.layers.map(\.className), "\(label): layer classes")
      for (l, el) in zip(m.layers, e.layers) {
        #expect(
          GoldenParams(
            total: l.params.total, trainable: l.params.trainable,
            nonTrainable: l.params.nonTrainable) == el.params, "\(label) \(l.name): params")
        #expect(
          l.calls.map { $0.map { $0.shape.map(\.value) } } == el.nodes.map(\.outputShapes),
          "\(label) \(l.name): output shapes of each call")
      }
    }
    for (name, repr) in c.globals.values {
      #expect(session.valueGlobals[name] == repr, "\(c.name): global \(name)")
    }
  }
}
