import KerasJSON
import LayerCatalog

/// Saved config values as the Python values Keras's `from_config` passes to a constructor.
enum ConfigValues {
  /// A layer's `config` as constructor keywords, with the conversions the class's own
  /// `from_config` makes before calling the constructor.
  static func keywords(
    _ config: [JSONMember], className: String? = nil, options: ImportOptions = ImportOptions()
  ) -> [(String, Value)] {
    config.map { member in
      let v = value(member.value, key: member.key, options: options)
      return (member.key, className.map { fromConfig($0, member.key, v) } ?? v)
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
      for m in members {
        switch m.key {
        case "class_name": clsValue = m.value
        case "config": config = m.value
        case "module": module = m.value
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
