import ShapeCore

/// Dot: the batchwise dot product of two tensors along one axis of each.
///
/// out = x.shape without axes[0] + y.shape without its batch and axes[1]; (batch,) becomes
/// (batch, 1). An int axis counts from the end of each input when negative. Keras compares the
/// two axes' sizes as printed, so an unknown size against a known one is refused, and it never
/// compares the batch sizes.
public struct Dot: Layer {
  /// `axes` as given: one axis for both inputs, or one per input.
  public enum Axes: Sendable {
    case both(Int)
    case each(Int, Int)
  }

  public var axes: Axes

  public static let signature = Signature([
    Parameter("axes"), Parameter("normalize", .bool(false)),
  ])

  public init(_ a: BoundArguments) throws(LayerError) {
    // Python's bool is an int; `normalize` is never checked.
    func int(_ v: Value) -> Int? {
      switch v {
      case .int(let i): return i
      case .bool(let b): return b ? 1 : 0
      default: return nil
      }
    }
    let given = a["axes"]
    switch given {
    case .tuple(let items), .list(let items):
      guard items.count == 2 else {
        throw LayerError(
          "\(a.layer): Invalid format for argument `axes`: it should contain two elements. "
            + "Received: axes=\(given.pythonRepr)", argument: "axes")
      }
      guard let i = int(items[0]), let j = int(items[1]) else {
        throw LayerError(
          "\(a.layer): Invalid format for argument `axes`: list elements should be integers. "
            + "Received: axes=\(given.pythonRepr)", argument: "axes")
      }
      axes = .each(i, j)
    default:
      guard let i = int(given) else {
        throw LayerError(
          "\(a.layer): Invalid type for argument `axes`: it should be a list or an int. "
            + "Received: axes=\(given.pythonRepr)", argument: "axes")
      }
      axes = .both(i)
    }
  }

  /// The axes as Keras resolves them for two ranks: a negative int modulo each rank; a pair as
  /// given (Python indexing then reads a negative one from the end).
  func resolved(_ r1: Int, _ r2: Int) -> (Int, Int) {
    switch axes {
    case .both(let a) where a < 0: return ((a % r1 + r1) % r1, (a % r2 + r2) % r2)
    case .both(let a): return (a, a)
    case .each(let a, let b): return (a, b)
    }
  }

  public func call(_ input: LayerInput, _ c: LayerContext) throws(LayerError) -> LayerOutput {
    guard case .list(let xs) = input, xs.count == 2 else {
      throw LayerError(
        "\(c.name): A `Dot` layer should be called on a list of 2 inputs. Received: "
          + input.tensors.map(\.kerasShape).joined(separator: ", "),
        hint: "write Dot(axes=\(axesText))([a, b])")
    }
    let (s1, s2) = (xs[0].shape, xs[1].shape)
    let (a0, a1) = resolved(s1.count, s2.count)
    // Python's list index: a negative one from the end; out of range raises.
    func index(_ i: Int, _ n: Int) -> Int? {
      let j = i < 0 ? i + n : i
      return j >= 0 && j < n ? j : nil
    }
    let shapes = "\(xs[0].kerasShape) and \(xs[1].kerasShape)"
    guard let i = index(a0, s1.count), let j = index(a1, s2.count) else {
      throw LayerError(
        "\(c.name): axes=\(axesText) is out of range for input shapes \(shapes)",
        argument: "axes")
    }
    if s1[i].value != s2[j].value {
      throw LayerError(
        "\(c.name): Incompatible input shapes: axis values \(s1[i].kerasDescription) (at axis "
          + "\(a0)) != \(s2[j].kerasDescription) (at axis \(a1)). Full input shapes: \(shapes)",
        hint: s1[i].isKnown && s2[j].isKnown
          ? nil : "Keras compares the sizes as printed: None only matches None")
    }
    var rest2 = s2
    rest2.remove(at: j)
    guard !rest2.isEmpty else {
      throw LayerError(
        "\(c.name): the second input \(xs[1].kerasShape) has no axis left besides axis \(a1): "
          + "pop from empty list", argument: "axes")
    }
    rest2.removeFirst()  // the second input's batch axis
    var out = s1
    out.remove(at: i)
    out += rest2
    if out.count == 1 { out.append(.known(1)) }
    return LayerOutput([TensorType(shape: out, dtype: c.policy.computeDType)])
  }

  private var axesText: String {
    switch axes {
    case .both(let a): return "\(a)"
    case .each(let a, let b): return "(\(a), \(b))"
    }
  }
}
