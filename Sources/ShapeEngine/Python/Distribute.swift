import PythonRuntime

/// `tf.distribute`, as a notebook that looks for accelerators meets it on a machine without
/// any (kshape's case: it computes shapes, it runs nothing): `TPUClusterResolver()` raises
/// TensorFlow's ValueError, `get_strategy()` is the default strategy and `MirroredStrategy()`
/// one of one replica, and `with strategy.scope():` runs its block (Keras builds the same
/// layers inside it). The Kaggle opening, `try: tpu = ...TPUClusterResolver() except
/// ValueError: strategy = tf.distribute.get_strategy()`, then runs as it does there
/// (`keras_programs` tpu_detection_strategy_scope).
extension KerasHost {
  var distributeModule: ModuleObject {
    let names = [
      "get_strategy", "MirroredStrategy", "OneDeviceStrategy", "TPUStrategy", "cluster_resolver",
    ]
    return ModuleObject("tensorflow.distribute", names: names) { attr in
      switch attr {
      case "get_strategy":
        return .object(
          NativeFunction("get_strategy") { args, _ throws(PyError) in
            _ = try args.unpack("get_strategy", [], required: 0)
            return .object(StrategyObject("_DefaultDistributionStrategy"))
          })
      case "MirroredStrategy", "OneDeviceStrategy":
        // A strategy over this machine's devices: its CPU, one replica.
        return .object(
          NativeFunction(attr) { _, _ throws(PyError) in .object(StrategyObject(attr)) })
      case "TPUStrategy":
        return .object(
          Self.refused(
            attr, "tf.distribute.TPUStrategy needs a TPU, which kshape never has",
            hint: "kshape computes shapes without running anything: use get_strategy()"))
      case "cluster_resolver":
        return .object(
          ModuleObject("tensorflow.distribute.cluster_resolver", names: ["TPUClusterResolver"]) {
            attr in
            guard attr == "TPUClusterResolver" else { return nil }
            return .object(
              NativeFunction(attr) { args, _ throws(PyError) in
                // TensorFlow's answer where no TPU is found.
                throw PyError(
                  "ValueError", "Please provide a TPU Name to connect to.", at: args.range)
              })
          })
      default: return nil
      }
    }
  }
}

/// A `tf.distribute` strategy of one replica.
final class StrategyObject: PyObject {
  let className: String
  init(_ className: String) { self.className = className }
  var typeName: String { className }
  var repr: String { "<tensorflow.python.distribute.\(className) object>" }
  var attributeNames: [String] { ["num_replicas_in_sync", "scope"] }
  func attribute(_ name: String, _ interpreter: Interpreter) throws(PyError) -> PyValue? {
    switch name {
    case "num_replicas_in_sync": return .int(1)
    case "scope":
      return .object(
        NativeFunction("scope") { [self] args, _ throws(PyError) in
          _ = try args.unpack("scope", [], required: 0)
          return .object(StrategyScope(self))
        })
    default: return nil
    }
  }
}

/// `strategy.scope()`: entering gives the strategy; the block runs as it is.
final class StrategyScope: PyObject {
  let strategy: StrategyObject
  init(_ strategy: StrategyObject) { self.strategy = strategy }
  var typeName: String { "_CurrentDistributionContext" }
  var repr: String { "<tensorflow.python.distribute.distribute_lib._CurrentDistributionContext>" }
  func enterContext(_ interpreter: Interpreter) throws(PyError) -> PyValue? { .object(strategy) }
}
