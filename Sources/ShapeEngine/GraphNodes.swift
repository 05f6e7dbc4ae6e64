import KerasJSON
import LayerCatalog
import ShapeCore

/// A tensor in the graph: what produced it and its type.
public struct TensorNode: Sendable {
  public var id: Int
  /// The name given (an Input's `name=`); nil for Keras's numbered name, kept as its number
  /// (`keras_tensor_3` is 16 bytes: a heap string made per tensor, where most are never shown).
  var givenName: String?
  /// The number of the name `keras_tensor_N` when no name was given.
  var nameNumber = 0
  public var type: TensorType
  /// The layer (index into `Graph.layers`) that produced it.
  public var layer: Int

  /// A tensor named `name`.
  init(id: Int, kerasName name: String, type: TensorType, layer: Int) {
    self.id = id
    givenName = name
    self.type = type
    self.layer = layer
  }

  /// A tensor named `keras_tensor_N` for `number` N.
  init(id: Int, number: Int, type: TensorType, layer: Int) {
    self.id = id
    nameNumber = number
    self.type = type
    self.layer = layer
  }

  /// Keras's name for the KerasTensor (`keras_tensor_3`).
  public var kerasName: String {
    get { givenName ?? Graph.numbered(Self.numberedPrefix, nameNumber) }
    set { givenName = newValue }
  }

  /// The prefix of Keras's numbered tensor names.
  static let numberedPrefix = "keras_tensor"
}

/// One call of a layer: its input tensors and output tensors.
public struct LayerCall: Sendable {
  public var inputs: [Int]
  public var outputs: [Int]
  /// The call's arguments as written (`mha(q, v, key=k)`, `add([a, b])`); nil for a layer stacked
  /// on the current tensor, a call on one tensor alone (`layer(x)`: nil is that form, without an
  /// array made for it), or a call made without the written form: one input is one tensor,
  /// several are one list.
  public var site: CallSite? = nil
  /// Its index among the layer's calls when it was made: Keras's `node_index`, which a model's
  /// view keeps although it drops other models' calls (`dense[1][0]` in a summary).
  public var node = 0
}

/// The arguments of a layer call as written, with tensors by id: what export writes back.
public struct CallSite: Sendable {
  /// One call argument: a tensor, a list of tensors, or a literal (`return_state=True`).
  public enum Argument: Sendable {
    case tensor(Int)
    case tensors([Int])
    case value(Value)
  }
  public var positional: [Argument]
  public var keywords: [(String, Argument)]
  public init(positional: [Argument], keywords: [(String, Argument)] = []) {
    self.positional = positional
    self.keywords = keywords
  }
}

/// A layer in the graph, in creation order; an Input is a layer of class InputLayer.
public struct LayerNode: Sendable {
  public var name: String
  public var className: String
  public var layer: (any Layer)?
  public var policy: DTypePolicy
  /// False for `autocast=False`.
  public var autocastsInputs = true
  /// False for `trainable=False` (a frozen layer or model): all its weights are non-trainable.
  public var trainable = true
  /// The weights, fixed when the layer is first called (Keras builds once).
  public var weights: [Weight]? {
    get { storedWeights }
    set {
      storedWeights = newValue
      params = ParamCount(newValue ?? [])
    }
  }
  private var storedWeights: [Weight]?

  /// Sets the weights with their counts, known already (a twin's: `TwinCalls`).
  mutating func setWeights(_ weights: [Weight]?, params: ParamCount) {
    storedWeights = weights
    self.params = params
  }
  public var calls: [LayerCall] = []
  /// The statement (index into the session's statements) that created it.
  public var statement: Int
  /// The constructor's arguments as written (typed, or read from a saved config); empty for
  /// an input.
  public var arguments = CallArguments()
  /// Where Keras finds the class: `keras.layers`, `keras.src.ops.numpy` for a raw tensor
  /// operation written by model code (`x + 3.0`), or a custom class's own module.
  public var module = "keras.layers"
  /// The layer's entry as a saved config holds it (`module`, `class_name`, `config`, ...) when it
  /// was imported from a model file; export writes it back as it was read.
  public var savedConfig: JSONValue?
  /// The construction the layer was made from when the evaluator's memo keeps it
  /// (`ConstructionMemo`): its first call may be the one a twin made.
  var construction: ConstructionMemo.Kept?

  /// The weights' counts, kept as the weights are set: tables, totals and footers read them for
  /// every layer, at every size.
  public private(set) var params: ParamCount

  public init(
    name: String, className: String, layer: consuming (any Layer)?, policy: DTypePolicy,
    weights: [Weight]?, statement: Int, arguments: CallArguments = CallArguments()
  ) {
    self.name = name
    self.className = className
    self.layer = layer
    self.policy = policy
    self.storedWeights = weights
    self.statement = statement
    self.arguments = arguments
    params = ParamCount(weights ?? [])
  }
}

/// What a name in the session stands for (Python's meaning: a layer is not a tensor).
public enum Binding: Sendable {
  case tensor(Int)
  case layer(Int)
  /// The outputs of a call with several (`y = LSTM(8, return_state=True)(x)`): a Python tuple.
  case tuple([Int])
}
