import LayerCatalog
import ShapeCore

/// The cost of a forward pass over an evaluated graph, per layer and in total (docs/cost.md):
/// MACs and FLOPs as formulas at declared shapes and numbers at `apply`, activation memory,
/// parameter memory by dtype and the peak of live activations.
public struct CostReport: Sendable {
  /// One layer's share: every call of it counted.
  public struct LayerCost: Sendable {
    public var layer: Int
    /// nil when kshape has no rule for the layer (or for a layer inside it): it is listed in
    /// `uncounted`, never counted as zero.
    public var count: Count?
    /// Output elements x dtype size, at the report's batch size, over every call.
    public var activationBytes: Dim

    public var flops: Dim? { count.flatMap { try? $0.flops() } }
  }

  /// The batch size an unknown batch dim is counted at (the inputs' own when they fix one).
  public var batch: Int
  /// Layers that were called, by graph index.
  public var layers: [Int: LayerCost] = [:]
  /// The sum over counted layers (a formula, or unknown where a count needs a plain `None`).
  public var total = Count.zero
  /// Layers without a rule, as `name (Class)`.
  public var uncounted: [String] = []
  /// Every layer output, summed (not all live at once: see `peakBytes`).
  public var activationBytes = Dim.known(0)
  /// The most activation memory live at once along the execution order; nil when some size is
  /// not a number (a formula's maximum is not one formula).
  public var peakBytes: Int?
  /// Parameter count and bytes per variable dtype (`float32`), sorted by dtype.
  public var parameters: [(dtype: String, count: Dim, bytes: Dim)] = []
  /// True when a count did not fit in 64 bits: the totals are then unknown.
  public var overflowed = false

  public var totalFLOPs: Dim { (try? total.flops()) ?? .unknown }
}

/// Computes `CostReport`s.
public enum CostAnalysis {
  /// How deep models inside models are counted (each level re-evaluates the inner model).
  static let maxDepth = 16

  /// The cost of every called layer of `graph`, an unknown batch dim taken as `batch`.
  public static func run(_ graph: Graph, batch: Int = 1) -> CostReport {
    run(graph, batch: batch, depth: 0)
  }

  static func run(_ graph: Graph, batch: Int, depth: Int) -> CostReport {
    var report = CostReport(batch: max(batch, 1))
    for l in graph.listed {
      let node = graph.layers[l]
      if node.calls.isEmpty { continue }
      var layerCost = CostReport.LayerCost(layer: l, count: .zero, activationBytes: .known(0))
      for call in node.calls {
        let outputs = call.outputs.map { report.sized(graph.tensors[$0].type) }
        do throws(ArithmeticOverflow) {
          for t in outputs {
            layerCost.activationBytes =
              try layerCost.activationBytes + Dim.product(t.shape) * t.dtype.byteSize
          }
        } catch {
          report.overflowed = true
          layerCost.activationBytes = .unknown
        }
        guard let sum = layerCost.count else { continue }
        let n = count(node, call, outputs, in: graph, &report, depth: depth)
        do throws(ArithmeticOverflow) {
          if let n { layerCost.count = try sum + n } else { layerCost.count = nil }
        } catch {
          report.overflowed = true
          layerCost.count = Count(macs: .unknown, other: .unknown)
        }
      }
      if layerCost.count == nil { report.uncounted.append("\(node.name) (\(node.className))") }
      report.layers[l] = layerCost
    }
    report.summarize(graph)
    return report
  }

  /// One call: the layer's rule, a nested model's own layers, plus a fused activation.
  static func count(
    _ node: LayerNode, _ call: LayerCall, _ outputs: [TensorType], in graph: Graph,
    _ report: inout CostReport, depth: Int
  ) -> Count? {
    guard let layer = node.layer else { return .zero }  // an Input
    let input = report.input(call, graph)
    let context = LayerContext(
      className: node.className, name: node.name, policy: node.policy,
      autocastsInputs: node.autocastsInputs)
    var (inner, innerInput, innerContext) = (layer, input, context)
    // TimeDistributed(model): the model on (batch * T, step...).
    if let td = layer as? TimeDistributed, let x = input.tensors.first,
      let step = try? TimeDistributed.merged(report.sized(x))
    {
      (inner, innerInput, innerContext) = (td.wrapped.layer, .single(step), td.wrapped.context)
    }
    if let inner = nestedGraph(inner, innerInput, innerContext) {
      guard depth < maxDepth else { return nil }
      let nested = run(inner.graph, batch: report.batch, depth: depth + 1)
      report.uncounted += nested.uncounted.map { "\(node.name)/\($0)" }
      report.overflowed = report.overflowed || nested.overflowed
      return nested.uncounted.isEmpty ? nested.total : nil
    }
    do throws(ArithmeticOverflow) {
      guard var n = try CostRules.count(layer, input, outputs: outputs, context) else {
        return nil
      }
      if fusesActivation(node) {
        for t in outputs { n.other = try n.other + Dim.product(t.shape) }
      }
      return n
    } catch {
      report.overflowed = true
      return Count(macs: .unknown, other: .unknown)
    }
  }

  /// A model used as a layer, evaluated again on this call's inputs.
  static func nestedGraph(_ layer: any Layer, _ input: LayerInput, _ c: LayerContext)
    -> Expansion?
  {
    guard let model = layer as? any ExpandableModel else { return nil }
    return try? model.expanded(input.tensors, c)
  }

  /// Whether the layer applies its `activation=` argument to its output (Dense, Conv,
  /// EinsumDense...; a recurrent layer's activations are inside its step count).
  static func fusesActivation(_ node: LayerNode) -> Bool {
    guard let layer = node.layer, !(layer is RNNLayer || layer is ConvLSTM),
      let entry = Catalog.entry(node.className),
      let index = entry.signature.parameters.firstIndex(where: { $0.name == "activation" })
    else { return false }
    let value =
      node.arguments.keywords.first { $0.0 == "activation" }?.1
      ?? (index < node.arguments.positional.count ? node.arguments.positional[index] : .none)
    if case .string(let name) = value { return name != "linear" }
    return false
  }
}

extension CostReport {
  /// A tensor at the report's batch size: an unknown batch dim becomes `batch`.
  func sized(_ t: TensorType) -> TensorType {
    guard let first = t.shape.first, first == .unknown else { return t }
    return TensorType(shape: [.known(batch)] + t.shape.dropFirst(), dtype: t.dtype)
  }

  /// What the call was given, as the layer's shape rule was: the written arguments when the
  /// graph kept them, else one tensor or a list.
  func input(_ call: LayerCall, _ graph: Graph) -> LayerInput {
    func type(_ t: Int) -> TensorType { sized(graph.tensors[t].type) }
    guard let site = call.site else {
      let ts = call.inputs.map(type)
      return ts.count == 1 ? .single(ts[0]) : .list(ts)
    }
    func value(_ a: CallSite.Argument) -> CallValue {
      switch a {
      case .tensor(let t): return .tensor(type(t))
      case .tensors(let ts): return .tensors(ts.map(type))
      case .value(let v): return .value(v)
      }
    }
    return .call(
      positional: site.positional.map(value), keywords: site.keywords.map { ($0.0, value($0.1)) })
  }
}
