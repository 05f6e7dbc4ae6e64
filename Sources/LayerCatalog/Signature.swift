import Synchronization

/// One constructor parameter: its Keras name and default (nil when required).
public struct Parameter: Hashable, Sendable {
  public let name: String
  public let defaultValue: Value?
  /// `nameKey(name)`, made once with the parameter: binding compares these first.
  let key: UInt32
  /// No default: a call must give it.
  let isRequired: Bool
  public init(_ name: String, _ defaultValue: Value? = nil) {
    self.name = name
    self.defaultValue = defaultValue
    key = Self.nameKey(name)
    isRequired = defaultValue == nil
  }

  /// A name's length and first byte in one integer: names whose keys differ differ, so a search
  /// reads a name's text only where the keys match (both are O(1) on a native string).
  static func nameKey(_ name: String) -> UInt32 {
    let utf8 = name.utf8
    return UInt32(truncatingIfNeeded: utf8.count) << 8 | UInt32(utf8.first ?? 0)
  }
}

/// A layer constructor's signature, in Keras's positional order.
///
/// One shared, immutable box: a signature is copied into every binding (`BoundArguments`) and
/// read from every catalog entry, and a copy is one reference.
public struct Signature: Sendable {
  public var parameters: [Parameter] { storage.parameters }
  /// Keywords a class takes through `**kwargs` besides the Layer ones: popped by the constructor
  /// itself (Embedding's deprecated `input_length`) or handed to its own base class (image
  /// preprocessing layers pass `data_format` and `bounding_box_format` on). Accepted, but not
  /// in Keras's signature.
  public var extraKeywords: [Parameter] { storage.extraKeywords }
  /// False for a constructor without **kwargs (SpatialDropout2D takes only its own names).
  public var takesBaseKeywords: Bool { storage.takesBaseKeywords }
  /// True for a constructor that takes **kwargs and drops them unread (HashedCrossing): any
  /// keyword is accepted and ignored, as Python does.
  public var ignoresUnknownKeywords: Bool { storage.ignoresUnknownKeywords }

  private final class Storage: Sendable {
    let parameters: [Parameter]
    let extraKeywords: [Parameter]
    let takesBaseKeywords: Bool
    let ignoresUnknownKeywords: Bool
    /// The slot each `BaseKeyword` binds at, found at its first use (`Signature.baseSlot`): 12
    /// bits each, slot + 1 (0: the signature has no such parameter), and bit 63 once found. Not
    /// found when the catalog is made: most of its signatures are never bound.
    let baseSlots = Atomic<UInt64>(0)
    init(_ p: [Parameter], _ extra: [Parameter], _ takesBase: Bool, _ ignores: Bool) {
      parameters = p
      extraKeywords = extra
      takesBaseKeywords = takesBase
      ignoresUnknownKeywords = ignores
    }

    /// `baseSlots`' value: the first parameter of each base keyword's name, in binding order
    /// (own, extra, then base keywords).
    func findBaseSlots() -> UInt64 {
      var packed: UInt64 = 1 << 63
      for k in 0...BaseKeyword.autocast.rawValue {
        let b = Signature.baseKeywords[k]
        var slot: Int?
        if let i = parameters.firstIndex(where: { $0.key == b.key && $0.name == b.name }) {
          slot = i
        } else if let i = extraKeywords.firstIndex(where: { $0.key == b.key && $0.name == b.name })
        {
          slot = parameters.count + i
        } else if takesBaseKeywords {
          slot = parameters.count + extraKeywords.count + k
        }
        if let slot, slot + 1 < 0xFFF { packed |= UInt64(slot + 1) << (12 * k) }
      }
      return packed
    }
  }

  /// The slot `k` binds at (`BoundArguments`' search by name finds the same), or nil when the
  /// signature does not take it.
  func baseSlot(_ k: BaseKeyword) -> Int? {
    var packed = storage.baseSlots.load(ordering: .relaxed)
    if packed == 0 {
      // Found once: racing threads find the same value.
      packed = storage.findBaseSlots()
      storage.baseSlots.store(packed, ordering: .relaxed)
    }
    let slot = Int(truncatingIfNeeded: (packed >> (12 * k.rawValue)) & 0xFFF)
    return slot == 0 ? nil : slot - 1
  }

  private let storage: Storage

  public init(
    _ parameters: [Parameter], extraKeywords: [Parameter] = [], takesBaseKeywords: Bool = true,
    ignoresUnknownKeywords: Bool = false
  ) {
    storage = Storage(parameters, extraKeywords, takesBaseKeywords, ignoresUnknownKeywords)
  }

  /// The Layer keywords every construction reads (indices into `baseKeywords`).
  public enum BaseKeyword: Int, Sendable {
    case name = 0
    case dtype, trainable, autocast
  }

  /// The keyword arguments every Keras layer accepts (Layer.__init__ and its allowed **kwargs;
  /// Keras 3.15 refuses `batch_size`, `batch_input_shape` and `weights` there).
  public static let baseKeywords: [Parameter] = [
    Parameter("name", Value.none), Parameter("dtype", Value.none),
    Parameter("trainable", .bool(true)), Parameter("autocast", .bool(true)),
    Parameter("activity_regularizer", Value.none), Parameter("input_shape", Value.none),
    Parameter("input_dim", Value.none),
  ]
}
