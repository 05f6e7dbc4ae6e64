/// A Python program: its top-level statements, each with its range in the program text.
public struct PyProgram: Sendable {
  public var statements: [PyStmt]
  public init(statements: [PyStmt]) { self.statements = statements }
}

/// A Python expression and where it stands (`Character` offsets from the start of the program).
public struct PyExpr: Sendable {
  // Only the cases that hold an expression are boxed: a name, a number or a string (most
  // leaves of a statement) is stored in place, without an allocation.
  public enum Kind: Sendable {
    case name(String)
    case int(Int)
    case float(Double)
    case string(String)
    /// An f-string (or plain strings concatenated with one): literal text and fields in order.
    case fstring([PyFStringPart])
    case bool(Bool)
    case none
    /// `...`
    case ellipsis
    case tuple([PyExpr])
    case list([PyExpr])
    case dict([PyDictItem])
    case set([PyExpr])
    /// `*x` inside a tuple, list or set display, or as an assignment target.
    indirect case starred(PyExpr)
    /// `value.name`; `nameRange` is where the name is written.
    indirect case attribute(PyExpr, name: String, nameRange: SourceRange)
    indirect case call(PyExpr, [PyCallArgument])
    /// `value[index]`; several indices arrive as a tuple, `a:b:c` as `.slice`.
    indirect case `subscript`(PyExpr, PyExpr)
    indirect case slice(lower: PyExpr?, upper: PyExpr?, step: PyExpr?)
    indirect case unary(PyUnaryOp, PyExpr)
    indirect case binary(PyBinaryOp, PyExpr, PyExpr)
    indirect case and(PyExpr, PyExpr)
    indirect case or(PyExpr, PyExpr)
    indirect case not(PyExpr)
    /// `a < b <= c`: the first operand, then each operator with its right operand.
    indirect case compare(PyExpr, [(op: PyCompareOp, operand: PyExpr)])
    /// `body if test else orElse`.
    indirect case conditional(body: PyExpr, test: PyExpr, orElse: PyExpr)
    indirect case lambda(PyFunctionDef)
    indirect case listComp(PyExpr, [PyComprehension])
    indirect case setComp(PyExpr, [PyComprehension])
    indirect case dictComp(key: PyExpr, value: PyExpr, [PyComprehension])
    /// `(x for x in y)`: evaluated eagerly, all items at once.
    indirect case generator(PyExpr, [PyComprehension])
  }

  public var kind: Kind
  public var range: SourceRange
  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// One piece of an f-string.
public enum PyFStringPart: Sendable {
  case text(String)
  /// `{expr!conversion:spec}`; `selfDocumenting` is `{expr=}`'s text before the value.
  case field(
    PyExpr, conversion: Character?, spec: [PyFStringPart]?, selfDocumenting: String?)
}

/// An entry of a dict display: `key: value` or `**mapping`.
public enum PyDictItem: Sendable {
  case pair(PyExpr, PyExpr)
  case unpack(PyExpr)
}

/// One argument written in a call.
public enum PyCallArgument: Sendable {
  case positional(PyExpr)
  case keyword(name: String, nameRange: SourceRange, PyExpr)
  /// `*args`
  case star(PyExpr)
  /// `**kwargs`
  case doubleStar(PyExpr)

  /// The argument as written, keyword and stars included.
  public var range: SourceRange {
    switch self {
    case .positional(let e): return e.range
    case .keyword(_, let r, let e): return r.union(e.range)
    case .star(let e), .doubleStar(let e): return e.range
    }
  }
}

/// `for target in iterable if condition...` inside a comprehension.
public struct PyComprehension: Sendable {
  public var target: PyExpr
  public var iterable: PyExpr
  public var conditions: [PyExpr]
  public init(target: PyExpr, iterable: PyExpr, conditions: [PyExpr]) {
    self.target = target
    self.iterable = iterable
    self.conditions = conditions
  }
}

/// A unary operator: `-x`, `+x`, `~x`.
public enum PyUnaryOp: String, Sendable {
  case minus = "-"
  case plus = "+"
  case invert = "~"
}

/// A binary operator, as written (also the augmented ones: `+=` is `.add`).
public enum PyBinaryOp: String, Sendable, CaseIterable {
  case add = "+"
  case sub = "-"
  case mul = "*"
  case truediv = "/"
  case floordiv = "//"
  case mod = "%"
  case pow = "**"
  case matmul = "@"
  case lshift = "<<"
  case rshift = ">>"
  case bitor = "|"
  case bitxor = "^"
  case bitand = "&"
}

/// A comparison operator of a chain.
public enum PyCompareOp: String, Sendable {
  case eq = "=="
  case ne = "!="
  case lt = "<"
  case le = "<="
  case gt = ">"
  case ge = ">="
  case `in` = "in"
  case notIn = "not in"
  case `is` = "is"
  case isNot = "is not"
}

/// A parameter of a `def` or `lambda`.
public struct PyParameter: Sendable {
  public enum Kind: Sendable {
    /// Positional or keyword (`positionalOnly` before a `/`).
    case regular(positionalOnly: Bool)
    /// `*args`
    case varArgs
    /// After `*` or `*args`.
    case keywordOnly
    /// `**kwargs`
    case varKeywords
  }
  public var name: String
  public var kind: Kind
  public var defaultValue: PyExpr?
  public var range: SourceRange
  public init(name: String, kind: Kind, defaultValue: PyExpr?, range: SourceRange) {
    self.name = name
    self.kind = kind
    self.defaultValue = defaultValue
    self.range = range
  }
}

/// A function: a `def` statement or a `lambda` (whose body is one `return`).
public struct PyFunctionDef: Sendable {
  public var name: String
  public var nameRange: SourceRange
  public var parameters: [PyParameter]
  public var body: [PyStmt]
  /// The names the function binds (parameters, assignments, loops, defs, imports), minus those
  /// declared `global` or `nonlocal`: Python's local variables, found once when parsing.
  public var locals: Set<String>
  public var globals: Set<String>
  public var nonlocals: Set<String>
  public init(
    name: String, nameRange: SourceRange, parameters: [PyParameter], body: [PyStmt],
    locals: Set<String>, globals: Set<String>, nonlocals: Set<String>
  ) {
    self.name = name
    self.nameRange = nameRange
    self.parameters = parameters
    self.body = body
    self.locals = locals
    self.globals = globals
    self.nonlocals = nonlocals
  }
}

/// One name of an `import` statement: `a.b as c`.
public struct PyImportName: Sendable {
  public var path: [String]
  public var alias: String?
  public var range: SourceRange
  public init(path: [String], alias: String?, range: SourceRange) {
    self.path = path
    self.alias = alias
    self.range = range
  }
}

/// A Python statement and where it stands; a compound statement's range covers its whole block.
public struct PyStmt: Sendable {
  // Boxed only for the compound and the larger cases: an expression statement or an assignment
  // (a statement a line in a typed script) is stored in place.
  public enum Kind: Sendable {
    case expression(PyExpr)
    /// `a = b = value`: the targets left to right.
    case assign(targets: [PyExpr], value: PyExpr)
    indirect case augAssign(PyExpr, PyBinaryOp, PyExpr)
    /// `target: annotation = value` (the annotation is not evaluated).
    indirect case annAssign(PyExpr, annotation: PyExpr, value: PyExpr?)
    case `import`([PyImportName])
    /// `from module import name as alias, ...`
    indirect case fromImport(module: PyImportName, names: [PyImportName])
    indirect case functionDef(PyFunctionDef)
    case `return`(PyExpr?)
    /// `if test: body else: orElse` (`elif` is an `if` alone in `orElse`).
    indirect case `if`(test: PyExpr, body: [PyStmt], orElse: [PyStmt])
    indirect case `for`(target: PyExpr, iterable: PyExpr, body: [PyStmt], orElse: [PyStmt])
    indirect case `while`(test: PyExpr, body: [PyStmt], orElse: [PyStmt])
    case `break`
    case `continue`
    case pass
    case global([String])
    case nonlocal([String])
    case del([PyExpr])
    indirect case assert(PyExpr, message: PyExpr?)
    indirect case raise(PyExpr?, cause: PyExpr?)
    /// `try: body`, its `except` clauses in order, `else: orElse`, `finally: final`.
    indirect case `try`(
      body: [PyStmt], handlers: [PyExceptHandler], orElse: [PyStmt], final: [PyStmt])
    /// `with a as x, b: body`: the context managers in order, each with its target.
    indirect case with([(context: PyExpr, target: PyExpr?)], body: [PyStmt])
  }

  public var kind: Kind
  public var range: SourceRange
  public init(_ kind: Kind, _ range: SourceRange) {
    self.kind = kind
    self.range = range
  }
}

/// A syntax error found while scanning or parsing: Python's class (`SyntaxError`,
/// `IndentationError`), its message, and where.
public struct PySyntaxError: Error, Sendable {
  public var kind: String
  public var message: String
  public var range: SourceRange
  public var hint: String?
  public init(_ message: String, at range: SourceRange, hint: String? = nil) {
    self.init("SyntaxError", message, at: range, hint: hint)
  }
  public init(_ kind: String, _ message: String, at range: SourceRange, hint: String? = nil) {
    self.kind = kind
    self.message = message
    self.range = range
    self.hint = hint
  }
}

/// One `except` clause: the classes it catches (nil: a bare `except:`, every exception), the
/// name the exception is bound to (`as e`), its block, and where its header stands.
public struct PyExceptHandler: Sendable {
  public var type: PyExpr?
  public var name: String?
  public var body: [PyStmt]
  public var range: SourceRange
  public init(type: PyExpr?, name: String?, body: [PyStmt], range: SourceRange) {
    self.type = type
    self.name = name
    self.body = body
    self.range = range
  }
}
