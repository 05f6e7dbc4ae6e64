import KerasJSON
import LayerCatalog
import ShapeCore

/// The state that replaying a session's statements builds: layers, tensors, names.
///
/// Its fields live in one shared box (`GraphFields`), copied on the first change made through a
/// graph whose box another graph shares: a copy of the graph (a statement's outcome, the plan's
/// extension, an evaluation) is one reference, not a retain of each of its ~20 fields.
public struct Graph: Sendable {
  private var box = GraphBox()

  public init() {}

  /// The box, made this graph's own before a change.
  private mutating func owned() -> GraphBox {
    if !isKnownUniquelyReferenced(&box) { box = GraphBox(box.fields) }
    return box
  }

  public var layers: [LayerNode] {
    _read { yield box.fields.layers }
    _modify { yield &owned().fields.layers }
  }
  public var tensors: [TensorNode] {
    _read { yield box.fields.tensors }
    _modify { yield &owned().fields.tensors }
  }
  public var bindings: [String: Binding] {
    _read { yield box.fields.bindings }
    _modify { yield &owned().fields.bindings }
  }
  private(set) var layerNames: NameSet {
    _read { yield box.fields.layerNames }
    _modify { yield &owned().fields.layerNames }
  }
  public var current: Int? {
    _read { yield box.fields.current }
    _modify { yield &owned().fields.current }
  }
  public var inputs: [(variable: String?, tensor: Int)] {
    _read { yield box.fields.inputs }
    _modify { yield &owned().fields.inputs }
  }
  /// Keras's per-prefix name counters, as one dictionary (`nameCount` reads one).
  var nameCounters: [String: Int] {
    get { box.fields.nameCounters.dictionary }
    set { owned().fields.nameCounters = NameCounters(newValue) }
  }

  /// The counter of `prefix`: the number its next auto-name takes.
  func nameCount(_ prefix: String) -> Int { box.fields.nameCounters[prefix] }

  /// Moves the counter of `prefix` on by `n` (names a failed statement took).
  mutating func addNames(_ n: Int, prefix: String) {
    owned().fields.nameCounters.add(n, to: prefix)
  }
  var tensorCounter: Int {
    _read { yield box.fields.tensorCounter }
    _modify { yield &owned().fields.tensorCounter }
  }
  public var declaredInputs: [[DeclaredDim]] {
    _read { yield box.fields.declaredInputs }
    _modify { yield &owned().fields.declaredInputs }
  }
  var symbols: Set<String> {
    _read { yield box.fields.symbols }
    _modify { yield &owned().fields.symbols }
  }
  public var defersWeights: Bool {
    _read { yield box.fields.defersWeights }
    _modify { yield &owned().fields.defersWeights }
  }
  var counterLog: [(prefix: String, before: Int)] {
    _read { yield box.fields.counterLog }
    _modify { yield &owned().fields.counterLog }
  }
  var logsCounters: Bool {
    _read { yield box.fields.logsCounters }
    _modify { yield &owned().fields.logsCounters }
  }
  var repeatedNames: Int {
    _read { yield box.fields.repeatedNames }
    _modify { yield &owned().fields.repeatedNames }
  }
  public var imports: [(layers: Range<Int>, outputs: [Int])] {
    _read { yield box.fields.imports }
    _modify { yield &owned().fields.imports }
  }
  public var importLabels: [String] {
    _read { yield box.fields.importLabels }
    _modify { yield &owned().fields.importLabels }
  }
  public var order: [Int]? {
    _read { yield box.fields.order }
    _modify { yield &owned().fields.order }
  }
  public var showsConnections: Bool? {
    _read { yield box.fields.showsConnections }
    _modify { yield &owned().fields.showsConnections }
  }
  public var lastCalls: [Int: LayerCall] {
    _read { yield box.fields.lastCalls }
    _modify { yield &owned().fields.lastCalls }
  }
  public var listsUncalled: Bool {
    _read { yield box.fields.listsUncalled }
    _modify { yield &owned().fields.listsUncalled }
  }

  /// Keras's `auto_name`: prefix, then prefix_1, prefix_2...; a name an imported layer already
  /// has is skipped.
  ///
  /// `taking`: for a layer about to be added with `addLayer(_:nameTaken: true)`, the lookup that
  /// finds the name free also takes it.
  mutating func autoName(_ prefix: String, taking: Bool = false) -> String {
    var name: String
    repeat {
      name = Self.numbered(prefix, takeNumber(prefix))
    } while taking ? !layerNames.insert(name) : layerNames.contains(name)
    return name
  }

  /// The prefix's counter, moved on in place.
  private mutating func takeNumber(_ prefix: String) -> Int {
    let fields = owned()
    let n = fields.fields.nameCounters.take(prefix)
    if fields.fields.logsCounters { fields.fields.counterLog.append((prefix, n)) }
    return n
  }

  /// Starts `counterLog` for a statement (its room kept from the last one).
  mutating func startCounterLog() {
    // The box made this graph's own once, both fields written through it.
    let fields = owned()
    fields.fields.logsCounters = true
    // Element by element (a statement takes a name or two): `removeAll(keepingCapacity:)` costs
    // a generic range replacement whatever the count.
    while !fields.fields.counterLog.isEmpty { fields.fields.counterLog.removeLast() }
  }

  /// Keras's numbered names: `prefix` for 0, else `prefix_n`, written byte by byte (a name of
  /// up to 15 bytes is made without an allocation; string interpolation makes two), the prefix
  /// copied whole from its UTF-8 (its bytes one at a time cost as much as the rest).
  static func numbered(_ prefix: String, _ n: Int) -> String {
    guard n > 0 else { return n == 0 ? prefix : "\(prefix)_\(n)" }
    var digits = 1
    var rest = n / 10
    while rest > 0 {
      digits += 1
      rest /= 10
    }
    var prefix = prefix
    return prefix.withUTF8 { head in
      let count = head.count + 1 + digits
      return String(unsafeUninitializedCapacity: count) { bytes in
        var i = 0
        if let base = head.baseAddress, let to = bytes.baseAddress {
          to.update(from: base, count: head.count)
          i = head.count
        }
        bytes[i] = UInt8(ascii: "_")
        var v = n
        var j = count - 1
        while j > i {
          bytes[j] = UInt8(truncatingIfNeeded: 48 + v % 10)
          v /= 10
          j -= 1
        }
        return count
      }
    }
  }

  /// Most layers a session makes: each keeps ~2 KB, so this bounds memory to ~500 MB whatever a
  /// program does (`for i in range(10**9): x = Dense(8)(x)` would otherwise run until memory is
  /// gone). Imported models have their own limit (100,000 layers).
  public static let maxLayers = 250_000

  /// Adds a layer at the end (the node moved in, not copied).
  /// `nameTaken`: the name is in `layerNames` already (`autoName(_:taking: true)`).
  mutating func addLayer(_ node: consuming LayerNode, nameTaken: Bool = false) {
    if !nameTaken, !layerNames.insert(node.name) { repeatedNames += 1 }
    let fields = owned()
    fields.fields.layers.reserveFourfold()
    fields.fields.layers.append(node)
  }

  /// Room in `bindings` for one more name (`reserveForNames`).
  mutating func roomForBinding() { owned().fields.bindings.reserveForNames() }

  /// Drops layer `l`'s name from the names in use (a layer an undo drops, whose name no other
  /// layer has: `repeatedNames` did not move).
  mutating func forgetName(of l: Int) { layerNames.remove(layers[l].name) }

  /// Makes room for `count` more layers (and as many tensors and names), so that an import of
  /// that many grows no array, name set or dictionary as it goes.
  mutating func reserveCapacity(moreLayers count: Int) {
    layers.reserveCapacity(layers.count + count)
    layerNames.reserveCapacity(layerNames.count + count)
    tensors.reserveCapacity(tensors.count + count)
    bindings.reserveCapacity(bindings.count + count)
  }

  /// Adds layers at the end, whose names are `names` (an import's, collected once): into an
  /// empty graph they come without copying a node or hashing a name.
  mutating func addLayers(_ nodes: [LayerNode], names: NameSet) {
    if layers.isEmpty {
      layers = nodes
      layerNames = names
      repeatedNames += nodes.count - names.count
    } else {
      let before = layerNames.count
      layers += nodes
      layerNames.formUnion(names)
      repeatedNames += nodes.count - (layerNames.count - before)
    }
  }

  /// The name `autoName` would give next, without taking it.
  func autoNamePreview(_ prefix: String) -> String {
    Self.numbered(prefix, nameCount(prefix))
  }

  /// A new KerasTensor: named `name` when given (an Input's `name=`), which takes no number
  /// from the counter; else `keras_tensor_N`.
  mutating func newTensor(_ type: TensorType, layer: Int, name given: String? = nil) -> Int {
    let id = tensors.count
    owned().fields.tensors.reserveFourfold()
    if let given {
      tensors.append(TensorNode(id: id, kerasName: given, type: type, layer: layer))
    } else {
      // The name kept as its number until shown (`TensorNode.kerasName`).
      tensors.append(TensorNode(id: id, number: tensorCounter, type: type, layer: layer))
      tensorCounter += 1
    }
    return id
  }

  /// `[t]`, as a call's inputs: the outputs of the call that made tensor `t`, when that call
  /// made `t` alone (the next link of a chain takes its input from there: a retain of that
  /// array, where a new one is an allocation), else a new array.
  func oneTensor(_ t: Int) -> [Int] {
    guard t >= 0, t < tensors.count else { return [t] }
    let l = tensors[t].layer
    guard l >= 0, l < layers.count else { return [t] }
    let c = layers[l].calls.count - 1
    guard c >= 0, layers[l].calls[c].outputs.count == 1, layers[l].calls[c].outputs[0] == t
    else { return [t] }
    return layers[l].calls[c].outputs
  }

  /// A KerasTensor Keras creates and drops (an autocast of an input): it takes a name.
  mutating func skipTensorName() { tensorCounter += 1 }

  /// Total parameters of every layer that was called.
  public var totalParams: ParamCount { params(of: layers.indices) }

  /// Total parameters of the called layers among `range` (an import's layers).
  public func params(of range: Range<Int>) -> ParamCount {
    // Node by node in place (a closure over the nodes would copy each): this runs for every
    // size shown, and again for its footer.
    var sum = ParamCount()
    for l in range where !layers[l].calls.isEmpty { sum = sum + layers[l].params }
    return sum
  }

  /// The layers in the order tables list them.
  public var listed: [Int] { order ?? Array(layers.indices) }

  /// The outputs: an imported model's outputs that no later layer consumed, then the tensors no
  /// layer consumed, in creation order (an imported layer's unused outputs are not the model's).
  public var outputs: [Int] {
    // Each call's inputs read in place (enumerating the nodes would copy every one); the last
    // layer consuming each tensor by its id (-1: none), in an array rather than a dictionary.
    var lastConsumer = [Int](repeating: -1, count: tensors.count)
    var consumedElsewhere: [Int: Int] = [:]
    for i in layers.indices {
      for c in layers[i].calls.indices {
        for t in layers[i].calls[c].inputs {
          if t >= 0 && t < lastConsumer.count {
            lastConsumer[t] = i
          } else {
            consumedElsewhere[t] = i
          }
        }
      }
    }
    func consumer(_ t: Int) -> Int {
      t >= 0 && t < lastConsumer.count ? lastConsumer[t] : consumedElsewhere[t] ?? -1
    }
    var out: [Int] = []
    for imported in imports {
      out += imported.outputs.filter { consumer($0) < imported.layers.upperBound }
    }
    let pinned = Set(out)
    return out
      + tensors.map(\.id).filter { t in
        consumer(t) == -1 && !isInput(t) && !pinned.contains(t)
          && !imports.contains { $0.layers.contains(tensors[t].layer) }
      }
  }

  func isInput(_ tensor: Int) -> Bool { inputs.contains { $0.tensor == tensor } }
}

/// A graph's fields (`Graph` reads and changes them through its box).
struct GraphFields {
  var layers: [LayerNode] = []
  var tensors: [TensorNode] = []
  var bindings: [String: Binding] = [:]
  /// Every layer's name (names are unique in a model).
  var layerNames = NameSet()
  /// The tensor a bare layer statement stacks on.
  var current: Int?
  /// The inputs in declaration order: variable name (if any) and tensor id.
  var inputs: [(variable: String?, tensor: Int)] = []
  /// Keras's per-prefix name counters (`conv2d`, `conv2d_1`, ...) and the KerasTensor counter.
  var nameCounters = NameCounters()
  var tensorCounter = 0
  /// How each input's non-batch dims were declared, by input ordinal.
  var declaredInputs: [[DeclaredDim]] = []
  /// Symbols already used for unknown input dims.
  var symbols: Set<String> = []
  /// Whether a layer whose weights take their size from a dim not known yet is accepted with
  /// its weights deferred (kshape's default) or refused as Keras refuses it (`--keras-strict`).
  var defersWeights = true
  /// While `logsCounters` is on (the session's declared run, cleared at each statement), the
  /// value of each counter before each name taken: what a failed statement took (`NamesTaken`),
  /// recorded instead of a copy of every counter per statement, which the statement's first name
  /// then had to duplicate.
  var counterLog: [(prefix: String, before: Int)] = []
  /// Whether `counterLog` records (from the first `startCounterLog`).
  var logsCounters = false
  /// Layers added under a name the graph already had (a model's name reused across models): an
  /// undo that drops new layers may drop their names only while this has not moved.
  var repeatedNames = 0
  /// Imported models: the layers each added, and its outputs (`output_layers`).
  var imports: [(layers: Range<Int>, outputs: [Int])] = []
  /// Each imported model as a summary row names it (`resnet50 (Functional)`), in `imports`
  /// order: `summary --depth 1` folds a model into that one row.
  var importLabels: [String] = []
  /// The order a model's summary lists its layers in (Keras's `model.operations`), when the
  /// graph is a model's view; nil for creation order.
  var order: [Int]?
  /// Whether a summary has Keras's "Connected to" column: a model's view says, as Keras decides
  /// it (not for a Sequential, nor for a Functional that is a chain without shared layers); nil
  /// for the session's graph (then: when some call has several inputs or a layer several calls).
  var showsConnections: Bool?
  /// A model's view: each layer's last call in the whole program, where the model's own calls
  /// end earlier (Keras's summary shows a layer's last node, whichever model made it).
  var lastCalls: [Int: LayerCall] = [:]
  /// An unbuilt Sequential's view: its layers are listed although never called ("?").
  var listsUncalled = false
}

/// The box a graph and its copies share until one of them changes (`Graph.owned`).
final class GraphBox: @unchecked Sendable {
  // Sendable: a box shared by several graphs is never changed (a change first copies it).
  var fields: GraphFields
  init(_ fields: GraphFields = GraphFields()) { self.fields = fields }
}

extension Array {
  /// Room for one more element, grown four times over when full where an append would double
  /// the array: a graph's arrays of nodes (and a session's of events and steps) grow by one a
  /// statement, and each growth copies every element (doubling copied each once more on
  /// average, this a third of that).
  mutating func reserveFourfold() {
    if count == capacity { reserveCapacity(Swift.max(16, count * 4)) }
  }
}

/// How a set or dictionary of names grows when full: sixteen times over while it holds 4,096
/// names or fewer, then four times over, where an insert would double it. Each growth of a
/// dictionary hashes every name again (~580 instructions a name: a new table, SipHash of each
/// string): doubling hashed each name once more on average; growing 64 -> 1,024 -> 16,384 hashes
/// 1,088 names again for a session of 10,000 (growing four times over hashed 5,440). The most room
/// grown sixteenfold is for 65,536 names (about 1.5 MiB for a set of names).
func grownNameCapacity(_ count: Int) -> Int {
  Swift.max(64, count * (count <= 4096 ? 16 : 4))
}

extension Dictionary {
  /// Room for one more name as a key (`grownNameCapacity`).
  mutating func reserveForNames() {
    if count >= capacity { reserveCapacity(grownNameCapacity(count)) }
  }
}
