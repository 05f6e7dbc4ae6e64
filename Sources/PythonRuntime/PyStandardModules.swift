import Foundation
import StatementLanguage

/// The parts of Python's standard library that model-building code imports: `math` (shape
/// arithmetic: `math.ceil(h / 2)`), `functools` (`partial`, PyFunctools.swift) and `os` (`os.environ["KERAS_BACKEND"] = "jax"` at the top of
/// keras.io examples). `os.environ` is an empty dict of the program's own: kshape never reads or
/// changes the real environment.
///
/// The interpreter resolves them itself, before asking the host's `importModule`.
public enum PyStandardModules {
  /// A fresh module object for `name`, or nil when it is not one of these.
  public static func module(named name: String) -> PyValue? {
    switch name {
    case "math": return .object(math())
    case "os": return .object(os())
    case "os.path": return .object(osPath())
    case "functools": return .object(functools())
    default: return nil
    }
  }

  static func function(
    _ module: String, _ name: String,
    _ body: @escaping (PyArguments, Interpreter) throws(PyError) -> PyValue
  ) -> PyValue {
    .object(PyBuiltinFunction(name, body))
  }

  /// A real-number argument as a Double (`must be real number, not str`).
  static func real(_ value: PyValue?, _ i: Interpreter, _ range: SourceRange?) throws(PyError)
    -> Double
  {
    guard let n = value?.numeric else {
      throw PyError(
        "TypeError", "must be real number, not \(i.typeName(of: value ?? .none))", at: range)
    }
    return n.double
  }

  static func domain(_ range: SourceRange?) -> PyError {
    PyError("ValueError", "math domain error", at: range)
  }

  /// `math.ceil` and friends: an int, exact for ints, checked for floats.
  static func rounding(_ name: String, _ rule: FloatingPointRoundingRule) -> PyValue {
    function("math", name) { a, i throws(PyError) in
      let v = try a.unpack(name, ["x"], required: 1)
      if let n = v[0]?.asIndex { return .int(n) }
      let x = try real(v[0], i, a.range)
      guard x.isFinite else {
        throw PyError(
          x.isNaN ? "ValueError" : "OverflowError",
          x.isNaN
            ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer",
          at: a.range)
      }
      guard let n = Int(exactly: x.rounded(rule)) else { throw PyArithmetic.overflow(a.range) }
      return .int(n)
    }
  }

  /// A function of one real number giving a float; `valid` says where it is defined.
  static func unary(
    _ name: String, where valid: @escaping (Double) -> Bool = { _ in true },
    _ f: @escaping (Double) -> Double
  ) -> PyValue {
    function("math", name) { a, i throws(PyError) in
      let x = try real(try a.unpack(name, ["x"], required: 1)[0], i, a.range)
      guard valid(x) else { throw domain(a.range) }
      return .float(f(x))
    }
  }

  static func math() -> PyModule {
    var table: [String: PyValue] = [
      "pi": .float(Double.pi), "e": .float(M_E), "tau": .float(2 * Double.pi),
      "inf": .float(.infinity), "nan": .float(.nan),
      "ceil": rounding("ceil", .up), "floor": rounding("floor", .down),
      "trunc": rounding("trunc", .towardZero),
      "sqrt": unary("sqrt", where: { $0 >= 0 }, Foundation.sqrt),
      "exp": unary("exp") { Foundation.exp($0) }, "fabs": unary("fabs") { Swift.abs($0) },
      "log2": unary("log2", where: { $0 > 0 }, Foundation.log2),
      "log10": unary("log10", where: { $0 > 0 }, Foundation.log10),
      "sin": unary("sin") { Foundation.sin($0) }, "cos": unary("cos") { Foundation.cos($0) },
      "tan": unary("tan") { Foundation.tan($0) }, "atan": unary("atan") { Foundation.atan($0) },
      "radians": unary("radians") { $0 * Double.pi / 180 },
      "degrees": unary("degrees") { $0 * 180 / Double.pi },
    ]
    table["log"] = function("math", "log") { a, i throws(PyError) in
      let v = try a.unpack("log", ["x", "base"], required: 1)
      let x = try real(v[0], i, a.range)
      guard x > 0 else { throw domain(a.range) }
      guard let baseValue = v[1] else { return .float(Foundation.log(x)) }
      let base = try real(baseValue, i, a.range)
      guard base > 0, base != 1 else {
        throw base == 1
          ? PyError("ZeroDivisionError", "float division by zero", at: a.range) : domain(a.range)
      }
      return .float(Foundation.log(x) / Foundation.log(base))
    }
    table["pow"] = function("math", "pow") { a, i throws(PyError) in
      let v = try a.unpack("pow", ["x", "y"], required: 2)
      return .float(Foundation.pow(try real(v[0], i, a.range), try real(v[1], i, a.range)))
    }
    table["hypot"] = function("math", "hypot") { a, i throws(PyError) in
      var sum = 0.0
      for argument in a.positional {
        let x = try real(argument.value, i, argument.range)
        sum += x * x
      }
      return .float(sum.squareRoot())
    }
    table["isqrt"] = function("math", "isqrt") { a, i throws(PyError) in
      let n = try Builtins.int(try a.unpack("isqrt", ["n"], required: 1)[0] ?? .none, i, a.range)
      guard n >= 0 else {
        throw PyError("ValueError", "isqrt() argument must be nonnegative", at: a.range)
      }
      func square(_ x: Int) -> Int? {
        let p = x.multipliedReportingOverflow(by: x)
        return p.overflow ? nil : p.partialValue
      }
      var r = Int(Double(n).squareRoot())
      while r > 0, square(r).map({ $0 > n }) ?? true { r -= 1 }
      while let s = square(r + 1), s <= n { r += 1 }
      return .int(r)
    }
    table["prod"] = function("math", "prod") { a, i throws(PyError) in
      let v = try a.unpack("prod", ["iterable", "start"], required: 1, keywords: ["start"])
      var product = v[1] ?? .int(1)
      for item in try i.iterateAll(v[0] ?? .none, a.range) {
        product = try i.binary(.mul, product, item, a.range)
      }
      return product
    }
    for name in ["gcd", "lcm"] {
      table[name] = function("math", name) { a, i throws(PyError) in
        var result = name == "gcd" ? 0 : 1
        for argument in a.positional {
          let n = try Builtins.int(argument.value, i, argument.range)
          guard n != Int.min else { throw PyArithmetic.overflow(a.range) }
          var (x, y) = (Swift.abs(result), Swift.abs(n))
          while y != 0 { (x, y) = (y, x % y) }
          if name == "gcd" {
            result = x
          } else {
            guard x != 0 else {
              result = 0
              continue
            }
            let product = (Swift.abs(result) / x).multipliedReportingOverflow(by: Swift.abs(n))
            guard !product.overflow else { throw PyArithmetic.overflow(a.range) }
            result = product.partialValue
          }
        }
        return .int(result)
      }
    }
    table["isclose"] = function("math", "isclose") { a, i throws(PyError) in
      let v = try a.unpack(
        "isclose", ["a", "b", "rel_tol", "abs_tol"], required: 2, keywords: ["rel_tol", "abs_tol"])
      let x = try real(v[0], i, a.range)
      let y = try real(v[1], i, a.range)
      let relative = try v[2].map { t throws(PyError) in try real(t, i, a.range) } ?? 1e-9
      let absolute = try v[3].map { t throws(PyError) in try real(t, i, a.range) } ?? 0
      if x == y { return .bool(true) }
      if x.isInfinite || y.isInfinite { return .bool(false) }
      let difference = Swift.abs(y - x)
      return .bool(
        difference <= Swift.abs(relative * y) || difference <= Swift.abs(relative * x)
          || difference <= absolute)
    }
    for (name, test) in [
      ("isfinite", { (x: Double) in x.isFinite }), ("isinf", { (x: Double) in x.isInfinite }),
      ("isnan", { (x: Double) in x.isNaN }),
    ] {
      table[name] = function("math", name) { a, i throws(PyError) in
        .bool(test(try real(try a.unpack(name, ["x"], required: 1)[0], i, a.range)))
      }
    }
    return PyModule(name: "math", attributes: table)
  }

  static func os() -> PyModule {
    PyModule(
      name: "os",
      attributes: ["environ": .dict(PyDict()), "path": .object(osPath()), "sep": .str("/")])
  }

  static func osPath() -> PyModule {
    PyModule(
      name: "os.path",
      attributes: [
        "join": function("os.path", "join") { a, i throws(PyError) in
          var path = ""
          for argument in a.positional {
            guard case .str(let part) = argument.value else {
              throw PyError(
                "TypeError",
                "join() argument must be str, bytes, or os.PathLike object, not "
                  + "'\(i.typeName(of: argument.value))'", at: argument.range)
            }
            if part.hasPrefix("/") || path.isEmpty {
              path = part
            } else {
              path += (path.hasSuffix("/") ? "" : "/") + part
            }
          }
          return .str(path)
        }
      ])
  }
}
