import KerasJSON
import LayerCatalog
import ShapeCore

/// Parameter counts, as model.summary() gives them.
///
/// A layer whose weights wait for a dim of the input that is not known yet (deferred: Keras
/// raises there) has `formulas`: the counts in the input's symbols (`80*(floor(H/2)-1)+10`),
/// or `.unknown` where they have no closed form. The numbers then count only the weights
/// whose shapes are known; show a count with `text(_:)`.
public struct ParamCount: Hashable, Sendable, Codable {
  public var total: Int
  public var trainable: Int
  public var nonTrainable: Int
  /// The counts as formulas, when some weight's shape is deferred; nil when they are numbers.
  public var formulas: Formulas? {
    get { formulasBox?.formulas }
    set { formulasBox = newValue.map(FormulasBox.init) }
  }
  /// Three dims take 66 bytes: kept out of line, every layer node (which holds its counts)
  /// carries 8 bytes for the rare deferred count instead.
  private var formulasBox: FormulasBox?

  private final class FormulasBox: Sendable {
    let formulas: Formulas
    init(_ formulas: Formulas) { self.formulas = formulas }
  }

  public static func == (a: ParamCount, b: ParamCount) -> Bool {
    a.total == b.total && a.trainable == b.trainable && a.nonTrainable == b.nonTrainable
      && a.formulas == b.formulas
  }

  public func hash(into h: inout Hasher) {
    h.combine(total)
    h.combine(trainable)
    h.combine(nonTrainable)
    h.combine(formulas)
  }

  /// The three counts as dims.
  public struct Formulas: Hashable, Sendable {
    public var total: Dim
    public var trainable: Dim
    public var nonTrainable: Dim
  }

  public init(total: Int = 0, trainable: Int = 0, nonTrainable: Int = 0) {
    self.total = total
    self.trainable = trainable
    self.nonTrainable = nonTrainable
  }

  /// Counts weights, saturating rather than trapping on absurd sizes.
  public init(_ weights: [Weight]) {
    var t = 0
    var n = 0
    var deferred = false
    weights: for w in weights {
      // The product of the known dims, without making the shape an array of numbers first.
      var size = 1
      var overflow = false
      for d in w.shape {
        guard let v = d.value else {
          deferred = true
          continue weights
        }
        let (p, o) = size.multipliedReportingOverflow(by: v)
        size = p
        overflow = overflow || o
      }
      if overflow { size = Int.max }
      if w.trainable {
        t = t.addingReportingOverflow(size).overflow ? Int.max : t + size
      } else {
        n = n.addingReportingOverflow(size).overflow ? Int.max : n + size
      }
    }
    self.init(
      total: t.addingReportingOverflow(n).overflow ? Int.max : t + n, trainable: t, nonTrainable: n)
    if deferred {
      var ft = Dim.known(0)
      var fn = Dim.known(0)
      for w in weights {
        let size = (try? Dim.product(w.shape)) ?? .unknown
        if w.trainable {
          ft = (try? ft + size) ?? .unknown
        } else {
          fn = (try? fn + size) ?? .unknown
        }
      }
      formulas = Formulas(total: (try? ft + fn) ?? .unknown, trainable: ft, nonTrainable: fn)
    }
  }

  enum CodingKeys: String, CodingKey {
    case total, trainable, deferred, formula
    case nonTrainable = "non_trainable"
  }

  /// `{"non_trainable", "total", "trainable"}` as numbers; a deferred count is `null` there, and
  /// `"deferred": true` with `"formula"` giving each count as a formula (`null` without one).
  public func encode(to encoder: any Encoder) throws {
    var c = encoder.container(keyedBy: CodingKeys.self)
    let d = dims
    try c.encode(d.total.value, forKey: .total)
    try c.encode(d.trainable.value, forKey: .trainable)
    try c.encode(d.nonTrainable.value, forKey: .nonTrainable)
    guard isDeferred else { return }
    try c.encode(true, forKey: .deferred)
    try c.encode(
      [
        "total": d.total.formulaText, "trainable": d.trainable.formulaText,
        "non_trainable": d.nonTrainable.formulaText,
      ], forKey: .formula)
  }

  /// Reads what `encode` writes; a formula comes back as an opaque symbol with its text.
  public init(from decoder: any Decoder) throws {
    let c = try decoder.container(keyedBy: CodingKeys.self)
    let t = try c.decodeIfPresent(Int.self, forKey: .total)
    let tr = try c.decodeIfPresent(Int.self, forKey: .trainable)
    let n = try c.decodeIfPresent(Int.self, forKey: .nonTrainable)
    self.init(total: t ?? 0, trainable: tr ?? 0, nonTrainable: n ?? 0)
    if try c.decodeIfPresent(Bool.self, forKey: .deferred) == true {
      let f = try c.decodeIfPresent([String: String?].self, forKey: .formula) ?? [:]
      func dim(_ key: String, _ known: Int?) -> Dim {
        if let known { return .known(known) }
        guard let text = f[key] ?? nil else { return .unknown }
        return .symbol(text)
      }
      formulas = Formulas(
        total: dim("total", t), trainable: dim("trainable", tr),
        nonTrainable: dim("non_trainable", n))
    }
  }

  /// True when some count waits for the input's size.
  public var isDeferred: Bool { formulasBox != nil }

  /// The counts as dims: numbers, or formulas when deferred.
  public var dims: Formulas {
    formulas
      ?? Formulas(
        total: .known(total), trainable: .known(trainable), nonTrainable: .known(nonTrainable))
  }

  /// A count as the tables show it: `1,290`, or its formula (`80*(floor(H/2)-1)+10`), or
  /// `?` where a deferred count has no closed form.
  public func text(_ count: KeyPath<Formulas, Dim>, grouped: (Int) -> String) -> String {
    let d = dims[keyPath: count]
    if let v = d.value { return grouped(v) }
    if case .unknown = d { return "?" }
    return d.formula
  }

  public static func + (a: ParamCount, b: ParamCount) -> ParamCount {
    func add(_ x: Int, _ y: Int) -> Int { x.addingReportingOverflow(y).overflow ? Int.max : x + y }
    var sum = ParamCount(
      total: add(a.total, b.total), trainable: add(a.trainable, b.trainable),
      nonTrainable: add(a.nonTrainable, b.nonTrainable))
    if a.formulas != nil || b.formulas != nil {
      let x = a.dims
      let y = b.dims
      sum.formulas = Formulas(
        total: (try? x.total + y.total) ?? .unknown,
        trainable: (try? x.trainable + y.trainable) ?? .unknown,
        nonTrainable: (try? x.nonTrainable + y.nonTrainable) ?? .unknown)
    }
    return sum
  }
}
