import ShapeCore

/// Why a layer refused its arguments or its inputs; rendered by the engine with the source position.
///
/// Messages follow one template: the layer, the rule that failed, then the numbers received.
public struct LayerError: Error, Hashable, Sendable {
  public var message: String
  /// The argument the error is about, so the caret can point at it in the statement.
  public var argument: String?
  /// A fix, when there is one ("the smallest input that works is 3").
  public var hint: String?

  public init(_ message: String, argument: String? = nil, hint: String? = nil) {
    self.message = message
    self.argument = argument
    self.hint = hint
  }

  /// Dimension arithmetic overflowed: the sizes are beyond anything a tensor can have.
  public static func overflow(_ layer: String) -> LayerError {
    LayerError(
      "\(layer): a size overflows 64-bit arithmetic; the input is too large to be a tensor")
  }
}

/// Runs dimension arithmetic, turning overflow into a layer error.
@inlinable
public func checked<T>(_ layer: String, _ body: () throws(ArithmeticOverflow) -> T)
  throws(LayerError)
  -> T
{
  do { return try body() } catch { throw LayerError.overflow(layer) }
}

/// The closest candidate by edit distance, for "did you mean ...?".
public func nearest(_ word: String, in candidates: [String]) -> String? {
  let scored = candidates.map { ($0, editDistance(word.lowercased(), $0.lowercased())) }
  guard let best = scored.min(by: { $0.1 < $1.1 }) else { return nil }
  return best.1 <= max(2, word.count / 3) ? best.0 : nil
}

/// Levenshtein distance.
public func editDistance(_ a: String, _ b: String) -> Int {
  let a = Array(a)
  let b = Array(b)
  if a.isEmpty { return b.count }
  var previous = Array(0...b.count)
  for i in 1...a.count {
    var current = [i] + Array(repeating: 0, count: b.count)
    for j in stride(from: 1, through: b.count, by: 1) {
      current[j] = Swift.min(
        previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
    }
    previous = current
  }
  return previous[b.count]
}
