import ShapeCore

/// One Keras layer class: its signature, how to configure it, and its help.
///
/// Its fields live in one shared, immutable box: an import looks an entry up for every layer,
/// and a copy is then one retain instead of one per field.
public struct LayerEntry: Sendable {
  private final class Storage: Sendable {
    let className: String
    let aliases: [String]
    let family: String
    let signature: Signature
    // Written for `help` and the docs only: made when read, not when the catalog is.
    let rule: @Sendable () -> String
    let example: @Sendable () -> String
    let make: @Sendable (BoundArguments) throws(LayerError) -> any Layer
    let pythonClassName: String?

    init(
      className: String, aliases: [String], family: String, signature: Signature,
      rule: @escaping @Sendable () -> String, example: @escaping @Sendable () -> String,
      make: @escaping @Sendable (BoundArguments) throws(LayerError) -> any Layer,
      pythonClassName: String?
    ) {
      self.className = className
      self.aliases = aliases
      self.family = family
      self.signature = signature
      self.rule = rule
      self.example = example
      self.make = make
      self.pythonClassName = pythonClassName
    }
  }

  private let storage: Storage

  public init(
    className: String, aliases: [String], family: String, signature: Signature,
    rule: @autoclosure @escaping @Sendable () -> String,
    example: @autoclosure @escaping @Sendable () -> String,
    make: @escaping @Sendable (BoundArguments) throws(LayerError) -> any Layer,
    pythonClassName: String? = nil
  ) {
    storage = Storage(
      className: className, aliases: aliases, family: family, signature: signature, rule: rule,
      example: example, make: make, pythonClassName: pythonClassName)
  }

  /// The Keras class name, as `keras.layers` spells it.
  public var className: String { storage.className }
  /// Other names Keras exports for the same class (`Convolution2D`, `MaxPool2D`).
  public var aliases: [String] { storage.aliases }
  public var family: String { storage.family }
  public var signature: Signature { storage.signature }
  /// The shape rule as a formula, for `help` and docs/layers.md.
  public var rule: String { storage.rule() }
  public var example: String { storage.example() }
  public var make: @Sendable (BoundArguments) throws(LayerError) -> any Layer { storage.make }
  /// The Python class when `keras.layers` exports it under another name (GroupQueryAttention is
  /// class GroupedQueryAttention): Keras's auto-names come from the class.
  public var pythonClassName: String? { storage.pythonClassName }

  /// The signature with defaults, as Python would print it: `Conv2D(filters, kernel_size, strides=(1, 1), ...)`.
  public var signatureText: String {
    let parts = signature.parameters.map { p in
      p.defaultValue.map { "\(p.name)=\($0.pythonRepr)" } ?? p.name
    }
    let kwargs = signature.takesBaseKeywords ? ["**kwargs"] : []
    return "\(className)(" + (parts + kwargs).joined(separator: ", ") + ")"
  }

  /// Keras's auto-name prefix: the class name in snake_case (`Conv2D` -> `conv2d`,
  /// `GlobalAveragePooling2D` -> `global_average_pooling2d`).
  public var autoNamePrefix: String { snakeCase(pythonClassName ?? className) }
}

/// A configured layer and the context it is called in.
public struct BuiltLayer: Sendable {
  public var layer: any Layer
  public var context: LayerContext
  public init(layer: any Layer, context: LayerContext) {
    self.layer = layer
    self.context = context
  }

  /// Calls it on `input`.
  public func call(_ input: LayerInput) throws(LayerError) -> LayerOutput {
    try layer.call(input, context)
  }
}

extension DTypePolicy {
  /// The policy named by a layer's `dtype` argument (None: float32).
  public static func of(_ a: BoundArguments) throws(LayerError) -> DTypePolicy {
    switch a[base: .dtype] {
    case .none: return .float32
    case .string(let d):
      guard let p = DTypePolicy(d) else {
        throw LayerError(
          "\(a.layer): dtype '\(d)' is not a dtype Keras knows", argument: "dtype",
          hint: nearest(d, in: DType.all + ["mixed_float16", "mixed_bfloat16"]).map {
            "did you mean '\($0)'?"
          })
      }
      return p
    default:
      throw LayerError("\(a.layer): dtype must be a string such as 'float16'", argument: "dtype")
    }
  }
}

/// Keras's `to_snake_case`: `(.)([A-Z][a-z]+)` -> `\\1_\\2`, then `([a-z])([A-Z])` -> `\\1_\\2`,
/// lower-cased (`Conv2D` -> `conv2d`, `ReLU` -> `re_lu`).
public func snakeCase(_ name: String) -> String {
  if let ascii = asciiSnakeCase(name) { return ascii }
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

/// `snakeCase` of an ASCII name (every class name), on its bytes; nil for any other name.
private func asciiSnakeCase(_ name: String) -> String? {
  let bytes = Array(name.utf8)
  guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
  func upper(_ b: UInt8) -> Bool { b &- 0x41 < 26 }
  func lower(_ b: UInt8) -> Bool { b &- 0x61 < 26 }
  var first: [UInt8] = []
  first.reserveCapacity(bytes.count + 4)
  var i = 0
  while i < bytes.count {
    if i > 0, upper(bytes[i]), i + 1 < bytes.count, lower(bytes[i + 1]) {
      first.append(0x5F)
      first.append(bytes[i])
      i += 1
      while i < bytes.count, lower(bytes[i]) {
        first.append(bytes[i])
        i += 1
      }
      continue
    }
    first.append(bytes[i])
    i += 1
  }
  var out: [UInt8] = []
  out.reserveCapacity(first.count + 4)
  for (j, b) in first.enumerated() {
    if j > 0, upper(b), lower(first[j - 1]) { out.append(0x5F) }
    out.append(upper(b) ? b | 0x20 : b)
  }
  return String(decoding: out, as: UTF8.self)
}

/// Every layer kshape knows, in one list.
public enum Catalog {
  public static let entries: [LayerEntry] =
    convolution + pooling + core + reshaping + merging + normalization + separableConvolution
    + adaptivePooling + permuteCropping + mergeOps + attention + preprocessing + recurrent
    + coreExtra
    + activationsExtra + regularizationExtra + normalizationExtra + reversibleEmbedding
    + textAndWrappers

  private static let byName: [String: LayerEntry] = {
    var d: [String: LayerEntry] = [:]
    for e in entries {
      for n in [e.className] + e.aliases { d[n] = e }
    }
    return d
  }()

  /// The entry for a class name or alias.
  public static func entry(_ name: String) -> LayerEntry? { byName[name] }

  /// The entry for a class as Keras names its objects (`GroupedQueryAttention`, the class that
  /// `keras.layers` exports as GroupQueryAttention), or for a name a user can type.
  public static func entry(forClass name: String) -> LayerEntry? {
    byName[name] ?? entries.first { $0.pythonClassName == name }
  }

  /// Every name a user can type, sorted once (every session's runtime binds them all).
  public static let allNames: [String] = byName.keys.sorted()

  /// A layer built from an argument (`LSTM(8)` inside `Bidirectional(...)`), with its name and
  /// dtype policy, ready to be called by its wrapper.
  public static func build(_ arg: LayerArgument) throws(LayerError) -> BuiltLayer {
    if let prebuilt = arg.prebuilt {
      return BuiltLayer(
        layer: prebuilt, context: LayerContext(className: arg.className, name: arg.name))
    }
    guard let entry = entry(arg.className) else {
      throw LayerError(
        "unknown layer '\(arg.className)'",
        hint: nearest(arg.className, in: allNames).map { "did you mean '\($0)'?" })
    }
    let bound = try BoundArguments(
      layer: arg.className, signature: entry.signature, arguments: arg.arguments)
    let layer = try entry.make(bound)
    return BuiltLayer(
      layer: layer,
      context: LayerContext(
        className: arg.className, name: arg.name, policy: try DTypePolicy.of(bound),
        autocastsInputs: bound["autocast"].isTruthy))
  }

  /// Layers Keras has that need running code to know their shapes.
  public static let opaque: [String: String] = [
    "TFSMLayer": "a TFSMLayer wraps a TensorFlow SavedModel",
    "JaxLayer": "a JaxLayer wraps JAX code", "FlaxLayer": "a FlaxLayer wraps Flax code",
    "TorchModuleWrapper": "a TorchModuleWrapper wraps a PyTorch module",
    "Layer": "Layer is the base class: a custom layer's shapes come from its own Python code",
    "Wrapper": "Wrapper is an abstract base class; use Bidirectional or TimeDistributed",
    "MaxNumBoundingBoxes":
      "MaxNumBoundingBoxes works on bounding-box dictionaries, which have no tensor shape here",
  ]
}
