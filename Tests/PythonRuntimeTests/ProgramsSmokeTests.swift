import Foundation
import PythonRuntime
import StatementLanguage
import Testing

/// An object that is anything: every attribute, call, item and operation gives another one. The
/// Keras programs of tools/pygolden/programs run against it exercise the parser and every path of
/// the interpreter on code as tutorials write it (the Keras side is tested by the host).
final class Anything: PyObject {
  let name: String
  init(_ name: String) { self.name = name }
  var typeName: String { "Anything" }
  var repr: String { "<\(name)>" }
  var length: Int? { 3 }
  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    // A tensor's shape is a tuple of ints; `keras.ops.shape` is a function.
    if name == "shape" && !self.name.hasSuffix("ops") {
      return .tuple([.none, .int(8), .int(8), .int(3)])
    }
    if name == "name" { return .str(self.name) }
    return .object(Anything("\(self.name).\(name)"))
  }
  func setAttribute(_ name: String, _ value: PyValue, _ interpreter: Interpreter) throws(PyError) {}
  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    .object(Anything("\(name)()"))
  }
  func item(_ key: PyValue, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    .object(Anything("\(name)[]"))
  }
  func setItem(_ key: PyValue, _ value: PyValue, _ interpreter: Interpreter) throws(PyError) {}
  func binary(_ op: PyBinaryOperator, _ other: PyValue, reflected: Bool, _ interpreter: Interpreter)
    throws(PyError) -> PyValue?
  {
    .object(Anything("(\(name) \(op.rawValue) x)"))
  }
  func unary(_ op: PyUnaryOperator, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    .object(self)
  }
  /// `with strategy.scope():` enters.
  func enterContext(_ interpreter: Interpreter) throws(PyError) -> PyValue? { .object(self) }
  func iterate(_ interpreter: Interpreter) throws(PyError) -> [PyValue]? {
    (0..<3).map { .object(Anything("\(name)[\($0)]")) }
  }
  func isInstance(_ value: PyValue, _ interpreter: Interpreter) throws(PyError) -> Bool? { false }
}

@Suite struct ProgramsSmokeTests {
  static let programs: [String] = {
    let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("../../tools/pygolden/programs").standardized
    let names =
      (try? FileManager.default.contentsOfDirectory(atPath: directory.path))?.filter {
        $0.hasSuffix(".py")
      }.sorted() ?? []
    return names.map { directory.appendingPathComponent($0).path }
  }()

  @Test func theProgramsAreThere() {
    #expect(Self.programs.count > 50)
  }

  @Test(arguments: programs) func parsesAndRuns(_ path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    let source = SourceText(name: (path as NSString).lastPathComponent, text: text)
    let program = try Interpreter.parse(source)
    #expect(!program.statements.isEmpty)
    let interpreter = Interpreter()
    interpreter.write = { _ in }
    interpreter.importModule = { name, _ throws(PyError) in .object(Anything(name)) }
    do {
      for statement in program.statements { _ = try interpreter.execute(statement, in: source) }
    } catch {
      // A program written to fail in Keras may fail here too; and a stand-in cannot know how
      // many values a Keras call returns. Nothing else may stop a program.
      #expect(
        (path as NSString).lastPathComponent.hasPrefix("error_")
          || error.message.contains("values to unpack"),
        "\(error.rendered())")
    }
  }
}
