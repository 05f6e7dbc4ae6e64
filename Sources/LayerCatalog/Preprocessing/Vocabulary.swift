import ShapeCore

// The lookup layers turn a literal vocabulary into a numpy array, then into a TensorFlow lookup
// table. Where they raise depends on what numpy makes of the list (a str array when any item is
// a string: ['a', 1] is ['a', '1']), so the vocabulary is modelled as numpy holds it.

/// A literal list as `np.array` holds it: one dtype kind, every item converted to it.
struct NumpyVector {
  /// numpy's dtype kind: `U` (str), float64, int64, bool, or object (a None among the items).
  enum Kind { case str, float, int, bool, object }

  var kind: Kind
  /// The items after numpy's conversion: `.string` for `str`, `.float` for float64 ...
  var items: [Value]

  /// `np.array(values)` of scalars (a nested list is handled by the caller).
  init(_ values: [Value]) {
    if values.contains(where: {
      if case .string = $0 { return false } else { return $0.number == nil }
    }) {
      kind = .object
      items = values
    } else if values.contains(where: { if case .string = $0 { true } else { false } }) {
      kind = .str
      items = values.map { .string($0.pythonStr) }
    } else if values.contains(where: { if case .float = $0 { true } else { false } }) {
      kind = .float
      items = values.map { .float($0.number ?? 0) }
    } else if values.contains(where: { if case .int = $0 { true } else { false } }) {
      kind = .int
      items = values.map { .int($0.pythonInt ?? 0) }
    } else {
      kind = .bool
      items = values
    }
  }

  var count: Int { items.count }

  /// `np.array_equal(self, other)`: same length, items equal (a str never equals a number).
  func arrayEqual(_ other: NumpyVector) -> Bool {
    count == other.count && zip(items, other.items).allSatisfy { Python.equal($0, $1) }
  }

  /// `value in array`: numpy compares item by item.
  func contains(_ value: Value) -> Bool { items.contains { Python.equal($0, value) } }

  /// The index of the last item equal to `value`, as `np.argwhere(...)[-1]` prints it.
  func lastIndex(of value: Value) -> String {
    items.lastIndex { Python.equal($0, value) }.map { "[\($0)]" } ?? "[]"
  }

  /// Items that occur more than once, in first-occurrence order (Keras's Counter).
  var repeated: [Value] {
    var out: [Value] = []
    for (i, v) in items.enumerated() where !out.contains(where: { Python.equal($0, v) }) {
      if items[(i + 1)...].contains(where: { Python.equal($0, v) }) { out.append(v) }
    }
    return out
  }

  /// How numpy prints one item inside a list: `np.str_('a')`, `np.int64(1)`.
  func itemRepr(_ v: Value) -> String {
    switch kind {
    case .str: return "np.str_(\(v.pythonRepr))"
    case .int: return "np.int64(\(v.pythonRepr))"
    case .float: return "np.float64(\(v.pythonRepr))"
    case .bool: return v.isTruthy ? "np.True_" : "np.False_"
    case .object: return v.pythonRepr
    }
  }

  /// How numpy prints the array in a message: `['a' 'b']`, `[1 2]`.
  var text: String {
    "[" + items.map(\.pythonRepr).joined(separator: " ") + "]"
  }
}

/// The vocabulary dtype of a lookup layer: StringLookup's `string` or IntegerLookup's `int64`.
enum VocabularyDType: String {
  case string, int64

  /// `tf.convert_to_tensor(value, dtype)` of a scalar (a mask or OOV token).
  func convert(_ v: Value, layer: String, argument: String) throws(LayerError) {
    switch (self, v) {
    case (.string, .string), (.int64, .int), (.int64, .bool): return
    case (_, .none):
      throw LayerError(
        "\(layer): Attempt to convert a value (None) with an unsupported type "
          + "(<class 'NoneType'>) to a Tensor. Received: \(argument)=None", argument: argument,
        hint: hint(argument))
    default:
      throw LayerError(
        "\(layer): Cannot convert \(v.pythonRepr) to EagerTensor of dtype \(rawValue). "
          + "Received: \(argument)=\(v.pythonRepr)", argument: argument, hint: hint(argument))
    }
  }

  private func hint(_ argument: String) -> String {
    self == .string
      ? "\(argument) must be a string for StringLookup"
      : "\(argument) must be an int for IntegerLookup"
  }

  /// The keys of the lookup table: the tokens converted to this dtype, or TensorFlow's error.
  /// `offset` is the index of the first token (after the mask and OOV indices).
  func checkTokens(_ tokens: NumpyVector, offset: Int, layer: String) throws(LayerError) {
    if tokens.count == 0 {
      throw LayerError(
        "\(layer): keys and values cannot be empty tensors (the vocabulary holds only the mask "
          + "and OOV tokens)", argument: "vocabulary",
        hint: "give at least one token besides the special tokens")
    }
    switch (self, tokens.kind) {
    case (.string, .str), (.int64, .int), (.int64, .bool): return
    case (.int64, .float):
      try unique(
        tokens.items.map { Int(exactly: ($0.number ?? 0).rounded(.towardZero)) }, offset, layer)
    case (.int64, .str):
      var keys: [Int?] = []
      for item in tokens.items {
        guard let i = pythonIntLiteral(item.pythonStr) else {
          throw LayerError(
            "\(layer): invalid literal for int() with base 10: np.str_(\(item.pythonRepr))",
            argument: "vocabulary", hint: "IntegerLookup's vocabulary is a list of ints")
        }
        keys.append(i)
      }
      try unique(keys, offset, layer)
    default:
      // TensorFlow names the first item it cannot convert: for int64 that is the first item of
      // an object array, whatever it is.
      let bad =
        self == .int64
        ? tokens.items[0]
        : tokens.items.first { if case .string = $0 { false } else { true } } ?? tokens.items[0]
      throw LayerError(
        "\(layer): Failed to convert a NumPy array to a Tensor (Unsupported object type "
          + "\(bad.pythonTypeName)). Received: vocabulary=\(tokens.text)", argument: "vocabulary",
        hint: self == .string
          ? "StringLookup's vocabulary is a list of strings"
          : "IntegerLookup's vocabulary is a list of ints")
    }
  }

  /// TensorFlow refuses two tokens that become the same key (1.5 and 1.0 are both 1).
  private func unique(_ keys: [Int?], _ offset: Int, _ layer: String) throws(LayerError) {
    for (i, k) in keys.enumerated() where keys[..<i].contains(k) {
      throw LayerError(
        "\(layer): HashTable has different value for same key. Key \(k.map(String.init) ?? "?") "
          + "has \(offset + (keys.firstIndex(of: k) ?? 0)) and trying to add value \(offset + i)",
        argument: "vocabulary", hint: "the vocabulary's tokens must be distinct as int64")
    }
  }
}

/// Python's `int(s)` for a string: optional sign, digits with single underscores between them,
/// surrounding whitespace allowed.
func pythonIntLiteral(_ s: String) -> Int? {
  var t = Substring(s.trimmingWhitespace)
  var negative = false
  if let f = t.first, f == "+" || f == "-" {
    negative = f == "-"
    t = t.dropFirst()
  }
  guard let first = t.first, first.isASCII, first.isNumber, t.last != "_", !t.contains("__")
  else { return nil }
  let digits = t.filter { $0 != "_" }
  guard digits.allSatisfy({ $0.isASCII && $0.isNumber }), let v = Int(digits) else { return nil }
  return negative ? -v : v
}

extension String {
  var trimmingWhitespace: String {
    let scalars = unicodeScalars
    guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
      let end = scalars.lastIndex(where: { !$0.properties.isWhitespace })
    else { return "" }
    return String(scalars[start...end])
  }
}

/// The arguments of Keras's IndexLookup, the base of StringLookup and IntegerLookup (and of the
/// StringLookup inside TextVectorization).
struct LookupSettings {
  var dtype: VocabularyDType
  var maxTokens: Value = .none
  var numOOVIndices: Value = .int(1)
  var maskToken: Value = .none
  var oovToken: Value
  var vocabulary: Value = .none
  var idfWeights: Value = .none
  var invert: Value = .bool(false)
  var outputMode: Value = .string("int")
  var padToMaxTokens: Value = .bool(false)
  var oovMethod: Value = .string("floormod")
  var salt: Value = .none
  /// The hidden `vocabulary_size` keyword (in saved configs): the depth before a vocabulary.
  var vocabularySize: Value = .none
  var hasInputVocabulary: Bool

  init(_ dtype: VocabularyDType, oovToken: Value, vocabulary: Value) {
    self.dtype = dtype
    self.oovToken = oovToken
    self.vocabulary = vocabulary
    hasInputVocabulary = vocabulary != .none
  }

  /// StringLookup's or IntegerLookup's bound arguments.
  init(_ dtype: VocabularyDType, _ a: BoundArguments) {
    self.init(dtype, oovToken: a["oov_token"], vocabulary: a["vocabulary"])
    maxTokens = a["max_tokens"]
    numOOVIndices = a["num_oov_indices"]
    maskToken = a["mask_token"]
    idfWeights = a["idf_weights"]
    invert = a["invert"]
    outputMode = a["output_mode"]
    padToMaxTokens = a["pad_to_max_tokens"]
    oovMethod = a["oov_method"]
    salt = a["salt"]
    vocabularySize = a["vocabulary_size"]
    if a.isGiven("has_input_vocabulary") {
      hasInputVocabulary = a["has_input_vocabulary"].isTruthy
    }
  }
}
