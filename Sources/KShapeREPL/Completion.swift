import LayerCatalog
import ShapeCore
import ShapeEngine

/// Tab completion that reads where the cursor stands: a command or a statement's start, a
/// layer call's arguments (`pad` -> `padding=`), the values an argument takes inside a string
/// (`padding='` -> `'valid'`, `'same'`), the session's names; file paths after `import` and
/// `export FORMAT`. Inside a string, nothing but that argument's values is offered.
struct Completion {
  var session: Session

  /// Candidates for the text before the cursor; each begins with the word being completed.
  func candidates(_ before: String) -> [String] {
    let trimmed = before.drop { $0 == " " }
    let fileCommands = [
      "load ", "import ", "export keras ", "export python ", "export script ",
      "export markdown ", "run ",
    ]
    for command in fileCommands where trimmed.hasPrefix(command) {
      let partial = String(trimmed.dropFirst(command.count).split(separator: " ").last ?? "")
      // `import keras` is Python's: only a path-like word completes as a file.
      if command == "import ", !partial.contains("/"), !partial.contains(".") { break }
      return trimmed.hasSuffix(" ") && !partial.isEmpty ? [] : PathCompletion.candidates(partial)
    }
    if trimmed.hasPrefix("help ") { return matching(word(before), helpTopics) }
    for command in ["summary ", "apply ", "diagram "] where trimmed.hasPrefix(command) {
      return commandOptions(command, before)
    }
    let context = Context(before)
    if let string = context.string {
      return stringValues(context, typed: string)
    }
    let typed = word(before)
    if let call = context.calls.last, let entry = Catalog.entry(call.name) {
      // Inside a layer's call: its argument names (not yet given), then values and names.
      guard !typed.isEmpty || call.afterSeparator else { return [] }
      let given = Set(call.keywords)
      let parameters =
        (entry.signature.parameters + entry.signature.extraKeywords
        + (entry.signature.takesBaseKeywords ? Signature.baseKeywords : []))
        .map(\.name).filter { !given.contains($0) }
      let arguments = matching(typed, parameters.map { $0 + "=" }, keepOrder: true)
      let values = matching(typed, names(of: session) + ["True", "False", "None"])
      let layers = typed.first?.isUppercase == true ? matching(typed, Catalog.allNames) : []
      return unique(arguments + values + layers)
    }
    guard !typed.isEmpty else { return [] }
    let atStart = before.dropLast(typed.count).allSatisfy { $0 == " " }
    var pool = Catalog.allNames + ["Input", "Model", "Sequential"] + names(of: session)
    if atStart { pool += Session.commands.sorted() + ["load"] + SessionCommand.words.sorted() }
    return matching(typed, pool)
  }

  /// The word before the cursor: letters, digits and `_`.
  func word(_ before: String) -> String {
    String(before.reversed().prefix { $0.isLetter || $0.isNumber || $0 == "_" }.reversed())
  }

  func names(of session: Session) -> [String] { session.names }

  var helpTopics: [String] {
    Catalog.allNames + [
      "Input", "apply", "summary", "scan", "import", "export", "commands", "diagram",
      "receptive-field", "rules", "solve", "diff",
    ]
  }

  /// `summary --keras`, `apply img=`: options, and input names to size.
  func commandOptions(_ command: String, _ before: String) -> [String] {
    let last = String(before.split(separator: " ", omittingEmptySubsequences: false).last ?? "")
    if last.hasPrefix("-") {
      let options =
        command == "diagram "
        ? ["--depth", "--ascii", "--keras"]
        : ["--keras", "--depth", "--compact", "--receptive-field"]
      return options.filter { $0.hasPrefix(last) }
    }
    guard command == "apply " else { return [] }
    let inputs = session.graph.inputs.compactMap(\.variable) + ["batch"]
    return matching(last, inputs.map { $0 + "=" }, keepOrder: true)
  }

  /// The values a string argument takes, quoted as the user opened the string.
  func stringValues(_ context: Context, typed: String) -> [String] {
    guard let call = context.calls.last, let argument = context.stringArgument,
      let entry = Catalog.entry(call.name)
    else { return [] }
    var values = Self.values[argument] ?? []
    if argument == "padding", entry.className.hasSuffix("1D"), entry.family == "Convolution" {
      values.append("causal")
    }
    if case .string(let d)? = entry.signature.parameters.first(where: { $0.name == argument })?
      .defaultValue, !values.contains(d)
    {
      values.insert(d, at: 0)
    }
    let quote = context.quote
    return values.filter { $0.lowercased().hasPrefix(typed.lowercased()) }
      .map { quote + $0 + quote }
  }

  /// What string-valued arguments take (as Keras's own validation lists them).
  static let values: [String: [String]] = {
    let initializers = [
      "glorot_uniform", "glorot_normal", "he_normal", "he_uniform", "lecun_normal",
      "lecun_uniform", "zeros", "ones", "orthogonal", "random_normal", "random_uniform",
      "truncated_normal", "variance_scaling", "identity",
    ]
    let regularizers = ["l1", "l2", "l1_l2", "orthogonal_regularizer"]
    let constraints = ["max_norm", "min_max_norm", "non_neg", "unit_norm"]
    var v: [String: [String]] = [
      "padding": ["valid", "same"],
      "activation": Activations.names, "recurrent_activation": Activations.names,
      "data_format": ["channels_last", "channels_first"],
      "interpolation": ["bilinear", "nearest", "bicubic", "lanczos3", "lanczos5", "area"],
      "dtype": DType.all + ["mixed_float16", "mixed_bfloat16"],
      "merge_mode": ["concat", "sum", "mul", "ave"],
      "output_mode": ["int", "one_hot", "multi_hot", "count", "tf_idf"],
      "fill_mode": ["reflect", "wrap", "constant", "nearest"],
      "score_mode": ["dot", "concat"],
    ]
    for key in [
      "kernel_initializer", "bias_initializer", "recurrent_initializer", "depthwise_initializer",
      "pointwise_initializer", "embeddings_initializer", "beta_initializer", "gamma_initializer",
      "moving_mean_initializer", "moving_variance_initializer",
    ] {
      v[key] = initializers
    }
    for key in [
      "kernel_regularizer", "bias_regularizer", "activity_regularizer", "recurrent_regularizer",
    ] {
      v[key] = regularizers
    }
    for key in ["kernel_constraint", "bias_constraint", "recurrent_constraint"] {
      v[key] = constraints
    }
    return v
  }()

  func matching(_ typed: String, _ pool: [String], keepOrder: Bool = false) -> [String] {
    let lower = typed.lowercased()
    let found = unique(pool.filter { $0.lowercased().hasPrefix(lower) })
    return keepOrder ? found : found.sorted()
  }

  func unique(_ items: [String]) -> [String] {
    var seen = Set<String>()
    return items.filter { seen.insert($0).inserted }
  }
}

/// Where the cursor stands in a statement: the calls it is inside (innermost last), and the
/// string it is in, if any.
struct Context {
  /// The call the cursor is directly inside (none when in a tuple, list or no bracket).
  /// An open call: the callee's name, the keywords already given, and whether the cursor
  /// follows `(` or `,` (a new argument starts).
  struct Call {
    var name: String
    var keywords: [String] = []
    var afterSeparator = true
    /// The keyword being written (`padding=`), or nil for a positional argument.
    var pendingKeyword: String?
    var positionalCount = 0
  }
  var calls: [Call] = []
  /// The text typed inside an open string, nil when the cursor is not in one.
  var string: String?
  /// The quote that opened it.
  var quote = "'"
  /// The argument the open string is the value of.
  var stringArgument: String?

  init(_ text: String) {
    var stack: [Call?] = []  // nil: a bracket that is not a call (a tuple or list)
    var identifier = ""
    var lastIdentifier = ""
    var inString: Character?
    var stringText = ""
    for ch in text {
      if let q = inString {
        if ch == q {
          inString = nil
        } else {
          stringText.append(ch)
        }
        continue
      }
      if ch.isLetter || ch.isNumber || ch == "_" || ch == "." {
        identifier.append(ch)
        continue
      }
      if !identifier.isEmpty {
        lastIdentifier = identifier
        identifier = ""
      }
      switch ch {
      case "'", "\"", "\u{2018}", "\u{201C}":
        inString = ch == "\u{2018}" ? "\u{2019}" : ch == "\u{201C}" ? "\u{201D}" : ch
        quote = ch == "\u{2018}" ? "'" : ch == "\u{201C}" ? "\"" : String(ch)
        stringText = ""
        if let call = stack.last ?? nil {
          stringArgument =
            call.pendingKeyword
            ?? Catalog.entry(call.name).flatMap { entry in
              entry.signature.parameters.indices.contains(call.positionalCount)
                ? entry.signature.parameters[call.positionalCount].name : nil
            }
        }
      case "(":
        let name = lastIdentifier.split(separator: ".").last.map(String.init) ?? ""
        stack.append(name.isEmpty ? nil : Call(name: name))
        lastIdentifier = ""
      case "[", "{":
        stack.append(nil)
      case ")", "]", "}":
        if !stack.isEmpty { stack.removeLast() }
        lastIdentifier = ""
        if var call = stack.last ?? nil {
          call.afterSeparator = false
          stack[stack.count - 1] = call
        }
      case "=":
        if var call = stack.last ?? nil, !lastIdentifier.isEmpty {
          call.pendingKeyword = lastIdentifier
          call.keywords.append(lastIdentifier)
          call.afterSeparator = false
          stack[stack.count - 1] = call
        }
      case ",":
        if var call = stack.last ?? nil {
          if call.pendingKeyword == nil { call.positionalCount += 1 }
          call.pendingKeyword = nil
          call.afterSeparator = true
          stack[stack.count - 1] = call
        }
      case " ":
        break
      default:
        if var call = stack.last ?? nil {
          call.afterSeparator = false
          stack[stack.count - 1] = call
        }
      }
    }
    if inString != nil { string = stringText }
    // Only the innermost bracket counts: inside `(5, ` of `Conv2D(3, (5, ` no argument starts.
    calls = (stack.last ?? nil).map { [$0] } ?? []
  }
}
