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
  /// A replay prints nothing.
  let quiet: Bool

  init(binding: InputBinding = InputBinding(), quiet: Bool = false) {
    host = KerasHost(binding: binding)
    self.quiet = quiet
    interpreter.write = { [unowned self] text in if !self.quiet { self.printed += text } }
    interpreter.importModule = { [unowned self] name, range throws(PyError) in
      try self.host.module(name, at: range)
    }
    // kshape's own spellings: `nil` for None (`Input((nil, nil, 3))`), and the layer classes and
    // Input without a module, as the REPL has always read them.
    interpreter.builtins["nil"] = PyValue.none
    addBareNames()
  }

  /// kshape's REPL takes the layer classes, `Input`, `Model` and `Sequential` bare, as if
  /// `from keras.layers import *` had run; a program's own names win.
  func addBareNames() {
    for name in Catalog.allNames {
      interpreter.builtins[name] = .object(LayerClassObject(host: host, className: name))
    }
    for name in ["Input", "InputLayer"] { interpreter.builtins[name] = host.layersModule.lookup(name) }
    for name in ["Model", "Sequential"] { interpreter.builtins[name] = host.modelsModule.lookup(name) }
  }
}
