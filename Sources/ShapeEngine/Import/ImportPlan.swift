import KerasJSON
import LayerCatalog
import ShapeCore

/// An imported model compiled once, when the session accepts it: the config decoded, arguments
/// bound, layers constructed and named, identifiers made, all at the import; what is left for a
/// size is the model's inputs at that size and the layers' calls (`Evaluator.runImport`).
///
/// Made from the graph the import built at the declared shapes, which has the structure the
/// import has at every size: the same layers, calls and tensor names, only other shapes.
struct ImportPlan: Sendable {
  /// One input of the model, in the order the import made them (the plan's input slots).
  struct Input: Sendable {
    /// Its position among the session's inputs, as `apply` binds sizes to it.
    var ordinal: Int
    var batch: DeclaredDim
    var declared: [DeclaredDim]
    var dtype: DType
  }

  var calls: GraphPlan
  var inputs: [Input]
  /// The session's layers, tensors and inputs before the import.
  var layersBefore: Int
  var tensorsBefore: Int
  var inputsBefore: Int
  /// The import's layers and tensors at the declared shapes (names, calls, constructed layers).
  var layers: [LayerNode]
  var layerNames: NameSet
  var tensors: [TensorNode]
  /// What the import adds when it succeeds: the inputs in `input_layers` order, the names bound,
  /// the model's outputs, and Keras's name counters after it.
  var orderedInputs: [(variable: String?, tensor: Int)]
  var orderedDeclared: [[DeclaredDim]]
  var bindings: [String: Binding]
  var outputs: [Int]
  var nameCounters: [String: Int]
  /// Keras's tensor counter after the inputs and after each step (an autocast input takes a name).
  var tensorCounterAfter: [Int]
  var isSequential: Bool
  /// For each step, the config's node that makes the call (a Functional model's
  /// `inbound_nodes` entry), for errors.
  var paths: [JSONPath?]
  /// For a model whose inputs declare every dim but the batch (a fixed-size application, a
  /// nested model built at its size): the strict run at those shapes, which a size giving them
  /// again (Keras's shortcut on the shapes a `Function` was built with) returns whole.
  var declaredRun: PlanRun?
  /// Whether `declaredRun` left exactly the import's tensors and weights, so that writing it
  /// shares them (`write`).
  var declaredRunIsTemplate = false
  /// Whether a layer takes auto-names when it is first called (`Sublayers.atBuild`): the name
  /// counters after a failed run are then the full import's to give.
  var namesAtBuild = false
  /// The calls under the other choice of deferring weights than the import's (`calls.plan` has
  /// the import's): a strict size in a deferring session runs this one.
  var otherCalls: Plan
  var importDefers: Bool

  /// Compiles the import of `model` that turned graph `before` into graph `after`; nil when the
  /// graph does not have the form a plan describes (the import is then evaluated in full).
  init?(_ model: SavedModel, before: Graph, after: Graph) {
    let firstLayer = before.layers.count
    let firstTensor = before.tensors.count
    let base = before.inputs.count
    guard after.layers.count >= firstLayer, after.tensors.count >= firstTensor,
      after.inputs.count >= base
    else { return nil }
    // The inputs in the order the import made them, with the ordinals it gave them.
    let made = after.inputs[base...].sorted { $0.tensor < $1.tensor }
    var inputs: [Input] = []
    var ordinals: [Int] = []
    if model.isSequential {
      ordinals = [base]
    } else {
      for (i, layer) in model.layers.enumerated() where layer.className == "InputLayer" {
        ordinals.append(
          base + (model.inputs.firstIndex { $0.layer == layer.name } ?? model.inputs.count + i))
      }
    }
    guard ordinals.count == made.count else { return nil }
    for (input, ordinal) in zip(made, ordinals) {
      guard let k = after.inputs.firstIndex(where: { $0.tensor == input.tensor }),
        let batch = after.tensors[input.tensor].type.shape.first
      else { return nil }
      inputs.append(
        Input(
          ordinal: ordinal, batch: batch.value.map { .known($0) } ?? .unknown,
          declared: after.declaredInputs[k], dtype: after.tensors[input.tensor].type.dtype))
    }
    guard
      let calls = GraphPlan(
        graph: after, layers: firstLayer..<after.layers.count, inputs: made.map(\.tensor)),
      calls.plan.slotCount == after.tensors.count - firstTensor, calls.firstTensor == firstTensor
    else { return nil }
    if model.isSequential {
      // Layers are made one by one between calls: one without a name would take one later.
      guard
        model.layers.allSatisfy({
          $0.config.contains { $0.key == "name" && $0.value.stringValue != nil }
        })
      else { return nil }
      paths = Array(repeating: nil, count: calls.plan.steps.count)
    } else {
      guard model.executionOrder.count == calls.plan.steps.count else { return nil }
      paths = model.executionOrder.map { id in
        model.layers.indices.contains(id.layer)
          && model.layers[id.layer].nodes.indices.contains(id.node)
          ? model.layers[id.layer].nodes[id.node].path : nil
      }
    }
    self.calls = calls
    importDefers = after.defersWeights
    otherCalls = calls.plan.deferringWeights(!after.defersWeights)
    self.inputs = inputs
    layersBefore = firstLayer
    tensorsBefore = firstTensor
    inputsBefore = base
    // Into an empty graph (`inspect`, a first `load`) the import is the whole graph: shared,
    // not copied node by node.
    layers = firstLayer == 0 ? after.layers : Array(after.layers[firstLayer...])
    layerNames = firstLayer == 0 ? after.layerNames : NameSet(layers.map(\.name))
    tensors = firstTensor == 0 ? after.tensors : Array(after.tensors[firstTensor...])
    orderedInputs = Array(after.inputs[base...])
    orderedDeclared = Array(after.declaredInputs[base...])
    bindings =
      before.bindings.isEmpty
      ? after.bindings : after.bindings.filter { before.bindings[$0.key] == nil }
    outputs = after.imports.last?.outputs ?? []
    nameCounters = after.nameCounters
    isSequential = model.isSequential
    // A layer that names sub-layers at its first call (MultiHeadAttention) takes names only
    // when the evaluation reaches it: a run that fails is imported in full, which keeps those
    // counters exact (one that succeeds took every name, as the declared import did).
    namesAtBuild = (firstLayer..<after.layers.count).contains {
      Sublayers.atBuild(after.layers[$0].className) != nil
    }
    // An input named in the config names its KerasTensor, which takes no number.
    let numbered = made.filter { after.tensors[$0.tensor].kerasName.hasPrefix("keras_tensor") }
    var counter = before.tensorCounter + numbered.count
    tensorCounterAfter = [counter]
    tensorCounterAfter.reserveCapacity(calls.plan.steps.count + 1)
    // Steps and contexts read in place (copies would retain every name and array).
    for i in calls.plan.steps.indices {
      let l = calls.plan.steps[i].layer
      if calls.plan.layers[l].context.autocastsInputs {
        for slot in calls.plan.steps[i].inputs {
          let dtype = after.tensors[firstTensor + slot].type.dtype
          if dtype.isFloating, dtype != calls.plan.layers[l].context.policy.computeDType {
            counter += 1
          }
        }
      }
      counter += calls.plan.steps[i].outputs.count
      tensorCounterAfter.append(counter)
    }
    guard counter == after.tensorCounter else { return nil }
    if inputs.allSatisfy({ $0.declared.allSatisfy { if case .known = $0 { true } else { false } } }
    ) {
      let run = (importDefers ? otherCalls : calls.plan).run(
        inputs: made.map { after.tensors[$0.tensor].type }, defersWeights: false)
      declaredRun = run
      declaredRunIsTemplate =
        run.failure == nil && run.tensors.elementsEqual(tensors.lazy.map(\.type))
        && calls.graphLayer.indices.allSatisfy {
          layers[calls.graphLayer[$0] - firstLayer].weights == run.weights[$0]
        }
    }
  }
}

extension Evaluator {
  /// Replays a compiled import at this evaluator's binding: the model's inputs at their sizes,
  /// then only the layers' calls, stopping at the first that fails, as `importModel` would.
  /// Returns the model's outputs, or nil (changing nothing) when the plan does not describe this
  /// evaluation; the caller then imports the model in full.
  mutating func runImport(_ p: ImportPlan) throws(EngineError) -> [Int]? {
    let symbols = graph.symbols
    guard let run = runCalls(p) else { return nil }
    if run.failure != nil, p.namesAtBuild {
      graph.symbols = symbols
      return nil
    }
    write(run, p, failedAt: run.failure?.step)
    if let f = run.failure, let e = Self.error(f, p) { throw e }
    return p.outputs
  }

  /// The model's inputs at this binding and the plan run on them, without writing the graph
  /// (a scan needs only where it fails); `previous` is the run at the last size. Nil, changing
  /// nothing, when the plan does not describe this evaluation.
  mutating func runCalls(_ p: ImportPlan, previous: PlanRun? = nil) -> PlanRun? {
    guard graph.layers.count == p.layersBefore, graph.tensors.count == p.tensorsBefore,
      graph.inputs.count == p.inputsBefore
    else { return nil }
    let symbols = graph.symbols
    var types: [TensorType] = []
    for i in p.inputs {
      types.append(
        inputType(batch: i.batch, declared: i.declared, dtype: i.dtype, ordinal: i.ordinal))
    }
    let run = (graph.defersWeights == p.importDefers ? p.calls.plan : p.otherCalls).run(
      inputs: types, previous: previous ?? p.declaredRun, defersWeights: graph.defersWeights)
    if let f = run.failure, Self.error(f, p) == nil {
      graph.symbols = symbols
      return nil
    }
    return run
  }

  /// A failed call as the full import reports it: the layer, its inputs, the config's node.
  static func error(_ f: PlanFailure, _ p: ImportPlan) -> EngineError? {
    guard case .call(let reason) = f.reason, let step = f.step else { return nil }
    let layer = p.calls.plan.layers[p.calls.plan.steps[step].layer].context
    var e = EngineError(
      reason, layer: layer.name, className: layer.className, inputs: f.inputs,
      builtFor: f.builtFor, at: nil)
    e.path = p.paths[step]
    return e
  }

  /// `a == b`, with known dims compared as numbers first (a layer's weights at a size are
  /// most often its declared ones, equal but made again: the derived `==` cost 300
  /// instructions a layer).
  static func sameWeights(_ a: [Weight]?, _ b: [Weight]?) -> Bool {
    guard let a, let b else { return a == nil && b == nil }
    guard a.count == b.count else { return false }
    for i in a.indices {
      guard a[i].trainable == b[i].trainable, a[i].shape.count == b[i].shape.count,
        a[i].name == b[i].name
      else { return false }
      for k in a[i].shape.indices {
        if let x = a[i].shape[k].value, let y = b[i].shape[k].value {
          guard x == y else { return false }
        } else if a[i].shape[k] != b[i].shape[k] {
          return false
        }
      }
    }
    return true
  }

  /// The import's layers, tensors and inputs as the run left them.
  private mutating func write(_ run: PlanRun, _ p: ImportPlan, failedAt failed: Int?) {
    let plan = p.calls.plan
    let steps = plan.steps[..<(failed ?? plan.steps.count)]
    // A Sequential model makes each layer just before calling it.
    var count = p.layers.count
    if p.isSequential, let failed {
      count = p.calls.graphLayer[plan.steps[failed].layer] - p.layersBefore + 1
    }
    // The template's nodes as they are, changed only where this size built other weights (most
    // layers' weights do not depend on the sizes) or, after a failure, made fewer calls.
    graph.addLayers(
      count == p.layers.count ? p.layers : Array(p.layers.prefix(count)),
      names: count == p.layers.count ? p.layerNames : NameSet(p.layers.prefix(count).map(\.name)))
    // Found before anything is written: a write in this loop would copy every node up front.
    var rebuilt: [(layer: Int, weights: [Weight]?)] = []
    let template = run.isPrevious && p.declaredRunIsTemplate && failed == nil
    for (offset, planLayer) in p.calls.planLayer.prefix(count).enumerated() where !template {
      guard let planLayer else { continue }
      let l = p.layersBefore + offset
      if failed != nil || !Self.sameWeights(graph.layers[l].weights, run.weights[planLayer]) {
        rebuilt.append((l, run.weights[planLayer]))
      }
    }
    for (l, weights) in rebuilt {
      if graph.layers[l].weights != weights { graph.layers[l].weights = weights }
      if failed != nil { graph.layers[l].calls = [] }
    }
    if failed != nil {
      for step in steps {
        let l = p.calls.graphLayer[step.layer]
        graph.layers[l].calls.append(
          p.layers[l - p.layersBefore].calls[graph.layers[l].calls.count])
      }
    }
    if template {
      // The declared shapes again: the import's own tensors, shared.
      if graph.tensors.isEmpty { graph.tensors = p.tensors } else { graph.tensors += p.tensors }
    } else {
      graph.tensors.reserveCapacity(graph.tensors.count + run.tensors.count)
      for (slot, type) in run.tensors.enumerated() {
        var t = p.tensors[slot]
        t.type = type
        graph.tensors.append(t)
      }
    }
    graph.nameCounters = p.nameCounters
    graph.tensorCounter = p.tensorCounterAfter[steps.count]
    if failed == nil {
      graph.inputs += p.orderedInputs
      graph.declaredInputs += p.orderedDeclared
      // A first import's names are the whole dictionary: shared, not rebuilt name by name.
      if graph.bindings.isEmpty {
        graph.bindings = p.bindings
      } else {
        graph.bindings.merge(p.bindings) { _, new in new }
      }
      graph.current = p.outputs.first
      graph.imports.append((p.layersBefore..<graph.layers.count, p.outputs))
    } else {
      // Made in this order; `input_layers` order comes only with success.
      let made = zip(p.orderedInputs, p.orderedDeclared).sorted { $0.0.tensor < $1.0.tensor }
      graph.inputs += made.map(\.0)
      graph.declaredInputs += made.map(\.1)
      let slot =
        steps.last.map { $0.outputs.first } ?? (p.inputs.isEmpty ? nil : p.inputs.count - 1)
      graph.current = slot.map { p.tensorsBefore + $0 }
    }
  }
}
