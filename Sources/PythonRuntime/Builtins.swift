import Foundation
import StatementLanguage

/// Python's builtins that model-building code uses, bound with `PyArguments.unpack`.
enum Builtins {
  typealias Body = (PyArguments, Interpreter) throws(PyError) -> PyValue

  static func table() -> [String: PyValue] {
    var table: [String: PyValue] = [
      "None": .none, "True": .bool(true), "False": .bool(false),
      "Ellipsis": .object(PyEllipsis.shared),
      // A program runs as the main module: `if __name__ == "__main__":` holds.
      "__name__": .str("__main__"),
    ]
    func add(_ name: String, _ body: @escaping Body) {
      table[name] = .object(PyBuiltinFunction(name, body))
    }
    func type(_ name: String, check: ((PyValue) -> Bool)? = nil, _ body: @escaping Body) {
      table[name] = .object(PyTypeObject(name, check: check, construct: body))
    }
    for kind in [
      "Exception", "ValueError", "TypeError", "KeyError", "IndexError", "AttributeError",
      "NameError", "RuntimeError", "NotImplementedError", "AssertionError", "ZeroDivisionError",
      "ImportError", "ModuleNotFoundError", "OverflowError", "StopIteration", "ArithmeticError",
      "LookupError",
    ] {
      table[kind] = .object(PyException(kind: kind, message: nil))
    }
    add("print", print)
    add("len", len)
    add("repr") { a, i throws(PyError) in
      .str(i.repr(try a.unpack("repr", ["obj"], required: 1)[0] ?? .none))
    }
    add("ascii") { a, i throws(PyError) in
      .str(asciiEscaped(i.repr(try a.unpack("ascii", ["obj"], required: 1)[0] ?? .none)))
    }
    add("isinstance", isinstance)
    add("abs", abs)
    add("round", round)
    add("max") { a, i throws(PyError) in try extremum("max", a, i) }
    add("min") { a, i throws(PyError) in try extremum("min", a, i) }
    add("sum", sum)
    add("sorted") { a, i throws(PyError) in
      let v = try a.unpack(
        "sorted", ["iterable", "key", "reverse"], required: 1, keywords: ["key", "reverse"])
      if a.positional.count > 1 {
        throw PyError(
          "TypeError", "sorted expected 1 argument, got \(a.positional.count)", at: a.range)
      }
      return .list(
        PyList(
          try sorted(try i.iterateAll(v[0] ?? .none, a.range), key: v[1], reverse: v[2], i, a.range)
        ))
    }
    add("reversed", reversed)
    add("enumerate", enumerate)
    add("zip", zip)
    add("map", map)
    add("filter", filter)
    add("any") { a, i throws(PyError) in
      let v = try a.unpack("any", ["iterable"], required: 1)
      var result = false
      try i.forEach(v[0] ?? .none, a.range) { item throws(PyError) in
        result = i.truthy(item)
        return !result
      }
      return .bool(result)
    }
    add("all") { a, i throws(PyError) in
      let v = try a.unpack("all", ["iterable"], required: 1)
      var result = true
      try i.forEach(v[0] ?? .none, a.range) { item throws(PyError) in
        result = i.truthy(item)
        return result
      }
      return .bool(result)
    }
    add("getattr") { a, i throws(PyError) in
      let v = try a.unpack("getattr", ["object", "name", "default"], required: 2)
      guard case .str(let name) = v[1] ?? .none else {
        throw PyError(
          "TypeError", "attribute name must be string, not '\(i.typeName(of: v[1] ?? .none))'",
          at: a.range)
      }
      do throws(PyError) {
        return try i.attribute(v[0] ?? .none, name, a.range)
      } catch {
        if error.kind == "AttributeError", let fallback = v[2] { return fallback }
        throw error
      }
    }
    add("hasattr") { a, i throws(PyError) in
      let v = try a.unpack("hasattr", ["object", "name"], required: 2)
      guard case .str(let name) = v[1] ?? .none else {
        throw PyError(
          "TypeError", "attribute name must be string, not '\(i.typeName(of: v[1] ?? .none))'",
          at: a.range)
      }
      do throws(PyError) {
        _ = try i.attribute(v[0] ?? .none, name, a.range)
        return .bool(true)
      } catch {
        if error.kind == "AttributeError" { return .bool(false) }
        throw error
      }
    }
    add("divmod") { a, i throws(PyError) in
      let v = try a.unpack("divmod", ["x", "y"], required: 2)
      let x = v[0] ?? .none
      let y = v[1] ?? .none
      return .tuple([
        try i.binary(.floordiv, x, y, a.range), try i.binary(.mod, x, y, a.range),
      ])
    }
    add("pow") { a, i throws(PyError) in
      let v = try a.unpack(
        "pow", ["base", "exp", "mod"], required: 2, keywords: ["base", "exp", "mod"])
      let result = try i.binary(.pow, v[0] ?? .none, v[1] ?? .none, a.range)
      if let m = v[2], case .none = m {
      } else if let m = v[2] {
        return try i.binary(.mod, result, m, a.range)
      }
      return result
    }
    add("callable") { a, i throws(PyError) in
      let v = try a.unpack("callable", ["obj"], required: 1)
      if case .object(let o) = v[0] ?? .none {
        return .bool(
          o is PyFunction || o is PyBuiltinFunction || o is PyTypeObject || o is PyPartial
            || o.typeName == "type")
      }
      return .bool(false)
    }
    add("type") { a, i throws(PyError) in
      let v = try a.unpack("type", ["object"], required: 1)
      let value = v[0] ?? .none
      let name = i.typeName(of: value)
      if case .object(let t) = i.builtins[name] ?? .none, t is PyTypeObject { return .object(t) }
      return .object(PyTypeObject(name))
    }
    add("id") { a, i throws(PyError) in
      let v = try a.unpack("id", ["obj"], required: 1)
      if case .object(let o) = v[0] ?? .none { return .int(ObjectIdentifier(o).hashValue) }
      return .int(i.repr(v[0] ?? .none).hashValue)
    }
    add("iter") { a, i throws(PyError) in
      let v = try a.unpack("iter", ["object"], required: 1)
      let value = v[0] ?? .none
      // An iterator is its own iterator.
      if case .object(let o as PyIterable) = value, !o.isView { return value }
      if case .list = value {
        return .object(PyIterable(typeName: "list_iterator", source: try i.cursor(value, a.range)))
      }
      let items = try i.iterateAll(value, a.range)
      let kind: String
      switch value {
      case .str(let s):
        kind = s.utf8.allSatisfy { $0 < 0x80 } ? "str_ascii_iterator" : "str_iterator"
      case .dict: kind = "dict_keyiterator"
      default: kind = i.typeName(of: value) + "_iterator"
      }
      return .object(PyIterable(typeName: kind, items: items))
    }
    add("next") { a, i throws(PyError) in
      let v = try a.unpack("next", ["iterator", "default"], required: 1)
      guard case .object(let o as PyIterable) = v[0] ?? .none, !o.isView else {
        throw PyError(
          "TypeError", "'\(i.typeName(of: v[0] ?? .none))' object is not an iterator",
          at: a.range)
      }
      if let item = try o.next(i) { return item }
      if let fallback = v[1] { return fallback }
      throw PyError("StopIteration", "", at: a.range)
    }
    add("chr") { a, i throws(PyError) in
      let n = try int(try a.unpack("chr", ["i"], required: 1)[0] ?? .none, i, a.range)
      guard n >= 0, n < 0x11_0000 else {
        throw PyError("ValueError", "chr() arg not in range(0x110000)", at: a.range)
      }
      guard let scalar = Unicode.Scalar(UInt32(n)) else {
        throw PyError(
          "ValueError", "chr(\(n)) is a lone surrogate, which kshape's strings cannot hold",
          at: a.range)
      }
      return .str(String(Character(scalar)))
    }
    add("ord") { a, i throws(PyError) in
      let v = try a.unpack("ord", ["c"], required: 1)
      guard case .str(let s) = v[0] ?? .none else {
        throw PyError(
          "TypeError",
          "ord() expected string of length 1, but \(i.typeName(of: v[0] ?? .none)) found",
          at: a.range)
      }
      let scalars = s.unicodeScalars
      guard scalars.count == 1, let c = scalars.first else {
        throw PyError(
          "TypeError", "ord() expected a character, but string of length \(scalars.count) found",
          at: a.range)
      }
      return .int(Int(c.value))
    }
    for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
      add(name) { a, i throws(PyError) in
        let n = try int(try a.unpack(name, ["number"], required: 1)[0] ?? .none, i, a.range)
        let digits = String(n.magnitude, radix: radix)
        return .str((n < 0 ? "-" : "") + prefix + digits)
      }
    }
    add("hash") { a, i throws(PyError) in
      let v = try a.unpack("hash", ["obj"], required: 1)
      return .int(try hash(v[0] ?? .none, i, a.range))
    }
    add("format") { a, i throws(PyError) in
      let v = try a.unpack("format", ["value", "format_spec"], required: 1)
      var spec = ""
      if case .str(let s) = v[1] ?? .str("") { spec = s }
      return .str(try PyFormat.format(v[0] ?? .none, spec, i, a.range))
    }
    add("dir") { a, i throws(PyError) in
      let v = try a.unpack("dir", ["object"], required: 0)
      guard let value = v[0] else {
        return .list(PyList(i.globals.keys.sorted().map(PyValue.str)))
      }
      var names = Methods.names(of: value)
      if case .object(let o) = value { names = o.attributeNames }
      return .list(PyList(names.sorted().map(PyValue.str)))
    }
    type(
      "int", check: { if case .int = $0 { true } else if case .bool = $0 { true } else { false } },
      toInt)
    type("float", check: { if case .float = $0 { true } else { false } }, toFloat)
    type("str") { a, i throws(PyError) in
      let v = try a.unpack("str", ["object"], required: 0, keywords: ["object"])
      return .str(v[0].map(i.str) ?? "")
    }
    type("bool") { a, i throws(PyError) in
      let v = try a.unpack("bool", ["x"], required: 0)
      return .bool(v[0].map(i.truthy) ?? false)
    }
    type("list") { a, i throws(PyError) in
      let v = try a.unpack("list", ["iterable"], required: 0)
      return .list(PyList(try v[0].map { x throws(PyError) in try i.iterateAll(x, a.range) } ?? []))
    }
    type("tuple") { a, i throws(PyError) in
      let v = try a.unpack("tuple", ["iterable"], required: 0)
      return .tuple(try v[0].map { x throws(PyError) in try i.iterateAll(x, a.range) } ?? [])
    }
    type("dict") { a, i throws(PyError) in
      var positional = a
      positional.keywords = []
      let v = try positional.unpack("dict", ["mapping"], required: 0)
      let dict = PyDict()
      if let source = v[0] {
        for (k, value) in try pairs(source, i, a.range) { try i.dictSet(dict, k, value, a.range) }
      }
      for keyword in a.keywords { try i.dictSet(dict, .str(keyword.name), keyword.value, a.range) }
      return .dict(dict)
    }
    type("set") { a, i throws(PyError) in
      let v = try a.unpack("set", ["iterable"], required: 0)
      let set = PySet()
      if let iterable = v[0] { try set.update(from: iterable, i, a.range) }
      return .object(set)
    }
    type("range", range)
    table["object"] = .object(PyTypeObject("object", check: { _ in true }))
    table["NoneType"] = .object(PyTypeObject("NoneType"))
    return table
  }
}

extension PyValue {
  var isNone: Bool {
    if case .none = self { return true }
    return false
  }
}

/// `ascii(x)`: `repr(x)` with each non-ASCII code point escaped as Python escapes it.
func asciiEscaped(_ text: String) -> String {
  var out = ""
  for scalar in text.unicodeScalars {
    let v = scalar.value
    if v < 0x80 {
      out.unicodeScalars.append(scalar)
      continue
    }
    let (prefix, width) = v < 0x100 ? ("\\x", 2) : v < 0x10000 ? ("\\u", 4) : ("\\U", 8)
    let digits = String(v, radix: 16)
    out += prefix + String(repeating: "0", count: width - digits.count) + digits
  }
  return out
}
