import Foundation
import PythonRuntime
import Testing

/// Every program of Semantics/*.py run by kshape's interpreter gives what Python 3.11 gave:
/// the same output, and the same exception class, message and line
/// (tools/pysemantics/generate.py writes expected.json from real Python).
@Suite struct SemanticsTests {
  struct Case: Sendable, CustomTestStringConvertible {
    var name: String
    var source: String
    var stdout: String
    var error: (kind: String, message: String, line: Int?)?
    var testDescription: String { name }
  }

  static let cases: [Case] = {
    let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
      .appendingPathComponent("Semantics/expected.json")
    guard let data = try? Data(contentsOf: url),
      let json = try? JSONSerialization.jsonObject(with: data) as? [String: [String: Any]]
    else { return [] }
    return json.keys.sorted().compactMap { name in
      guard let entry = json[name], let source = entry["source"] as? String,
        let stdout = entry["stdout"] as? String
      else { return nil }
      var error: (String, String, Int?)?
      if let e = entry["error"] as? [String: Any], let kind = e["kind"] as? String,
        let message = e["message"] as? String
      {
        error = (kind, message, e["line"] as? Int)
      }
      return Case(name: name, source: source, stdout: stdout, error: error)
    }
  }()

  @Test func theCasesAreThere() {
    #expect(Self.cases.count > 100)
  }

  @Test(arguments: cases) func matchesPython(_ c: Case) {
    let result = run(c.source)
    #expect(result.output == c.stdout, "stdout")
    switch (result.error, c.error) {
    case (nil, nil): break
    case (let got?, let expected?):
      #expect(got.kind == expected.kind, "kind")
      #expect(got.message == expected.message, "message")
      if let expectedLine = expected.line {
        #expect(got.range.map { line(of: $0.start, in: c.source) } == expectedLine, "line")
      }
    case (let got?, nil):
      Issue.record("unexpected \(got.kind): \(got.message)")
    case (nil, let expected?):
      Issue.record("expected \(expected.kind): \(expected.message)")
    }
  }
}
