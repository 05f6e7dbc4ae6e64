import StatementLanguage

/// Python statements and expressions written back fully parenthesised, ranges left out: the
/// shape of the tree, easy to read in a test.
enum PyRender {
  static func program(_ statements: [PyStmt], indent: String = "") -> String {
    statements.map { statement($0, indent: indent) }.joined(separator: "\n")
  }

  static func statement(_ s: PyStmt, indent: String = "") -> String {
    let inner = indent + "    "
    func block(_ body: [PyStmt]) -> String { program(body, indent: inner) }
    switch s.kind {
    case .expression(let e): return indent + expr(e)
    case .assign(let targets, let value):
      return indent + (targets.map(expr) + [expr(value)]).joined(separator: " = ")
    case .augAssign(let t, let op, let v): return indent + "\(expr(t)) \(op.rawValue)= \(expr(v))"
    case .annAssign(let t, let a, let v):
      return indent + "\(expr(t)): \(expr(a))" + (v.map { " = \(expr($0))" } ?? "")
    case .import(let names):
      return indent + "import " + names.map(importName).joined(separator: ", ")
    case .fromImport(let module, let names):
      return indent + "from \(importName(module)) import "
        + names.map(importName).joined(separator: ", ")
    case .functionDef(let f):
      return indent + "def \(f.name)(\(parameters(f.parameters))):\n" + block(f.body)
    case .return(let e): return indent + "return" + (e.map { " " + expr($0) } ?? "")
    case .if(let test, let body, let orElse):
      var text = indent + "if \(expr(test)):\n" + block(body)
      if !orElse.isEmpty { text += "\n" + indent + "else:\n" + block(orElse) }
      return text
    case .for(let target, let iterable, let body, let orElse):
      var text = indent + "for \(expr(target)) in \(expr(iterable)):\n" + block(body)
      if !orElse.isEmpty { text += "\n" + indent + "else:\n" + block(orElse) }
      return text
    case .while(let test, let body, let orElse):
      var text = indent + "while \(expr(test)):\n" + block(body)
      if !orElse.isEmpty { text += "\n" + indent + "else:\n" + block(orElse) }
      return text
    case .break: return indent + "break"
    case .continue: return indent + "continue"
    case .pass: return indent + "pass"
    case .global(let names): return indent + "global " + names.joined(separator: ", ")
    case .nonlocal(let names): return indent + "nonlocal " + names.joined(separator: ", ")
    case .del(let targets): return indent + "del " + targets.map(expr).joined(separator: ", ")
    case .assert(let test, let message):
      return indent + "assert \(expr(test))" + (message.map { ", " + expr($0) } ?? "")
    case .raise(let e, let cause):
      return indent + "raise" + (e.map { " " + expr($0) } ?? "")
        + (cause.map { " from " + expr($0) } ?? "")
    case .try(let body, let handlers, let orElse, let final):
      var text = indent + "try:\n" + block(body)
      for h in handlers {
        text +=
          "\n" + indent + "except" + (h.type.map { " " + expr($0) } ?? "")
          + (h.name.map { " as \($0)" } ?? "") + ":\n" + block(h.body)
      }
      if !orElse.isEmpty { text += "\n" + indent + "else:\n" + block(orElse) }
      if !final.isEmpty { text += "\n" + indent + "finally:\n" + block(final) }
      return text
    case .with(let items, let body):
      let heads = items.map { expr($0.context) + ($0.target.map { " as " + expr($0) } ?? "") }
      return indent + "with " + heads.joined(separator: ", ") + ":\n" + block(body)
    }
  }

  static func importName(_ n: PyImportName) -> String {
    n.path.joined(separator: ".") + (n.alias.map { " as \($0)" } ?? "")
  }

  static func parameters(_ ps: [PyParameter]) -> String {
    ps.map { p in
      let prefix: String
      switch p.kind {
      case .varArgs: prefix = "*"
      case .varKeywords: prefix = "**"
      case .keywordOnly: prefix = "kw:"
      case .regular(let positionalOnly): prefix = positionalOnly ? "pos:" : ""
      }
      return prefix + p.name + (p.defaultValue.map { "=" + expr($0) } ?? "")
    }.joined(separator: ", ")
  }

  static func expr(_ e: PyExpr) -> String {
    switch e.kind {
    case .name(let n): return n
    case .int(let i): return String(i)
    case .float(let f): return "\(f)"
    case .string(let s): return String(reflecting: s)
    case .fstring(let parts): return "f" + String(reflecting: fstring(parts))
    case .bool(let b): return b ? "True" : "False"
    case .none: return "None"
    case .ellipsis: return "..."
    case .tuple(let items):
      return items.count == 1
        ? "(\(expr(items[0])),)" : "(" + items.map(expr).joined(separator: ", ") + ")"
    case .list(let items): return "[" + items.map(expr).joined(separator: ", ") + "]"
    case .set(let items): return "{" + items.map(expr).joined(separator: ", ") + "}"
    case .dict(let items):
      return "{"
        + items.map { item in
          switch item {
          case .pair(let k, let v): return "\(expr(k)): \(expr(v))"
          case .unpack(let d): return "**" + expr(d)
          }
        }.joined(separator: ", ") + "}"
    case .starred(let inner): return "*" + expr(inner)
    case .attribute(let value, let name, _): return "\(expr(value)).\(name)"
    case .call(let callee, let args):
      return expr(callee) + "("
        + args.map { a in
          switch a {
          case .positional(let v): return expr(v)
          case .keyword(let n, _, let v): return "\(n)=\(expr(v))"
          case .star(let v): return "*" + expr(v)
          case .doubleStar(let v): return "**" + expr(v)
          }
        }.joined(separator: ", ") + ")"
    case .subscript(let value, let index): return "\(expr(value))[\(expr(index))]"
    case .slice(let lower, let upper, let step):
      return (lower.map(expr) ?? "") + ":" + (upper.map(expr) ?? "")
        + (step.map { ":" + expr($0) } ?? "")
    case .unary(let op, let v): return "(\(op.rawValue)\(expr(v)))"
    case .binary(let op, let l, let r): return "(\(expr(l)) \(op.rawValue) \(expr(r)))"
    case .and(let l, let r): return "(\(expr(l)) and \(expr(r)))"
    case .or(let l, let r): return "(\(expr(l)) or \(expr(r)))"
    case .not(let v): return "(not \(expr(v)))"
    case .compare(let first, let rest):
      return "(" + expr(first) + rest.map { " \($0.op.rawValue) \(expr($0.operand))" }.joined()
        + ")"
    case .conditional(let body, let test, let orElse):
      return "(\(expr(body)) if \(expr(test)) else \(expr(orElse)))"
    case .lambda(let f):
      guard case .return(let body?) = f.body.first?.kind else { return "lambda" }
      return "(lambda \(parameters(f.parameters)): \(expr(body)))"
    case .listComp(let e, let clauses): return "[\(expr(e))\(comprehension(clauses))]"
    case .setComp(let e, let clauses): return "{\(expr(e))\(comprehension(clauses))}"
    case .generator(let e, let clauses): return "(\(expr(e))\(comprehension(clauses)))"
    case .dictComp(let k, let v, let clauses):
      return "{\(expr(k)): \(expr(v))\(comprehension(clauses))}"
    }
  }

  static func comprehension(_ clauses: [PyComprehension]) -> String {
    clauses.map { c in
      " for \(expr(c.target)) in \(expr(c.iterable))"
        + c.conditions.map { " if " + expr($0) }.joined()
    }.joined()
  }

  static func fstring(_ parts: [PyFStringPart]) -> String {
    parts.map { part in
      switch part {
      case .text(let t): return t
      case .field(let e, let conversion, let spec, let selfDoc):
        return "{" + (selfDoc.map { "\($0)" } ?? "") + expr(e)
          + (conversion.map { "!\($0)" } ?? "") + (spec.map { ":" + fstring($0) } ?? "") + "}"
      }
    }.joined()
  }
}
