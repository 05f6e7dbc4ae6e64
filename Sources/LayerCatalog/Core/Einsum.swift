import ShapeCore

/// An EinsumDense equation split the way Keras's `_analyze_einsum_string` splits it.
///
/// Keras replaces every `...` with `0`, then matches from the start of the string (trailing
/// text is ignored) one of `X,Y->Z`, `0X,Y->0Z` (left-elided) or `XX0,Y->Z0`, where X, Y, Z are
/// runs of ASCII letters. A literal `0` therefore also works as an ellipsis, and
/// `ab,bc->ac...` parses as `ab,bc->ac`.
struct EinsumEquation: Hashable, Sendable {
  var input: [Character]
  var weight: [Character]
  var output: [Character]
  var leftElided: Bool

  init?(_ equation: String) {
    let s = Array(equation.replacingOccurrences("...", "0"))
    if let m = Self.match(s, ["L1", ",", "L1", "->", "L1"]) {
      (input, weight, output, leftElided) = (m[0], m[1], m[2], false)
    } else if let m = Self.match(s, ["0", "L1", ",", "L1", "->0", "L1"]) {
      (input, weight, output, leftElided) = (m[0], m[1], m[2], true)
    } else if let m = Self.match(s, ["L2", "0,", "L1", "->", "L1", "0"]) {
      (input, weight, output, leftElided) = (m[0], m[1], m[2], false)
    } else {
      return nil
    }
  }

  /// Matches a prefix of `s` against literals and letter runs ("L1": one or more letters,
  /// "L2": two or more); the runs are greedy, as Python's `[a-zA-Z]+` is before a non-letter.
  private static func match(_ s: [Character], _ pattern: [String]) -> [[Character]]? {
    var i = 0
    var groups: [[Character]] = []
    for part in pattern {
      if part == "L1" || part == "L2" {
        var j = i
        while j < s.count, s[j].isASCII, s[j].isLetter { j += 1 }
        guard j - i >= (part == "L1" ? 1 : 2) else { return nil }
        groups.append(Array(s[i..<j]))
        i = j
      } else {
        let lit = Array(part)
        guard s.count - i >= lit.count, Array(s[i..<(i + lit.count)]) == lit else { return nil }
        i += lit.count
      }
    }
    return groups
  }
}

/// The kernel, bias and output shapes of an EinsumDense call.
struct EinsumShapes {
  var kernel: [Dim]
  var bias: [Dim]?
  var output: [Dim]
}

extension EinsumEquation {
  /// Keras's `_analyze_split_string`, step for step, Python indexing included.
  ///
  /// output = [batch] + output_shape, plus the elided input dims (left-elided: inserted one by
  /// one at position 1, so they come out in reverse order; right: appended). A weight dim takes
  /// its size from the output when the output names it (even a None there), else from the input.
  func analyze(
    input x: TensorType, partial: [Dim], biasAxes: [Character]?, _ c: LayerContext,
    equation: String
  ) throws(LayerError) -> EinsumShapes {
    let shape = x.shape
    let n = shape.count
    let elided = n - input.count
    var out = partial
    out.insert(shape[0], at: 0)
    if elided > 0 && leftElided {
      for i in 1..<elided { out.insert(shape[i], at: 1) }
    } else if elided > 0 {
      for i in (n - elided)..<n { out.append(shape[i]) }
    }
    var inMap: [Character: Int] = [:]
    var outMap: [Character: Int] = [:]
    for (i, d) in input.enumerated() { inMap[d] = leftElided ? i + elided - n : i }
    for (i, d) in output.enumerated() { outMap[d] = leftElided ? i + elided : i }

    let inSpec = String(input)
    let outSpec = String(output)
    func inputDim(_ i: Int) throws(LayerError) -> Dim {
      guard let j = pythonIndex(i, count: n) else {
        throw LayerError(
          "\(c.name): the input spec '\(inSpec)' of equation '\(equation)' names "
            + "\(input.count) axes, but the input has \(n): \(x.kerasShape)", argument: "equation",
          hint: "the spec's first letter is the batch axis; '...' stands for any leading axes")
      }
      return shape[j]
    }
    func outputDim(_ i: Int) throws(LayerError) -> Dim {
      guard let j = pythonIndex(i, count: out.count) else {
        throw LayerError(
          "\(c.name): the output spec '\(outSpec)' of equation '\(equation)' does not fit the "
            + "output shape \(TensorType.tuple(out.map(\.kerasDescription))) built from the batch "
            + "dim, output_shape and the elided input dims (input shape \(x.kerasShape))",
          argument: "output_shape",
          hint: "output_shape gives every output dim except the batch and the elided ones")
      }
      return out[j]
    }

    for d in input {
      let i = try inputDim(inMap[d] ?? 0)
      guard let oi = outMap[d] else { continue }
      let o = try outputDim(oi)
      if let ov = o.value, ov != i.value {
        throw LayerError(
          "\(c.name): Input shape and output shape do not match at shared dimension '\(d)'. "
            + "Input shape is \(i.kerasDescription), and output shape is \(ov). (input shape "
            + "\(x.kerasShape))", argument: "output_shape",
          hint: i.isKnown
            ? "give \(i.kerasDescription) or None for '\(d)' in output_shape"
            : "give None for '\(d)' in output_shape: the input's size there is unknown")
      }
    }
    for d in output where !input.contains(d) && !weight.contains(d) {
      throw LayerError(
        "\(c.name): Dimension '\(d)' was specified in the output '\(outSpec)' but has no "
          + "corresponding dim in the input spec '\(inSpec)' or weight spec "
          + "'\(String(weight))'", argument: "equation")
    }
    var kernel: [Dim] = []
    for d in weight {
      if let oi = outMap[d] {
        kernel.append(try outputDim(oi))
      } else if let ii = inMap[d] {
        kernel.append(try inputDim(ii))
      } else {
        throw LayerError(
          "\(c.name): Weight dimension '\(d)' did not have a match in either the input spec "
            + "'\(inSpec)' or the output spec '\(outSpec)'. For this layer, the weight must be "
            + "fully specified.", argument: "equation")
      }
    }
    guard let axes = biasAxes else { return EinsumShapes(kernel: kernel, bias: nil, output: out) }
    var sizes: [Character: Dim] = [:]
    for (i, d) in output.enumerated() { sizes[d] = try outputDim(i + (leftElided ? elided : 0)) }
    for d in axes where !output.contains(d) {
      throw LayerError(
        "\(c.name): Bias dimension '\(d)' was requested, but is not part of the output spec "
          + "'\(outSpec)'. Received: bias_axes='\(String(axes))'", argument: "bias_axes")
    }
    guard let first = axes.compactMap({ output.firstIndex(of: $0) }).min() else {
      // Keras's `min()` of no locations raises "min() arg is an empty sequence".
      throw LayerError(
        "\(c.name): bias_axes must name at least one output axis. Received: bias_axes=''",
        argument: "bias_axes", hint: "use bias_axes=None for no bias")
    }
    var bias = output[first...].map { axes.contains($0) ? sizes[$0] ?? .known(1) : .known(1) }
    if !leftElided && elided > 0 { bias += Array(repeating: .known(1), count: elided) }
    return EinsumShapes(kernel: kernel, bias: bias, output: out)
  }
}
