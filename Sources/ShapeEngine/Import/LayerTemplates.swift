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
/// the common case and prove the values equal; other bits are compared as values.
final class LayerTemplates {
  /// A layer made from a config, and what its construction gave.
  struct Template {
    var className: String
    var module: String
    var config: [JSONMember]
    /// Where `name` is among the config's members.
    var nameIndex: Int
    /// The constructor keywords the config gave (`ConfigValues.keywords`).
    var keywords: [(String, Value)]
    /// The node's class name and the sublayer names its construction took (`naming`).
    var nodeClassName: String
    var sublayers: [String]
    var layer: any Layer
    var policy: DTypePolicy
    var autocastsInputs: Bool
    var trainable: Bool
  }

  /// How many templates are kept.
  static let capacity = 8
  private(set) var templates: [Template] = []
  /// Where the next template goes once the list is full (the oldest).
  private var next = 0
  /// How many layers were made from a template (for tests).
  private(set) var hits = 0

  /// The template whose class, module and config equal `layer`'s but for the value of `name`,
  /// when `layer`'s config has a string `name`: its index and that of `name`.
  func match(_ layer: SavedLayer) -> (template: Int, nameIndex: Int)? {
    guard layer.nested == nil else { return nil }
    let className = layer.className
    let config = layer.config
    for k in templates.indices {
      // The most recent first.
      var i = next - 1 - k
      if i < 0 { i += templates.count }
      if let nameIndex = sameButName(i, className, layer.module, config) {
        hits += 1
        return (i, nameIndex)
      }
    }
    return nil
  }

  /// Remembers a layer made from `layer`'s config (when it has a string `name`), as `node`
  /// holds it; `sublayers` are the names its construction took besides its own.
  func remember(
    _ layer: SavedLayer, keywords: [(String, Value)], sublayers: [String],
    node: borrowing LayerNode
  ) {
    let config = layer.config
    guard layer.nested == nil, let made = node.layer, let nameIndex = Self.nameIndex(config)
    else { return }
    let template = Template(
      className: layer.className, module: layer.module, config: config, nameIndex: nameIndex,
      keywords: keywords, nodeClassName: node.className, sublayers: sublayers,
      layer: made, policy: node.policy, autocastsInputs: node.autocastsInputs,
      trainable: node.trainable)
    if templates.count < Self.capacity {
      templates.append(template)
      next = templates.count % Self.capacity
    } else {
      templates[next] = template
      next = (next + 1) % Self.capacity
    }
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

  /// `config`'s name index when template `i` has the class, the module, and the config member
  /// by member (keys in the same order) but for the string value of `name`; else nil.
  private func sameButName(_ i: Int, _ className: String, _ module: String, _ config: [JSONMember])
    -> Int?
  {
    templates.withUnsafeBufferPointer { all -> Int? in
      guard all[i].config.count == config.count, Self.same(all[i].className, className),
        Self.same(all[i].module, module)
      else { return nil }
      let n = all[i].nameIndex
      return all[i].config.withUnsafeBufferPointer { old -> Int? in
        config.withUnsafeBufferPointer { new -> Int? in
          for k in 0..<new.count where k != n {
            guard Self.same(old[k].key, new[k].key), Self.same(old[k].value, new[k].value) else {
              return nil
            }
          }
          guard Self.same(old[n].key, new[n].key), case .string = new[n].value else { return nil }
          return n
        }
      }
    }
  }

  /// Whether `a` equals `b`: equal bits (the same number, string or shared container: a value
  /// made of the same bits is the same value), else `==`.
  static func same<T: Equatable>(_ a: T, _ b: T) -> Bool {
    let bitsEqual = withUnsafeBytes(of: a) { x in
      withUnsafeBytes(of: b) { y in x.elementsEqual(y) }
    }
    return bitsEqual || a == b
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
      let (i, nameIndex) = templates.match(layer),
      case .string(let name) = layer.config[nameIndex].value
    else { return nil }
    let all = templates.templates
    var keywords: [(String, Value)] = []
    keywords.reserveCapacity(all[i].keywords.count)
    for k in all[i].keywords.indices {
      keywords.append(k == nameIndex ? (all[i].keywords[k].0, .string(name)) : all[i].keywords[k])
    }
    // As `construct` does after making the layer, for a config that names it.
    let className = all[i].nodeClassName
    try checkUnique(name, range: nil, className: className)
    var node = LayerNode(
      name: name, className: className, layer: all[i].layer, policy: all[i].policy,
      weights: nil, statement: statement, arguments: CallArguments(keywords: keywords))
    node.autocastsInputs = all[i].autocastsInputs
    node.trainable = all[i].trainable
    graph.addLayer(consume node)
    for prefix in all[i].sublayers { _ = graph.autoName(prefix) }
    return graph.layers.count - 1
  }
}
