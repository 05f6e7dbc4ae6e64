import Foundation
import StatementLanguage

/// The methods of plain values that model-building code uses: `str`, `list`, `dict`, `tuple`.
enum Methods {
  static let strMethods = [
    "capitalize", "casefold", "center", "count", "endswith", "find", "format", "index", "isalnum",
    "isalpha", "isdecimal", "isdigit", "islower", "isnumeric", "isspace", "isupper", "join",
    "ljust", "lower", "lstrip", "partition", "removeprefix", "removesuffix", "replace", "rjust",
    "rpartition", "rsplit", "rstrip", "split", "splitlines", "startswith", "strip", "swapcase",
    "title", "upper", "zfill",
  ]

  static let listMethods = [
    "append", "clear", "copy", "count", "extend", "index", "insert", "pop", "remove", "reverse",
    "sort",
  ]
  static let dictMethods = [
    "clear", "copy", "get", "items", "keys", "pop", "setdefault", "update", "values",
  ]
  static let tupleMethods = ["count", "index"]

  /// The method names of the builtin type named `typeName` (`str`, `list`, `dict`, `tuple`).
  static func names(ofType typeName: String) -> [String] {
    switch typeName {
    case "str": return strMethods
    case "list": return listMethods
    case "dict": return dictMethods
    case "tuple": return tupleMethods
    default: return []
    }
  }

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
        case .tuple(let t): return try tupleMethod(t, name, owner, arguments, interpreter)
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

  // MARK: - list and tuple

  static func listMethod(
    _ list: PyList, _ name: String, _ qualified: String, _ arguments: PyArguments,
    _ interpreter: Interpreter
  ) throws(PyError) -> PyValue {
    let range = arguments.range
    switch name {
    case "append":
      let a = try arguments.unpack(qualified, ["object"], required: 1)
      try interpreter.append(a[0] ?? .none, to: &list.items)
    case "extend":
      let a = try arguments.unpack(qualified, ["iterable"], required: 1)
      let items = try interpreter.iterateAll(a[0] ?? .none, range)
      try interpreter.checkSize(list.items.count + items.count)
      try interpreter.checkRoom(appending: items.count, to: list.items)
      list.items += items
    case "insert":
      let a = try arguments.unpack(qualified, ["index", "object"], required: 2)
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
      let a = try arguments.unpack(qualified, ["index"], required: 0)
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
      let a = try arguments.unpack(qualified, ["value"], required: 1)
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
    let a = try arguments.unpack("\(owner).\(name)", ["value"], required: 1)
    let value = a[0] ?? .none
    if name == "count" { return .int(items.filter { PyCompare.equals($0, value) }.count) }
    guard let i = items.firstIndex(where: { PyCompare.equals($0, value) }) else {
      let kind = owner
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
      return dict.find(key)
    }
    switch name {
    case "get":
      let a = try arguments.unpack(qualified, ["key", "default"], required: 1)
      if let i = try lookup(a[0] ?? .none) { return dict.value(at: i) }
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
      var positional = arguments
      positional.keywords = []
      let a = try positional.unpack(qualified, ["other"], required: 0)
      if let other = a[0] {
        for (k, v) in try Builtins.pairs(other, interpreter, range) {
          try interpreter.dictSet(dict, k, v, range)
        }
      }
      for keyword in arguments.keywords {
        try interpreter.dictSet(dict, .str(keyword.name), keyword.value, range)
      }
    case "pop":
      let a = try arguments.unpack(qualified, ["key", "default"], required: 1)
      if let i = try lookup(a[0] ?? .none) { return dict.remove(at: i).value }
      if let fallback = a[1] { return fallback }
      throw PyError.keyError(a[0] ?? .none, interpreter.repr(a[0] ?? .none), at: range)
    case "setdefault":
      let a = try arguments.unpack(qualified, ["key", "default"], required: 1)
      if let i = try lookup(a[0] ?? .none) { return dict.value(at: i) }
      try interpreter.checkRoom(growing: dict)
      dict.append(a[0] ?? .none, a[1] ?? .none)
      return a[1] ?? .none
    case "copy":
      try arguments.none(qualified)
      return .dict(PyDict(dict.entries))
    case "clear":
      try arguments.none(qualified)
      dict.removeAll()
    default: break
    }
    return .none
  }
}
