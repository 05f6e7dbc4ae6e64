import StatementLanguage

extension Interpreter {
  /// The value of an expression.
  func evaluate(_ expr: PyExpr) throws(PyError) -> PyValue {
    try step(expr.range)
    // The commonest kinds, each handed on as it is: a switch whose every case only passes its
    // parts on borrows them, where a case that works on them itself has the expression copied
    // (its parts retained) and destroyed again, whichever case runs.
    switch expr.kind {
    case .name(let name): return try load(name, expr.range)
    case .int(let i): return .int(i)
    case .call(let calleeExpr, let arguments):
      return try evaluateCall(calleeExpr, arguments, expr.range)
    default: return try evaluateOther(expr)
    }
  }

  /// `evaluate` for the other kinds of expression (its step counted).
  private func evaluateOther(_ expr: PyExpr) throws(PyError) -> PyValue {
    switch expr.kind {
    case .name(let name): return try load(name, expr.range)
    case .int(let i): return .int(i)
    case .float(let f): return .float(f)
    case .string(let s): return .str(s)
    case .fstring(let parts): return .str(try formatParts(parts))
    case .bool(let b): return .bool(b)
    case .none: return .none
    case .ellipsis: return .object(PyEllipsis.shared)
    case .tuple(let items): return .tuple(try evaluateItems(items))
    case .list(let items): return .list(PyList(try evaluateItems(items)))
    case .set(let items): return .object(try evaluateSet(items))
    case .dict(let items):
      let dict = PyDict()
      for item in items {
        switch item {
        case .pair(let k, let v):
          let key = try evaluate(k)
          try dictSet(dict, key, try evaluate(v), k.range)
        case .unpack(let e):
          let value = try evaluate(e)
          guard case .dict(let other) = value else {
            throw PyError(
              "TypeError", "'\(typeName(of: value))' object is not a mapping", at: e.range)
          }
          for entry in other.entries { try dictSet(dict, entry.key, entry.value, e.range) }
        }
      }
      return .dict(dict)
    case .starred:
      throw PyError("SyntaxError", "can't use starred expression here", at: expr.range)
    case .attribute(let objectExpr, let name, let nameRange):
      return try attribute(try evaluate(objectExpr), name, nameRange)
    case .call(let calleeExpr, let arguments):
      return try evaluateCall(calleeExpr, arguments, expr.range)
    case .subscript(let objectExpr, let indexExpr):
      let object = try evaluate(objectExpr)
      return try item(object, try evaluate(indexExpr), expr.range)
    case .slice(let lower, let upper, let stepExpr):
      func value(_ e: PyExpr?) throws(PyError) -> PyValue {
        guard let e else { return .none }
        return try evaluate(e)
      }
      return .object(
        PySlice(start: try value(lower), stop: try value(upper), step: try value(stepExpr)))
    case .unary(let op, let operandExpr):
      return try unary(op, try evaluate(operandExpr), expr.range)
    case .binary(let op, let left, let right):
      let l = try evaluate(left)
      let r = try evaluate(right)
      return try binary(op, l, r, expr.range)
    case .and(let left, let right):
      let l = try evaluate(left)
      return truthy(l) ? try evaluate(right) : l
    case .or(let left, let right):
      let l = try evaluate(left)
      return truthy(l) ? l : try evaluate(right)
    case .not(let operand):
      return .bool(!truthy(try evaluate(operand)))
    case .compare(let first, let rest):
      var left = try evaluate(first)
      for (op, operandExpr) in rest {
        let right = try evaluate(operandExpr)
        guard try compare(op, left, right, first.range.union(operandExpr.range)) else {
          return .bool(false)
        }
        left = right
      }
      return .bool(true)
    case .conditional(let body, let test, let orElse):
      return try truthy(evaluate(test)) ? evaluate(body) : evaluate(orElse)
    case .lambda(let definition):
      return .object(try makeFunction(definition))
    case .listComp(let element, let clauses):
      var items: [PyValue] = []
      try comprehension(clauses, "<listcomp>", expr.range) { () throws(PyError) in
        try append(try evaluate(element), to: &items)
      }
      return .list(PyList(items))
    case .generator(let element, let clauses):
      var items: [PyValue] = []
      try comprehension(clauses, "<genexpr>", expr.range) { () throws(PyError) in
        try append(try evaluate(element), to: &items)
      }
      return .object(PyIterable(typeName: "generator", items: items))
    case .setComp(let element, let clauses):
      var items: [PyValue] = []
      try comprehension(clauses, "<setcomp>", expr.range) { () throws(PyError) in
        try append(try evaluate(element), to: &items)
      }
      return .object(try PySet.make(items, self))
    case .dictComp(let keyExpr, let valueExpr, let clauses):
      let dict = PyDict()
      try comprehension(clauses, "<dictcomp>", expr.range) { () throws(PyError) in
        let key = try evaluate(keyExpr)
        try dictSet(dict, key, try evaluate(valueExpr), keyExpr.range)
        try checkSize(dict.count, growing: true)
      }
      return .dict(dict)
    }
  }

  /// The items of a display, `*x` spread.
  /// A set display as CPython builds it (the table order is CPython's): three or more constants
  /// are a frozenset constant merged into a new set; otherwise the items are added in order, a
  /// `*x` as `set.update(x)`.
  func evaluateSet(_ items: [PyExpr]) throws(PyError) -> PySet {
    if items.count > 2, items.allSatisfy(\.isFoldedConstant) {
      return try PySet.copy(try PySet.constant(try evaluateItems(items), self), self)
    }
    let set = PySet()
    for item in items {
      if case .starred(let inner) = item.kind {
        try set.update(from: try evaluate(inner), self, inner.range)
      } else {
        try set.add(try evaluate(item), self)
      }
    }
    return set
  }

  /// The iterable of a `for` or a comprehension: a set display of constants is iterated as the
  /// frozenset constant CPython's compiler makes of it.
  func evaluateIterable(_ expr: PyExpr) throws(PyError) -> PyValue {
    if case .set(let items) = expr.kind, !items.isEmpty, items.allSatisfy(\.isFoldedConstant) {
      return .object(try PySet.constant(try evaluateItems(items), self))
    }
    return try evaluate(expr)
  }

  func evaluateItems(_ items: [PyExpr]) throws(PyError) -> [PyValue] {
    // Made at the size most displays have (no `*x`), and read by index (a `for` over the
    // items copies each one).
    var values: [PyValue] = []
    values.reserveCapacity(items.count)
    for i in 0..<items.count {
      if case .starred(let inner) = items[i].kind {
        values += try iterateAll(try evaluate(inner), inner.range)
        try checkSize(values.count)
      } else {
        values.append(try evaluate(items[i]))
      }
    }
    return values
  }

  /// Runs `body` once per combination of a comprehension's loops, in a scope of its own whose
  /// names are the loop targets (the first iterable is evaluated outside it, as in Python).
  func comprehension(
    _ clauses: [PyComprehension], _ kind: String, _ range: SourceRange,
    _ body: () throws(PyError) -> Void
  ) throws(PyError) {
    guard let first = clauses.first, let source = frames.last?.source else { return }
    let firstIterable = try evaluateIterable(first.iterable)
    // Python 3.11 runs a comprehension as a function of its own: a frame in tracebacks, and a
    // level of recursion.
    // The module's frame counts as one, as in CPython (999 nested calls of f at the default).
    guard callDepth + 1 < recursionLimit else {
      throw PyError("RecursionError", "maximum recursion depth exceeded", at: range)
    }
    callDepth += 1
    frames.append(
      Frame(
        function: kind, qualifiedName: frames.last?.qualifiedName, source: source, range: range))
    defer {
      callDepth -= 1
      frames.removeLast()
    }
    var names: Set<String> = []
    for clause in clauses { names.formUnion(clause.target.targetNames) }
    let scope = PyScope(locals: names, parent: currentScope, isComprehension: true)
    let saved = currentScope
    currentScope = scope
    defer { currentScope = saved }
    func loop(_ i: Int) throws(PyError) {
      if i == clauses.count {
        try body()
        return
      }
      let clause = clauses[i]
      let iterable = i == 0 ? firstIterable : try evaluateIterable(clause.iterable)
      try forEach(iterable, clause.iterable.range) { item throws(PyError) in
        try step(clause.target.range)
        try assign(clause.target, item)
        for condition in clause.conditions where !truthy(try evaluate(condition)) {
          return true
        }
        try loop(i + 1)
        return true
      }
    }
    do throws(PyError) {
      try loop(0)
    } catch {
      throw leavingFrame(error)
    }
  }

  // MARK: - Iteration

  /// Calls `body` with each item of `value` until it returns false; a range is never
  /// materialised.
  func forEach(
    _ value: PyValue, _ range: SourceRange?, _ body: (PyValue) throws(PyError) -> Bool
  ) throws(PyError) {
    if case .object(let o) = value, let r = o as? PyRange {
      let count = r.count
      var i = 0
      while i < count {
        try step(range)
        guard try body(.int(r.element(i))) else { return }
        i += 1
      }
      return
    }
    switch value {
    case .list(let list):
      // By index, over the list as it is then, as Python's list iterator: items appended in
      // the loop are reached, and a removal moves the rest down one.
      var i = 0
      while i < list.items.count {
        try step(range)
        guard try body(list.items[i]) else { return }
        i += 1
      }
    case .dict(let dict):
      try forEachKept(dict.entries.map(\.key), range, "dictionary", count: { dict.count }, body)
    case .object(let o as PySet):
      try forEachKept(o.items, range, "Set", count: { o.length ?? 0 }, body)
    case .object(let o as PyIterable) where o.isLazy:
      // Item by item, the loop's body run between: `map`'s function runs as the loop reaches it
      // (a traceback through it stands at the loop's iterable, as Python's at its `for`).
      while true {
        if let range, !frames.isEmpty { frames[frames.count - 1].range = range }
        guard let item = try o.next(self) else { return }
        try step(range)
        guard try body(item) else { return }
      }
    default:
      for item in try iterateAll(value, range) {
        guard try body(item) else { return }
      }
    }
  }

  /// The items of a dict or a set, each after the body saw the one before: a body that changed
  /// the container's size stops the loop with CPython's RuntimeError, as its iterator's next
  /// step raises it (`for k in d: del d[k]`).
  private func forEachKept(
    _ items: [PyValue], _ range: SourceRange?, _ kind: String, count: () -> Int,
    _ body: (PyValue) throws(PyError) -> Bool
  ) throws(PyError) {
    try step(range, count: items.count)
    let before = count()
    for item in items {
      guard try body(item) else { return }
      guard count() == before else {
        throw PyError("RuntimeError", "\(kind) changed size during iteration", at: range)
      }
    }
  }

  /// All the items of an iterable (`TypeError` when it is not one).
  public func iterateAll(_ value: PyValue, _ range: SourceRange?) throws(PyError) -> [PyValue] {
    let items = try items(of: value, range)
    try step(range, count: items.count)
    return items
  }

  func items(of value: PyValue, _ range: SourceRange?) throws(PyError) -> [PyValue] {
    switch value {
    case .str(let s): return s.unicodeScalars.map { .str(String($0)) }
    case .tuple(let items): return items
    case .list(let list): return list.items
    case .dict(let dict): return dict.entries.map(\.key)
    case .object(let o):
      let items: [PyValue]?
      do throws(PyError) {
        items = try o.iterate(self)
      } catch {
        throw located(error, range)
      }
      if let items { return items }
    default: break
    }
    throw PyError("TypeError", "'\(typeName(of: value))' object is not iterable", at: range)
  }

  // MARK: - f-strings

  func formatParts(_ parts: [PyFStringPart]) throws(PyError) -> String {
    var out = ""
    for part in parts {
      switch part {
      case .text(let text): out += text
      case .field(let expr, let conversion, let spec, let selfDoc):
        var value = try evaluate(expr)
        if let selfDoc { out += selfDoc }
        switch conversion {
        case "r", "a": value = .str(repr(value))
        case "s": value = .str(str(value))
        default: break
        }
        let specText = try spec.map { s throws(PyError) in try formatParts(s) } ?? ""
        out += try PyFormat.format(value, specText, self, expr.range)
      }
    }
    return out
  }
}

extension PyValue {
  var asSlice: PySlice? {
    if case .object(let o) = self { return o as? PySlice }
    return nil
  }
}

extension PyExpr {
  /// Whether CPython's compiler folds the expression to a constant: a literal, a sign or `~` on
  /// one, an operator between two, a tuple of them.
  var isFoldedConstant: Bool {
    switch kind {
    case .int, .float, .string, .bool, .none, .ellipsis: return true
    case .unary(_, let e): return e.isFoldedConstant
    case .binary(_, let a, let b): return a.isFoldedConstant && b.isFoldedConstant
    case .tuple(let items): return items.allSatisfy(\.isFoldedConstant)
    default: return false
    }
  }
}
