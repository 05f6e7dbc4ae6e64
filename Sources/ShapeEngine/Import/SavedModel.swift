import KerasJSON

/// A model as a saved Keras config describes it (`model.to_json()`, `config.json` in a `.keras`
/// archive, or the bare `get_config()` dict): its layers in the config's order, how each was
/// called, its inputs and outputs. Decoding checks the structure; shapes come from evaluating it.
public struct SavedModel: Sendable {
  public var name: String
  /// `Functional`, `Sequential` or `Model`.
  public var className: String
  public var layers: [SavedLayer]
  /// For a Functional model: the tensors the model takes and gives, in order.
  public var inputs: [TensorRef]
  public var outputs: [TensorRef]
  /// A Sequential model: each layer is called on the previous one's output.
  public var isSequential: Bool
  /// A Sequential model's declared input shape (batch included) when its first layer is not an
  /// InputLayer (`build_input_shape`).
  public var sequentialInputShape: [Int?]?
  /// The model's own config entry, for a model nested in another.
  public var path: JSONPath
  /// Each layer's position in `layers`, by name.
  public var layerIndex: [String: Int] = [:]
  /// A Functional model's calls in the order Keras runs them, found once when decoding.
  public var executionOrder: [NodeID] = []

  /// The classes that are neither in the catalog nor a known helper, with the layers using them.
  public func unknownClasses(assumingIdentity known: Set<String>) -> [(String, [SavedLayer])] {
    layers(byClass: \.qualifiedClassName, assumingIdentity: known) {
      if case .none = $0 { return true } else { return false }
    }
  }

  /// The layers (nested models' included) whose class resolves as `matches` says, grouped by
  /// `key`, classes in order of first use.
  func layers(
    byClass key: KeyPath<SavedLayer, String>, assumingIdentity known: Set<String>,
    where matches: (ImportedClass?) -> Bool
  ) -> [(String, [SavedLayer])] {
    var order: [String] = []
    var users: [String: [SavedLayer]] = [:]
    // Whether entries that are no model matched, by class and module, for the few classes
    // met last: a model's thousands of entries are of a few classes, each resolved once.
    var seen: [(className: String, module: String, matched: Bool)] = []
    func visit(_ m: SavedModel) {
      // Entries read in place: only the ones that match are copied.
      for i in m.layers.indices {
        if let nested = m.layers[i].nested { visit(nested) }
        let className = m.layers[i].className
        let module = m.layers[i].module
        let plain = m.layers[i].nested == nil
        let matched: Bool
        if plain, let s = seen.first(where: { $0.className == className && $0.module == module }) {
          matched = s.matched
        } else {
          matched = matches(ImportedClass.resolve(m.layers[i], assumingIdentity: known))
          if plain {
            if seen.count == 8 { seen.removeFirst() }
            seen.append((className, module, matched))
          }
        }
        guard matched else { continue }
        let l = m.layers[i]
        if users[l[keyPath: key]] == nil { order.append(l[keyPath: key]) }
        users[l[keyPath: key], default: []].append(l)
      }
    }
    visit(self)
    return order.map { ($0, users[$0] ?? []) }
  }
}

/// One entry of a config's `layers` list.
///
/// Its parts live in one shared box: an entry is passed and copied at every step of an import
/// (resolving its class, making its layer), and a copy is then one reference, not nine.
public struct SavedLayer: Sendable {
  /// The entry's parts.
  struct Parts: Sendable {
    var name: String
    var className: String
    var module: String
    var registeredName: String?
    var config: [JSONMember]
    var entry: JSONValue
    var nodes: [SavedNode]
    /// Boxed: a model is large and few entries are models.
    var nested: ModelBox?
    /// The entry's path is `pathBase[pathIndex]` (the `layers` list and the entry's place in
    /// it), made only when a message asks for it; or `pathBase` itself when there is no index.
    var pathBase: JSONPath
    var pathIndex: Int?
  }

  final class ModelBox: Sendable {
    let model: SavedModel
    init(_ model: SavedModel) { self.model = model }
  }

  private final class Box: Sendable {
    let parts: Parts
    init(_ parts: Parts) { self.parts = parts }
  }

  private var box: Box

  public init(
    name: String, className: String, module: String, registeredName: String?,
    config: [JSONMember], entry: JSONValue, nodes: [SavedNode], nested: SavedModel?,
    path: JSONPath
  ) {
    box = Box(
      Parts(
        name: name, className: className, module: module, registeredName: registeredName,
        config: config, entry: entry, nodes: nodes, nested: nested.map(ModelBox.init),
        pathBase: path, pathIndex: nil))
  }

  /// An entry of the list at `list`, at `index`: its path is made when it is read.
  init(
    name: String, className: String, module: String, registeredName: String?,
    config: [JSONMember], entry: JSONValue, nodes: [SavedNode], nested: SavedModel?,
    in list: JSONPath, at index: Int
  ) {
    box = Box(
      Parts(
        name: name, className: className, module: module, registeredName: registeredName,
        config: config, entry: entry, nodes: nodes, nested: nested.map(ModelBox.init),
        pathBase: list, pathIndex: index))
  }

  /// Changes a part: the entry gets a box of its own (entries change only while decoded).
  private mutating func change(_ edit: (inout Parts) -> Void) {
    var parts = box.parts
    edit(&parts)
    box = Box(parts)
  }

  public var name: String {
    get { box.parts.name }
    set { change { $0.name = newValue } }
  }
  public var className: String {
    get { box.parts.className }
    set { change { $0.className = newValue } }
  }
  public var module: String {
    get { box.parts.module }
    set { change { $0.module = newValue } }
  }
  public var registeredName: String? {
    get { box.parts.registeredName }
    set { change { $0.registeredName = newValue } }
  }
  /// The layer's own arguments (`config`).
  public var config: [JSONMember] {
    get { box.parts.config }
    set { change { $0.config = newValue } }
  }
  /// The whole entry as written, for export.
  public var entry: JSONValue {
    get { box.parts.entry }
    set { change { $0.entry = newValue } }
  }
  /// Its calls in call order (Functional models only).
  public var nodes: [SavedNode] {
    get { box.parts.nodes }
    set { change { $0.nodes = newValue } }
  }
  /// A Sequential or Functional model used as a layer.
  public var nested: SavedModel? {
    get { box.parts.nested?.model }
    set { change { $0.nested = newValue.map(ModelBox.init) } }
  }
  public var path: JSONPath {
    get { box.parts.pathIndex.map { box.parts.pathBase + $0 } ?? box.parts.pathBase }
    set {
      change {
        $0.pathBase = newValue
        $0.pathIndex = nil
      }
    }
  }

  /// `keras.src.applications.convnext.LayerScale`, or the bare class for Keras layers.
  public var qualifiedClassName: String {
    module.hasPrefix("keras.layers") || module.hasPrefix("keras.src.layers")
      ? className : module + "." + className
  }
}

/// One call of a layer: its arguments, with tensors as `__keras_tensor__` references.
public struct SavedNode: Sendable {
  public var args: [JSONValue]
  public var kwargs: [JSONMember]
  public var path: JSONPath
}

/// `keras_history = [layer, node_index, tensor_index]`: the tensor-th output of the node-th call
/// of a layer.
public struct TensorRef: Hashable, Sendable {
  public var layer: String
  public var node: Int
  public var tensor: Int
  /// Where the reference is written: its `keras_history` for a call's argument.
  public var path: JSONPath {
    get { inHistory ? written + "config" + "keras_history" : written }
    set {
      written = newValue
      inHistory = false
    }
  }
  /// True in `input_layers`/`output_layers`: there Keras counts a nested Functional model's
  /// built-in node, so its calls are numbered from 1 (in a call's arguments, from 0).
  public var countsBuiltInNode = false
  /// `path`, or the `__keras_tensor__` object whose `config.keras_history` it is: a path is
  /// read only by messages, so the two keys are added then.
  private var written: JSONPath
  private var inHistory = false

  public init(
    layer: String, node: Int, tensor: Int, path: JSONPath, countsBuiltInNode: Bool = false
  ) {
    self.layer = layer
    self.node = node
    self.tensor = tensor
    self.written = path
    self.countsBuiltInNode = countsBuiltInNode
  }

  /// The reference in a `__keras_tensor__` object at `object`.
  init(layer: String, node: Int, tensor: Int, kerasTensorAt object: JSONPath) {
    self.init(layer: layer, node: node, tensor: tensor, path: object)
    inHistory = true
  }

  public static func == (a: TensorRef, b: TensorRef) -> Bool {
    a.layer == b.layer && a.node == b.node && a.tensor == b.tensor
      && a.countsBuiltInNode == b.countsBuiltInNode && a.path == b.path
  }

  public func hash(into h: inout Hasher) {
    h.combine(layer)
    h.combine(node)
    h.combine(tensor)
    h.combine(countsBuiltInNode)
    h.combine(path)
  }
}

/// A config that cannot be a Keras model: what is wrong and where (the JSON path).
public struct ConfigError: Error, Sendable, CustomStringConvertible {
  public var message: String
  public var path: JSONPath
  public var hint: String?
  public init(_ message: String, at path: JSONPath, hint: String? = nil) {
    self.message = message
    self.path = path
    self.hint = hint
  }
  public var description: String { "\(path): \(message)" }
}
