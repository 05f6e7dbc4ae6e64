import KerasJSON
import LayerCatalog
import ShapeCore

/// The layers made so far in one import, kept so that a layer whose config equals an earlier
/// one's but for its `name` is not resolved, bound and constructed again: a model repeats the
/// same BatchNormalization, ReLU or Conv2D config under a new name tens or thousands of times,
/// and the same class, module and arguments always make the same layer (construction is a pure
/// function of them; the layer's name is not among what it keeps).
///
/// A few of the most recent configs are kept (a model's layers come in short repeating
/// groups); a lookup compares a config's members with each one's in place, and stops at the
/// first difference. Members are compared by their bits first: a string or container the
/// parser shared (`JSONStringTable`, `JSONContainerTable`) is one reference, so equal bits are
/// the common case and prove the values equal; other bits are compared as the same text's
/// values (`identical`: not `==`, which equates 0.0 and -0.0, and canonically equivalent
/// strings).
final class LayerTemplates {
  /// A layer made from a config, and what its construction gave. (A class: a lookup hands out
  /// one reference, and its fields are read in place.)
  final class Template {
    let className: String
    let module: String
    let config: [JSONMember]
    /// Where `name` is among the config's members.
    let nameIndex: Int
    /// The constructor keywords the config gave (`ConfigValues.keywords`).
    let keywords: [(String, Value)]
    /// The node's class name and the sublayer names its construction took (`naming`).
    let nodeClassName: String
    let sublayers: [String]
    let layer: any Layer
    let policy: DTypePolicy
    let autocastsInputs: Bool
    let trainable: Bool
    /// What every layer made from this template shares: they are twins, whose first calls on the
    /// same type give the same result (`TwinCalls`, `Plan.twins`).
    let twin: ConstructionMemo.Kept

    init(
      className: String, module: String, config: [JSONMember], nameIndex: Int,
      keywords: [(String, Value)], nodeClassName: String, sublayers: [String], layer: any Layer,
      policy: DTypePolicy, autocastsInputs: Bool, trainable: Bool
    ) {
      self.className = className
      self.module = module
      self.config = config
      self.nameIndex = nameIndex
      self.keywords = keywords
      self.nodeClassName = nodeClassName
      self.sublayers = sublayers
      self.layer = layer
      self.policy = policy
      self.autocastsInputs = autocastsInputs
      self.trainable = trainable
      twin = ConstructionMemo.Kept(
        className, nodeClassName, CallArguments(keywords: keywords),
        Evaluator.Construction(
          layer: layer, trainable: trainable, name: .none, autocasts: autocastsInputs,
          policy: .success(policy)))
    }
  }

  /// How many templates are kept.
  static let capacity = 8
  private(set) var templates = RecentRing<Template>(capacity: capacity)
  /// How many layers were made from a template (for tests).
  private(set) var hits = 0

  /// The template whose class, module and config equal `layer`'s but for the value of `name`,
  /// when `layer`'s config has a string `name`: the template, and the index of `name`.
  func match(_ layer: SavedLayer) -> (template: Template, nameIndex: Int)? {
    guard layer.nested == nil else { return nil }
    let className = layer.className
    let config = layer.config
    for i in templates.recentFirst {
      let t = templates.elements[i]
      if let nameIndex = Self.sameButName(t, className, layer.module, config) {
        hits += 1
        return (t, nameIndex)
      }
    }
    return nil
  }

  /// Remembers a layer made from `layer`'s config (when it has a string `name`), as `node`
  /// holds it; `sublayers` are the names its construction took besides its own. Returns the
  /// template's twin token, for the node (`Template.twin`).
  @discardableResult
  func remember(
    _ layer: SavedLayer, keywords: [(String, Value)], sublayers: [String],
    node: borrowing LayerNode
  ) -> ConstructionMemo.Kept? {
    let config = layer.config
    guard layer.nested == nil, let made = node.layer, let nameIndex = Self.nameIndex(config)
    else { return nil }
    let template = Template(
      className: layer.className, module: layer.module, config: config, nameIndex: nameIndex,
      keywords: keywords, nodeClassName: node.className, sublayers: sublayers,
      layer: made, policy: node.policy, autocastsInputs: node.autocastsInputs,
      trainable: node.trainable)
    templates.add(template)
    return template.twin
  }

  /// The index of the member `name` when its value is a string (an object's keys are distinct),
  /// or nil.
  static func nameIndex(_ config: [JSONMember]) -> Int? {
    for (i, m) in config.enumerated() where m.key.utf8.count == 4 && m.key == "name" {
      guard case .string = m.value else { return nil }
      return i
    }
    return nil
  }

  /// `config`'s name index when template `t` has the class, the module, and the config member
  /// by member (keys in the same order) but for the string value of `name`; else nil.
  private static func sameButName(
    _ t: Template, _ className: String, _ module: String, _ config: [JSONMember]
  ) -> Int? {
    guard t.config.count == config.count, t.className == className, t.module == module else {
      return nil
    }
    let n = t.nameIndex
    return t.config.withUnsafeBufferPointer { old -> Int? in
      config.withUnsafeBufferPointer { new -> Int? in
        guard let old = old.baseAddress, let new = new.baseAddress else { return nil }
        // Read once (a static is a guarded global: read per member, it cost a check each).
        let offsets = Self.offsets
        for k in 0..<config.count where k != n {
          guard Self.same(old + k, new + k, offsets: offsets) else { return nil }
        }
        // The name's key by its bits first (the same small string, `name`).
        let (keyOffset, _) = offsets
        let sameKey =
          keyOffset >= 0
          ? Self.sameBits(
            (UnsafeRawPointer(old + n) + keyOffset).assumingMemoryBound(to: String.self),
            (UnsafeRawPointer(new + n) + keyOffset).assumingMemoryBound(to: String.self))
            || Self.sameText(old[n].key, new[n].key)
          : Self.sameText(old[n].key, new[n].key)
        guard sameKey, case .string = new[n].value else {
          return nil
        }
        return n
      }
    }
  }

  /// Whether the members at `a` and `b` are equal: equal bits (the same key and the same
  /// number, string or shared container: a value made of the same bits is the same value),
  /// else equal as values. Read in place (a copy would retain each part).
  static func same(
    _ a: UnsafePointer<JSONMember>, _ b: UnsafePointer<JSONMember>,
    offsets: (Int, Int) = LayerTemplates.offsets
  ) -> Bool {
    let (keyOffset, valueOffset) = offsets
    guard keyOffset >= 0, valueOffset >= 0 else {
      return sameText(a.pointee.key, b.pointee.key)
        && identical(a.pointee.value, b.pointee.value)
    }
    let ka = (UnsafeRawPointer(a) + keyOffset).assumingMemoryBound(to: String.self)
    let kb = (UnsafeRawPointer(b) + keyOffset).assumingMemoryBound(to: String.self)
    let va = (UnsafeRawPointer(a) + valueOffset).assumingMemoryBound(to: JSONValue.self)
    let vb = (UnsafeRawPointer(b) + valueOffset).assumingMemoryBound(to: JSONValue.self)
    return (sameBits(ka, kb) || sameText(ka.pointee, kb.pointee))
      && (sameBits(va, vb) || identical(va.pointee, vb.pointee))
  }

  /// Whether two strings have the same UTF-8 (`==` also equates canonically equivalent ones).
  static func sameText(_ a: String, _ b: String) -> Bool {
    guard a.utf8.count == b.utf8.count else { return false }
    var a = a
    var b = b
    return a.withUTF8 { x in
      b.withUTF8 { y in
        for i in 0..<x.count where x[i] != y[i] { return false }
        return true
      }
    }
  }

  /// Where a member's key and value are in it (-1: not stored directly).
  static let offsets = (
    MemoryLayout<JSONMember>.offset(of: \JSONMember.key) ?? -1,
    MemoryLayout<JSONMember>.offset(of: \JSONMember.value) ?? -1
  )

  /// Whether the values at `a` and `b` are made of the same bits. (A case whose payload is
  /// shorter than the largest may leave bits unset: equal values may then differ in bits.)
  static func sameBits<T>(_ a: UnsafePointer<T>, _ b: UnsafePointer<T>) -> Bool {
    let x = UnsafeRawPointer(a)
    let y = UnsafeRawPointer(b)
    let size = MemoryLayout<T>.size
    var k = 0
    while k + 8 <= size {
      guard
        x.loadUnaligned(fromByteOffset: k, as: UInt64.self)
          == y.loadUnaligned(fromByteOffset: k, as: UInt64.self)
      else { return false }
      k += 8
    }
    while k < size {
      guard x.load(fromByteOffset: k, as: UInt8.self) == y.load(fromByteOffset: k, as: UInt8.self)
      else { return false }
      k += 1
    }
    return true
  }

  /// Whether two values are the same text's: strings by their UTF-8 (`==` also equates
  /// canonically equivalent strings, whose names and reprs differ), doubles by their bits (`==`
  /// equates 0.0 and -0.0).
  static func identical(_ a: JSONValue, _ b: JSONValue) -> Bool {
    // Each case matched alone (a switch over the pair would copy both values).
    switch a {
    case .null: return b == .null
    case .bool(let x):
      guard case .bool(let y) = b else { return false }
      return x == y
    case .int(let x):
      guard case .int(let y) = b else { return false }
      return x == y
    case .double(let x):
      guard case .double(let y) = b else { return false }
      return x.bitPattern == y.bitPattern
    case .string(let x):
      guard case .string(let y) = b else { return false }
      return sameText(x, y)
    case .array(let x):
      guard case .array(let y) = b, x.count == y.count else { return false }
      for i in x.indices where !identical(x[i], y[i]) { return false }
      return true
    case .object(let x):
      guard case .object(let y) = b, x.count == y.count else { return false }
      for i in x.indices {
        guard sameText(x[i].key, y[i].key), identical(x[i].value, y[i].value)
        else { return false }
      }
      return true
    }
  }

  /// The keywords of template `t` with `name` for its name (config member `nameIndex`).
  static func keywords(_ t: Template, name: String, nameIndex: Int) -> [(String, Value)] {
    var keywords: [(String, Value)] = []
    keywords.reserveCapacity(t.keywords.count)
    t.keywords.withUnsafeBufferPointer { old in
      for k in old.indices {
        keywords.append(k == nameIndex ? (old[k].0, .string(name)) : old[k])
      }
    }
    return keywords
  }
}

extension Evaluator {
  /// The layer of a saved entry whose config a template has but for its name: what
  /// `importLayer` makes of it through `construct` for the same arguments, without resolving,
  /// binding and making them again. Returns nil (nothing done) where there is no such template,
  /// or where `construct` must run (the session is full: it gives the message).
  mutating func constructAgain(_ layer: SavedLayer, _ templates: LayerTemplates?)
    throws(EngineError) -> Int?
  {
    guard let templates, graph.layers.count < Graph.maxLayers,
      let (t, nameIndex) = templates.match(layer),
      case .string(let name) = layer.config[nameIndex].value
    else { return nil }
    // As `construct` does after making the layer, for a config that names it.
    try checkUnique(name, range: nil, className: t.nodeClassName)
    var node = LayerNode(
      name: name, className: t.nodeClassName, layer: t.layer, policy: t.policy, weights: nil,
      statement: statement,
      arguments: CallArguments(
        keywords: LayerTemplates.keywords(t, name: name, nameIndex: nameIndex)))
    node.autocastsInputs = t.autocastsInputs
    node.trainable = t.trainable
    graph.addLayer(consume node)
    graph.layers[graph.layers.count - 1].construction = t.twin
    for prefix in t.sublayers { _ = graph.autoName(prefix) }
    return graph.layers.count - 1
  }
}
