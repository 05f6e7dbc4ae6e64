import Foundation
import PythonRuntime
import StatementLanguage
import Testing

/// Every program of Golden/python_cases.jsonl (written by tools/pygolden/python_cases.py from
/// CPython 3.11) run by kshape's interpreter: the same stdout, the same error (class, message,
/// line, the program's frames) and the same plain globals. The few programs kshape knowingly
/// answers differently are listed with the reason in Golden/known_differences.txt, and must
/// still differ (so a fix shows up).
@Suite struct GoldenPythonCasesTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var id: String
    var source: String
    var stdout: String
    var globals: [String: String]
    var error: ExpectedError?
    var testDescription: String { id }
  }

  struct ExpectedError: Sendable {
    var type: String
    var message: String
    var line: Int?
    var stack: [String]
  }

  static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
    .appendingPathComponent("Golden")

  static let cases: [Case] = {
    guard
      let text = try? String(
        contentsOf: directory.appendingPathComponent("python_cases.jsonl"), encoding: .utf8)
    else { return [] }
    return text.split(separator: "\n").compactMap { line in
      guard let data = line.data(using: .utf8),
        let row = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
        let id = row["id"] as? String, let source = row["source"] as? String,
        let stdout = row["stdout"] as? String
      else { return nil }
      var error: ExpectedError?
      if let e = row["error"] as? [String: Any], let type = e["type"] as? String,
        let message = e["message"] as? String
      {
        let stack = (e["stack"] as? [[String: Any]] ?? []).map { frame in
          "\(frame["function"] as? String ?? "?"):\(frame["line"] as? Int ?? 0)"
        }
        error = ExpectedError(type: type, message: message, line: e["line"] as? Int, stack: stack)
      }
      return Case(
        id: id, source: source, stdout: stdout,
        globals: row["globals"] as? [String: String] ?? [:], error: error)
    }
  }()

  /// id -> why kshape differs.
  static let knownDifferences: [String: String] = {
    guard
      let text = try? String(
        contentsOf: directory.appendingPathComponent("known_differences.txt"), encoding: .utf8)
    else { return [:] }
    var table: [String: String] = [:]
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
      let parts = line.split(separator: " ", maxSplits: 1)
      if let id = parts.first { table[String(id)] = parts.count > 1 ? String(parts[1]) : "" }
    }
    return table
  }()

  @Test func theCasesAreThere() {
    #expect(Self.cases.count > 2000)
  }

  /// What differs between kshape's run of `c` and CPython's, one line each (empty: the same).
  static func differences(_ c: Case) -> [String] {
    let interpreter = Interpreter()
    var output = ""
    interpreter.write = { output += $0 }
    let text = SourceText(name: "<program>", text: c.source)
    var error: PyError?
    do {
      for statement in try Interpreter.parse(text).statements {
        _ = try interpreter.execute(statement, in: text)
      }
    } catch let e {
      error = e
    }
    var found: [String] = []
    if output != c.stdout { found.append("stdout \(output.debugDescription)") }
    switch (error, c.error) {
    case (nil, nil): break
    case (let got?, let expected?):
      let line = got.range.map { text.line(of: $0.start) }
      var message = got.message
      if got.kind == "SyntaxError" || got.kind == "IndentationError" {
        message += " (<program>, line \(line ?? 0))"
      }
      if got.kind != expected.type { found.append("type \(got.kind)") }
      if message != expected.message { found.append("message \(message.debugDescription)") }
      if let expectedLine = expected.line, line != expectedLine {
        found.append("line \(line ?? 0)")
      }
      let stack = got.traceback.map { "\($0.function):\(text.line(of: $0.range.start))" }
      if !expected.stack.isEmpty && stack != expected.stack { found.append("stack \(stack)") }
    case (let got?, nil): found.append("raised \(got.kind): \(got.message)")
    case (nil, let expected?): found.append("did not raise \(expected.type)")
    }
    var globals: [String: String] = [:]
    for (name, value) in interpreter.globals where isPlain(value) {
      globals[name] = interpreter.repr(value)
    }
    if globals != c.globals {
      let names = Set(globals.keys).union(c.globals.keys).filter { globals[$0] != c.globals[$0] }
      found.append(
        "globals " + names.sorted().map { "\($0)=\(globals[$0] ?? "-")" }.joined(separator: " "))
    }
    return found
  }

  /// Plain data, as the generator records globals: numbers, strings, None and containers of them.
  static func isPlain(_ value: PyValue) -> Bool {
    switch value {
    case .none, .bool, .int, .float, .str: return true
    case .tuple(let items): return items.allSatisfy(isPlain)
    case .list(let list): return list.items.allSatisfy(isPlain)
    case .dict(let dict): return dict.entries.allSatisfy { isPlain($0.key) && isPlain($0.value) }
    case .object: return false
    }
  }

  @Test(arguments: cases) func matchesCPython(_ c: Case) {
    let found = Self.differences(c)
    if let reason = Self.knownDifferences[c.id] {
      #expect(!found.isEmpty, "listed as a known difference (\(reason)) but now matches")
    } else {
      #expect(found.isEmpty, "\(found.joined(separator: "\n"))\n\(c.source)")
    }
  }
}
