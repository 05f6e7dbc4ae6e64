import LayerCatalog
import PythonRuntime
import StatementLanguage

/// One run of a session's events: a Python interpreter whose Keras objects live in a host.
///
/// The declared run is the session's; `apply` makes another at a size and replays every event
/// into it quietly.
final class Runtime: @unchecked Sendable {
  let interpreter = Interpreter()
  let host: KerasHost
  /// What `print` and `model.summary()` wrote during the current statement.
  var printed = ""
  /// A replay prints nothing (a replay that becomes the declared run prints again).
  var quiet: Bool
  /// How many `try` bodies that may catch errors are running, and whether weights were
  /// deferred outside them (`Interpreter.onCatchingBlock`).
  var catchingBlocks = 0
  var defersOutsideCatching = true

  init(binding: InputBinding = InputBinding(), quiet: Bool = false, defersWeights: Bool = true) {
    host = KerasHost(binding: binding, defersWeights: defersWeights)
    self.quiet = quiet
    interpreter.write = { [unowned self] text in if !self.quiet { self.printed += text } }
    interpreter.importModule = { [unowned self] name, range throws(PyError) in
      try self.host.module(name, at: range)
    }
    // kshape's own spellings: `nil` for None (`Input((nil, nil, 3))`), and the layer classes and
    // Input without a module, as the REPL has always read them.
    // Ctrl-C stops a running program (`KeyboardInterrupt`); the statement then joins nothing.
    interpreter.isInterrupted = { Interrupt.requested() }
    // In a `try` body that may catch it, a layer whose weights wait for the size raises as in
    // Keras (as `strict on` does) instead of being deferred: the program takes its `except`.
    interpreter.onCatchingBlock = { [unowned self] entering in
      if entering {
        if self.catchingBlocks == 0 { self.defersOutsideCatching = self.host.graph.defersWeights }
        self.catchingBlocks += 1
        self.host.graph.defersWeights = false
      } else {
        self.catchingBlocks -= 1
        if self.catchingBlocks == 0 { self.host.graph.defersWeights = self.defersOutsideCatching }
      }
    }
    interpreter.builtins["nil"] = PyValue.none
    interpreter.builtins["true"] = .bool(true)
    interpreter.builtins["false"] = .bool(false)
    // Python's REPL habits: help(Conv2D), exit(), quit().
    interpreter.builtins["help"] = .object(
      NativeFunction("help") { [unowned self] args, _ throws(PyError) in
        var topic = ""
        if let v = args.positional.first?.value {
          switch v {
          case .str(let s): topic = s
          case .object(let o as LayerClassObject): topic = o.className
          case .object(let o as LayerObject): topic = o.node.className
          case .object(let o as InputFunction): topic = o.layer ? "InputLayer" : "Input"
          case .object(let o as ModuleObject): topic = o.name
          default: topic = self.interpreter.typeName(of: v)
          }
        }
        self.interpreter.write(
          Help.text(topic.split(separator: ".").last.map(String.init) ?? topic) + "\n")
        return .none
      })
    for name in ["exit", "quit"] {
      interpreter.builtins[name] = .object(
        NativeFunction(name) { args, _ throws(PyError) in
          throw PyError("SystemExit", "", at: args.range)
        })
    }
    interpreter.unresolvedGlobal = { [unowned self] name in
      self.bareName(name) ?? self.host.layerNameValue(name)
    }
    interpreter.unresolvedNames = { Self.bareNames }
  }

  /// kshape's REPL takes the layer classes, `Input`, `Model` and `Sequential` bare, as if
  /// `from keras.layers import *` had run; a program's own names win. Each is made when a
  /// program first reads it, then kept among the builtins (so `Dense is Dense`): a runtime (one
  /// per replayed size) does not make the catalog's hundreds of class objects up front.
  func bareName(_ name: String) -> PyValue? {
    let value: PyValue?
    switch name {
    case "Input", "InputLayer": value = host.layersModule.lookup(name)
    case "Model", "Sequential": value = host.modelsModule.lookup(name)
    default:
      value = Catalog.entry(name).map {
        .object(LayerClassObject(host: host, className: name, entry: $0))
      }
    }
    if let value { interpreter.builtins[name] = value }
    return value
  }

  /// The names `bareName` resolves (for a NameError's suggestion).
  static let bareNames = Catalog.allNames + ["Input", "InputLayer", "Model", "Sequential"]
}

extension Runtime {
  /// Keeps the graph's view of the program's names (`apply img=224x224` finds an input by its
  /// variable; `Graph.bindings` lists the tensors and layers by name) for the names a top-level
  /// statement assigns: its own cost, not the program's.
  func syncNames(_ statement: PyStmt) {
    // Each name bound as it is found, in order (binding one changes no other's value).
    func collect(_ e: PyExpr) {
      switch e.kind {
      case .name(let n): bind(n)
      case .tuple(let items), .list(let items): items.forEach(collect)
      default: break
      }
    }
    // `x = ...`: the value is the global the statement wrote last (no second lookup of `x`).
    if case .assign(let targets, _) = statement.kind, targets.count == 1,
      case .name(let n) = targets[0].kind, let last = interpreter.lastGlobalStore, last.name == n
    {
      interpreter.lastGlobalStore = nil
      bind(n, last.value)
      return
    }
    interpreter.lastGlobalStore = nil
    switch statement.kind {
    case .assign(let targets, _): targets.forEach(collect)
    case .augAssign(let target, _, _): collect(target)
    case .annAssign(let target, _, _): collect(target)
    case .for(let target, _, _, _): collect(target)
    default: return
    }
  }

  func bind(_ name: String) { bind(name, interpreter.globals[name]) }

  /// Records in the graph what global `name` now holds (`value`; nil: unbound).
  func bind(_ name: String, _ value: PyValue?) {
    let host = self.host
    host.graph.roomForBinding()
    switch value {
    case .object(let o as TensorObject)?:
      host.graph.bindings[name] = .tensor(o.id)
      if let i = host.graph.inputs.firstIndex(where: { $0.tensor == o.id }) {
        host.graph.inputs[i].variable = name
      }
    case .object(let o as LayerObject)?: host.graph.bindings[name] = .layer(o.index)
    case .tuple(let items)?:
      let ids = items.compactMap { v -> Int? in
        if case .object(let o as TensorObject) = v { return o.id } else { return nil }
      }
      if ids.count == items.count, !ids.isEmpty {
        host.graph.bindings[name] = .tuple(ids)
      } else {
        host.graph.bindings[name] = nil
      }
    default: host.graph.bindings[name] = nil
    }
  }
}
