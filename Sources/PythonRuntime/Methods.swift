import Foundation
import StatementLanguage

/// The methods of plain values that model-building code uses: `str`, `list`, `dict`, `tuple`.
enum Methods {
  static let strMethods = [
    "capitalize", "center", "count", "endswith", "find", "format", "index", "isalpha", "isdigit",
    "islower", "isupper", "join", "ljust", "lower", "lstrip", "replace", "rjust", "rsplit",
    "rstrip", "split", "splitlines", "startswith", "strip", "title", "upper", "zfill",
  ]
  static let listMethods = [
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
  ]
  static let dictMethods = [
    "clear", "copy", "get", "items", "keys", "pop", "setdefault", "update", "values",
  ]
  static let tupleMethods = ["count", "index"]

  static func names(of value: PyValue) -> [String] {
    switch value {
    case .str: return strMethods
    case .list: return listMethods
    case .dict: return dictMethods
    case .tuple: return tupleMethods
    default: return []
    }
  }

  /// `value.name` as a bound method, or nil when the type has no such method.
  static func method(_ value: PyValue, _ name: String, _ interpreter: Interpreter) -> PyValue? {
    let owner = interpreter.typeName(of: value)
    guard names(of: value).contains(name) else { return nil }
    let qualified = "\(owner).\(name)"
    return .object(
      PyBuiltinFunction(name, ownerType: owner) { arguments, interpreter throws(PyError) in
        switch value {
        case .str(let s): return try strMethod(s, name, qualified, arguments, interpreter)
        case .list(let l): return try listMethod(l, name, qualified, arguments, interpreter)
        case .dict(let d): return try dictMethod(d, name, qualified, arguments, interpreter)
        case .tuple(let t): return try tupleMethod(t, name, qualified, arguments, interpreter)
        default: return .none
        }
      })
  }

  static func string(_ value: PyValue?, _ what: String, _ interpreter: Interpreter) throws(PyError)
    -> String?
  {
    guard let value else { return nil }
    if case .none = value { return nil }
    guard case .str(let s) = value else {
      throw PyError(
        "TypeError", "\(what) must be str or None, not \(interpreter.typeName(of: value))",
        at: nil)
    }
    return s
  }

  // MARK: - str

  static func strMethod(
    _ s: String, _ name: String, _ qualified: String, _ arguments: PyArguments,
    _ interpreter: Interpreter
  ) throws(PyError) -> PyValue {
    let range = arguments.range
    switch name {
    case "format":
      return .str(try PyFormat.strFormat(s, arguments, interpreter))
    case "join":
      let a = try arguments.unpack(name, ["iterable"], required: 1)
      var parts: [String] = []
      for (i, item) in try interpreter.iterateAll(a[0] ?? .none, range).enumerated() {
        guard case .str(let p) = item else {
          throw PyError(
            "TypeError",
            "sequence item \(i): expected str instance, \(interpreter.typeName(of: item)) found",
            at: range)
        }
        parts.append(p)
      }
      let joined = parts.joined(separator: s)
      try interpreter.checkSize(joined.unicodeScalars.count)
      return .str(joined)
    case "split", "rsplit":
      let a = try arguments.unpack(
        name, ["sep", "maxsplit"], required: 0, keywords: ["sep", "maxsplit"])
      let sep = try string(a[0], "sep", interpreter)
      let maxSplit = a[1]?.asIndex ?? -1
      if sep == "" { throw PyError("ValueError", "empty separator", at: range) }
      let parts = split(s, sep, maxSplit, fromRight: name == "rsplit")
      return .list(PyList(parts.map(PyValue.str)))
    case "splitlines":
      return .list(
        PyList(
          s.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline)
            .map { .str(String($0)) }.dropLast(s.last?.isNewline == true ? 1 : 0)))
    case "strip", "lstrip", "rstrip":
      let a = try arguments.unpack(name, ["chars"], required: 0)
      let chars = try string(a[0], "strip arg", interpreter)
      let set = chars.map { Set($0.unicodeScalars) }
      func drop(_ c: Unicode.Scalar) -> Bool {
        set?.contains(c) ?? c.properties.isWhitespace
      }
      var scalars = Array(s.unicodeScalars)[...]
      if name != "rstrip" { while let f = scalars.first, drop(f) { scalars = scalars.dropFirst() } }
      if name != "lstrip" { while let l = scalars.last, drop(l) { scalars = scalars.dropLast() } }
      var view = String.UnicodeScalarView()
      view.append(contentsOf: scalars)
      return .str(String(view))
    case "upper": return .str(s.uppercased())
    case "lower": return .str(s.lowercased())
    case "title":
      var out = ""
      var previousCased = false
      for c in s {
        out += previousCased ? c.lowercased() : c.uppercased()
        previousCased = c.isLetter
      }
      return .str(out)
    case "capitalize":
      return .str(s.prefix(1).uppercased() + s.dropFirst().lowercased())
    case "startswith", "endswith":
      let a = try arguments.unpack(name, ["prefix"], required: 1)
      let options: [PyValue]
      if case .tuple(let items) = a[0] { options = items } else { options = [a[0] ?? .none] }
      for option in options {
        guard case .str(let p) = option else {
          throw PyError(
            "TypeError",
            "\(name) first arg must be str or a tuple of str, not "
              + interpreter.typeName(of: option), at: range)
        }
        if name == "startswith"
          ? s.unicodeScalars.starts(with: p.unicodeScalars)
          : s.unicodeScalars.reversed().starts(with: p.unicodeScalars.reversed())
        {
          return .bool(true)
        }
      }
      return .bool(false)
    case "replace":
      let a = try arguments.unpack(name, ["old", "new", "count"], required: 2)
      guard case .str(let old) = a[0] ?? .none, case .str(let new) = a[1] ?? .none else {
        throw PyError("TypeError", "replace() arguments must be str", at: range)
      }
      let count = a[2]?.asIndex ?? -1
      if old.isEmpty { return .str(s) }
      var parts = s.components(separatedBy: old)
      if count >= 0 && parts.count - 1 > count {
        let head = parts.prefix(count + 1)
        let tail = parts.dropFirst(count + 1)
        parts = Array(head.dropLast()) + [([head.last ?? ""] + tail).joined(separator: old)]
      }
      let result = parts.joined(separator: new)
      try interpreter.checkSize(result.unicodeScalars.count)
      return .str(result)
    case "find", "index", "count":
      let a = try arguments.unpack(name, ["sub"], required: 1)
      guard case .str(let sub) = a[0] ?? .none else {
        throw PyError(
          "TypeError", "must be str, not \(interpreter.typeName(of: a[0] ?? .none))",
          at: range)
      }
      let hay = Array(s.unicodeScalars)
      let needle = Array(sub.unicodeScalars)
      if name == "count" {
        if needle.isEmpty { return .int(hay.count + 1) }
        var n = 0
        var i = 0
        while i + needle.count <= hay.count {
          if Array(hay[i..<(i + needle.count)]) == needle {
            n += 1
            i += needle.count
          } else {
            i += 1
          }
        }
        return .int(n)
      }
      var found = -1
      if needle.count <= hay.count {
        for i in 0...(hay.count - needle.count) where Array(hay[i..<(i + needle.count)]) == needle {
          found = i
          break
        }
      }
      if found < 0 && name == "index" {
        throw PyError("ValueError", "substring not found", at: range)
      }
      return .int(found)
    case "isdigit":
      return .bool(!s.isEmpty && s.unicodeScalars.allSatisfy { $0.properties.numericType != nil })
    case "isalpha": return .bool(!s.isEmpty && s.allSatisfy(\.isLetter))
    case "islower": return .bool(s.contains(where: \.isLetter) && s == s.lowercased())
    case "isupper": return .bool(s.contains(where: \.isLetter) && s == s.uppercased())
    case "zfill", "ljust", "rjust", "center":
      let a = try arguments.unpack(name, ["width", "fillchar"], required: 1)
      guard let width = a[0]?.asIndex else {
        throw PyError("TypeError", "integer argument expected", at: range)
      }
      try interpreter.checkSize(width)
      var fill: Character = name == "zfill" ? "0" : " "
      if case .str(let f) = a[1] ?? .none, f.count == 1, let c = f.first { fill = c }
      var spec = PyFormat.Spec()
      spec.fill = fill
      spec.width = width
      if name == "zfill", let first = s.first, first == "-" || first == "+" {
        spec.align = "="
        return .str(PyFormat.number(String(first), String(s.dropFirst()), spec))
      }
      spec.align = name == "ljust" ? "<" : name == "center" ? "^" : ">"
      return .str(PyFormat.pad(s, spec, defaultAlign: "<"))
    default:
      throw PyError("AttributeError", "'str' object has no attribute '\(name)'", at: range)
    }
  }

  /// Python's `str.split`: on whitespace runs when `sep` is nil.
  static func split(_ s: String, _ sep: String?, _ maxSplit: Int, fromRight: Bool) -> [String] {
    if let sep {
      var parts = s.components(separatedBy: sep)
      if maxSplit >= 0 && parts.count - 1 > maxSplit {
        if fromRight {
          let keep = parts.suffix(maxSplit)
          parts = [parts.dropLast(maxSplit).joined(separator: sep)] + keep
        } else {
          let keep = parts.prefix(maxSplit)
          parts = keep + [parts.dropFirst(maxSplit).joined(separator: sep)]
        }
      }
      return parts
    }
    let words = s.split(whereSeparator: \.isWhitespace).map(String.init)
    guard maxSplit >= 0 && words.count - 1 > maxSplit else { return words }
    // Split off maxSplit words and keep the rest of the text as it was.
    var rest = Substring(s)
    var parts: [String] = []
    if fromRight {
      for _ in 0..<maxSplit {
        rest =
          rest.reversed().drop(while: \.isWhitespace).reversed().map { String($0) }
          .joined()[...]
        let word = rest.reversed().prefix { !$0.isWhitespace }
        parts.insert(String(word.reversed()), at: 0)
        rest = rest.dropLast(word.count)
      }
      let head = String(rest.reversed().drop(while: \.isWhitespace).reversed())
      return [head.drop(while: \.isWhitespace)].map(String.init) + parts
    }
    for _ in 0..<maxSplit {
      rest = rest.drop(while: \.isWhitespace)
      let word = rest.prefix { !$0.isWhitespace }
      parts.append(String(word))
      rest = rest.dropFirst(word.count)
    }
    parts.append(String(rest.drop(while: \.isWhitespace)))
    return parts
  }

  // MARK: - list and tuple

  static func listMethod(
    _ list: PyList, _ name: String, _ qualified: String, _ arguments: PyArguments,
    _ interpreter: Interpreter
  ) throws(PyError) -> PyValue {
    let range = arguments.range
    switch name {
    case "append":
      let a = try arguments.unpack(name, ["object"], required: 1)
      try interpreter.checkSize(list.items.count + 1)
      list.items.append(a[0] ?? .none)
    case "extend":
      let a = try arguments.unpack(name, ["iterable"], required: 1)
      let items = try interpreter.iterateAll(a[0] ?? .none, range)
      try interpreter.checkSize(list.items.count + items.count)
      list.items += items
    case "insert":
      let a = try arguments.unpack(name, ["index", "object"], required: 2)
      guard let i = a[0]?.asIndex else {
        throw PyError(
          "TypeError",
          "'\(interpreter.typeName(of: a[0] ?? .none))' object cannot "
            + "be interpreted as an integer", at: range)
      }
      let count = list.items.count
      let index = i < 0 ? max(0, i &+ count) : min(i, count)
      list.items.insert(a[1] ?? .none, at: index)
    case "pop":
      let a = try arguments.unpack(name, ["index"], required: 0)
      guard !list.items.isEmpty else {
        throw PyError("IndexError", "pop from empty list", at: range)
      }
      let i = a[0]?.asIndex ?? -1
      let index = i < 0 ? i &+ list.items.count : i
      guard index >= 0 && index < list.items.count else {
        throw PyError("IndexError", "pop index out of range", at: range)
      }
      return list.items.remove(at: index)
    case "remove":
      let a = try arguments.unpack(name, ["value"], required: 1)
      guard let i = list.items.firstIndex(where: { PyCompare.equals($0, a[0] ?? .none) }) else {
        throw PyError("ValueError", "list.remove(x): x not in list", at: range)
      }
      list.items.remove(at: i)
    case "clear":
      try arguments.none(qualified)
      list.items = []
    case "copy":
      try arguments.none(qualified)
      return .list(PyList(list.items))
    case "reverse":
      try arguments.none(qualified)
      list.items.reverse()
    case "sort":
      let a = try arguments.unpack(
        name, ["key", "reverse"], required: 0, keywords: ["key", "reverse"])
      if !arguments.positional.isEmpty {
        throw PyError("TypeError", "sort() takes no positional arguments", at: range)
      }
      list.items = try Builtins.sorted(list.items, key: a[0], reverse: a[1], interpreter, range)
    case "index", "count":
      return try tupleMethod(list.items, name, "list", arguments, interpreter)
    default: break
    }
    return .none
  }

  static func tupleMethod(
    _ items: [PyValue], _ name: String, _ owner: String, _ arguments: PyArguments,
    _ interpreter: Interpreter
  ) throws(PyError) -> PyValue {
    let a = try arguments.unpack(name, ["value"], required: 1)
    let value = a[0] ?? .none
    if name == "count" { return .int(items.filter { PyCompare.equals($0, value) }.count) }
    guard let i = items.firstIndex(where: { PyCompare.equals($0, value) }) else {
      let kind = owner.hasPrefix("list") ? "list" : "tuple"
      throw PyError(
        "ValueError",
        kind == "list"
          ? "\(interpreter.repr(value)) is not in list"
          : "tuple.index(x): x not in tuple", at: arguments.range)
    }
    return .int(i)
  }

  // MARK: - dict

  static func dictMethod(
    _ dict: PyDict, _ name: String, _ qualified: String, _ arguments: PyArguments,
    _ interpreter: Interpreter
  ) throws(PyError) -> PyValue {
    let range = arguments.range
    func lookup(_ key: PyValue) throws(PyError) -> Int? {
      try interpreter.checkHashable(key, range)
      return dict.entries.firstIndex { PyCompare.equals($0.key, key) }
    }
    switch name {
    case "get":
      let a = try arguments.unpack(name, ["key", "default"], required: 1)
      if let i = try lookup(a[0] ?? .none) { return dict.entries[i].value }
      return a[1] ?? .none
    case "items":
      try arguments.none(qualified)
      return .object(
        PyIterable(
          typeName: "dict_items", items: dict.entries.map { .tuple([$0.key, $0.value]) },
          isView: true))
    case "keys":
      try arguments.none(qualified)
      return .object(
        PyIterable(typeName: "dict_keys", items: dict.entries.map(\.key), isView: true))
    case "values":
      try arguments.none(qualified)
      return .object(
        PyIterable(typeName: "dict_values", items: dict.entries.map(\.value), isView: true))
    case "update":
      let a = try arguments.unpack(name, ["other"], required: 0)
      if let other = a[0] {
        for (k, v) in try Builtins.pairs(other, interpreter, range) {
          try interpreter.dictSet(dict, k, v, range)
        }
      }
      for keyword in arguments.keywords {
        try interpreter.dictSet(dict, .str(keyword.name), keyword.value, range)
      }
    case "pop":
      let a = try arguments.unpack(name, ["key", "default"], required: 1)
      if let i = try lookup(a[0] ?? .none) { return dict.entries.remove(at: i).value }
      if let fallback = a[1] { return fallback }
      throw PyError("KeyError", interpreter.repr(a[0] ?? .none), at: range)
    case "setdefault":
      let a = try arguments.unpack(name, ["key", "default"], required: 1)
      if let i = try lookup(a[0] ?? .none) { return dict.entries[i].value }
      dict.entries.append((a[0] ?? .none, a[1] ?? .none))
      return a[1] ?? .none
    case "copy":
      try arguments.none(qualified)
      return .dict(PyDict(dict.entries))
    case "clear":
      try arguments.none(qualified)
      dict.entries = []
    default: break
    }
    return .none
  }
}
