import LayerCatalog
import ShapeCore

/// Which input positions a tensor's positions depend on: per input of the model, a field per
/// spatial axis, or all of that input.
public enum Field: Hashable, Sendable {
  /// What one input contributes: a field per spatial axis, or every position of it.
  public enum Source: Hashable, Sendable {
    case axes([AxisField])
    case whole
  }
  /// By the input's tensor id; empty for a tensor that depends on no spatial input.
  case traced([Int: Source])
  /// A layer kshape cannot follow position by position (the reason names it).
  case untraced(String)

  static let none = Field.traced([:])

  /// Every source made whole: what a layer mixing all positions gives.
  var whole: Field {
    guard case .traced(let s) = self else { return self }
    return .traced(s.mapValues { _ in .whole })
  }

  var isWhole: Bool {
    guard case .traced(let s) = self else { return false }
    return !s.isEmpty && s.values.allSatisfy { $0 == .whole }
  }
}

/// The receptive field of every tensor of an evaluated graph (Araujo, Norris and Sim, "Computing
/// Receptive Fields of Convolutional Neural Networks", Distill 2019): size r, jump j and start
/// per spatial axis, the hull over paths at merges, all of the input after global pooling or
/// Flatten. Exact at known sizes; where a strided 'same' layer meets an unknown size, its start
/// offset assumes the size is a multiple of the stride (said in `notes`).
public struct ReceptiveFields: Sendable {
  /// By tensor id.
  public private(set) var fields: [Int: Field] = [:]
  /// The graph's inputs with spatial axes, in order.
  public private(set) var sources: [Int] = []
  /// Assumptions made (said beside the table).
  public private(set) var notes: Set<String> = []
  /// The inputs an untraced tensor depends on: a layer mixing all positions of it (global
  /// pooling after a Reshape to tokens) covers all of them.
  private var untracedSources: [Int: Set<Int>] = [:]

  /// Analyses `graph` from its inputs, each spatial input its own source.
  public init(_ graph: Graph) {
    var initial: [Int: Field] = [:]
    var sources: [Int] = []
    for (_, t) in graph.inputs {
      let rank = graph.tensors[t].type.rank
      if rank >= 3 {
        initial[t] = .traced([t: .axes(Array(repeating: .input, count: rank - 2))])
        sources.append(t)
      } else {
        initial[t] = .none
      }
    }
    // Input layers an expanded model adds without declaring them as the graph's inputs.
    for node in graph.layers where node.className == "InputLayer" {
      for t in node.calls.flatMap(\.outputs) where initial[t] == nil { initial[t] = .none }
    }
    self.init(graph, initial: initial)
    self.sources = sources
  }

  /// Analyses `graph` from the fields its input tensors are given (a model inside a model).
  init(_ graph: Graph, initial: [Int: Field]) {
    fields = initial
    // Tensors are numbered as they are made, so a call's inputs come before its outputs.
    var calls: [(layer: Int, call: Int, first: Int)] = []
    for (l, node) in graph.layers.enumerated() where node.className != "InputLayer" {
      for (c, call) in node.calls.enumerated() {
        calls.append((l, c, call.outputs.first ?? .max))
      }
    }
    calls.sort { $0.first < $1.first }
    for (l, c, _) in calls {
      let call = graph.layers[l].calls[c]
      let outs = rule(graph, layer: l, call: c)
      for (i, t) in call.outputs.enumerated() {
        fields[t] = i < outs.count ? outs[i] : outs.last ?? .none
        if case .untraced = fields[t] { untracedSources[t] = sourcesOf(call.inputs) }
      }
    }
  }

  /// The fields of call `c` of layer `l`'s outputs.
  private mutating func rule(_ g: Graph, layer l: Int, call c: Int) -> [Field] {
    let node = g.layers[l]
    let call = node.calls[c]
    let ins = call.inputs.map { fields[$0] ?? .none }
    if let reason = ins.lazy.compactMap({ f -> String? in
      if case .untraced(let r) = f { return r }
      return nil
    }).first {
      let x = call.inputs.first.map { g.tensors[$0].type }
      let all = sourcesOf(call.inputs)
      // Mixing every position, or merging with a tensor that covers all of the inputs.
      let coveredByOne =
        LayerRule.isMerge(node)
        && ins.contains { f in
          guard f.isWhole, case .traced(let s) = f else { return false }
          return all.isSubset(of: s.keys)
        }
      guard LayerRule.mixesAllPositions(node, x) || coveredByOne else {
        return [.untraced(reason)]
      }
      return [.traced(Dictionary(uniqueKeysWithValues: all.map { ($0, .whole) }))]
    }
    let merged = sourcesUnion(ins)
    if merged.isEmpty { return [.none] }
    // A tensor that depends on all of its inputs gives a tensor that does, whatever the layer.
    if ins.allSatisfy({ $0.isWhole || $0 == .none }) { return [Field.traced(merged).whole] }
    if let expansion = g.expansion(layer: l, call: c) {
      var initial: [Int: Field] = [:]
      for (t, f) in zip(expansion.inputs, ins) { initial[t] = f }
      for node in expansion.graph.layers where node.className == "InputLayer" {
        for t in node.calls.flatMap(\.outputs) where initial[t] == nil { initial[t] = .none }
      }
      let inner = ReceptiveFields(expansion.graph, initial: initial)
      notes.formUnion(inner.notes)
      return expansion.outputs.map { inner.fields[$0] ?? .none }
    }
    do {
      return try LayerRule.outputs(node, call: call, graph: g, fields: ins, notes: &notes)
    } catch {
      return [.untraced("\(node.name): the field is too large or irregular to trace")]
    }
  }

  /// The inputs that tensors `ts` depend on, traced or not.
  private func sourcesOf(_ ts: [Int]) -> Set<Int> {
    var out: Set<Int> = []
    for t in ts {
      if case .traced(let s)? = fields[t] { out.formUnion(s.keys) }
      out.formUnion(untracedSources[t] ?? [])
    }
    return out
  }

  /// Every source of the inputs, whole where any input has it whole (for layers that mix all
  /// positions); axes are combined by the rules themselves.
  private func sourcesUnion(_ ins: [Field]) -> [Int: Field.Source] {
    var out: [Int: Field.Source] = [:]
    for f in ins {
      guard case .traced(let s) = f else { continue }
      for (k, v) in s where out[k] == nil || v == .whole { out[k] = v }
    }
    return out
  }

  /// The field of tensor `t`.
  public subscript(_ t: Int) -> Field { fields[t] ?? .none }
}
