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

@Suite struct CallArgumentsTests {
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
}
