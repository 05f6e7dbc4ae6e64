import PythonRuntime
import ShapeCore

/// `keras.datasets.X.load_data()` for the loaders whose arrays have fixed shapes: the arrays as
/// shapes and dtypes, without the download (Keras's own docstrings state them; the golden file
/// Tests/ShapeEngineTests/Golden/datasets.json is read from them by tools/golden/datasets.py).
/// A tutorial's first lines then run as they are, and the model it builds from the data's shape
/// (`keras.Input(shape=x_train.shape[1:])`) gets it.
enum Datasets {
  /// x_train, y_train, x_test, y_test.
  typealias Arrays = (xTrain: [Int], yTrain: [Int], xTest: [Int], yTest: [Int])

  static let loaders: [String: Arrays] = [
    "mnist": ([60000, 28, 28], [60000], [10000, 28, 28], [10000]),
    "fashion_mnist": ([60000, 28, 28], [60000], [10000, 28, 28], [10000]),
    "cifar10": ([50000, 32, 32, 3], [50000, 1], [10000, 32, 32, 3], [10000, 1]),
    "cifar100": ([50000, 32, 32, 3], [50000, 1], [10000, 32, 32, 3], [10000, 1]),
  ]

  /// Every array of these loaders is `uint8`.
  static let dtype = DType("uint8") ?? .int32

  /// `load_data(...)` of loader `name`: `((x_train, y_train), (x_test, y_test))`; its arguments
  /// (a cache path, cifar100's `label_mode`) change no shape.
  static func loadData(_ name: String) -> NativeFunction? {
    guard let a = loaders[name] else { return nil }
    return NativeFunction("load_data") { _, _ throws(PyError) in
      func array(_ shape: [Int]) -> PyValue { .object(NumpyArray(shape: shape, dtype: dtype)) }
      return .tuple([
        .tuple([array(a.xTrain), array(a.yTrain)]), .tuple([array(a.xTest), array(a.yTest)]),
      ])
    }
  }

  /// `keras.utils.to_categorical(y, num_classes)` of an array: its shape (a last axis of 1
  /// dropped) and `num_classes`, float64, as Keras's NumPy path gives it.
  static func toCategorical(_ args: PyArguments) throws(PyError) -> PyValue {
    let given = args.positional.first?.value ?? args.keywords.first { $0.name == "x" }?.value
    guard case .object(let o as NumpyArray)? = given else {
      throw PyError(
        "NotImplementedError",
        "keras.utils.to_categorical() works on data, and kshape computes shapes without any",
        at: args.range,
        hint: "give it an array whose shape kshape knows (keras.datasets, np.zeros(...))")
    }
    let classes =
      args.positional.count > 1
      ? args.positional[1].value : args.keywords.first { $0.name == "num_classes" }?.value
    guard case .int(let n)? = classes, n > 0 else {
      throw PyError(
        "NotImplementedError",
        "to_categorical() without num_classes counts the labels in the data, which kshape "
          + "does not have", at: args.range, hint: "give num_classes, e.g. num_classes=10")
    }
    var shape = o.shape
    if shape.count > 1, shape.last == 1 { shape.removeLast() }
    return .object(NumpyArray(shape: shape + [n], dtype: .float64))
  }
}
