import StatementLanguage

/// `try` / `except` / `else` / `finally` and `with`, as CPython runs them; the exception
/// classes' hierarchy is `PyException.isSubclass`. A Keras error caught at one input size and
/// not at another needs nothing here: the host marks a program that caught one as
/// size-dependent (`KerasHost.raise`), and a compiled call that fails at a size sends `apply` to
/// the replay, where the `except` runs (TryAtEachSizeTests).
extension Interpreter {
  func runTry(
    _ body: [PyStmt], _ handlers: [PyExceptHandler], _ orElse: [PyStmt], _ final: [PyStmt]
  ) throws(PyError) -> Flow {
    // While a body whose errors may be caught runs, the host raises what Keras raises where it
    // would otherwise go on (a layer's weights deferred until the size is known): the program
    // sees the error and takes its `except`, as under Keras.
    let catching = !handlers.isEmpty
    if catching { onCatchingBlock?(true) }
    var bodyOutcome: Result<Flow, PyError>
    do throws(PyError) { bodyOutcome = .success(try run(body)) } catch {
      bodyOutcome = .failure(error)
    }
    if catching { onCatchingBlock?(false) }
    var outcome: Result<Flow, PyError>
    switch bodyOutcome {
    case .success(.normal):
      // `else` runs when the body ended without an exception (not on `return`, `break` or
      // `continue`); an exception it raises is not the handlers' to catch.
      do throws(PyError) { outcome = .success(try run(orElse)) } catch {
        outcome = .failure(error)
      }
    case .success(let flow):
      outcome = .success(flow)
    case .failure(let error):
      // kshape's own stops (the step limit, Ctrl-C) and errors CPython would have raised
      // before running anything (SyntaxError) are nobody's to catch, nor run `finally`.
      guard PyException.isCatchable(error.kind) else { throw error }
      do throws(PyError) {
        outcome = .success(try handle(error, handlers))
      } catch {
        guard PyException.isCatchable(error.kind) else { throw error }
        outcome = .failure(error)
      }
    }
    if !final.isEmpty {
      // A `return`, `break` or `continue` in `finally` wins over what the rest did, an
      // exception included; an exception in it replaces the one going on.
      let flow = try run(final)
      if case .normal = flow {} else { return flow }
    }
    return try outcome.get()
  }

  /// The first handler whose classes `error` is an instance of runs, with the exception bound
  /// to its name (unbound again after the block, as CPython deletes it); `error` again when none.
  private func handle(_ error: PyError, _ handlers: [PyExceptHandler]) throws(PyError) -> Flow {
    for handler in handlers {
      if let typeExpr = handler.type {
        let type = try evaluate(typeExpr)
        guard try matches(error, type, typeExpr.range) else { continue }
      }
      handledErrors.append(error)
      defer { handledErrors.removeLast() }
      if let name = handler.name { store(name, .object(PyException(caught: error))) }
      defer {
        if let name = handler.name { try? deleteName(name, handler.range) }
      }
      return try run(handler.body)
    }
    throw error
  }

  /// Whether `error` is an instance of `type`: an exception class, or a tuple of them.
  private func matches(_ error: PyError, _ type: PyValue, _ range: SourceRange) throws(PyError)
    -> Bool
  {
    switch type {
    case .object(let o):
      if let e = o as? PyException, e.message == nil {
        return PyException.isSubclass(error.kind, of: e.kind)
      }
    case .tuple(let items):
      for item in items where try matches(error, item, range) { return true }
      return false
    default: break
    }
    throw PyError(
      "TypeError", "catching classes that do not inherit from BaseException is not allowed",
      at: range)
  }

  /// `with a as x, b: body`: each context entered in order (what it gives bound to its target),
  /// then the body, then each left in reverse order, told the error the body raised; a context
  /// that says so suppresses it. kshape's own stops leave without telling them.
  func runWith(_ items: ArraySlice<(context: PyExpr, target: PyExpr?)>, _ body: [PyStmt])
    throws(PyError) -> Flow
  {
    guard let item = items.first else { return try run(body) }
    let value = try evaluate(item.context)
    guard case .object(let manager) = value, let entered = try manager.enterContext(self) else {
      throw PyError(
        "TypeError",
        "'\(typeName(of: value))' object does not support the context manager protocol",
        at: item.context.range)
    }
    let flow: Flow
    do throws(PyError) {
      if let target = item.target { try assign(target, entered) }
      flow = try runWith(items.dropFirst(), body)
    } catch {
      guard PyException.isCatchable(error.kind) else { throw error }
      if try manager.exitContext(error, self) { return .normal }
      throw error
    }
    _ = try manager.exitContext(nil, self)
    return flow
  }
}
