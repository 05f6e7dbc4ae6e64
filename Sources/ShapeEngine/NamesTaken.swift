import LayerCatalog

/// The auto-names a failed statement took. In Keras a line that fails has still made the
/// layers it constructed (`Conv2D(3, 5)` on a too-small input: the layer exists, its call
/// raised), so their names are taken: the next Conv2D is `conv2d_1`, as in a Python REPL. The
/// session keeps what each failed statement took and replays it in order, so `apply` names
/// layers as the declared graph does.
public struct NamesTaken: Sendable, Equatable {
  /// Auto-name counters advanced, by prefix.
  var names: [String: Int] = [:]
  /// KerasTensor names taken (outputs of the calls that succeeded before the failure).
  var tensors = 0

  /// What a statement took: `log` is what `Graph.counterLog` recorded while it ran (each
  /// counter's value before each name it took), `graph` the graph after it.
  init(log: [(prefix: String, before: Int)], graph: Graph, tensorsBefore: Int) {
    for (prefix, before) in log where names[prefix] == nil {
      let n = graph.nameCount(prefix) - before
      if n > 0 { names[prefix] = n }
    }
    tensors = max(0, graph.tensorCounter - tensorsBefore)
  }

  var isEmpty: Bool { names.isEmpty && tensors == 0 }
}

extension Graph {
  /// Takes the names a failed statement took.
  mutating func take(_ taken: NamesTaken) {
    for (prefix, n) in taken.names { addNames(n, prefix: prefix) }
    tensorCounter += taken.tensors
  }
}

/// Whether a layer whose construction failed has taken its auto-name, as in Keras: Python's
/// own argument errors (a missing or extra positional, a repeated keyword) stop before
/// `__init__` runs; an unknown keyword is refused by `Layer.__init__`, after the name; a value
/// is refused after `super().__init__()` (name taken) in most classes, before it in the ones
/// listed here. Measured in Keras 3.15 on every construction error of the golden layer cases.
enum ConstructionNames {
  /// Classes that check every argument before `super().__init__()`.
  static let checkAllFirst: Set<String> = [
    "ActivityRegularization", "ConvLSTM1D", "ConvLSTM2D", "ConvLSTM3D", "GroupNormalization",
    "MelSpectrogram", "RNN", "SimpleRNN", "STFTSpectrogram", "TimeDistributed",
  ]
  /// Arguments some classes check before `super().__init__()`.
  static let checkedFirst: [String: Set<String>] = [
    "Dense": ["units"], "Embedding": ["input_dim", "output_dim"],
    "ReversibleEmbedding": ["input_dim", "output_dim"],
    "LSTM": ["units", "activation", "recurrent_activation"],
    "GRU": ["units", "activation", "recurrent_activation"],
    "LSTMCell": ["units"], "GRUCell": ["units"], "SimpleRNNCell": ["units"],
    "MultiHeadAttention": ["num_heads", "key_dim", "value_dim"],
    "AdaptiveAveragePooling1D": ["output_size"], "AdaptiveAveragePooling2D": ["output_size"],
    "AdaptiveAveragePooling3D": ["output_size"], "AdaptiveMaxPooling1D": ["output_size"],
    "AdaptiveMaxPooling2D": ["output_size"], "AdaptiveMaxPooling3D": ["output_size"],
    "Bidirectional": ["merge_mode", "layer"], "TextVectorization": ["standardize", "split"],
    "SpectralNormalization": ["layer"],
  ]

  /// True when Keras has taken the auto-name of a layer whose construction raised `error`.
  static func taken(by error: LayerError, entry: LayerEntry, arguments: CallArguments) -> Bool {
    if arguments.keywords.contains(where: { $0.0 == "name" }) { return false }
    let m = error.message
    if m.contains("takes at most") || m.contains("is missing its required argument")
      || m.contains("got multiple values")
    {
      return false
    }
    if m.contains(" has no argument '") { return entry.signature.takesBaseKeywords }
    let cls = entry.pythonClassName ?? entry.className
    if checkAllFirst.contains(cls) { return false }
    if let argument = error.argument, checkedFirst[cls]?.contains(argument) == true {
      return false
    }
    return true
  }
}
