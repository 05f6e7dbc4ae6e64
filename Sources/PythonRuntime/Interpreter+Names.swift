import StatementLanguage

/// Names (local, enclosing, global, builtin) and the modules imports bind to them.
extension Interpreter {
  // MARK: - Names

  /// Binds `name` in the current scope, as Python's scope rules say.
  func store(_ name: String, _ value: PyValue) {
    guard let scope = currentScope else {
      storeGlobal(name, value)
      return
    }
    if scope.globals.contains(name) {
      storeGlobal(name, value)
      return
    }
    if scope.nonlocals.contains(name) {
      var outer = scope.parent
      while let s = outer {
        if s.locals.contains(name) {
          StatementJournal.noteChange(toObjectOf: s.generation)
          s.values[name] = value
          return
        }
        outer = s.parent
      }
    }
    scope.values[name] = value
  }

  /// Binds global `name`, journaled (`StatementJournal`) while a statement runs under one.
  func storeGlobal(_ name: String, _ value: PyValue) {
    // The filter and the cache follow this write (a write through `globals` empties them).
    if globalNames.isValid { globalNames.insert(name) }
    if readCache.isValid { readCache.note(name, value, written: true) }
    // Grown sixteen times over when full while small, where the dictionary would double: each
    // growth hashes every name again (doubling hashed each name once more on average, this a
    // fifteenth of that; 100 names hash 96 again, 10,000 names 1,632, not 8,160 as growing four
    // times over did). Past 4,096 names, four times over: the most room grown sixteenfold is
    // for 65,536 names (a few MiB); grown from 64, it is for 24,576 (about 1 MiB).
    if globalValues.count >= globalValues.capacity {
      let factor = globalValues.count <= Self.globalsGrownSixteenfold ? 16 : 4
      globalValues.reserveCapacity(Swift.max(64, globalValues.count * factor))
    }
    // One lookup: the value before comes back from the write.
    let previous = globalValues.updateValue(value, forKey: name)
    lastGlobalStore = (name, value)
    journal?.noteGlobal(name, previous: previous)
  }

  /// The most globals grown sixteen times over at once (`storeGlobal`).
  static let globalsGrownSixteenfold = 4_096

  /// The value of `name`: local, enclosing, global, builtin.
  func load(_ name: String, _ range: SourceRange) throws(PyError) -> PyValue {
    if let scope = currentScope {
      if scope.globals.contains(name) { return try loadGlobal(name, range) }
      if scope.locals.contains(name) {
        if let value = scope.values[name] { return value }
        throw PyError(
          "UnboundLocalError",
          "cannot access local variable '\(name)' where it is not associated with a value",
          at: range)
      }
      var outer = scope.parent
      while let s = outer {
        if s.globals.contains(name) { break }
        if s.locals.contains(name) {
          if let value = s.values[name] { return value }
          throw PyError(
            "NameError",
            "cannot access free variable '\(name)' where it is not associated with a value in "
              + "enclosing scope", at: range)
        }
        outer = s.parent
      }
    }
    return try loadGlobal(name, range)
  }

  func loadGlobal(_ name: String, _ range: SourceRange) throws(PyError) -> PyValue {
    // A name read or written before is found without hashing it (`GlobalReadCache`).
    if let value = readCache.value(of: name) { return value }
    return try loadGlobalUncached(name, range)
  }

  /// `loadGlobal` for a name not in `readCache` (apart, so that the look-up of a name read
  /// before does not pay for this one's frame).
  @inline(never)
  private func loadGlobalUncached(_ name: String, _ range: SourceRange) throws(PyError)
    -> PyValue
  {
    // A name the globals cannot hold skips their lookup (`GlobalNameFilter`).
    if globalNames.mayContain(name, in: globalValues), let value = globalValues[name] {
      readCache.note(name, value, written: false)
      return value
    }
    if let value = builtins[name] {
      readCache.note(name, value, written: false)
      return value
    }
    if let value = unresolvedGlobal?(name) { return value }
    var tiers: [[String]] = []
    var scope = currentScope
    while let s = scope {
      tiers.append(s.values.keys.sorted())
      scope = s.parent
    }
    tiers += [globals.keys.sorted(), (Array(builtins.keys) + (unresolvedNames?() ?? [])).sorted()]
    throw PyError(
      "NameError", "name '\(name)' is not defined", at: range,
      hint: Suggestion.closest(to: name, inTiers: tiers).map { "Did you mean: '\($0)'?" })
  }

  func deleteName(_ name: String, _ range: SourceRange) throws(PyError) {
    if let scope = currentScope, !scope.globals.contains(name) {
      guard scope.values.removeValue(forKey: name) != nil else {
        throw PyError(
          "UnboundLocalError",
          "cannot access local variable '\(name)' where it is not associated with a value",
          at: range)
      }
      return
    }
    journal?.noteGlobal(name, previous: globalValues[name])
    // A deleted name's bit stays set: the filter is still valid.
    defer { readCache.forget(name) }
    guard globalValues.removeValue(forKey: name) != nil else {
      throw PyError("NameError", "name '\(name)' is not defined", at: range)
    }
  }

  // MARK: - Imports

  /// `import a.b` binds `a` (importing `a`, then `a.b`); `import a.b as c` binds `c` to `a.b`.
  func importName(_ name: PyImportName) throws(PyError) {
    let full = name.path.joined(separator: ".")
    if let alias = name.alias {
      store(alias, try resolveModule(full, name.range))
      return
    }
    let top = try resolveModule(name.path[0], name.range)
    if name.path.count > 1 { _ = try resolveModule(full, name.range) }
    store(name.path[0], top)
  }

  /// A module by its dotted name: one of the standard modules the interpreter has itself
  /// (`math`, `os`), else the host's.
  func resolveModule(_ name: String, _ range: SourceRange?) throws(PyError) -> PyValue {
    if let module = PyStandardModules.module(named: name) { return module }
    return try importModule(name, range)
  }

  /// `from a.b import c as d`: attribute `c` of module `a.b`, else module `a.b.c`.
  func importFrom(_ module: PyImportName, _ names: [PyImportName]) throws(PyError) {
    let moduleName = module.path.joined(separator: ".")
    let value = try resolveModule(moduleName, module.range)
    for name in names {
      let attributeName = name.path[0]
      var found: PyValue?
      if case .object(let o) = value { found = try o.attribute(attributeName, self) }
      if found == nil {
        do throws(PyError) {
          found = try resolveModule(moduleName + "." + attributeName, name.range)
        } catch {
          guard error.kind == "ModuleNotFoundError" else { throw error }
          throw PyError(
            "ImportError", "cannot import name '\(attributeName)' from '\(moduleName)'",
            at: name.range,
            hint: {
              if case .object(let o) = value {
                return Suggestion.closest(to: attributeName, in: o.attributeNames).map {
                  "Did you mean: '\($0)'?"
                }
              }
              return nil
            }())
        }
      }
      if let found { store(name.alias ?? attributeName, found) }
    }
  }
}
