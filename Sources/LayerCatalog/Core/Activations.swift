import ShapeCore

/// The activation names Keras accepts (keras.activations.ALL_OBJECTS_DICT).
public enum Activations {
  public static let names = [
    "celu", "elu", "exponential", "gelu", "glu", "hard_shrink", "hard_sigmoid", "hard_silu",
    "hard_swish", "hard_tanh", "leaky_relu", "linear", "log_sigmoid", "log_softmax", "mish",
    "relu", "relu6", "selu", "sigmoid", "silu", "soft_shrink", "softmax", "softplus", "softsign",
    "sparse_plus", "sparse_sigmoid", "sparsemax", "squareplus", "swish", "tanh", "tanh_shrink",
    "threshold",
  ]

  /// Keras's `activations.get`: None or a known name; anything else raises at construction.
  static func validate(_ a: BoundArguments, _ key: String) throws(LayerError) {
    switch a[key] {
    case .none: return
    case .string(let s) where names.contains(s): return
    case .string(let s):
      throw LayerError(
        "\(a.layer): Could not interpret activation function identifier: \(s)", argument: key,
        hint: nearest(s, in: names).map { "did you mean '\($0)'?" })
    default:
      throw LayerError(
        "\(a.layer): Could not interpret activation function identifier: \(a[key].pythonRepr)",
        argument: key, hint: "give an activation's name, such as 'relu'")
    }
  }
}

/// Activation, ReLU and Dropout: their arguments checked as Keras does; shapes as `SameShape`.
public struct Elementwise: Layer {
  public init() {}

  public static func activation(_ a: BoundArguments) throws(LayerError) -> Elementwise {
    // `Activation(None)` is the identity, as in Keras.
    try Activations.validate(a, "activation")
    return Elementwise()
  }

  public static func relu(_ a: BoundArguments) throws(LayerError) -> Elementwise {
    if let m = try a.optionalDouble("max_value"), m < 0 {
      throw LayerError(
        "\(a.layer): max_value of a ReLU layer cannot be a negative value. Received: \(m)",
        argument: "max_value")
    }
    for key in ["negative_slope", "threshold"] {
      guard case let v? = try? a.optionalDouble(key), v >= 0 else {
        throw LayerError(
          "\(a.layer): \(key) of a ReLU layer cannot be a negative value or None. Received: "
            + a[key].pythonRepr, argument: key)
      }
    }
    return Elementwise()
  }

  public static func dropout(_ a: BoundArguments) throws(LayerError) -> Elementwise {
    let rate = try a.double("rate")
    guard rate >= 0, rate <= 1 else {
      throw LayerError(
        "\(a.layer): Invalid value received for argument `rate`. Expected a float value between "
          + "0 and 1. Received: rate=\(a["rate"].pythonRepr)", argument: "rate")
    }
    return Elementwise()
  }

  /// Called on a list, one output per input, as Keras maps the op over it.
  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    try SameShape().call(input, c)
  }
}
