import StatementLanguage

/// How a statement ended: normally, or by `break`, `continue` or `return`.
enum Flow {
  case normal
  case breakLoop
  case continueLoop
  case returned(PyValue)
}

extension Interpreter {
  func run(_ statements: [PyStmt]) throws(PyError) -> Flow {
    // By index: a `for` over the statements copies each one.
    for i in 0..<statements.count {
      let flow = try run(statements[i])
      if case .normal = flow { continue }
      return flow
    }
    return .normal
  }

  func run(_ statement: PyStmt) throws(PyError) -> Flow {
    try step(statement.range)
    frames[frames.count - 1].range = statement.range
    // An expression or an assignment handed on as it is (see `evaluate`: its parts borrowed, not
    // copied).
    switch statement.kind {
    case .expression(let expr):
      _ = try evaluate(expr)
      return .normal
    case .assign(let targets, let valueExpr):
      try runAssignment(targets, valueExpr)
      return .normal
    default:
      return try runOther(statement)
    }
  }

  /// `targets = value`.
  func runAssignment(_ targets: [PyExpr], _ valueExpr: PyExpr) throws(PyError) {
    let value = try evaluate(valueExpr)
    // One name (most assignments): its string taken from the target in place, where passing
    // the target on copies it whole and destroys the copy.
    if targets.count == 1, case .name(let name) = targets[0].kind {
      store(name, value)
      return
    }
    for i in 0..<targets.count { try assign(targets[i], value) }
  }

  /// `run` for the other kinds of statement (its step counted, its frame's range set).
  private func runOther(_ statement: PyStmt) throws(PyError) -> Flow {
    switch statement.kind {
    case .expression(let expr):
      _ = try evaluate(expr)
    case .assign(let targets, let valueExpr):
      try runAssignment(targets, valueExpr)
    case .augAssign(let target, let op, let valueExpr):
      try augmentedAssign(target, op, valueExpr)
    case .annAssign(let target, _, let valueExpr):
      if let valueExpr { try assign(target, try evaluate(valueExpr)) }
    case .import(let names):
      for name in names { try importName(name) }
    case .fromImport(let module, let names):
      try importFrom(module, names)
    case .functionDef(let definition):
      store(definition.name, .object(try makeFunction(definition)))
    case .return(let valueExpr):
      return .returned(try valueExpr.map { e throws(PyError) in try evaluate(e) } ?? .none)
    case .if(let test, let body, let orElse):
      return try truthy(evaluate(test)) ? run(body) : run(orElse)
    case .for(let target, let iterableExpr, let body, let orElse):
      return try runFor(target, iterableExpr, body, orElse)
    case .while(let test, let body, let orElse):
      while try truthy(evaluate(test)) {
        let flow = try run(body)
        switch flow {
        case .normal, .continueLoop: continue
        case .breakLoop: return .normal
        case .returned: return flow
        }
      }
      return try run(orElse)
    case .break: return .breakLoop
    case .continue: return .continueLoop
    case .pass, .global, .nonlocal: break
    case .del(let targets):
      for target in targets { try delete(target) }
    case .assert(let test, let message):
      if try !truthy(evaluate(test)) {
        let text = try message.map { e throws(PyError) in str(try evaluate(e)) } ?? ""
        throw PyError("AssertionError", text, at: test.range)
      }
    case .raise(let exception, _):
      try raise(exception, statement.range)
    case .try(let body, let handlers, let orElse, let final):
      return try runTry(body, handlers, orElse, final)
    case .with(let items, let body):
      return try runWith(items[...], body)
    }
    return .normal
  }

  func runFor(_ target: PyExpr, _ iterableExpr: PyExpr, _ body: [PyStmt], _ orElse: [PyStmt])
    throws(PyError) -> Flow
  {
    let iterable = try evaluateIterable(iterableExpr)
    var result: Flow = .normal
    var broke = false
    try forEach(iterable, iterableExpr.range) { item throws(PyError) in
      try assign(target, item)
      let flow = try run(body)
      switch flow {
      case .normal, .continueLoop: return true
      case .breakLoop:
        broke = true
        return false
      case .returned:
        result = flow
        return false
      }
    }
    if case .returned = result { return result }
    return broke ? .normal : try run(orElse)
  }

  func raise(_ exception: PyExpr?, _ range: SourceRange) throws(PyError) {
    guard let exception else {
      guard let handled = handledErrors.last else {
        throw PyError("RuntimeError", "No active exception to reraise", at: range)
      }
      throw handled
    }
    let value = try evaluate(exception)
    if case .object(let o) = value, let e = o as? PyException {
      // A caught exception raised again as it was (a Keras error keeps its caret and hint).
      if let caught = e.caught { throw caught }
      var error = PyError(e.kind, e.message ?? "", at: exception.range)
      if e.message != nil { error.arguments = e.args }
      throw error
    }
    throw PyError("TypeError", "exceptions must derive from BaseException", at: exception.range)
  }

  // MARK: - Assignment

  /// `target = value` for a name, attribute, subscript, or (starred) tuple/list of targets.
  func assign(_ target: PyExpr, _ value: PyValue) throws(PyError) {
    switch target.kind {
    case .name(let name):
      store(name, value)
    case .attribute(let objectExpr, let name, let nameRange):
      let object = try evaluate(objectExpr)
      guard case .object(let o) = object else {
        throw cannotSet(name, on: object, nameRange)
      }
      do throws(PyError) {
        try o.setAttribute(name, value, self)
      } catch {
        throw located(error, target.range)
      }
    case .subscript(let objectExpr, let indexExpr):
      let object = try evaluate(objectExpr)
      let key = try evaluate(indexExpr)
      try setItem(object, key, value, target.range)
    case .tuple(let items), .list(let items):
      try unpack(items, value, target.range)
    default:
      throw PyError("SyntaxError", "cannot assign to expression", at: target.range)
    }
  }

  /// `a, *b, c = value`.
  func unpack(_ targets: [PyExpr], _ value: PyValue, _ range: SourceRange) throws(PyError) {
    let values: [PyValue]
    do throws(PyError) {
      values = try iterateAll(value, range)
    } catch {
      if error.kind == "TypeError" {
        throw PyError(
          "TypeError", "cannot unpack non-iterable \(typeName(of: value)) object", at: range)
      }
      throw error
    }
    if let star = targets.firstIndex(where: { if case .starred = $0.kind { true } else { false } })
    {
      let after = targets.count - star - 1
      guard values.count >= star + after else {
        throw PyError(
          "ValueError",
          "not enough values to unpack (expected at least \(star + after), got \(values.count))",
          at: range)
      }
      for i in 0..<star { try assign(targets[i], values[i]) }
      if case .starred(let inner) = targets[star].kind {
        try assign(inner, .list(PyList(Array(values[star..<(values.count - after)]))))
      }
      for i in 0..<after {
        try assign(targets[star + 1 + i], values[values.count - after + i])
      }
      return
    }
    if values.count > targets.count {
      throw PyError(
        "ValueError", "too many values to unpack (expected \(targets.count))", at: range)
    }
    if values.count < targets.count {
      throw PyError(
        "ValueError",
        "not enough values to unpack (expected \(targets.count), got \(values.count))", at: range)
    }
    for (t, v) in zip(targets, values) { try assign(t, v) }
  }

  /// `target op= value`: a list extends in place (`x += [1]`), everything else rebinds.
  func augmentedAssign(_ target: PyExpr, _ op: PyBinaryOp, _ valueExpr: PyExpr) throws(PyError) {
    switch target.kind {
    case .name(let name):
      var current = try load(name, target.range)
      let value = try evaluate(valueExpr)
      if op == .add, case .str(var text) = current, case .str(let more) = value {
        // CPython's own trick: `s += t` appends in place when nothing else holds `s`, so a loop
        // that builds a string costs O(its length), not O(length^2). The binding lets go of
        // the text first (the statement's journal kept its value from before the statement).
        try checkStringSize(text, more)
        current = .none
        store(name, .none)
        text += more
        store(name, .str(text))
        return
      }
      store(name, try inPlace(current, op, value, target.range.union(valueExpr.range)))
    case .attribute(let objectExpr, let name, let nameRange):
      let object = try evaluate(objectExpr)
      let current = try attribute(object, name, nameRange)
      let value = try evaluate(valueExpr)
      let result = try inPlace(current, op, value, target.range.union(valueExpr.range))
      guard case .object(let o) = object else {
        throw cannotSet(name, on: object, nameRange)
      }
      do throws(PyError) {
        try o.setAttribute(name, result, self)
      } catch {
        throw located(error, target.range)
      }
    case .subscript(let objectExpr, let indexExpr):
      let object = try evaluate(objectExpr)
      let key = try evaluate(indexExpr)
      let current = try item(object, key, target.range)
      let value = try evaluate(valueExpr)
      let result = try inPlace(current, op, value, target.range.union(valueExpr.range))
      try setItem(object, key, result, target.range)
    default:
      throw PyError(
        "SyntaxError", "illegal expression for augmented assignment", at: target.range)
    }
  }

  func inPlace(_ current: PyValue, _ op: PyBinaryOp, _ value: PyValue, _ range: SourceRange)
    throws(PyError) -> PyValue
  {
    if op == .add, case .list(let list) = current {
      let items = try iterateAll(value, range)
      try checkSize(list.items.count + items.count)
      try checkRoom(appending: items.count, to: list.items)
      list.items += items
      return current
    }
    if op == .mul, case .list(let list) = current, let n = value.asIndex {
      list.items = try repeated(list.items, n, range)
      return current
    }
    do throws(PyError) {
      return try binary(op, current, value, range)
    } catch {
      // Python names the augmented operator: "unsupported operand type(s) for +=: ...".
      let symbol = op == .pow ? "** or pow()" : op.rawValue
      let plain = "unsupported operand type(s) for \(symbol): "
      guard error.kind == "TypeError", error.message.hasPrefix(plain) else { throw error }
      var e = error
      e.message =
        "unsupported operand type(s) for \(op.rawValue)=: " + error.message.dropFirst(plain.count)
      throw e
    }
  }

  func delete(_ target: PyExpr) throws(PyError) {
    switch target.kind {
    case .name(let name): try deleteName(name, target.range)
    case .subscript(let objectExpr, let indexExpr):
      let object = try evaluate(objectExpr)
      let key = try evaluate(indexExpr)
      try deleteItem(object, key, target.range)
    case .tuple(let items), .list(let items):
      for item in items { try delete(item) }
    default:
      throw PyError(
        "SyntaxError", "kshape deletes names and items only, not attributes", at: target.range)
    }
  }

  /// Python's error for `value.name = ...` on a plain value.
  func cannotSet(_ name: String, on value: PyValue, _ range: SourceRange) -> PyError {
    Methods.names(of: value).contains(name)
      ? PyError(
        "AttributeError", "'\(typeName(of: value))' object attribute '\(name)' is read-only",
        at: range)
      : PyError(
        "AttributeError", "'\(typeName(of: value))' object has no attribute '\(name)'", at: range)
  }

  /// `error` with `range` when it has none (a host error gets the range of its call).
  func located(_ error: PyError, _ range: SourceRange?) -> PyError {
    guard error.range == nil, let range else { return error }
    var e = error
    e.range = range
    return e
  }

  /// The error as it leaves the innermost frame: source, range and a traceback entry added.
  func leavingFrame(_ error: PyError) -> PyError {
    var e = error
    guard let frame = frames.last else { return e }
    let first = e.traceback.isEmpty
    if e.range == nil { e.range = frame.range }
    if e.source == nil { e.source = frame.source }
    let range = first ? (e.range ?? frame.range) : frame.range
    e.traceback.insert(PyFrame(function: frame.function, source: frame.source, range: range), at: 0)
    return e
  }
}
