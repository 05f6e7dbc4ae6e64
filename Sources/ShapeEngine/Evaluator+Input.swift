import LayerCatalog
import ShapeCore
import StatementLanguage

/// How one dim of an Input was declared.
public enum DeclaredDim: Hashable, Sendable {
  case known(Int)
  /// `None`/`nil`: an unknown, named by position (H, W, L, C...).
  case unknown
  /// A name the user gave: `Input((H, W, 3))`.
  case symbol(String)
}

extension Evaluator {
  static let inputSignature = Signature([
    Parameter("shape", Value.none), Parameter("batch_size", Value.none),
    Parameter("dtype", Value.none), Parameter("sparse", Value.none),
    Parameter("ragged", Value.none), Parameter("batch_shape", Value.none),
    Parameter("name", Value.none), Parameter("tensor", Value.none),
    Parameter("optional", .bool(false)),
  ])

  /// Adds an input: its declared dims, bound to the sizes `apply` gives (by ordinal, the
  /// position among the inputs; a saved model orders its inputs by `input_layers`), or to the
  /// tensors a nested model is called on.
  mutating func addInput(
    batch: DeclaredDim, declared: [DeclaredDim], dtype: DType, name: String?,
    ordinal: Int? = nil, at range: SourceRange?
  ) throws(EngineError) -> Int {
    let layerName = name ?? graph.autoName("input_layer")
    try checkUnique(layerName, range: range, className: "InputLayer")
    let type = inputType(
      batch: batch, declared: declared, dtype: dtype, ordinal: ordinal ?? graph.inputs.count)
    graph.addLayer(
      LayerNode(
        name: layerName, className: "InputLayer", layer: nil, policy: .float32, weights: [],
        statement: statement))
    let t = graph.newTensor(type, layer: graph.layers.count - 1, name: name)
    graph.layers[graph.layers.count - 1].calls.append(LayerCall(inputs: [], outputs: [t]))
    graph.inputs.append((variable: nil, tensor: t))
    graph.declaredInputs.append(declared)
    graph.current = t
    return t
  }

  /// An input's type at this evaluator's binding: the sizes `apply` gives its ordinal, or the
  /// declared dims (unknowns named), the batch bound or declared, or a whole tensor given to a
  /// nested model.
  mutating func inputType(batch: DeclaredDim, declared: [DeclaredDim], dtype: DType, ordinal: Int)
    -> TensorType
  {
    var dims: [Dim] = []
    if let override = binding.shapes[ordinal] {
      dims = override
    } else {
      for (i, d) in declared.enumerated() { dims.append(dim(d, position: i, rank: declared.count)) }
    }
    var batchDim: Dim =
      switch batch {
      case .known(let n): .known(n)
      default: .unknown
      }
    if let b = binding.batch { batchDim = .known(b) }
    var type = TensorType(shape: [batchDim] + dims, dtype: dtype)
    if let given = binding.tensors[ordinal] { type = given }
    return type
  }

  /// The Dim of a declared dim: unknowns get readable names by position, unique in the session.
  mutating func dim(_ d: DeclaredDim, position: Int, rank: Int) -> Dim {
    switch d {
    case .known(let n): return .known(n)
    case .symbol(let s):
      if graph.symbols.insert(s).inserted { undo.added(symbol: s) }
      return .symbol(s)
    case .unknown:
      let base = Self.symbolName(position: position, rank: rank)
      var name = base
      var k = 2
      while graph.symbols.contains(name) {
        name = "\(base)\(k)"
        k += 1
      }
      graph.symbols.insert(name)
      undo.added(symbol: name)
      return .symbol(name)
    }
  }

  /// H, W for images (rank 3), L for sequences (rank 2), D, H, W for volumes; C for the last axis.
  static func symbolName(position: Int, rank: Int) -> String {
    if position == rank - 1, rank > 1 { return "C" }
    switch rank {
    case 1: return "N"
    case 2: return "L"
    case 3: return ["H", "W"][position]
    case 4: return ["D", "H", "W"][position]
    default: return "S\(position + 1)"
    }
  }
}
