/// What a KerasTensor knows: shape and dtype (plus sparse/ragged flags, always false here).
public struct TensorType: Hashable, Sendable {
  public var shape: [Dim]
  public var dtype: DType

  public init(shape: [Dim], dtype: DType) {
    self.shape = shape
    self.dtype = dtype
  }

  public var rank: Int { shape.count }

  /// Keras's display of a shape: `(None, 96, 96, 3)`, `(3,)` for rank 1.
  public var kerasShape: String { Self.tuple(shape.map(\.kerasDescription)) }

  /// The shape with formulas: `(None, H-4, W-4, 3)`.
  public var formulaShape: String { Self.tuple(shape.map(\.formula)) }

  /// Whether any dimension is a formula that Keras would print as `None`.
  public var hasFormulas: Bool {
    shape.contains {
      if case .poly(let p) = $0 { return p.constantValue == nil } else { return false }
    }
  }

  /// Python's tuple display.
  public static func tuple(_ items: [String]) -> String {
    items.count == 1 ? "(\(items[0]),)" : "(" + items.joined(separator: ", ") + ")"
  }

  /// `<KerasTensor shape=(None, 96, 96, 3), dtype=float32, sparse=False, ragged=False, name=keras_tensor_3>`.
  public func kerasRepr(name: String) -> String {
    "<KerasTensor shape=\(kerasShape), dtype=\(dtype), sparse=False, ragged=False, name=\(name)>"
  }
}
