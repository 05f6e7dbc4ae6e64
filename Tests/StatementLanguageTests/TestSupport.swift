import StatementLanguage
import Testing

/// The markers a test writes inside its input: 1️⃣ where the diagnostic starts, 2️⃣ where it ends.
let markerNames: Set<Character> = ["1️⃣", "2️⃣"]

/// `marked` without its markers, and the `Character` offset of each marker in that text.
func extractMarkers(_ marked: String) -> (text: String, markers: [Character: Int]) {
  var text = ""
  var markers: [Character: Int] = [:]
  var count = 0
  for char in marked {
    if markerNames.contains(char) {
      markers[char] = count
    } else {
      text.append(char)
      count += 1
    }
  }
  return (text, markers)
}

/// Checks that parsing `marked` fails with `message` at its markers (the swift-format way), and
/// with `hint` when one is given.
func assertDiagnostic(
  _ marked: String, _ message: String, hint: String? = nil, commands: Set<String> = [],
  sourceLocation: SourceLocation = #_sourceLocation
) {
  let (text, markers) = extractMarkers(marked)
  guard let start = markers["1️⃣"] else {
    Issue.record("no 1️⃣ marker in \(marked)", sourceLocation: sourceLocation)
    return
  }
  do {
    let statement = try Parser.parse(text, commands: commands)
    Issue.record("expected an error, parsed \(statement)", sourceLocation: sourceLocation)
  } catch {
    #expect(error.message == message, sourceLocation: sourceLocation)
    #expect(error.range?.start == start, "start", sourceLocation: sourceLocation)
    if let end = markers["2️⃣"] {
      #expect(error.range?.end == end, "end", sourceLocation: sourceLocation)
    }
    if let hint {
      #expect(error.hint == hint, sourceLocation: sourceLocation)
    }
  }
}

/// The statement parsed from `line`, or nil (with the error recorded) when it does not parse.
func parsed(
  _ line: String, commands: Set<String> = [], sourceLocation: SourceLocation = #_sourceLocation
) -> Statement? {
  do {
    return try Parser.parse(line, commands: commands)
  } catch {
    Issue.record("\(line): \(error.rendered(source: line))", sourceLocation: sourceLocation)
    return nil
  }
}

/// The expression of an expression statement `line`, rendered back as Python without ranges.
func rendered(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String? {
  parsed(line, sourceLocation: sourceLocation).map(render)
}

/// The expression `line` parses to, or nil.
func expression(_ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> Expr? {
  guard case .expression(let expr) = parsed(line, sourceLocation: sourceLocation) else {
    return nil
  }
  return expr
}

/// A statement as canonical Python, ranges left out: the shape of the tree, easy to read.
func render(_ statement: Statement) -> String {
  switch statement {
  case .assignment(let target, _, let value): return "\(target) = \(render(value))"
  case .unpacking(let targets, let value):
    return targets.map(\.name).joined(separator: ", ") + " = \(render(value))"
  case .expression(let expr): return render(expr)
  case .command(let name, let argument, _): return "command \(name) [\(argument)]"
  case .empty: return "empty"
  }
}

/// An expression as canonical Python: `(3,)` for a 1-tuple, `"..."` strings with Swift escapes.
func render(_ expr: Expr) -> String {
  switch expr {
  case .int(let value, _): return "\(value)"
  case .float(let value, _): return "\(value)"
  case .string(let value, _): return String(reflecting: value)
  case .bool(let value, _): return value ? "True" : "False"
  case .none: return "None"
  case .tuple(let elements, _):
    if elements.count == 1, let only = elements.first { return "(\(render(only)),)" }
    return "(" + elements.map(render).joined(separator: ", ") + ")"
  case .list(let elements, _): return "[" + elements.map(render).joined(separator: ", ") + "]"
  case .name(let parts, _): return parts.joined(separator: ".")
  case .call(let call):
    let arguments = call.arguments.map { argument in
      (argument.label.map { "\($0)=" } ?? "") + render(argument.value)
    }
    return render(call.callee) + "(" + arguments.joined(separator: ", ") + ")"
  }
}
