import LayerCatalog
import ShapeCore

/// A session's Python program compiled into its layer calls, for `apply` and `scan`: kept while
/// the program's graph-building cannot depend on the size (it never read a shape, a dim, a weight
/// or a caught Keras error: `KerasHost.observed`), so every size builds the declared graph's
/// structure and only its shapes and weights change.
///
/// Extended statement by statement as the session accepts them (each costs its own calls). Tensor
/// ids are the slots: the declared graph makes its tensors in step order (an input, or a call's
/// outputs), and so does every replay of a program that does not look at shapes.
struct SessionPlan: Sendable {
  /// One thing that makes tensors, in the order the program made them.
  enum Step: Sendable {
    /// An input (its position among the graph's inputs, as `apply` binds sizes to it).
    case input(ordinal: Int, batch: DeclaredDim, declared: [DeclaredDim], dtype: DType)
    /// A call of graph layer `layer` making `outputs` tensors.
    case call(layer: Int, call: Plan.Call, outputs: Int)
  }

  private(set) var steps: [Step] = []
  /// For each graph layer, how many of its calls the steps hold (its calls are made in step
  /// order, so the next one is the next the layer made). Four bytes a layer, grown in place.
  ///
  /// The layers themselves are the graph's: a step names its graph layer, and a run reads the
  /// layer value, name, class, dtype policy, autocast and trainability from the declared graph
  /// (none of them changes once the layer is called, only its weights and calls grow: a program
  /// that sets a called layer's `trainable` drops the plan, KerasHost.setTrainable), rather
  /// than the plan keeping a copy of each.
  private var callsSeen: [Int32] = []
  /// The tensors the plan describes (the graph's first `tensorCount`).
  private(set) var tensorCount = 0

  /// Graph layer `l` of `graph` as a call sees it (nil for an input or a layer the graph does
  /// not have).
  static func layer(_ l: Int, of graph: Graph) -> PlanLayer? {
    guard graph.layers.indices.contains(l), let value = graph.layers[l].layer else { return nil }
    return PlanLayer(
      value,
      context: LayerContext(
        className: graph.layers[l].className, name: graph.layers[l].name,
        policy: graph.layers[l].policy, autocastsInputs: graph.layers[l].autocastsInputs,
        defersWeights: graph.defersWeights),
      trainable: graph.layers[l].trainable)
  }

  /// Adds the steps of the tensors `graph` made since the plan last saw it; false when a tensor
  /// was made in a way the plan cannot describe (the caller then replays).
  mutating func extend(_ graph: Graph) -> Bool {
    // One by one: a statement adds a layer or two, and appending a repeated element costs a
    // generic call whatever the count.
    while callsSeen.count < graph.layers.count { callsSeen.append(0) }
    while tensorCount < graph.tensors.count {
      let t = tensorCount
      let l = graph.tensors[t].layer
      guard graph.layers.indices.contains(l) else { return false }
      // The node's fields read in place: a copy of the node would retain every one. A layer made
      // from a kept construction (`ConstructionMemo`, `LayerTemplates`: catalog layers, never a
      // model) is neither an Input nor a model: its layer is not copied to be looked at.
      if graph.layers[l].construction == nil {
        guard let layer = graph.layers[l].layer else {
          guard let k = graph.inputs.lastIndex(where: { $0.tensor == t }),
            let batch = graph.tensors[t].type.shape.first
          else { return false }
          steps.append(
            .input(
              ordinal: k, batch: batch.value.map { .known($0) } ?? .unknown,
              declared: graph.declaredInputs[k], dtype: graph.tensors[t].type.dtype))
          tensorCount += 1
          continue
        }
        // A model used as a layer holds its graph at the declared shapes: not describable.
        if Self.isModel(layer) { return false }
      }
      let seen = Int(callsSeen[l])
      guard seen < graph.layers[l].calls.count, seen < Int32.max else { return false }
      guard let call = GraphPlan.call(graph.layers[l].calls[seen], slot: { $0 }) else {
        return false
      }
      let outputs = graph.layers[l].calls[seen].outputs
      // The outputs are the next tensors, in order (compared one by one: `elementsEqual` with
      // a range is a generic walk).
      for (i, o) in outputs.enumerated() where o != t + i { return false }
      guard !outputs.isEmpty else { return false }
      steps.reserveFourfold()
      steps.append(.call(layer: l, call: call, outputs: outputs.count))
      callsSeen[l] += 1
      tensorCount += outputs.count
    }
    return true
  }

  /// Whether `layer` is a model used as a layer (its exact type: a struct has no subclasses,
  /// and this reads no conformance tables).
  static func isModel(_ layer: any Layer) -> Bool { type(of: layer) == SubgraphModel.self }

  /// What a run at a binding gave: every tensor's type up to the end or the failing call, and
  /// each called layer's weights.
  struct Run {
    var tensors: [TensorType]
    var weights: [[Weight]?]
    var symbols: Set<String>
    /// The failing call's layer, when one failed.
    var failedLayer: Int?
    /// True when the run left what the plan describes: only a replay evaluates it.
    var undescribed = false

    init(
      tensors: [TensorType] = [], weights: [[Weight]?] = [], symbols: Set<String> = [],
      failedLayer: Int? = nil, undescribed: Bool = false
    ) {
      self.tensors = tensors
      self.weights = weights
      self.symbols = symbols
      self.failedLayer = failedLayer
      self.undescribed = undescribed
    }
  }

  /// Runs the steps with the inputs bound as `binding` says: only the layers' shape rules, in
  /// order, stopping at the first failure. With `strictWeights` (a size that gives every input
  /// dim: Session.bindsEveryInput) no weight is deferred, as the replay does there. `declared`
  /// is the graph the plan was extended from (or one it grew into): its layers are the steps'.
  func run(_ binding: InputBinding, declared: Graph, strictWeights: Bool = false) -> Run {
    var evaluator = Evaluator(binding: binding)
    var tensors: [TensorType] = []
    tensors.reserveCapacity(tensorCount)
    var weights: [[Weight]?] = Array(repeating: nil, count: callsSeen.count)
    // A layer's first call whose twin (a layer made from the same construction) was called on
    // the same type gives what that call gave.
    var twins = TwinCalls()
    let defers = strictWeights ? false : declared.defersWeights
    for step in steps {
      switch step {
      case .input(let ordinal, let batch, let declared, let dtype):
        tensors.append(
          evaluator.inputType(batch: batch, declared: declared, dtype: dtype, ordinal: ordinal))
      case .call(let l, let call, let outputs):
        guard l < weights.count, declared.layers.indices.contains(l) else {
          return Run(undescribed: true)
        }
        var first: (ConstructionMemo.Kept, TensorType)?
        if weights[l] == nil, let kept = declared.layers[l].construction,
          case .single(let s) = call,
          s < tensors.count
        {
          first = (kept, tensors[s])
        }
        let output: LayerOutput
        if let (kept, t) = first, let known = twins.output(kept, on: t, defersWeights: defers) {
          output = known.output
        } else {
          guard var layer = Self.layer(l, of: declared) else { return Run(undescribed: true) }
          if strictWeights { layer.context.defersWeights = false }
          guard let called = try? layer.call(Plan.input(call, tensors), built: weights[l]) else {
            return Run(
              tensors: tensors, weights: weights, symbols: evaluator.graph.symbols,
              failedLayer: l)
          }
          output = called
          if let (kept, t) = first {
            twins.remember(output, of: kept, on: t, defersWeights: defers)
          }
        }
        // Another number of outputs than declared: another graph, which the replay makes.
        guard output.outputs.count == outputs else { return Run(undescribed: true) }
        if weights[l] == nil { weights[l] = output.weights }
        tensors += output.outputs
      }
    }
    return Run(tensors: tensors, weights: weights, symbols: evaluator.graph.symbols)
  }

  /// Where an array's elements are (one array and its copies share them).
  private static func storage(_ weights: [Weight]) -> UnsafeRawPointer? {
    weights.withUnsafeBufferPointer { $0.baseAddress.map(UnsafeRawPointer.init) }
  }

  /// The declared graph as a successful run leaves it: the same layers, calls and names, with
  /// the run's shapes and weights.
  func graph(_ run: Run, declared: Graph) -> Graph {
    var g = declared
    for t in g.tensors.indices where t < run.tensors.count { g.tensors[t].type = run.tensors[t] }
    // Found before anything is written: a write in this loop would copy every node up front.
    // Twins hold one array of weights in the declared graph and one in the run (`TwinCalls`):
    // the last few pairs of arrays found equal are not compared again.
    var equalPairs = RecentRing<(UnsafeRawPointer, UnsafeRawPointer)>(capacity: 8)
    let rebuilt = g.layers.indices.filter { l in
      guard l < run.weights.count, let new = run.weights[l] else { return false }
      guard let old = g.layers[l].weights else { return true }
      guard let a = Self.storage(old), let b = Self.storage(new) else { return old != new }
      if equalPairs.recentFirst.contains(where: { equalPairs.elements[$0] == (a, b) }) {
        return false
      }
      guard old == new else { return true }
      equalPairs.add((a, b))
      return false
    }
    for l in rebuilt { g.layers[l].weights = run.weights[l] }
    g.symbols = run.symbols
    return g
  }
}
