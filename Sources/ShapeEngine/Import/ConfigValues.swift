import KerasJSON
import LayerCatalog

/// Saved config values as the Python values Keras's `from_config` passes to a constructor.
enum ConfigValues {
  /// A layer's `config` as constructor keywords, with the conversions the class's own
  /// `from_config` makes before calling the constructor.
  ///
  /// `shared` (one per import) gives a list or object the document shares between layers
  /// (`JSONParser` makes a repeated container once) the value it gave before, so a config's
  /// repeated initializers and `[1, 1]`s are converted, and allocated, once.
  static func keywords(
    _ config: [JSONMember], className: String? = nil, options: ImportOptions = ImportOptions(),
    shared: SharedValues? = nil
  ) -> [(String, Value)] {
    config.map { member in
      let v =
        shared?.value(member.value, key: member.key, options: options)
        ?? value(member.value, key: member.key, options: options)
      return (member.key, className.map { fromConfig($0, member.key, v) } ?? v)
    }
  }

  /// The values of the lists and objects met in one import, by their storage: a direct-mapped
  /// cache whose slot keeps the JSON container it was made from, so its storage (the key)
  /// stays alive and is never another container's while the slot holds it. Values that are
  /// layers (made with a nested model) are not kept.
  final class SharedValues {
    private struct Slot {
      var json: JSONValue = .null
      var storage: UnsafeRawPointer? = nil
      var isDType = false
      var value: Value = .none
    }
    private var slots = [Slot](repeating: Slot(), count: 256)
    /// The layers made in the same import, for configs that repeat but for their names.
    let templates = LayerTemplates()
    /// How many values were found here rather than made (for tests).
    private(set) var hits = 0

    /// The value of `json` given under `key`, or nil when it is no list or object kept here.
    func value(_ json: JSONValue, key: String, options: ImportOptions) -> Value? {
      let storage: UnsafeRawPointer?
      switch json {
      case .array(let items): storage = Self.storage(items)
      case .object(let members): storage = Self.storage(members)
      default: return nil
      }
      guard let storage else { return nil }
      let isDType = key.utf8.count == 5 && key == "dtype"
      let i = Int(bitPattern: UInt(bitPattern: Int(bitPattern: storage)) >> 4) & (slots.count - 1)
      if slots[i].storage == storage && slots[i].isDType == isDType {
        hits += 1
        return slots[i].value
      }
      let v = ConfigValues.value(json, key: key, options: options)
      if case .layer = v { return v }
      slots[i] = Slot(json: json, storage: storage, isDType: isDType, value: v)
      return v
    }

    /// Where a non-empty array's elements are (an empty array's may be shared by every one).
    private static func storage<T>(_ array: [T]) -> UnsafeRawPointer? {
      array.isEmpty ? nil : array.withUnsafeBufferPointer { UnsafeRawPointer($0.baseAddress) }
    }
  }

  /// What a class's `from_config` does to a value before `cls(**config)`: JSON has no tuples,
  /// and these constructors refuse the list that get_config wrote.
  static func fromConfig(_ className: String, _ key: String, _ v: Value) -> Value {
    guard case .list(let items) = v else { return v }
    switch (className, key) {
    case ("Lambda", "output_shape"):
      // Lambda.from_config: a list of ints and Nones becomes a tuple.
      let dims = items.allSatisfy {
        if case .int = $0 { return true }
        return $0 == .none
      }
      return dims ? .tuple(items) : v
    case ("TextVectorization", "ngrams"):
      // TextVectorization.from_config: `if isinstance(config["ngrams"], list)` -> tuple.
      return .tuple(items)
    default: return v
    }
  }

  /// One value: lists stay lists, serialized tuples become tuples, a dtype policy becomes its
  /// name, a serialized Keras layer (a wrapper's `layer`, an RNN's `cell`) becomes a layer
  /// argument, other serialized objects (initializers, regularizers) stay dicts.
  static func value(_ json: JSONValue, key: String? = nil, options: ImportOptions = ImportOptions())
    -> Value
  {
    switch json {
    case .null: return .none
    case .bool(let b): return .bool(b)
    case .int(let i): return .int(i)
    case .double(let d): return .float(d)
    case .string(let s): return .string(s)
    case .array(let items): return .list(items.map { value($0) })
    case .object(let members):
      // One pass for the three keys read below (a repeated key keeps its last value).
      var clsValue: JSONValue?
      var config: JSONValue?
      var module: JSONValue?
      // A key is told by its length before its text.
      for m in members {
        switch m.key.utf8.count {
        case 10 where m.key == "class_name": clsValue = m.value
        case 6 where m.key == "config": config = m.value
        case 6 where m.key == "module": module = m.value
        default: break
        }
      }
      // A plain dict (no class) is the common nested value: no lookups for it.
      guard let cls = clsValue?.stringValue else {
        return .dict(members.map { DictEntry($0.key, value($0.value)) })
      }
      if cls == "__tuple__", let items = config?["value"]?.arrayValue {
        return .tuple(items.map { value($0) })
      }
      if cls == "__numpy__", let v = config?["value"] { return value(v) }
      if key == "dtype", let policy = config?["name"]?.stringValue,
        cls == "DTypePolicy" || cls == "FloatDTypePolicy" || cls == "Policy"
      {
        return .string(policy)
      }
      if case .object(let inner)? = config, isLayerModule(module?.stringValue),
        Catalog.entry(cls) != nil
      {
        return .layer(
          LayerArgument(
            className: cls,
            arguments: CallArguments(
              keywords: keywords(inner, className: cls, options: options)),
            name: config?["name"]?.stringValue ?? cls.lowercased()))
      }
      // A model given to a wrapper (`TimeDistributed(cnn)`): made here, called by the wrapper.
      if SavedModel.isModelClass(cls), let config,
        let model = try? SavedModel.decodeModel(className: cls, config: config, at: .root)
      {
        return .layer(
          LayerArgument(
            className: cls, arguments: CallArguments(), name: model.name,
            prebuilt: NestedModel(model: model, options: options)))
      }
      return .dict(members.map { DictEntry($0.key, value($0.value)) })
    }
  }

  static func isLayerModule(_ module: String?) -> Bool {
    guard let module else { return false }
    return module == "keras" || module.hasPrefix("keras.layers")
      || module.hasPrefix("keras.src.layers")
  }
}
