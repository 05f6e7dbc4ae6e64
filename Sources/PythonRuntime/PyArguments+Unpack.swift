import StatementLanguage

extension PyArguments {
  /// Binds the arguments of a function written in Swift to its parameter names, the way
  /// Starlark's `UnpackArgs` does: `names` in order (positional), the first `required` of them
  /// required; `keywords` lists the names that may also be passed by keyword. Unfilled optional
  /// parameters are nil.
  public func unpack(
    _ function: String, _ names: [String], required: Int, keywords: Set<String> = []
  ) throws(PyError) -> [PyValue?] {
    if positional.count > names.count {
      let message =
        names.count == 1 && required == 1
        ? "\(function)() takes exactly one argument (\(positional.count) given)"
        : required == names.count
          ? "\(function)() takes exactly \(names.count) arguments (\(positional.count) given)"
          : "\(function)() takes at most \(names.count) arguments (\(positional.count) given)"
      throw PyError("TypeError", message, at: positional[names.count].range ?? range)
    }
    var values: [PyValue?] = positional.map(\.value)
    values += Array(repeating: nil, count: names.count - values.count)
    for keyword in self.keywords {
      guard let i = names.firstIndex(of: keyword.name), keywords.contains(keyword.name) else {
        throw PyError(
          "TypeError", "'\(keyword.name)' is an invalid keyword argument for \(function)()",
          at: keyword.range ?? range)
      }
      if values[i] != nil {
        throw PyError(
          "TypeError",
          "argument for \(function)() given by name ('\(keyword.name)') and position "
            + "(\(i + 1))", at: keyword.range ?? range)
      }
      values[i] = keyword.value
    }
    for i in 0..<required where values[i] == nil {
      if names.count == 1 {
        throw PyError(
          "TypeError", "\(function)() takes exactly one argument (0 given)", at: range)
      }
      throw PyError(
        "TypeError", "\(function)() missing required argument '\(names[i])' (pos \(i + 1))",
        at: range)
    }
    return values
  }

  /// No arguments at all, or TypeError.
  public func none(_ function: String) throws(PyError) {
    guard positional.isEmpty && keywords.isEmpty else {
      throw PyError(
        "TypeError",
        "\(function)() takes no arguments (\(positional.count + keywords.count) given)", at: range)
    }
  }
}
