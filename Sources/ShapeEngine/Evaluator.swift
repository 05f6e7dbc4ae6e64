import LayerCatalog
import ShapeCore
import StatementLanguage

/// Concrete values for the inputs, by declaration order: what `apply` substitutes.
public struct InputBinding: Sendable {
  /// Non-batch shape per input ordinal (nil keeps the declared shape).
  public var shapes: [Int: [Dim]] = [:]
  /// The batch dim for every input (nil keeps the declared one).
  public var batch: Int?
  /// Whole tensors for inputs, by ordinal: what a nested model is called on.
  public var tensors: [Int: TensorType] = [:]
  /// What the size changed that the input declared, said beside the result.
  public var notes: [String] = []
  public init(shapes: [Int: [Dim]] = [:], batch: Int? = nil) {
    self.shapes = shapes
    self.batch = batch
  }
}

/// What a statement did to the graph.
public enum Effect: Sendable {
  /// A new input tensor.
  case input(tensor: Int)
  /// A layer constructed and bound to a name, not yet called.
  case layerBound(layer: Int, variable: String)
  /// A layer called: its output tensors.
  case called(layer: Int, outputs: [Int])
}

/// Builds a graph: layers constructed through the catalog, named and called; the one place where
/// the Python host (and a saved config) meets the catalog.
struct Evaluator {
  var graph: Graph
  let binding: InputBinding
  /// Index of the statement being executed in the session.
  var statement = 0
  /// Where each argument of the statement's layers' constructors stands, for carets on
  /// call-time errors (only a layer made by the statement being run is shown so: the others'
  /// ranges are dropped when the next statement makes a layer, rather than kept for every layer).
  var argumentRanges = LayerArgumentRanges()
  /// The statement whose layers `argumentRanges` holds.
  var argumentRangesStatement = 0
  /// Whether a layer name must be new to the whole graph. A Python program's layers need unique
  /// names only within each model, as Keras checks when it makes the model.
  var uniqueNames = true
  /// How each class's construction names layers (`ClassNaming`), made once per class.
  var classNaming: [String: ClassNaming] = [:]
  /// The classes named last and their namings, the newest last (`naming(_:)`).
  var recentNamings: [(className: String, naming: ClassNaming)] = []
  /// What the running statement changed in the graph besides appending (kept only while
  /// the session's declared run records it, to undo a failed statement: `StatementUndo`).
  var undo = GraphUndo()
  /// The last constructions from written arguments, made again from there (`ConstructionMemo`):
  /// a Python program's host keeps one; imports and plans do not.
  var memo: ConstructionMemo?
  /// The first calls of layers made from a kept construction, given again to their twins
  /// (`TwinCalls`); nil: every call is made.
  var twinCalls: TwinCalls?

  init(graph: Graph = Graph(), binding: InputBinding = InputBinding()) {
    self.graph = graph
    self.binding = binding
  }

  /// Calls layer `l` on its call arguments: the plain forms (one tensor, one list) become
  /// `.single` and `.list`; anything else goes to the layer as an argument list.
  mutating func call(
    _ l: Int, positional: [CallValue], keywords: [(String, CallValue)], inputs ids: [Int],
    _ range: SourceRange?, site: CallSite
  ) throws(EngineError) -> Effect {
    var positional = positional
    var keywords = keywords
    var site = site
    // `layer(inputs=x)` is `layer(x)`.
    if positional.isEmpty, let i = keywords.firstIndex(where: { $0.0 == "inputs" }) {
      positional = [keywords.remove(at: i).1]
      site.positional = [site.keywords.remove(at: i).1]
    }
    if keywords.contains(where: { $0.0 == "mask" }),
      !MaskedCall.classes.contains(graph.layers[l].className)
    {
      let node = graph.layers[l]
      throw EngineError(
        Diagnostic(
          "\(node.name) (\(node.className)): call() got an unexpected keyword argument 'mask'",
          at: range,
          hint: "Keras passes mask= only to layers whose call() takes one: "
            + MaskedCall.classes.sorted().joined(separator: ", ")),
        layer: node.name, className: node.className)
    }
    // The plain forms: one tensor or one list, perhaps with training=/mask= that change no shape.
    if positional.count == 1, keywords.allSatisfy({ ["training", "mask"].contains($0.0) }) {
      switch positional[0] {
      case .tensor(let t): return try call(l, on: .single(t), inputs: ids, range, site: site)
      case .tensors(let ts): return try call(l, on: .list(ts), inputs: ids, range, site: site)
      case .value: break
      }
    }
    if ids.isEmpty {
      throw EngineError(
        "a layer is called on tensors", at: range, hint: "write layer(x) or layer([a, b])")
    }
    return try call(
      l, on: .call(positional: positional, keywords: keywords), inputs: ids, range, site: site)
  }
}

/// The argument ranges of the layers one statement made, by layer index: usually one layer, so
/// an array in the order the layers were made (searched from the end) rather than a dictionary
/// hashed and emptied for each statement.
struct LayerArgumentRanges {
  private var entries: [(layer: Int, ranges: ArgumentRanges)] = []

  var isEmpty: Bool { entries.isEmpty }

  /// The ranges of layer `l`.
  subscript(_ l: Int) -> ArgumentRanges? { entries.last { $0.layer == l }?.ranges }

  /// Forgets the ranges of layer `l` and every later one, in one pass: a statement that made
  /// 250,000 layers in a loop and failed forgot them one by one, each a search and a shift of
  /// the rest (35 s).
  mutating func forget(from l: Int) {
    entries.removeAll { $0.layer >= l }
  }

  /// Records the ranges of layer `l`, the newest layer (no other entry is about it).
  mutating func append(_ l: Int, _ ranges: ArgumentRanges) { entries.append((l, ranges)) }

  /// Forgets every layer's ranges, the room kept (element by element: there are one or two,
  /// and `removeAll(keepingCapacity:)` costs a generic range replacement whatever the count).
  mutating func removeAll() {
    while !entries.isEmpty { entries.removeLast() }
  }
}
