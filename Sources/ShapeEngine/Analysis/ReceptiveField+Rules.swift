import LayerCatalog
import ShapeCore

/// How each kind of layer moves a receptive field: windows (convolutions, poolings), transposed
/// convolutions, upsampling, padding and cropping per axis; merges take the hull over their
/// inputs; layers that mix every position give the whole input; layers that act on each
/// position alone keep it.
enum LayerRule {
  static func outputs(
    _ node: LayerNode, call: LayerCall, graph g: Graph, fields: [Field], notes: inout Set<String>
  ) throws(ArithmeticOverflow) -> [Field] {
    let ins = call.inputs.map { g.tensors[$0].type }
    let outs = call.outputs.map { g.tensors[$0].type }
    let field = fields.first ?? .none
    let x = ins.first
    switch node.layer {
    case let conv as Conv:
      guard let x else { return [.none] }
      let spatial = conv.dataFormat.split(x.shape).spatial
      if conv.transposed {
        return [
          try perAxis(field, count: spatial.count) { (i, a) throws(ArithmeticOverflow) in
            try transposed(
              a, kernel: conv.kernelSize[i], stride: conv.strides[i],
              dilation: conv.dilationRate[i], padding: conv.padding,
              outputPadding: conv.outputPadding?[i])
          }
        ]
      }
      return [
        try perAxis(field, count: spatial.count) { (i, a) throws(ArithmeticOverflow) in
          try window(
            a, kernel: conv.kernelSize[i], stride: conv.strides[i], dilation: conv.dilationRate[i],
            padding: conv.padding, size: spatial[i], notes: &notes)
        }
      ]
    case let pool as Pooling:
      guard let x else { return [.none] }
      let spatial = pool.dataFormat.split(x.shape).spatial
      return [
        try perAxis(field, count: spatial.count) { (i, a) throws(ArithmeticOverflow) in
          try window(
            a, kernel: pool.poolSize[i], stride: pool.strides[i], dilation: 1,
            padding: pool.padding, size: spatial[i], notes: &notes)
        }
      ]
    case let up as UpSampling:
      let method = stringArgument(node, "interpolation", position: 2) ?? "nearest"
      guard let radius = interpolationRadius[method.lowercased()] else {
        return [.untraced("\(node.name): interpolation '\(method)' is not traced")]
      }
      return [
        try perAxis(field, count: up.rank) { (i, a) throws(ArithmeticOverflow) in
          try upsample(a, factor: up.size[i], radius: radius)
        }
      ]
    case let pad as ZeroPadding:
      return [
        try perAxis(field, count: pad.rank) { (i, a) throws(ArithmeticOverflow) in
          try shift(a, by: -pad.pads[i].0)
        }
      ]
    case let crop as Cropping:
      return [
        try perAxis(field, count: crop.rank) { (i, a) throws(ArithmeticOverflow) in
          try shift(a, by: crop.crops[i].0)
        }
      ]
    case is GlobalPooling, is Flatten:
      return [field.whole]
    case is ElementwiseMerge:
      return [try merge(node, fields, ins, outs.first)]
    case let cat as Concatenate:
      guard let out = outs.first, cat.axis == -1 || cat.axis == out.rank - 1 else {
        return [.untraced("\(node.name): concatenation along a spatial axis is not traced")]
      }
      return [try merge(node, fields, ins, out)]
    case let op as TensorOperation:
      switch op.rule {
      case .unary, .binary, .where, .clip, .cast:
        return outs.map { _ in (try? merge(node, fields, ins, outs.first)) ?? .none }
      default:
        if let out = outs.first, out.rank < 3 { return [sourcesOf(fields).whole] }
        return [.untraced("\(node.name): \(node.className) is not traced")]
      }
    case is AssumedIdentity:
      return [keep(node, field, x, outs.first)]
    case _ where node.className == "CustomScaleLayer":
      return [try merge(node, fields, ins, outs.first)]
    default:
      return outs.map { _ in byClass(node, field: field, fields: fields, x, outs.first) }
    }
  }

  /// Layers known by class: each position alone (keep), every position (whole), or not traced.
  static func byClass(
    _ node: LayerNode, field: Field, fields: [Field], _ x: TensorType?, _ out: TensorType?
  ) -> Field {
    let name = node.className
    let family = Catalog.entry(forClass: name)?.family ?? ""
    let channelAxisOnly: Bool = {
      guard let axis = intArgument(node, "axis", position: nil) else { return true }
      return axis == -1 || axis == (x?.rank ?? 0) - 1
    }()
    if wholeClasses.contains(name) || family == "Attention" || family == "Recurrent" {
      return sourcesOf(fields).whole
    }
    if ["LayerNormalization", "RMSNormalization", "UnitNormalization", "Softmax"].contains(name) {
      return channelAxisOnly ? keep(node, field, x, out) : sourcesOf(fields).whole
    }
    if name == "Dense", let x, x.rank < 3 { return sourcesOf(fields).whole }
    if keptClasses.contains(name) || family == "Activations" || family == "Regularization" {
      return keep(node, field, x, out)
    }
    return .untraced("\(node.name): \(name) is not traced")
  }

  /// True for a layer each of whose outputs depends on every position of its input.
  static func mixesAllPositions(_ node: LayerNode, _ x: TensorType?) -> Bool {
    if node.layer is GlobalPooling || node.layer is Flatten { return true }
    let family = Catalog.entry(forClass: node.className)?.family ?? ""
    if wholeClasses.contains(node.className) || family == "Attention" || family == "Recurrent" {
      return true
    }
    return node.className == "Dense" && (x?.rank ?? 3) < 3
  }

  /// True for a layer whose output position reads the same position of each input.
  static func isMerge(_ node: LayerNode) -> Bool {
    if node.layer is ElementwiseMerge || node.layer is Concatenate { return true }
    if let op = node.layer as? TensorOperation {
      switch op.rule {
      case .unary, .binary, .where, .clip, .cast: return true
      default: return false
      }
    }
    return node.className == "CustomScaleLayer"
  }

  /// Classes that act on each position alone (channels only, or elementwise).
  static let keptClasses: Set<String> = [
    "Dense", "BatchNormalization", "Activation", "Identity", "Masking", "Rescaling",
    "Normalization", "Dropout", "LayerScale", "StochasticDepth",
  ]
  /// Classes whose every output depends on every position of their input.
  static let wholeClasses: Set<String> = [
    "GroupNormalization", "GlobalAveragePooling1D", "GlobalAveragePooling2D",
    "GlobalAveragePooling3D", "GlobalMaxPooling1D", "GlobalMaxPooling2D", "GlobalMaxPooling3D",
  ]

  /// The window radius of each interpolation, in input positions (Keras resizes with JAX's
  /// kernels: triangle, Keys cubic, Lanczos); nearest repeats.
  static let interpolationRadius: [String: Int] = [
    "nearest": 0, "bilinear": 1, "bicubic": 2, "lanczos3": 3, "lanczos5": 5,
  ]

  /// The same field when the spatial positions are unchanged.
  static func keep(_ node: LayerNode, _ field: Field, _ x: TensorType?, _ out: TensorType?)
    -> Field
  {
    guard let x, let out, spatial(x) == spatial(out) else {
      return .untraced("\(node.name): \(node.className) changes the spatial axes")
    }
    return field
  }

  /// Spatial dims of a channels-last tensor.
  static func spatial(_ t: TensorType) -> ArraySlice<Dim> {
    t.rank >= 3 ? t.shape[1..<(t.rank - 1)] : []
  }

  /// The sources of every input, whole or not (to be made whole).
  static func sourcesOf(_ fields: [Field]) -> Field {
    var out: [Int: Field.Source] = [:]
    for case .traced(let s) in fields {
      for (k, v) in s { out[k] = v }
    }
    return .traced(out)
  }

  /// The hull over the inputs of an elementwise merge. An input broadcast along a spatial axis
  /// (size 1 against a larger one) is followed only when it already covers its whole input.
  static func merge(_ node: LayerNode, _ fields: [Field], _ ins: [TensorType], _ out: TensorType?)
    throws(ArithmeticOverflow) -> Field
  {
    guard let out else { return .none }
    var axes: [Int: [[AxisField]]] = [:]
    var whole: Set<Int> = []
    for (f, t) in zip(fields, ins) {
      guard case .traced(let s) = f else { return f }
      // Broadcast: a size-1 axis against a larger one (formulas that differ only in form, at
      // unknown sizes, are the same positions: Keras would raise otherwise).
      let aligned =
        t.rank == out.rank
        && !zip(spatial(t), spatial(out)).contains { a, b in a.value == 1 && b.value != 1 }
      for (k, v) in s {
        switch v {
        case .whole: whole.insert(k)
        case .axes(let a):
          guard aligned else {
            return .untraced("\(node.name): an input is broadcast along a spatial axis")
          }
          axes[k, default: []].append(a)
        }
      }
    }
    var result: [Int: Field.Source] = [:]
    for k in whole { result[k] = .whole }
    for (k, list) in axes where result[k] == nil {
      var combined: [AxisField] = []
      for i in list[0].indices {
        guard list.allSatisfy({ $0.count == list[0].count }),
          let u = try AxisField.union(list.map { $0[i] })
        else { return .untraced("\(node.name): its inputs' positions do not line up") }
        combined.append(u)
      }
      result[k] = .axes(combined)
    }
    return .traced(result)
  }

  /// Applies `map` to every spatial axis of every source.
  static func perAxis(
    _ field: Field, count: Int, _ map: (Int, AxisField) throws(ArithmeticOverflow) -> AxisField
  ) throws(ArithmeticOverflow) -> Field {
    guard case .traced(let sources) = field else { return field }
    var out: [Int: Field.Source] = [:]
    for (k, v) in sources {
      guard case .axes(let a) = v else {
        out[k] = v
        continue
      }
      guard a.count == count else { return .untraced("the spatial axes changed") }
      var mapped: [AxisField] = []
      for (i, f) in a.enumerated() { mapped.append(try map(i, f)) }
      out[k] = .axes(mapped)
    }
    return .traced(out)
  }

  /// A convolution or pooling window: output o reads positions o*s - pad + d*m, m < k. Padding
  /// 'same' pads as TF and JAX do (total max(0, (ceil(in/s)-1)*s + k_eff - in), the extra one at
  /// the end); 'causal' pads k_eff - 1 at the start.
  static func window(
    _ a: AxisField, kernel k: Int, stride s: Int, dilation d: Int, padding: Padding, size: Dim,
    notes: inout Set<String>
  ) throws(ArithmeticOverflow) -> AxisField {
    let kEff = try Checked.add(Checked.mul(d, k - 1), 1)
    var before = 0
    switch padding {
    case .valid: before = 0
    case .causal: before = kEff - 1
    case .same:
      if let n = size.value {
        let out = (n + s - 1) / s
        before = max(0, try Checked.add(Checked.mul(out - 1, s), kEff) - n) / 2
      } else {
        before = max(0, kEff - s) / 2
        if s > 1 {
          notes.insert(
            "start offsets after a strided 'same' layer at an unknown size assume the size is a "
              + "multiple of the stride; apply a size for exact offsets")
        }
      }
    }
    return try a.mapped(outputs: 1, inputs: s) { (o) throws(ArithmeticOverflow) in
      (try Checked.sub(Checked.mul(o, s), before), d, k)
    }
  }

  /// A transposed convolution as JAX computes it: the input dilated by the stride, padded by
  /// Keras's `left_pad`, read by the window (backend_utils `_convert_conv_transpose_padding_*`).
  static func transposed(
    _ a: AxisField, kernel k: Int, stride s: Int, dilation d: Int, padding: Padding,
    outputPadding: Int?
  ) throws(ArithmeticOverflow) -> AxisField {
    let kEff = try Checked.add(Checked.mul(d, k - 1), 1)
    let left: Int
    if padding == .same {
      let padLength =
        try Checked.add(kEff, outputPadding.map { kEff % 2 + $0 } ?? s) - 2
      left = min(padLength / 2 + padLength % 2, kEff - 1)
    } else {
      left = kEff - 1
    }
    if s == 1 {
      return try a.mapped(outputs: 1, inputs: 1) { (o) throws(ArithmeticOverflow) in
        (try Checked.sub(o, left), d, k)
      }
    }
    guard d == 1 else { throw ArithmeticOverflow() }
    return try a.mapped(outputs: s, inputs: 1) { (o) throws(ArithmeticOverflow) in
      let low = try Checked.sub(o, left)
      let first = -Checked.floorDiv(-low, s)
      let last = Checked.floorDiv(try Checked.add(low, k - 1), s)
      return (first, 1, max(0, last - first + 1))
    }
  }

  /// Upsampling by `f`: nearest repeats (o reads o div f); an interpolation of radius R reads
  /// the positions j with |x - j| < R around x = (o + 0.5)/f - 0.5 (half-pixel centres), or x
  /// alone where x is a whole position (every kernel is 0 at the other whole offsets).
  static func upsample(_ a: AxisField, factor f: Int, radius: Int) throws(ArithmeticOverflow)
    -> AxisField
  {
    try a.mapped(outputs: f, inputs: 1) { (o) throws(ArithmeticOverflow) in
      if radius == 0 { return (Checked.floorDiv(o, f), 1, 1) }
      // x = num / den
      let num = try Checked.sub(Checked.add(Checked.mul(2, o), 1), f)
      let den = try Checked.mul(2, f)
      if Checked.floorMod(num, den) == 0 { return (num / den, 1, 1) }
      let reach = try Checked.mul(radius, den)
      let first = try Checked.add(Checked.floorDiv(try Checked.sub(num, reach), den), 1)
      let last = -Checked.floorDiv(-(try Checked.add(num, reach)), den) - 1
      return (first, 1, last - first + 1)
    }
  }

  /// Padding (negative) or cropping (positive): output o is input o + by.
  static func shift(_ a: AxisField, by: Int) throws(ArithmeticOverflow) -> AxisField {
    try a.mapped(outputs: 1, inputs: 1) { (o) throws(ArithmeticOverflow) in
      (try Checked.add(o, by), 1, 1)
    }
  }

  /// A constructor argument as written (typed or read from a config).
  static func argument(_ node: LayerNode, _ name: String, position: Int?) -> Value? {
    if let v = node.arguments.keywords.first(where: { $0.0 == name })?.1 { return v }
    if let p = position, node.arguments.positional.indices.contains(p) {
      return node.arguments.positional[p]
    }
    return nil
  }

  static func stringArgument(_ node: LayerNode, _ name: String, position: Int?) -> String? {
    if case .string(let s)? = argument(node, name, position: position) { return s }
    return nil
  }

  static func intArgument(_ node: LayerNode, _ name: String, position: Int?) -> Int? {
    switch argument(node, name, position: position) {
    case .int(let i)?: return i
    case .list(let l)?, .tuple(let l)?:
      if l.count == 1, case .int(let i) = l[0] { return i }
      return .min
    default: return nil
    }
  }
}
