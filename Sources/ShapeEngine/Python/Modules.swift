import LayerCatalog
import PythonRuntime
import ShapeCore
import StatementLanguage

/// A Python module kshape provides (`keras`, `keras.layers`, `tensorflow`, `numpy`): its
/// attributes are found by name when asked for.
final class ModuleObject: PyObject {
  let name: String
  let lookup: (String) -> PyValue?
  /// The attributes "did you mean" can offer (made only when an attribute is missing: the
  /// layers module's list sorts the whole catalog).
  let names: () -> [String]

  init(
    _ name: String, names: @autoclosure @escaping () -> [String] = [],
    lookup: @escaping (String) -> PyValue?
  ) {
    self.name = name
    self.lookup = lookup
    self.names = names
  }

  var typeName: String { "module" }
  var repr: String { "<module '\(name)'>" }

  func attribute(_ attr: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    if let v = lookup(attr) { return v }
    var hint = nearest(attr, in: names()).map { "did you mean '\($0)'?" }
    if name == "tensorflow" {
      hint =
        "kshape's tensorflow is only tf.keras: data pipelines and tensors need data, and kshape "
        + "computes shapes without any; give sizes as literals"
    }
    throw PyError(
      "AttributeError", "module '\(name)' has no attribute '\(attr)'", at: nil, hint: hint)
  }
}

/// A Keras layer class: calling it makes a layer.
final class LayerClassObject: PyObject {
  unowned let host: KerasHost
  let className: String
  /// The catalog's entry, found once (nil for a class kshape refuses by name).
  let entry: LayerEntry?
  init(host: KerasHost, className: String, entry: LayerEntry?) {
    self.host = host
    self.className = className
    self.entry = entry
  }
  var typeName: String { "type" }
  var repr: String { "<class 'keras.layers.\(className)'>" }
  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    try host.construct(className, entry: entry, arguments, interpreter)
  }
  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    name == "__name__" ? .str(className) : nil
  }
  /// `isinstance(layer, layers.Dense)`.
  func isInstance(_ value: PyValue, _ interpreter: Interpreter) throws(PyError) -> Bool? {
    if case .object(let o) = value, let l = o as? LayerObject {
      return l.node.className == className
    }
    return false
  }
}

extension KerasHost {
  /// The modules a program can import, by dotted name.
  func module(_ dotted: String, at range: SourceRange?) throws(PyError) -> PyValue {
    switch dotted {
    case "keras", "keras_core", "tensorflow.keras", "tf_keras": return .object(kerasModule)
    case "keras.layers", "keras_core.layers", "tensorflow.keras.layers", "keras.src.layers":
      return .object(layersModule)
    case "keras.ops", "keras_core.ops": return .object(opsModule)
    case "keras.utils", "tensorflow.keras.utils": return .object(utilsModule)
    case "keras.models", "keras_core.models", "tensorflow.keras.models":
      return .object(modelsModule)
    case "tensorflow": return .object(tensorflowModule)
    case "numpy": return .object(numpyModule)
    default:
      let parts = dotted.split(separator: ".")
      if parts.count == 2, ["keras", "keras_core", "tensorflow.keras"].contains(String(parts[0])),
        let kind = Self.opaqueModules[String(parts[1])]
      {
        return .object(opaqueModule(String(parts[1]), kind))
      }
      if parts.count == 3, parts[0] == "tensorflow", parts[1] == "keras",
        let kind = Self.opaqueModules[String(parts[2])]
      {
        return .object(opaqueModule(String(parts[2]), kind))
      }
      throw PyError(
        "ModuleNotFoundError", "No module named '\(dotted)'", at: range,
        hint: "kshape reads Keras model-building code: it provides keras (also as keras_core "
          + "and tensorflow.keras), keras.layers, keras.ops, keras.models, tensorflow and numpy")
    }
  }

  /// Modules whose classes only matter for training: their objects are opaque to shapes.
  static let opaqueModules: [String: String] = [
    "regularizers": "keras.regularizers", "initializers": "keras.initializers",
    "constraints": "keras.constraints", "optimizers": "keras.optimizers",
    "losses": "keras.losses", "metrics": "keras.metrics", "callbacks": "keras.callbacks",
    "activations": "keras.activations",
  ]

  func opaqueModule(_ short: String, _ full: String) -> ModuleObject {
    ModuleObject(full) { attr in
      // `keras.activations.relu` names a function; classes start with a capital.
      if short == "activations" { return .str(attr) }
      if attr.first?.isLowercase == true {
        // `keras.regularizers.l2(1e-4)`, `keras.losses.sparse_categorical_crossentropy`.
        return .object(OpaqueClass(attr, module: full))
      }
      return .object(OpaqueClass(attr, module: full))
    }
  }

  var kerasModule: ModuleObject {
    ModuleObject(
      "keras", names: ["layers", "ops", "models", "Input", "Model", "Sequential", "utils"]
    ) {
      [unowned self] attr in
      switch attr {
      case "layers": return .object(self.layersModule)
      case "ops": return .object(self.opsModule)
      case "models": return .object(self.modelsModule)
      case "Input": return .object(InputFunction(host: self))
      case "Model", "Sequential": return self.modelsModule.lookup(attr)
      case "__version__", "version": return .str("3.15.1")
      case "mixed_precision", "config":
        return .object(
          ModuleObject("keras.\(attr)") { [unowned self] name in
            switch name {
            case "set_global_policy", "set_dtype_policy":
              return .object(
                NativeFunction(name) { [unowned self] args, interp throws(PyError) in
                  guard let p = args.positional.first?.value ?? args.keywords.first?.value else {
                    throw PyError(
                      "TypeError", "\(name)() missing 1 required positional argument: 'policy'",
                      at: args.range)
                  }
                  guard case .str(let s) = p, DTypePolicy(s) != nil else {
                    throw PyError(
                      "ValueError", "Invalid dtype policy: \(interp.repr(p))", at: args.range)
                  }
                  self.globalPolicy = s == "float32" ? nil : s
                  return .none
                })
            case "global_policy", "dtype_policy":
              return .object(
                NativeFunction(name) { [unowned self] _, _ throws(PyError) in
                  .str(self.globalPolicy ?? "float32")
                })
            default: return nil
            }
          })
      case "datasets":
        return .object(
          ModuleObject("keras.datasets") { name in
            .object(
              ModuleObject("keras.datasets.\(name)") { attr in
                if attr == "load_data", let load = Datasets.loadData(name) {
                  return .object(load)
                }
                return .object(
                  Self.refused(
                    "load_data",
                    "keras.datasets.\(name).load_data() downloads data, and kshape computes shapes "
                      + "without any",
                    hint: "write the shape the data has as a literal, e.g. "
                      + "keras.Input(shape=(32, 32, 3)) for CIFAR-10's images"))
              })
          })
      case "applications":
        return .object(
          ModuleObject("keras.applications") { name in
            .object(
              Self.refused(
                name,
                "keras.applications.\(name) builds a published architecture kshape does not "
                  + "carry",
                hint: "save it once with Keras (model.save(\"m.keras\") or model.to_json()) "
                  + "and `load` the file: kshape reads every keras.applications model"))
          })
      case "backend":
        return .object(ModuleObject("keras.backend") { a in a == "backend" ? .str("jax") : nil })
      case "utils":
        return .object(self.utilsModule)
      default:
        if let kind = Self.opaqueModules[attr] { return .object(self.opaqueModule(attr, kind)) }
        return nil
      }
    }
  }

  /// A function a program may call that kshape refuses: NotImplementedError at the call, with
  /// what it would need and what to write instead.
  static func refused(_ name: String, _ message: String, hint: String) -> NativeFunction {
    NativeFunction(name) { args, _ throws(PyError) in
      throw PyError("NotImplementedError", message, at: args.range, hint: hint)
    }
  }

  /// `keras.utils`: what tutorials call while they build a model. A picture or a seed changes
  /// no shape; what reads data is refused as `keras.datasets` is.
  var utilsModule: ModuleObject {
    ModuleObject(
      "keras.utils", names: ["plot_model", "set_random_seed", "to_categorical", "get_file"]
    ) { name in
      switch name {
      case "plot_model":
        return .object(
          NativeFunction(name) { _, interp throws(PyError) in
            interp.write(
              "note: keras.utils.plot_model draws an image file, which kshape does not make: "
                + "type `diagram` to see the model drawn as text\n")
            return .none
          })
      case "set_random_seed":
        return .object(NativeFunction(name) { _, _ throws(PyError) in .none })
      case "to_categorical":
        return .object(
          NativeFunction(name) { args, _ throws(PyError) in try Datasets.toCategorical(args) })
      case "get_file", "image_dataset_from_directory",
        "text_dataset_from_directory", "timeseries_dataset_from_array", "load_img",
        "img_to_array", "pad_sequences":
        return .object(
          Self.refused(
            name, "keras.utils.\(name)() works on data, and kshape computes shapes without any",
            hint: "write the shape the data has as a literal, e.g. "
              + "keras.Input(shape=(180, 180, 3)) for images of 180x180"))
      default: return nil
      }
    }
  }

  var layersModule: ModuleObject {
    ModuleObject(
      "keras.layers", names: Catalog.allNames + ["Input"] + Self.mergeFunctions.keys.sorted()
    ) { [unowned self] attr in
      if attr == "Input" { return .object(InputFunction(host: self)) }
      if attr == "InputLayer" { return .object(InputFunction(host: self, layer: true)) }
      if let cls = Self.mergeFunctions[attr] {
        return .object(
          NativeFunction(attr) { [unowned self] args, interp throws(PyError) in
            try self.mergeFunction(cls, args, interp)
          })
      }
      let entry = Catalog.entry(attr)
      if entry != nil || Catalog.opaque[attr] != nil {
        return .object(LayerClassObject(host: self, className: attr, entry: entry))
      }
      return nil
    }
  }

  var opsModule: ModuleObject {
    ModuleObject("keras.ops") { [unowned self] attr in
      if attr == "shape" {
        // A KerasTensor's shape is known: a tuple, None where Keras has None.
        return .object(
          NativeFunction(attr) { [unowned self] args, interp throws(PyError) in
            guard let x = args.positional.first, let t = self.tensorID(x.value) else {
              throw PyError("TypeError", "shape() takes a tensor", at: args.range)
            }
            return self.tensor(t).shapeTuple
          })
      }
      let cls = Self.operationClass(attr)
      guard TensorOperation(module: "keras.src.ops.numpy", className: cls) != nil else {
        return nil
      }
      let module = Self.nnOperations.contains(cls) ? "keras.src.ops.nn" : "keras.src.ops.numpy"
      return .object(
        NativeFunction(attr) { [unowned self] args, interp throws(PyError) in
          try self.applyOperation(cls, module: module, args, interp)
        })
    }
  }

  static let nnOperations: Set<String> = [
    "Relu", "Relu6", "Sigmoid", "Softplus", "Softsign", "Silu", "Swish", "LogSigmoid",
    "LeakyRelu", "HardSigmoid", "HardSilu", "HardSwish", "Elu", "Selu", "Gelu", "Celu",
    "Softmax", "LogSoftmax", "SparsePlus", "Squareplus", "SoftShrink", "TanhShrink", "HardTanh",
    "HardShrink", "Sparsemax", "SparseSigmoid", "OneHot",
  ]

  var modelsModule: ModuleObject {
    ModuleObject("keras.models", names: ["Model", "Sequential"]) { [unowned self] attr in
      switch attr {
      case "Model", "Functional":
        return .object(
          NativeFunction("Model") { [unowned self] args, interp throws(PyError) in
            try self.makeModel(args, interp)
          })
      case "Sequential":
        return .object(
          NativeFunction("Sequential") { [unowned self] args, interp throws(PyError) in
            try self.makeSequential(args, interp)
          })
      case "load_model", "model_from_json", "clone_model":
        return .object(
          Self.refused(
            attr, "keras.models.\(attr) reads a file, which a kshape program does not do",
            hint: "load the model with the REPL's `load PATH` (or `kshape inspect PATH`)"))
      default: return nil
      }
    }
  }

  var tensorflowModule: ModuleObject {
    ModuleObject("tensorflow", names: ["keras", "distribute"]) { [unowned self] attr in
      switch attr {
      case "keras": return .object(self.kerasModule)
      case "distribute": return .object(self.distributeModule)
      case "float32", "float16", "int32", "int64", "bfloat16", "bool", "string":
        return .str(attr)
      default:
        // `tf.initializers`, `tf.optimizers`...: Keras's, under TensorFlow's name.
        if let kind = Self.opaqueModules[attr] { return .object(self.opaqueModule(attr, kind)) }
        return nil
      }
    }
  }
}

/// `keras.Input` (and `InputLayer`): makes an input tensor.
final class InputFunction: PyObject {
  unowned let host: KerasHost
  let layer: Bool
  init(host: KerasHost, layer: Bool = false) {
    self.host = host
    self.layer = layer
  }
  var typeName: String { layer ? "type" : "function" }
  var repr: String { layer ? "<class 'keras.layers.InputLayer'>" : "<function Input>" }
  func call(_ arguments: PyArguments, _ interpreter: Interpreter) throws(PyError) -> PyValue {
    try host.makeInput(arguments, interpreter)
  }
}
