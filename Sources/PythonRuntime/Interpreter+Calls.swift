import StatementLanguage

extension Interpreter {
  /// `callee(arguments...)`: arguments evaluated left to right, `*x` and `**d` spread.
  func evaluateCall(_ calleeExpr: PyExpr, _ written: [PyCallArgument], _ range: SourceRange)
    throws(PyError) -> PyValue
  {
    let callee = try evaluate(calleeExpr)
    var arguments = PyArguments(range: range)
    // Each array made once at its size when the call has several arguments of a kind (a `*`
    // or `**` argument may add more), the positional ones in the array the last call gave back
    // when they are few (`keepSpare`).
    // (A call of one argument, most calls, needs no count: its array is taken below.)
    var positional = 0
    if written.count > 1 {
      for argument in written {
        if case .positional = argument { positional += 1 }
      }
      if positional > 1 {
        if positional <= Self.spareArgumentsCapacity {
          swap(&arguments.positional, &spareArguments)
        }
        arguments.positional.reserveCapacity(positional)
      }
      if written.count - positional > 1 {
        arguments.keywords.reserveCapacity(written.count - positional)
      }
    } else {
      positional = 1
    }
    // By index: the element is switched on in place (a `for` over the array copies each
    // argument, its expression retained, and destroys the copy).
    for i in 0..<written.count {
      switch written[i] {
      case .positional(let e):
        let value = try evaluate(e)
        // A first argument goes into the array the last call gave back (`spareArguments`), when
        // it is there and the call has few (most calls have one or two), not a new one.
        if arguments.positional.capacity == 0, positional <= Self.spareArgumentsCapacity {
          swap(&arguments.positional, &spareArguments)
        }
        arguments.positional.append((value, e.range))
      case .keyword(let name, let nameRange, let e):
        arguments.keywords.append((name, try evaluate(e), nameRange.union(e.range)))
      case .star(let e):
        for value in try iterateAll(try evaluate(e), e.range) {
          arguments.positional.append((value, e.range))
        }
      case .doubleStar(let e):
        let value = try evaluate(e)
        guard case .dict(let dict) = value else {
          throw PyError(
            "TypeError",
            "\(describeCallee(callee)) argument after ** must be a mapping, not "
              + typeName(of: value), at: e.range)
        }
        for entry in dict.entries {
          guard case .str(let name) = entry.key else {
            throw PyError("TypeError", "keywords must be strings", at: e.range)
          }
          if arguments.keywords.contains(where: { $0.name == name }) {
            throw PyError(
              "TypeError",
              "\(describeCallee(callee)) got multiple values for keyword argument '\(name)'",
              at: e.range)
          }
          arguments.keywords.append((name, entry.value, e.range))
        }
      }
    }
    frames[frames.count - 1].range = range
    let result = try callValue(consume callee, arguments)
    keepSpare(&arguments.positional)
    return result
  }

  /// Keeps a call's array of positional arguments, emptied, for the next call
  /// (`spareArguments`): a statement `y = Dense(8)(x)` makes two calls, one after the other,
  /// each of which allocated its array and freed it. An array the callee kept a reference to is
  /// copied as it is emptied, never changed under it; a large one is left to be freed.
  @inline(__always)
  private func keepSpare(_ used: inout [(value: PyValue, range: SourceRange?)]) {
    guard spareArguments.capacity == 0, used.capacity != 0,
      used.capacity <= Self.spareArgumentsCapacity
    else { return }
    // Element by element: `removeAll(keepingCapacity:)` is a generic range replacement.
    while !used.isEmpty { used.removeLast() }
    swap(&used, &spareArguments)
  }

  /// The largest array of arguments `keepSpare` keeps.
  static let spareArgumentsCapacity = 8

  /// `f()` as Python's messages name a callee.
  func describeCallee(_ callee: PyValue) -> String {
    if case .object(let o) = callee {
      if let f = o as? PyFunction { return "\(f.qualifiedName)()" }
      if let b = o as? PyBuiltinFunction { return "\(b.name)()" }
    }
    return "\(typeName(of: callee))()"
  }

  /// Calls `callee` with `arguments` as Python does (a function, a builtin, a class, a host
  /// object). The callee is taken (`consuming`): a call's callee, evaluated for it, is not retained again
  /// and released here.
  func callValue(_ callee: consuming PyValue, _ arguments: PyArguments) throws(PyError)
    -> PyValue
  {
    switch consume callee {
    case .object(let o):
      if let function = o as? PyFunction { return try callFunction(function, arguments) }
      do throws(PyError) {
        return try o.call(arguments, self)
      } catch {
        throw located(error, arguments.range)
      }
    case let other:
      throw PyError(
        "TypeError", "'\(typeName(of: other))' object is not callable", at: arguments.range)
    }
  }

  /// A `def` or `lambda` made into a function: defaults evaluated now, the current scope closed
  /// over.
  func makeFunction(_ definition: PyFunctionDef) throws(PyError) -> PyFunction {
    var defaults: [PyValue?] = []
    for parameter in definition.parameters {
      defaults.append(
        try parameter.defaultValue.map { e throws(PyError) in try evaluate(e) })
    }
    let enclosing = frames.last?.qualifiedName
    let qualifiedName = enclosing.map { "\($0).<locals>.\(definition.name)" } ?? definition.name
    guard let source = frames.last?.source else {
      throw PyError("RuntimeError", "no frame to define \(definition.name) in", at: nil)
    }
    return PyFunction(
      definition: definition, qualifiedName: qualifiedName, defaults: defaults,
      closure: currentScope, source: source)
  }

  /// Runs a Python function: binds its arguments as Python does, then its body in a new frame.
  func callFunction(_ function: PyFunction, _ arguments: PyArguments) throws(PyError) -> PyValue {
    if !onLargeStack {
      return try runOnLargeStack { () throws(PyError) -> PyValue in
        try self.callFunction(function, arguments)
      }
    }
    do {
      let definition = function.definition
      let scope = PyScope(
        locals: definition.locals, globals: definition.globals,
        nonlocals: definition.nonlocals, parent: function.closure)
      try bind(function, arguments, into: scope)
      // The module's frame counts as one, as in CPython (999 nested calls of f at the default).
      guard callDepth + 1 < recursionLimit else {
        throw PyError("RecursionError", "maximum recursion depth exceeded", at: arguments.range)
      }
      callDepth += 1
      frames.append(
        Frame(
          function: definition.name, qualifiedName: function.qualifiedName,
          source: function.source, range: definition.body.first?.range ?? definition.nameRange))
      let saved = currentScope
      currentScope = scope
      defer {
        callDepth -= 1
        frames.removeLast()
        currentScope = saved
      }
      do throws(PyError) {
        if case .returned(let value) = try run(definition.body) { return value }
        return .none
      } catch {
        throw leavingFrame(error)
      }
    }
  }

  /// Python's argument binding, with its messages (CPython's order: keywords, then the count of
  /// positionals, then what is missing).
  func bind(_ function: PyFunction, _ arguments: PyArguments, into scope: PyScope)
    throws(PyError)
  {
    let name = function.qualifiedName
    let parameters = function.definition.parameters
    let range = arguments.range
    var positional: [Int] = []
    var keywordOnly: [Int] = []
    var varArgs: String?
    var varKeywords: String?
    for (i, p) in parameters.enumerated() {
      switch p.kind {
      case .regular: positional.append(i)
      case .keywordOnly: keywordOnly.append(i)
      case .varArgs: varArgs = p.name
      case .varKeywords: varKeywords = p.name
      }
    }
    var values: [String: PyValue] = [:]
    let given = arguments.positional
    for (slot, argument) in zip(positional, given) {
      values[parameters[slot].name] = argument.value
    }
    if let varArgs {
      values[varArgs] = .tuple(given.dropFirst(positional.count).map(\.value))
    }
    let extra = PyDict()
    for keyword in arguments.keywords {
      if let p = parameters.first(where: { $0.name == keyword.name }), p.isKeywordBindable {
        if values[p.name] != nil {
          throw PyError(
            "TypeError", "\(name)() got multiple values for argument '\(p.name)'",
            at: keyword.range ?? range)
        }
        values[p.name] = keyword.value
      } else if varKeywords != nil {
        extra.set(.str(keyword.name), keyword.value)
      } else {
        let candidates = parameters.filter(\.isKeywordBindable).map(\.name)
        throw PyError(
          "TypeError", "\(name)() got an unexpected keyword argument '\(keyword.name)'",
          at: keyword.range ?? range,
          hint: Suggestion.closest(to: keyword.name, in: candidates).map {
            "Did you mean: '\($0)'?"
          })
      }
    }
    if let varKeywords { values[varKeywords] = .dict(extra) }
    if varArgs == nil && given.count > positional.count {
      let withDefaults = positional.filter { function.defaults[$0] != nil }.count
      let takes =
        withDefaults > 0
        ? "from \(positional.count - withDefaults) to \(positional.count) positional arguments"
        : plural(positional.count, "positional argument")
      let keywordOnlyGiven = keywordOnly.filter { values[parameters[$0].name] != nil }.count
      let givenText =
        keywordOnlyGiven > 0
        ? "\(plural(given.count, "positional argument")) (and "
          + "\(plural(keywordOnlyGiven, "keyword-only argument"))) "
          + (given.count + keywordOnlyGiven == 1 ? "was" : "were")
        : "\(given.count) \(given.count == 1 ? "was" : "were")"
      throw PyError(
        "TypeError", "\(name)() takes \(takes) but \(givenText) given",
        at: given[positional.count].range ?? range)
    }
    var missing: [String] = []
    for slot in positional where values[parameters[slot].name] == nil {
      if let value = function.defaults[slot] {
        values[parameters[slot].name] = value
      } else {
        missing.append(parameters[slot].name)
      }
    }
    if !missing.isEmpty {
      throw PyError(
        "TypeError",
        "\(name)() missing \(missing.count) required positional "
          + "argument\(missing.count == 1 ? "" : "s"): \(Self.nameList(missing))", at: range)
    }
    for slot in keywordOnly where values[parameters[slot].name] == nil {
      if let value = function.defaults[slot] {
        values[parameters[slot].name] = value
      } else {
        missing.append(parameters[slot].name)
      }
    }
    if !missing.isEmpty {
      throw PyError(
        "TypeError",
        "\(name)() missing \(missing.count) required keyword-only "
          + "argument\(missing.count == 1 ? "" : "s"): \(Self.nameList(missing))", at: range)
    }
    scope.values = values
  }

  /// `'a'`, `'a' and 'b'`, `'a', 'b', and 'c'`, as CPython lists missing arguments.
  static func nameList(_ names: [String]) -> String {
    let quoted = names.map { "'\($0)'" }
    switch quoted.count {
    case 1: return quoted[0]
    case 2: return "\(quoted[0]) and \(quoted[1])"
    default: return quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
    }
  }

  func plural(_ count: Int, _ noun: String) -> String {
    "\(count) \(noun)\(count == 1 ? "" : "s")"
  }
}

extension PyParameter {
  /// Whether a keyword argument can fill it (not `*args`, `**kwargs` or positional-only).
  var isKeywordBindable: Bool {
    switch kind {
    case .regular(let positionalOnly): return !positionalOnly
    case .keywordOnly: return true
    case .varArgs, .varKeywords: return false
    }
  }
}
