/// Where a target stands: each context has Python's own wording for a bad one.
enum PyTargetContext {
  case assignment
  case augmented
  case forLoop
  case del
}

extension PyParser {
  /// Checks that `target` can be assigned to (a name, attribute, subscript, or a tuple or list
  /// of those with at most one starred), with Python's message when it cannot.
  func checkTarget(_ target: PyExpr, context: PyTargetContext, nested: Bool = false)
    throws(PySyntaxError)
  {
    switch target.kind {
    case .name, .attribute, .subscript: return
    case .tuple(let items), .list(let items):
      if context == .augmented {
        let what = if case .tuple = target.kind { "tuple" } else { "list" }
        throw PySyntaxError(
          "'\(what)' is an illegal expression for augmented assignment", at: target.range)
      }
      var starred = 0
      for item in items {
        if case .starred(let inner) = item.kind, context != .del {
          starred += 1
          if starred > 1 {
            throw PySyntaxError("multiple starred expressions in assignment", at: item.range)
          }
          try checkTarget(inner, context: context, nested: true)
        } else {
          try checkTarget(item, context: context, nested: true)
        }
      }
    case .starred:
      throw PySyntaxError("starred assignment target must be in a list or tuple", at: target.range)
    default:
      let what = Self.describe(target)
      switch context {
      case .augmented:
        throw PySyntaxError(
          "'\(what)' is an illegal expression for augmented assignment", at: target.range)
      case .del:
        throw PySyntaxError("cannot delete \(what)", at: target.range)
      case .forLoop:
        throw PySyntaxError("cannot assign to \(what)", at: target.range)
      case .assignment:
        if case .none = target.kind {
          throw PySyntaxError("cannot assign to None", at: target.range)
        }
        if case .bool(let b) = target.kind {
          throw PySyntaxError("cannot assign to \(b ? "True" : "False")", at: target.range)
        }
        throw PySyntaxError(
          "cannot assign to \(what)"
            + (nested ? "" : " here. Maybe you meant '==' instead of '='?"),
          at: target.range)
      }
    }
  }

  /// How Python's messages name an expression that is not a target.
  static func describe(_ expr: PyExpr) -> String {
    switch expr.kind {
    case .int, .float, .string, .bool, .none, .ellipsis: return "literal"
    case .fstring: return "f-string expression"
    case .call: return "function call"
    case .compare: return "comparison"
    case .conditional: return "conditional expression"
    case .lambda: return "lambda"
    case .dict: return "dict literal"
    case .set: return "set display"
    case .listComp: return "list comprehension"
    case .dictComp: return "dict comprehension"
    case .setComp: return "set comprehension"
    case .generator: return "generator expression"
    case .tuple: return "tuple"
    case .list: return "list"
    default: return "expression"
    }
  }
}

/// Python's scope rule, applied once when a function is parsed: a name a function binds is local
/// to it unless declared `global` or `nonlocal`.
enum PyScopes {
  static func function(
    name: String, nameRange: SourceRange, parameters: [PyParameter], body: [PyStmt]
  ) -> PyFunctionDef {
    var bound = Set(parameters.map(\.name))
    var globals: Set<String> = []
    var nonlocals: Set<String> = []
    collect(body, bound: &bound, globals: &globals, nonlocals: &nonlocals)
    return PyFunctionDef(
      name: name, nameRange: nameRange, parameters: parameters, body: body,
      locals: bound.subtracting(globals).subtracting(nonlocals), globals: globals,
      nonlocals: nonlocals)
  }

  /// The names bound by `statements` (not looking inside nested functions, which have their own).
  static func collect(
    _ statements: [PyStmt], bound: inout Set<String>, globals: inout Set<String>,
    nonlocals: inout Set<String>
  ) {
    for statement in statements {
      switch statement.kind {
      case .assign(let targets, _):
        for target in targets { names(in: target, into: &bound) }
      case .augAssign(let target, _, _), .annAssign(let target, _, _):
        names(in: target, into: &bound)
      case .import(let items):
        for item in items { bound.insert(item.alias ?? item.path[0]) }
      case .fromImport(_, let items):
        for item in items { bound.insert(item.alias ?? item.path[0]) }
      case .functionDef(let f): bound.insert(f.name)
      case .if(_, let body, let orElse), .while(_, let body, let orElse):
        collect(body, bound: &bound, globals: &globals, nonlocals: &nonlocals)
        collect(orElse, bound: &bound, globals: &globals, nonlocals: &nonlocals)
      case .for(let target, _, let body, let orElse):
        names(in: target, into: &bound)
        collect(body, bound: &bound, globals: &globals, nonlocals: &nonlocals)
        collect(orElse, bound: &bound, globals: &globals, nonlocals: &nonlocals)
      case .try(let body, let handlers, let orElse, let final):
        collect(body, bound: &bound, globals: &globals, nonlocals: &nonlocals)
        for handler in handlers {
          if let name = handler.name { bound.insert(name) }
          collect(handler.body, bound: &bound, globals: &globals, nonlocals: &nonlocals)
        }
        collect(orElse, bound: &bound, globals: &globals, nonlocals: &nonlocals)
        collect(final, bound: &bound, globals: &globals, nonlocals: &nonlocals)
      case .with(let items, let body):
        for item in items { if let target = item.target { names(in: target, into: &bound) } }
        collect(body, bound: &bound, globals: &globals, nonlocals: &nonlocals)
      case .global(let declared): globals.formUnion(declared)
      case .nonlocal(let declared): nonlocals.formUnion(declared)
      case .del(let targets):
        for target in targets { names(in: target, into: &bound) }
      case .expression, .return, .break, .continue, .pass, .assert, .raise: break
      }
    }
  }

  /// Python's compile-time check that each `nonlocal` name is bound by an enclosing function:
  /// `function` is a top-level `def`, checked with everything nested in it.
  static func checkNonlocals(_ function: PyFunctionDef, enclosing: [Set<String>] = [])
    throws(PySyntaxError)
  {
    try checkNonlocals(in: function.body, of: function, enclosing: enclosing)
  }

  private static func checkNonlocals(
    in statements: [PyStmt], of function: PyFunctionDef, enclosing: [Set<String>]
  ) throws(PySyntaxError) {
    for statement in statements {
      switch statement.kind {
      case .nonlocal(let names):
        for name in names where !enclosing.contains(where: { $0.contains(name) }) {
          throw PySyntaxError("no binding for nonlocal '\(name)' found", at: statement.range)
        }
      case .functionDef(let inner):
        try checkNonlocals(
          inner, enclosing: enclosing + [function.locals.union(function.nonlocals)])
      case .if(_, let body, let orElse), .while(_, let body, let orElse),
        .for(_, _, let body, let orElse):
        try checkNonlocals(in: body, of: function, enclosing: enclosing)
        try checkNonlocals(in: orElse, of: function, enclosing: enclosing)
      case .try(let body, let handlers, let orElse, let final):
        for block in [body, orElse, final] + handlers.map(\.body) {
          try checkNonlocals(in: block, of: function, enclosing: enclosing)
        }
      case .with(_, let body):
        try checkNonlocals(in: body, of: function, enclosing: enclosing)
      default: break
      }
    }
  }

  /// The plain names a target binds (`a`, `(a, *b)`); attributes and subscripts bind none.
  static func names(in target: PyExpr, into set: inout Set<String>) {
    switch target.kind {
    case .name(let n): set.insert(n)
    case .tuple(let items), .list(let items):
      for item in items { names(in: item, into: &set) }
    case .starred(let inner): names(in: inner, into: &set)
    default: break
    }
  }
}

extension PyExpr {
  /// The plain names this expression binds as an assignment target.
  public var targetNames: Set<String> {
    var set: Set<String> = []
    PyScopes.names(in: self, into: &set)
    return set
  }
}
