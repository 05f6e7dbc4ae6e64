/// A Keras dtype name (`float32`, `int64`, `bool`, `string`...).
public struct DType: Hashable, Sendable, CustomStringConvertible {
  public let name: String

  public init?(_ name: String) {
    guard Self.all.contains(name) else { return nil }
    self.name = name
  }

  private init(known name: String) { self.name = name }

  public static let float16 = DType(known: "float16")
  public static let bfloat16 = DType(known: "bfloat16")
  public static let float32 = DType(known: "float32")
  public static let float64 = DType(known: "float64")
  public static let int32 = DType(known: "int32")
  public static let int64 = DType(known: "int64")
  public static let bool = DType(known: "bool")
  public static let string = DType(known: "string")

  /// Every dtype name Keras 3 accepts (keras.src.backend.common.dtypes.ALLOWED_DTYPES).
  public static let all: [String] = [
    "float16", "float32", "float64", "bfloat16", "uint8", "uint16", "uint32", "uint64", "int8",
    "int16", "int32", "int64", "bool", "string", "complex64", "complex128",
  ]

  /// The four names `all` has for floats, compared whole (a short name compares as two words;
  /// `hasPrefix` walked the text at every layer call).
  public var isFloating: Bool {
    name == "float32" || name == "float16" || name == "float64" || name == "bfloat16"
  }
  public var isInteger: Bool { name.hasPrefix("int") || name.hasPrefix("uint") }
  public var description: String { name }

  /// Bytes per element.
  public var byteSize: Int {
    if name == "float32" { return 4 }  // nearly every layer's: one comparison
    switch name {
    case "float16", "bfloat16", "int16", "uint16": return 2
    case "float64", "int64", "uint64", "complex64": return 8
    case "complex128": return 16
    case "int8", "uint8", "bool": return 1
    default: return 4
    }
  }
}

/// A Keras dtype policy: the dtype of a layer's variables and of its computation.
public struct DTypePolicy: Hashable, Sendable {
  public var name: String
  public var variableDType: DType
  public var computeDType: DType

  public static let float32 = DTypePolicy(
    name: "float32", variableDType: .float32, computeDType: .float32)

  /// `"float16"`, `"mixed_float16"`, `"mixed_bfloat16"` or any dtype name; nil for anything else.
  public init?(_ name: String) {
    switch name {
    case "mixed_float16":
      self.init(name: name, variableDType: .float32, computeDType: .float16)
    case "mixed_bfloat16":
      self.init(name: name, variableDType: .float32, computeDType: .bfloat16)
    default:
      guard let dtype = DType(name) else { return nil }
      self.init(name: name, variableDType: dtype, computeDType: dtype)
    }
  }

  public init(name: String, variableDType: DType, computeDType: DType) {
    self.name = name
    self.variableDType = variableDType
    self.computeDType = computeDType
  }
}
