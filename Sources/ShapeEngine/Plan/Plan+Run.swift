import LayerCatalog
import ShapeCore

/// What running a plan on some input types gave: every tensor up to the end or the first
/// failure, and the weights each layer built.
public struct PlanRun: Sendable {
  /// The type of every slot computed, in slot order: the inputs, then each completed step's
  /// outputs.
  public var tensors: [TensorType]
  /// Each plan layer's weights, from its first call; nil for a layer not called yet.
  public var weights: [[Weight]?]
  /// How many steps completed.
  public var completed: Int
  public var failure: PlanFailure?
  /// The choice of deferring weights the layers were called with (nil: each layer's own).
  public var defersWeights: Bool?
  /// True when this run is the `previous` run given back whole (the same inputs).
  public var isPrevious = false
}

/// Why a plan stopped.
public struct PlanFailure: Error, Sendable {
  public enum Reason: Sendable {
    /// The layer raised, or its weights do not fit (see `CallFailure`).
    case call(CallFailure)
    /// The step gave another number of outputs than when the plan was made: the plan does not
    /// describe this evaluation (the caller evaluates the long way).
    case outputCount(planned: Int, given: Int)
    /// `run` was given another number of inputs than the plan has.
    case inputCount(planned: Int, given: Int)
  }
  /// The step that failed; nil when the inputs do not fit the plan.
  public var step: Int?
  public var reason: Reason
  /// The tensors the failing call was given.
  public var inputs: [TensorType]
  /// For a shared layer whose weights do not fit: the first input of its first call.
  public var builtFor: TensorType?
}

/// Why one layer call failed, before it is rendered for a statement or a config.
public enum CallFailure: Error, Sendable {
  /// The layer's shape rule raised (Keras raises at build or call time).
  case layer(LayerError)
  /// A layer called again builds other weights than at its first call.
  case weightsDoNotFit
  /// A weight's size overflows 64-bit arithmetic.
  case paramOverflow(Weight)
}

extension PlanLayer {
  /// Calls the layer on `input` as Keras would: its outputs and the weights it builds, which must
  /// be the ones it already `built` when it was called before. The one place that calls a layer.
  public func call(_ input: LayerInput, built: [Weight]?) throws(CallFailure) -> LayerOutput {
    var result: LayerOutput
    do {
      result = try value.call(input, context)
    } catch {
      throw .layer(error)
    }
    if !trainable {
      result.weights = result.weights.map { Weight($0.name, dims: $0.shape, trainable: false) }
    }
    if let built, !Weight.fit(result.weights, built: built) { throw .weightsDoNotFit }
    // The known weights' sizes and their sum must fit 64 bits (counted without making arrays:
    // this runs for every call at every size).
    var total = 0
    weights: for w in result.weights {
      var size = 1
      var overflow = false
      for d in w.shape {
        guard let v = d.value else { continue weights }
        if !overflow {
          let (p, o) = size.multipliedReportingOverflow(by: v)
          size = p
          overflow = o
        }
      }
      let (sum, o) = total.addingReportingOverflow(size)
      guard !overflow, !o else { throw .paramOverflow(w) }
      total = sum
    }
    return result
  }
}

extension Weight {
  /// A shared layer's new weights fit the ones it was built with when every dim known on both
  /// sides agrees: a dim still a formula (a deferred weight, `C` of an input declared None) is
  /// checked when a size makes it known, as merges check formulas.
  static func fit(_ weights: [Weight], built: [Weight]) -> Bool {
    guard weights.count == built.count else { return false }
    return zip(weights, built).allSatisfy { w, b in
      w.name == b.name && w.trainable == b.trainable && w.shape.count == b.shape.count
        && zip(w.shape, b.shape).allSatisfy { x, y in x == y || x.value == nil || y.value == nil }
    }
  }
}

extension Plan {
  /// The same plan with every layer called under `defers` (kept beside the compiled one, so a run
  /// under the other choice does not copy each layer's context at every call).
  public func deferringWeights(_ defers: Bool) -> Plan {
    var p = self
    for i in p.layers.indices where p.layers[i].context.defersWeights != defers {
      p.layers[i].context.defersWeights = defers
    }
    return p
  }

  /// Runs every step in order on `inputs` (one type per input slot), stopping at the first
  /// failure. Only the layers' shape rules run: nothing is bound, built or named here.
  ///
  /// `previous`, a run of this same plan at other inputs (the last size of a scan), shares its
  /// work: a step whose layer is called once and whose inputs are the ones it had there gives
  /// the outputs it gave there without calling the layer (a shape rule depends on nothing else).
  /// Past the first strided layer most sizes meet a shape another size already had. A run is a
  /// function of its inputs and `defersWeights` alone: on the same inputs, `previous` is the run,
  /// given back whole (what Keras's `Function` does on the shapes it was built with).
  ///
  /// `defersWeights`, when given, is the choice every layer is called with (the evaluation's:
  /// strict at a size that gives every input dim), instead of the one it was compiled with.
  public func run(inputs: [TensorType], previous: PlanRun? = nil, defersWeights: Bool? = nil)
    -> PlanRun
  {
    var run = PlanRun(
      tensors: inputs, weights: Array(repeating: nil, count: layers.count), completed: 0,
      failure: nil, defersWeights: defersWeights)
    guard inputs.count == inputCount else {
      run.failure = PlanFailure(
        step: nil, reason: .inputCount(planned: inputCount, given: inputs.count), inputs: [])
      return run
    }
    let previous = previous.flatMap {
      $0.weights.count == layers.count && $0.defersWeights == defersWeights
        && $0.tensors.count >= inputCount ? $0 : nil
    }
    if var previous, previous.tensors[..<inputCount].elementsEqual(inputs) {
      previous.isPrevious = true
      return previous
    }
    // The last run's parts, unwrapped once: binding the optional run inside the loop would copy
    // (retain and release) the whole run at every step.
    let shared = previous?.completed ?? 0
    let before = previous?.tensors ?? []
    let builtBefore = previous?.weights ?? []
    // Whether each slot computed so far holds the type it held in `before`: each slot is compared
    // once, when it is made, and a step asks only these flags about its inputs.
    var same: [Bool] = []
    if shared > 0 {
      same = Array(repeating: false, count: slotCount)
      for s in 0..<inputCount { same[s] = inputs[s] == before[s] }
    }
    run.tensors.reserveCapacity(slotCount)
    // The first call of each group of twins (`twins`): its input and what it gave.
    var firstCalls: [(input: TensorType, output: LayerOutput)?] = []
    if twinGroups > 0 { firstCalls = Array(repeating: nil, count: twinGroups) }
    // Steps are read in place by index (a `for step in steps` copies each step's arrays).
    for i in steps.indices {
      let l = steps[i].layer
      if i < shared, callCounts[l] == 1, Self.allSame(steps[i].inputs, same) {
        for s in steps[i].outputs {
          run.tensors.append(before[s])
          same[s] = true
        }
        run.weights[l] = builtBefore[l]
        run.completed = i + 1
        continue
      }
      // A layer called once, on one tensor: its twin's first call, when on the same type.
      var twin = -1
      if !firstCalls.isEmpty, twins[l] >= 0, callCounts[l] == 1, case .single(let s) = steps[i].call
      {
        twin = twins[l]
        if let known = firstCalls[twin], known.input == run.tensors[s] {
          run.weights[l] = known.output.weights
          run.tensors += known.output.outputs
          if i < shared {
            for s in steps[i].outputs { same[s] = run.tensors[s] == before[s] }
          }
          run.completed = i + 1
          continue
        }
      }
      let input = Self.input(steps[i].call, run.tensors)
      let output: LayerOutput
      do {
        if let defersWeights, layers[l].context.defersWeights != defersWeights {
          var layer = layers[l]
          layer.context.defersWeights = defersWeights
          output = try layer.call(input, built: run.weights[l])
        } else {
          output = try layers[l].call(input, built: run.weights[l])
        }
      } catch {
        run.failure = PlanFailure(
          step: i, reason: .call(error), inputs: input.tensors,
          builtFor: builtFor(layer: l, before: i, run.tensors))
        return run
      }
      guard output.outputs.count == steps[i].outputs.count else {
        run.failure = PlanFailure(
          step: i,
          reason: .outputCount(planned: steps[i].outputs.count, given: output.outputs.count),
          inputs: input.tensors)
        return run
      }
      if twin >= 0, case .single(let t) = input { firstCalls[twin] = (t, output) }
      if run.weights[l] == nil { run.weights[l] = output.weights }
      if output.outputs.count == 1 {
        run.tensors.append(output.outputs[0])
      } else {
        run.tensors += output.outputs
      }
      if i < shared {
        for s in steps[i].outputs { same[s] = run.tensors[s] == before[s] }
      }
      run.completed = i + 1
    }
    return run
  }

  /// The first input of layer `l`'s first call among the steps before `step` (the shape a shared
  /// layer was built for), or nil when it was not called before. Found when a call fails, so a
  /// run keeps no array of them: a layer called more than once is never taken from the last run,
  /// so its first call is in this run.
  private func builtFor(layer l: Int, before step: Int, _ tensors: [TensorType]) -> TensorType? {
    guard let first = steps[..<step].first(where: { $0.layer == l }) else { return nil }
    return first.inputs.first.map { tensors[$0] }
  }

  /// Whether every slot of `inputs` holds the type it held in the last run.
  private static func allSame(_ inputs: [Int], _ same: [Bool]) -> Bool {
    for s in inputs where !same[s] { return false }
    return true
  }

  /// What a call passes to the layer, with the slots' current types.
  static func input(_ call: Call, _ tensors: [TensorType]) -> LayerInput {
    func value(_ a: Argument) -> CallValue {
      switch a {
      case .tensor(let t): return .tensor(tensors[t])
      case .tensors(let ts): return .tensors(ts.map { tensors[$0] })
      case .value(let v): return .value(v)
      }
    }
    switch call {
    case .single(let t): return .single(tensors[t])
    case .list(let ts): return .list(ts.map { tensors[$0] })
    case .arguments(let p, let k):
      return .call(positional: p.map(value), keywords: k.map { ($0.0, value($0.1)) })
    }
  }
}
