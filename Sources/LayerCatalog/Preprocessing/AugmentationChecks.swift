import ShapeCore

/// The argument checks Keras's image augmentation layers share, written once on literal values
/// so that AugMix and RandAugment can run them on the arguments they pass to their sub-layers.
struct AugmentationChecks {
  let layer: String

  /// The closed interval a range check accepts; `openLow` makes the lower end exclusive.
  struct Interval {
    var low: Double
    var high: Double
    var openLow = false

    /// `[0, 1]`, `(-1, 1]`: the bounds as Keras writes them.
    var text: String {
      func number(_ d: Double) -> String {
        d == d.rounded() && abs(d) < 1e15 ? String(Int(d)) : String(d)
      }
      return (openLow ? "(" : "[") + number(low) + ", " + number(high) + "]"
    }
  }

  private func fail(_ key: String, _ v: Value, _ rule: String) -> LayerError {
    LayerError(
      "\(layer): The `\(key)` argument should be \(rule). Received: \(key)=\(v.pythonRepr)",
      argument: key)
  }

  private func gt(_ a: Value, _ b: Double, _ key: String) throws(LayerError) -> Bool {
    try Python.compare(a, ">", .float(b), layer: layer, argument: key)
  }

  private func lt(_ a: Value, _ b: Double, _ key: String) throws(LayerError) -> Bool {
    try Python.compare(a, "<", .float(b), layer: layer, argument: key)
  }

  /// BaseImagePreprocessingLayer._set_factor (and `_set_factor_by_name`): a number in
  /// [low, high] gives (max(-|f|, low), |f|); a pair passes when it overlaps [low, high]
  /// (`f[0] > high or f[1] < low` fails) and is sorted.
  @discardableResult
  func baseFactor(_ v: Value, _ key: String, _ bounds: Interval) throws(LayerError)
    -> (Value, Value)
  {
    let rule = "a number (or a list of two numbers) in the range \(bounds.text)"
    if let items = v.items {
      guard items.count == 2 else { throw fail(key, v, rule) }
      if try gt(items[0], bounds.high, key) { throw fail(key, v, rule) }
      if try lt(items[1], bounds.low, key) { throw fail(key, v, rule) }
      return try Python.sorted2(items[0], items[1], layer: layer, argument: key)
    }
    guard let f = v.number else { throw fail(key, v, rule) }
    if f < bounds.low || f > bounds.high { throw fail(key, v, rule) }
    return (.float(max(-abs(f), bounds.low)), .float(abs(f)))
  }

  /// The `_set_factor` of RandomZoom, RandomTranslation, RandomShear and Solarization: a number
  /// or a pair whose every value lies in `range`.
  @discardableResult
  func eachFactor(_ v: Value, _ key: String, _ range: Interval, symmetric: Bool = true)
    throws(LayerError) -> (Value, Value)
  {
    let rule = "a number (or a list of two numbers) in the range \(range.text)"
    func check(_ x: Value) throws(LayerError) {
      // Keras tests the upper end first: `x > high or x < low`.
      if try gt(x, range.high, key) { throw fail(key, v, rule) }
      let op = range.openLow ? "<=" : "<"
      if try Python.compare(x, op, .float(range.low), layer: layer, argument: key) {
        throw fail(key, v, rule)
      }
    }
    if let items = v.items {
      guard items.count == 2 else { throw fail(key, v, rule) }
      try check(items[0])
      try check(items[1])
      return try Python.sorted2(items[0], items[1], layer: layer, argument: key)
    }
    guard let f = v.number else { throw fail(key, v, rule) }
    try check(v)
    return symmetric ? (.float(-abs(f)), .float(abs(f))) : (.int(0), v)
  }

  /// `_set_value_range`: a tuple or list of two values that `sorted` accepts.
  func valueRange(_ v: Value, _ key: String = "value_range") throws(LayerError) {
    guard let items = v.items, items.count == 2 else {
      throw fail(key, v, "a list of two numbers")
    }
    _ = try Python.sorted2(items[0], items[1], layer: layer, argument: key)
  }

  /// `x < low or x > high` on a value that must be ordered against numbers.
  func inRange(_ v: Value, _ key: String, _ low: Double, _ high: Double) throws(LayerError) {
    let rule = "a number in the range \(Interval(low: low, high: high).text)"
    if try lt(v, low, key) { throw fail(key, v, rule) }
    if try gt(v, high, key) { throw fail(key, v, rule) }
  }

  /// RandomGaussianBlur's `_set_kernel_size`: an odd number, or a pair of odd numbers.
  func oddKernel(_ v: Value, _ key: String) throws(LayerError) {
    func isEven(_ x: Value) throws(LayerError) -> Bool {
      guard let d = x.number else {
        throw LayerError(
          "\(layer): unsupported operand type(s) for %: '\(x.pythonTypeName)' and 'int'",
          argument: key)
      }
      return d - (d / 2).rounded(.down) * 2 == 0
    }
    if let items = v.items {
      guard items.count == 2 else { throw fail(key, v, "a number (or a list of two numbers)") }
      if try isEven(items[0]) { throw fail(key, v, "an odd number") }
      if try isEven(items[1]) { throw fail(key, v, "an odd number") }
      return
    }
    guard v.number != nil else { throw fail(key, v, "an odd number") }
    if try isEven(v) { throw fail(key, v, "an odd number") }
  }

  static let interpolations = ["nearest", "bilinear"]
  static let fillModes = ["reflect", "wrap", "constant", "nearest"]
}
