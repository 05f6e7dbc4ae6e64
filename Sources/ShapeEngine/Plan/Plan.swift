import LayerCatalog
import ShapeCore

/// A compiled program of layer calls: every decision that does not depend on the input sizes
/// (which layer object, its dtype policy and name, which tensors feed it, how it is called) made
/// once, so that evaluating at a size runs only the layers' shape rules, in order, and stops at
/// the first failure (`run(inputs:)`).
///
/// Tensors are numbered slots: `0..<inputCount` are the inputs, and each step's outputs take the
/// next slots, in step order. Steps that call the same layer object name the same `PlanLayer`:
/// a Keras layer is built once, at its first call, and later calls must fit those weights.
public struct Plan: Sendable {
  /// One call argument as written: a tensor, a list of tensors (slots), or a literal
  /// (`return_state=True`).
  public enum Argument: Sendable {
    case tensor(Int)
    case tensors([Int])
    case value(Value)
  }

  /// How a step calls its layer: on one tensor, on a list of tensors (merges), or with an
  /// argument list (`mha(q, v, key=k)`, `lstm(x, initial_state=[h, c])`).
  public enum Call: Sendable {
    case single(Int)
    case list([Int])
    case arguments(positional: [Argument], keywords: [(String, Argument)])
  }

  /// One call of a layer.
  public struct Step: Sendable {
    /// Index into `layers`.
    public var layer: Int
    public var call: Call
    /// Every tensor slot the call reads, in argument order (a shared layer's first call's first
    /// input names the shape it was built for).
    public var inputs: [Int]
    /// The slots of its outputs.
    public var outputs: Range<Int>
  }

  public private(set) var inputCount: Int
  public internal(set) var layers: [PlanLayer] = []
  public private(set) var steps: [Step] = []
  /// Inputs plus every step's outputs.
  public private(set) var slotCount: Int
  /// How many steps call each layer.
  public private(set) var callCounts: [Int] = []
  /// For each layer, the group of its twins (layers of the plan made from the same construction,
  /// `ConstructionMemo.Kept`), or -1 for a layer without one; empty when no layer has a twin. A
  /// run calls a layer called once on the type a twin was first called on no more: it gives what
  /// that call gave.
  public private(set) var twins: [Int] = []
  /// How many groups of twins there are (a run keeps a first call for each, not for each layer:
  /// a scan runs the plan hundreds of times).
  public private(set) var twinGroups = 0

  /// An empty plan on `inputs` input tensors.
  public init(inputs: Int) {
    inputCount = max(0, inputs)
    slotCount = inputCount
  }

  /// Makes room for `layers` layers and `steps` steps, so that adding them copies nothing.
  public mutating func reserveCapacity(layers: Int, steps: Int) {
    self.layers.reserveCapacity(layers)
    callCounts.reserveCapacity(layers)
    self.steps.reserveCapacity(steps)
  }

  /// Adds a layer object that steps can call; returns its index. `twin`: an earlier layer made
  /// from the same construction (`twins`).
  public mutating func addLayer(_ layer: PlanLayer, twin: Int? = nil) -> Int {
    let l = layers.count
    layers.append(layer)
    callCounts.append(0)
    if let twin, twin >= 0, twin < l {
      if twins.isEmpty {
        twins.reserveCapacity(layers.capacity)
        twins.append(contentsOf: repeatElement(-1, count: l))
      }
      if twins[twin] < 0 {
        twins[twin] = twinGroups
        twinGroups += 1
      }
      twins.append(twins[twin])
    } else if !twins.isEmpty {
      twins.append(-1)
    }
    return l
  }

  /// Adds a call of layer `layer` giving `outputs` tensors; returns their slots. `inputs` lists
  /// the slots it reads in the order the caller counts them (argument order by default). Nil when
  /// the layer or a slot does not exist yet (a plan only reads what came before).
  public mutating func addStep(layer: Int, call: Call, inputs: [Int]? = nil, outputs: Int)
    -> Range<Int>?
  {
    guard layers.indices.contains(layer), outputs >= 0 else { return nil }
    let read = Self.slots(call)
    let inputs = inputs ?? read
    let known = 0..<slotCount
    guard read.allSatisfy(known.contains), inputs.allSatisfy(known.contains) else { return nil }
    let range = slotCount..<(slotCount + outputs)
    steps.append(Step(layer: layer, call: call, inputs: inputs, outputs: range))
    callCounts[layer] += 1
    slotCount += outputs
    return range
  }

  /// The slots a call reads, in argument order (positional, then keywords).
  static func slots(_ call: Call) -> [Int] {
    func of(_ a: Argument) -> [Int] {
      switch a {
      case .tensor(let t): return [t]
      case .tensors(let ts): return ts
      case .value: return []
      }
    }
    switch call {
    case .single(let t): return [t]
    case .list(let ts): return ts
    case .arguments(let p, let k): return p.flatMap(of) + k.flatMap { of($0.1) }
    }
  }
}

/// A constructed layer as a plan calls it: the value with its shape rule, and who it is (class,
/// name, dtype policy, autocast) for its dtypes and error messages.
public struct PlanLayer: Sendable {
  public var value: any Layer
  public var context: LayerContext
  /// False for `trainable=False`: every weight it builds is non-trainable.
  public var trainable: Bool

  public init(_ value: any Layer, context: LayerContext, trainable: Bool = true) {
    self.value = value
    self.context = context
    self.trainable = trainable
  }
}
