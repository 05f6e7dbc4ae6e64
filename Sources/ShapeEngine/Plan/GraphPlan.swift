import LayerCatalog
import ShapeCore

/// A plan made from calls already in a graph: the calls of `layers`, in the order they were made,
/// on the tensors `inputs`, with where each plan layer and slot stands in the graph, so that a
/// run at other sizes can be written back into a graph of the same structure.
///
/// Made only when the graph's tensors are numbered as a plan numbers its slots (the inputs, then
/// each call's outputs in call order); otherwise there is no plan and the caller evaluates the
/// long way.
struct GraphPlan: Sendable {
  var plan: Plan
  /// The graph layer of each plan layer.
  var graphLayer: [Int]
  /// The plan layer of each graph layer in `layers` (nil for an input or a layer never called),
  /// by offset from `layers.lowerBound`.
  var planLayer: [Int?]
  /// The graph tensor of slot 0; slot s is tensor `firstTensor + s`.
  var firstTensor: Int

  init?(graph: Graph, layers: Range<Int>, inputs: [Int]) {
    // Each call as (its first output, layer, index among the layer's calls): nodes and calls are
    // read in place, never copied out of the graph.
    var calls: [(firstOutput: Int, layer: Int, call: Int)] = []
    calls.reserveCapacity(layers.count)
    for l in layers where graph.layers[l].layer != nil {
      for c in graph.layers[l].calls.indices {
        guard let out = graph.layers[l].calls[c].outputs.first else { return nil }
        calls.append((out, l, c))
      }
    }
    // Layers are mostly called in the order they were made: sort only when they were not.
    if zip(calls, calls.dropFirst()).contains(where: { $0.firstOutput > $1.firstOutput }) {
      calls.sort { $0.firstOutput < $1.firstOutput }
    }
    let first = inputs.first ?? calls.first?.firstOutput ?? graph.tensors.count
    guard inputs.enumerated().allSatisfy({ $0.element == first + $0.offset }) else { return nil }
    var plan = Plan(inputs: inputs.count)
    plan.reserveCapacity(layers: layers.count, steps: calls.count)
    var planLayer: [Int?] = Array(repeating: nil, count: layers.count)
    var graphLayer: [Int] = []
    graphLayer.reserveCapacity(layers.count)
    func slot(_ t: Int) -> Int { t - first }
    // The plan layer first made from each kept construction (`Plan.twins`).
    var firstOfConstruction: [ObjectIdentifier: Int] = [:]
    for (_, l, c) in calls {
      let p: Int
      if let known = planLayer[l - layers.lowerBound] {
        p = known
      } else {
        guard let value = graph.layers[l].layer else { return nil }
        let kept = graph.layers[l].construction.map(ObjectIdentifier.init)
        p = plan.addLayer(
          PlanLayer(
            value,
            context: LayerContext(
              className: graph.layers[l].className, name: graph.layers[l].name,
              policy: graph.layers[l].policy, autocastsInputs: graph.layers[l].autocastsInputs,
              defersWeights: graph.defersWeights),
            trainable: graph.layers[l].trainable), twin: kept.flatMap { firstOfConstruction[$0] })
        if let kept, firstOfConstruction[kept] == nil { firstOfConstruction[kept] = p }
        planLayer[l - layers.lowerBound] = p
        graphLayer.append(l)
      }
      let recorded = graph.layers[l].calls[c]
      guard let call = Self.call(recorded, slot: slot),
        let outs = plan.addStep(
          layer: p, call: call, inputs: recorded.inputs.map(slot),
          outputs: recorded.outputs.count),
        recorded.outputs.elementsEqual(outs, by: { slot($0) == $1 })
      else { return nil }
    }
    self.plan = plan
    self.graphLayer = graphLayer
    self.planLayer = planLayer
    self.firstTensor = first
  }

  /// How `Evaluator.call` called the layer, from the call as recorded: the written arguments
  /// after `inputs=` became positional; one tensor or one list (with only `training=`/`mask=`
  /// beside it) is the plain form; no written form is one tensor, or one list of several.
  static func call(_ c: LayerCall, slot: (Int) -> Int) -> Plan.Call? {
    guard let site = c.site else {
      return c.inputs.count == 1 ? .single(slot(c.inputs[0])) : .list(c.inputs.map(slot))
    }
    func argument(_ a: CallSite.Argument) -> Plan.Argument {
      switch a {
      case .tensor(let t): return .tensor(slot(t))
      case .tensors(let ts): return .tensors(ts.map(slot))
      case .value(let v): return .value(v)
      }
    }
    if site.positional.count == 1,
      site.keywords.allSatisfy({ ["training", "mask"].contains($0.0) })
    {
      switch site.positional[0] {
      case .tensor(let t): return .single(slot(t))
      case .tensors(let ts): return .list(ts.map(slot))
      case .value: break
      }
    }
    return .arguments(
      positional: site.positional.map(argument),
      keywords: site.keywords.map { ($0.0, argument($0.1)) })
  }
}
