import ShapeCore

/// One EinsumDense sublayer of an attention layer (`query`, `key`, `value`, `attention_output`):
/// its equation, partial output shape and bias axes, and the weights Keras builds from them.
///
/// The weight shapes follow `einsum_dense._analyze_split_string` for equations without an
/// ellipsis, quirks included: the batch dim is prepended to the output shape, extra input dims
/// are appended to it, each kernel letter takes its size from the output shape first, then the
/// input; the bias has a 1 for every output letter after the first bias letter that is not a
/// bias letter, and a 1 per extra input dim.
struct EinsumProjection {
  var name: String
  var input: [Character]
  var kernel: [Character]
  var output: [Character]
  /// Keras's partial output shape; `.unknown` is its None (a dim of the input's may stand there
  /// as a formula when the weights are deferred).
  var partialOutput: [Dim]
  var biasAxes: [Character]?

  private static let letters = Array("abcdefghijklmnopqrstuvwxyz")

  var equation: String { "\(String(input)),\(String(kernel))->\(String(output))" }

  /// MultiHeadAttention's `_build_proj_equation(free_dims, bound_dims, output_dims)` with
  /// `_get_output_shape(output_rank - 1, lastDims)`: letters a, b, c, ... for the free input
  /// dims, then the bound (contracted) dims, then the output dims.
  static func multiHead(
    _ name: String, freeDims: Int, boundDims: Int, lastDims: [Dim], useBias: Bool
  ) throws(LayerError) -> EinsumProjection {
    let letters = Self.letters
    let count = freeDims + boundDims + lastDims.count
    guard count <= letters.count else {
      throw LayerError(
        "\(name): an einsum equation over \(count) axes needs more than 26 letters "
          + "(Keras raises IndexError: string index out of range)")
    }
    let free = Array(letters[0..<freeDims])
    let bound = Array(letters[freeDims..<(freeDims + boundDims)])
    let out = Array(letters[(freeDims + boundDims)..<count])
    let outputRank = freeDims + lastDims.count
    let padding = max(0, outputRank - 1 - lastDims.count)
    return EinsumProjection(
      name: name, input: free + bound, kernel: bound + out, output: free + out,
      partialOutput: Array(repeating: .unknown, count: padding) + lastDims,
      biasAxes: useBias ? out : nil)
  }

  /// The (kernel, bias) weights built for an input of `shape` (Keras's view: a dim without a
  /// value is None).
  /// (`inputDescription` is made only for an error: this runs at every call at every size.)
  func weights(
    for shape: [Dim], _ c: LayerContext, inputDescription: @autoclosure () -> String
  ) throws(LayerError) -> [Weight] {
    func indexError(_ what: String) -> LayerError {
      LayerError(
        "\(c.name) (\(c.className)): its \(name) projection (EinsumDense '\(equation)') cannot "
          + "be built for input shape \(inputDescription()): Keras raises IndexError: \(what) "
          + "index out of range",
        hint: "the equation has \(input.count) input axes; give an input of rank \(input.count)")
    }
    guard let batch = shape.first else { throw indexError("tuple") }
    let elided = shape.count - input.count
    var full = [batch] + partialOutput
    if elided > 0 { full += shape.suffix(elided) }
    // Python dict comprehensions: a repeated letter keeps its last position (a few letters:
    // searched, not hashed).
    func inputAxis(_ ch: Character) -> Int? { input.lastIndex(of: ch) }
    func outputAxis(_ ch: Character) -> Int? { output.lastIndex(of: ch) }
    for ch in input {
      guard let i = inputAxis(ch), i < shape.count else { throw indexError("tuple") }
      guard let o = outputAxis(ch) else { continue }
      guard o < full.count else { throw indexError("list") }
      if let size = full[o].value, size != shape[i].value {
        throw LayerError(
          "\(c.name) (\(c.className)): Input shape and output shape do not match at shared "
            + "dimension '\(ch)'. Input shape is \(shape[i].kerasDescription), and "
            + "output shape is \(size).")
      }
    }
    var kernelShape: [Dim] = []
    for ch in kernel {
      if let o = outputAxis(ch) {
        guard o < full.count else { throw indexError("list") }
        kernelShape.append(full[o])
      } else if let i = inputAxis(ch) {
        kernelShape.append(shape[i])
      }
    }
    var result = [try variable("kernel", kernelShape, c, inputDescription())]
    guard let biasAxes, let first = output.firstIndex(where: { biasAxes.contains($0) }) else {
      return result
    }
    guard output.count <= full.count else { throw indexError("list") }
    var biasShape: [Dim] = output[first...].map { ch in
      biasAxes.contains(ch) ? full[outputAxis(ch) ?? 0] : .known(1)
    }
    if elided > 0 { biasShape += Array(repeating: .known(1), count: elided) }
    result.append(try variable("bias", biasShape, c, inputDescription()))
    return result
  }

  /// Keras's checks when a variable is created: every dim known and none negative; a dim not
  /// known yet is kept when the weights are deferred.
  private func variable(
    _ kind: String, _ shape: [Dim], _ c: LayerContext,
    _ inputDescription: @autoclosure () -> String
  ) throws(LayerError) -> Weight {
    // Only an error shows them.
    var path: String { "\(c.name)/\(name)/\(kind)" }
    var text: String { TensorType.tuple(shape.map(\.kerasDescription)) }
    var dims: [Dim] = []
    for dim in shape {
      if dim.value == nil, c.defersWeights {
        dims.append(dim)
        continue
      }
      guard let d = dim.value else {
        throw LayerError(
          "\(c.name) (\(c.className)): Shapes used to initialize variables must be "
            + "fully-defined (no `None` dimensions). Received: shape=\(text) for variable "
            + "path='\(path)' (input shape \(inputDescription()))",
          hint: "the \(name) projection's weights take their size from the input's dims; "
            + "give them known sizes (declare the input with fixed dims or apply a size)")
      }
      guard d >= 0 else {
        throw LayerError(
          "\(c.name) (\(c.className)): Cannot convert '\(text)' to a shape. Negative "
            + "dimensions are not allowed (variable path='\(path)')")
      }
      dims.append(dim)
    }
    return Weight("\(name)/\(kind)", dims: dims)
  }
}
