import LayerCatalog

/// What kshape makes of a saved layer's class.
enum ImportedClass {
  /// `Input` / `InputLayer`.
  case input
  /// A Keras layer kshape knows.
  case catalog(LayerEntry)
  /// A Sequential or Functional model used as a layer.
  case model(SavedModel)
  /// A raw tensor operation written by model code (`x + 3.0` is `keras.src.ops.numpy.Add`).
  case operation(TensorOperation)
  /// A class defined by Keras's application code (ConvNeXt's `LayerScale`).
  case helper(ApplicationHelper)
  /// A custom class the user asked to treat as shape-preserving (`--assume-identity`).
  case assumedIdentity

  /// The class of `layer`, or nil when kshape cannot know its shapes.
  static func resolve(_ layer: SavedLayer, assumingIdentity assumed: Set<String>) -> ImportedClass?
  {
    let cls = layer.className
    if !assumed.isEmpty, assumed.contains(cls) || assumed.contains(layer.qualifiedClassName) {
      return .assumedIdentity
    }
    if let nested = layer.nested { return .model(nested) }
    let module = layer.module
    // The common case first: a Keras layer (what the checks below conclude for this module).
    if module == "keras.layers" {
      if cls == "InputLayer" || cls == "Input" { return .input }
      return Catalog.entry(cls).map { .catalog($0) }
    }
    if module.hasPrefix("keras.src.ops.") || module == "keras.ops" {
      return TensorOperation(module: module, className: cls).map { .operation($0) }
    }
    if let helper = ApplicationHelper(module: module, className: cls) { return .helper(helper) }
    guard
      module == "keras" || module.hasPrefix("keras.layers") || module.hasPrefix("keras.src.layers")
    else { return nil }
    if cls == "InputLayer" || cls == "Input" { return .input }
    return Catalog.entry(cls).map { .catalog($0) }
  }
}
