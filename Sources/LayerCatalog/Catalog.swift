import ShapeCore

/// One Keras layer class: its signature, how to configure it, and its help.
public struct LayerEntry: Sendable {
  /// The Keras class name, as `keras.layers` spells it.
  public var className: String
  /// Other names Keras exports for the same class (`Convolution2D`, `MaxPool2D`).
  public var aliases: [String]
  public var family: String
  public var signature: Signature
  /// The shape rule as a formula, for `help` and docs/layers.md.
  public var rule: String
  public var example: String
  public var make: @Sendable (BoundArguments) throws(LayerError) -> any Layer

  /// The signature with defaults, as Python would print it: `Conv2D(filters, kernel_size, strides=(1, 1), ...)`.
  public var signatureText: String {
    let parts = signature.parameters.map { p in
      p.defaultValue.map { "\(p.name)=\($0.pythonRepr)" } ?? p.name
    }
    return "\(className)(" + (parts + ["**kwargs"]).joined(separator: ", ") + ")"
  }

  /// Keras's auto-name prefix: the class name in snake_case (`Conv2D` -> `conv2d`,
  /// `GlobalAveragePooling2D` -> `global_average_pooling2d`).
  public var autoNamePrefix: String { snakeCase(className) }
}

/// Keras's `to_snake_case`: `(.)([A-Z][a-z]+)` -> `\\1_\\2`, then `([a-z])([A-Z])` -> `\\1_\\2`,
/// lower-cased (`Conv2D` -> `conv2d`, `ReLU` -> `re_lu`).
public func snakeCase(_ name: String) -> String {
  var chars = Array(name)
  // First pass: an underscore before each capital followed by lower-case letters.
  var first: [Character] = []
  var i = 0
  while i < chars.count {
    if i > 0, chars[i].isASCII, chars[i].isUppercase, i + 1 < chars.count,
      chars[i + 1].isASCII, chars[i + 1].isLowercase
    {
      first.append("_")
      first.append(chars[i])
      i += 1
      while i < chars.count, chars[i].isASCII, chars[i].isLowercase {
        first.append(chars[i])
        i += 1
      }
      continue
    }
    first.append(chars[i])
    i += 1
  }
  // Second pass: an underscore between a lower-case letter and a capital.
  chars = []
  for (j, ch) in first.enumerated() {
    if j > 0, ch.isASCII, ch.isUppercase, first[j - 1].isASCII, first[j - 1].isLowercase {
      chars.append("_")
    }
    chars.append(ch)
  }
  return String(chars).lowercased()
}

/// Every layer kshape knows, in one list.
public enum Catalog {
  public static let entries: [LayerEntry] =
    convolution + pooling + core + reshaping + merging + normalization + coreExtra
    + activationsExtra + regularizationExtra + normalizationExtra

  private static let byName: [String: LayerEntry] = {
    var d: [String: LayerEntry] = [:]
    for e in entries {
      for n in [e.className] + e.aliases { d[n] = e }
    }
    return d
  }()

  /// The entry for a class name or alias.
  public static func entry(_ name: String) -> LayerEntry? { byName[name] }

  /// Every name a user can type.
  public static var allNames: [String] { byName.keys.sorted() }

  /// Layers Keras has that need running code to know their shapes.
  public static let opaque: [String: String] = [
    "Lambda": "a Lambda's output shape comes from running its Python function",
    "TFSMLayer": "a TFSMLayer wraps a TensorFlow SavedModel",
    "JaxLayer": "a JaxLayer wraps JAX code", "FlaxLayer": "a FlaxLayer wraps Flax code",
    "TorchModuleWrapper": "a TorchModuleWrapper wraps a PyTorch module",
  ]
}
