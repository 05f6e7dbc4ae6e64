import PythonRuntime
import StatementLanguage
import Testing

/// A host callable that keeps every `PyArguments` it is called with, as a host may.
final class KeepingCallable: PyObject {
  var kept: [PyArguments] = []
  var typeName: String { "builtin_function_or_method" }
  var repr: String { "<built-in function keep>" }
  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    kept.append(arguments)
    return .int(arguments.positional.count)
  }
}

/// The interpreter's shortcuts on the path of every statement keep Python's meaning.
@Suite struct FastPathTests {
  /// The array a call's positional arguments arrive in is emptied and used again by the next
  /// call (`Interpreter.spareArguments`): arguments a host kept stay as they were given, through
  /// nested calls, calls of several arguments, `*` spreads and Python functions in between.
  @Test func argumentsAHostKeepsStayAsGiven() throws {
    let interpreter = Interpreter()
    let keep = KeepingCallable()
    interpreter.globals["keep"] = .object(keep)
    var output = ""
    interpreter.write = { output += $0 }
    try HostObjectTests.execute(
      """
      keep(1)
      keep(2, 3)
      keep(keep(4), 5)
      def f(a, b=7):
          return keep(a, b)
      keep(f(6), *[8, 9, 10])
      print(keep('x'), keep(*range(12)))
      for i in range(3):
          keep(i)
      """, in: interpreter)
    let seen = keep.kept.map { arguments in
      arguments.positional.map { argument -> String in
        switch argument.value {
        case .int(let i): return "\(i)"
        case .str(let s): return s
        default: return "?"
        }
      }.joined(separator: ",")
    }
    #expect(
      seen == [
        "1", "2,3", "4", "1,5", "6,7", "2,8,9,10", "x", "0,1,2,3,4,5,6,7,8,9,10,11", "0", "1", "2",
      ])
    #expect(output == "1 12\n")
  }

  /// A short name is found in the read cache by its bytes, however its string is kept: written
  /// and read as a small string (the parser's) and as a string with storage of its own, each
  /// read gives the value the last write gave, by either.
  @Test func aShortNameIsOneKeyHoweverItsStringIsKept() throws {
    let interpreter = Interpreter()
    var output = ""
    interpreter.write = { output += $0 }
    var stored = String()
    stored.reserveCapacity(64)
    stored += "ab"
    let text = SourceText(name: "<test>", text: "ab")
    let range = SourceRange(0, 2)
    func write(_ value: Int) throws {
      let statement = PyStmt(
        .assign(targets: [PyExpr(.name(stored), range)], value: PyExpr(.int(value), range)), range)
      _ = try interpreter.execute(statement, in: text)
    }
    func read() throws -> PyValue? {
      try interpreter.execute(PyStmt(.expression(PyExpr(.name(stored), range)), range), in: text)
    }
    try HostObjectTests.execute("ab = 1\nprint(ab)\n", in: interpreter)
    try write(2)
    try HostObjectTests.execute("print(ab)\n", in: interpreter)
    try HostObjectTests.execute("ab = 3\n", in: interpreter)
    guard case .int(3)? = try read() else {
      Issue.record("ab read as a string with storage is not 3")
      return
    }
    try write(4)
    try HostObjectTests.execute("print(ab)\ndel ab\n", in: interpreter)
    #expect(throws: PyError.self) { _ = try read() }
    #expect(output == "1\n2\n4\n")
  }
}
